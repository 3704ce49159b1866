import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { oneOf, timestamps } from '../columns';
import { PERSON_KINDS } from '../../lib/enums';
import { organisations } from './organisations';

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
    /** Where a request (a written answer to a public question) reaches them; for clerks only. */
    email: text(),
    kind: text({ enum: PERSON_KINDS }).notNull(),
    ...timestamps,
  },
  (t) => [
    index('people_name_idx').on(t.name),
    index('people_organisation_idx').on(t.organisationId),
    check('people_kind_check', oneOf(t.kind, PERSON_KINDS)),
  ],
);
