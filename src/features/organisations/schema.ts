import { relations } from 'drizzle-orm';
import { check, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { oneOf, timestamps } from '../../db/columns';
import { people } from '../people/schema';

export const ORGANISATION_KINDS = [
  'council',
  'town_parish_council',
  'nhs_england',
  'nhs_trust',
  'ccg',
  'icb',
  'ics',
  'icp',
  'gp_practice',
  'healthwatch',
  'charity',
  'community_group',
  'professional_body',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** A council, NHS body, Healthwatch, charity or group whose people appear before a committee. */
export const organisations = sqliteTable(
  'organisations',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    name: text().notNull(),
    shortName: text(),
    kind: text({ enum: ORGANISATION_KINDS }).notNull(),
    website: text(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('organisations_name_unique').on(t.name),
    check('organisations_kind_check', oneOf(t.kind, ORGANISATION_KINDS)),
  ],
);

export const organisationsRelations = relations(organisations, ({ many }) => ({
  people: many(people),
}));
