import { sql } from 'drizzle-orm';
import type { Db } from './client';

/**
 * A query built once per database and run after that with its values as
 * placeholders (`sql.placeholder`). Building a query's SQL costs drizzle more
 * than SQLite takes to run a small one, so the reads every public page makes
 * are built this way.
 */
export function preparedOnce<T, D extends object = Db>(build: (db: D) => T): (db: D) => T {
  const built = new WeakMap<D, T>();
  return (db) => {
    let query = built.get(db);
    if (query === undefined) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}

/** A list of ids given as one placeholder: the JSON array `ids` (`JSON.stringify([1, 2])`). */
export const ID_LIST = sql`(select value from json_each(${sql.placeholder('ids')}))`;
