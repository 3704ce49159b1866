import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timestamps } from '../columns';

/** Installation settings the app creates for itself (e.g. the session signing secret). */
export const appSettings = sqliteTable('app_settings', {
  key: text().primaryKey(),
  value: text().notNull(),
  ...timestamps,
});

/**
 * One row: a number that every write to what the public can see raises, in
 * the same statement (triggers, migration 0014), whoever makes it (the app,
 * the reminders, an import). A cached public page is good while it is
 * unchanged.
 */
export const dataVersion = sqliteTable(
  'data_version',
  {
    id: integer().primaryKey(),
    version: integer().notNull().default(0),
  },
  (t) => [check('data_version_one_row', sql`${t.id} = 1`)],
);
