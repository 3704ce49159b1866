import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timestamps } from '../columns';

/** Installation settings the app creates for itself (e.g. the session signing secret). */
export const appSettings = sqliteTable('app_settings', {
  key: text().primaryKey(),
  value: text().notNull(),
  ...timestamps,
});
