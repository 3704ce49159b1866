import type { Database } from '../../db/client';

/** True when the database answers a trivial query (the health check). */
export function databaseIsHealthy(db: Database): boolean {
  try {
    return db.$client.prepare('select 1 as ok').get() !== undefined;
  } catch {
    return false;
  }
}

/** Signed-in pages' costly parts, kept for each state of the data (the lists of actions and recommendations). */
export { KeptRenders } from './kept-renders';
