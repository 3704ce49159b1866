import { check, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { oneOf, timestamps } from '../columns';
import { ORGANISATION_KINDS } from '../../lib/enums';

/** A council, NHS body, Healthwatch, charity or group whose people appear before a committee. */
export const organisations = sqliteTable(
  'organisations',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    name: text().notNull(),
    shortName: text(),
    kind: text({ enum: ORGANISATION_KINDS }).notNull(),
    website: text(),
    /** Where a request (a written answer to a public question) reaches them; for clerks only. */
    email: text(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('organisations_name_unique').on(t.name),
    check('organisations_kind_check', oneOf(t.kind, ORGANISATION_KINDS)),
  ],
);
