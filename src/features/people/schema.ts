import { relations } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { oneOf, timestamps } from '../../db/columns';
import { organisations } from '../organisations/schema';
import { memberships } from '../committees/schema';

export const PERSON_KINDS = ['councillor', 'co_optee', 'officer', 'partner', 'public'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

/**
 * Anyone who appears in the records: members, officers, presenters, guests.
 * `name` is the name as minuted ("Mr A Turner", "Dr J Kent"); `fullName` the
 * name in full where known. `jobTitle` is their role ("Chief Executive").
 */
export const people = sqliteTable(
  'people',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    name: text().notNull(),
    fullName: text(),
    honorific: text(),
    jobTitle: text(),
    organisationId: integer().references(() => organisations.id, { onDelete: 'set null' }),
    kind: text({ enum: PERSON_KINDS }).notNull(),
    ...timestamps,
  },
  (t) => [
    index('people_name_idx').on(t.name),
    index('people_organisation_idx').on(t.organisationId),
    check('people_kind_check', oneOf(t.kind, PERSON_KINDS)),
  ],
);

export const peopleRelations = relations(people, ({ one, many }) => ({
  organisation: one(organisations, { fields: [people.organisationId], references: [organisations.id] }),
  memberships: many(memberships),
}));
