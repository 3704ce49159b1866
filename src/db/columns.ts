import { sql, type SQL } from 'drizzle-orm';
import { customType, integer, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { byText, deepFreeze, remembered } from '../lib/memo';

/**
 * Column helpers shared by every feature's schema.
 *
 * Instants (a moment in time) are stored as UTC milliseconds and read as Date.
 * Calendar dates with no time (due dates, membership from/to) are stored as
 * ISO text 'YYYY-MM-DD' and mean that day in Europe/London.
 */
export const instant = (name?: string) =>
  name ? integer(name, { mode: 'timestamp_ms' }) : integer({ mode: 'timestamp_ms' });

export const timestamps = {
  createdAt: integer({ mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
  updatedAt: integer({ mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`)
    .$onUpdate(() => new Date()),
};

/** SQL condition "column is one of these values", for CHECK constraints on enum columns. */
export function oneOf(column: SQLiteColumn, values: readonly string[]): SQL {
  return sql`${column} in (${sql.join(
    values.map((v) => sql.raw(`'${v.replaceAll("'", "''")}'`)),
    sql`, `,
  )})`;
}

const frozenSnapshots = remembered((text: string) => deepFreeze(JSON.parse(text) as unknown), byText, 1000);

/**
 * A published record frozen as JSON (an agenda's or minutes' snapshot): never
 * changed once written, read by every page that shows it, so each stored text
 * is parsed once and the same frozen value shared by every reader after.
 */
export const frozenJson = <T>() =>
  customType<{ data: T; driverData: string }>({
    dataType: () => 'text',
    toDriver: (value) => JSON.stringify(value),
    fromDriver: (value) => frozenSnapshots(value) as T,
  })();
