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

/**
 * A value that never changes once stored (a published version's snapshot),
 * read and parsed once per database and id, then kept (up to `limit` per
 * database, all forgotten at once beyond that). Only for rows a trigger
 * freezes and whose ids are never reused.
 */
export function keptOnce<V>(
  read: (db: Db, id: number) => V | undefined,
  limit = 1000,
): (db: Db, id: number) => V | null {
  const kept = new WeakMap<Db, Map<number, V>>();
  return (db, id) => {
    let values = kept.get(db);
    if (!values) kept.set(db, (values = new Map()));
    let value = values.get(id);
    if (value === undefined) {
      value = read(db, id);
      if (value === undefined) return null;
      if (values.size >= limit) values.clear();
      values.set(id, value);
    }
    return value;
  };
}
