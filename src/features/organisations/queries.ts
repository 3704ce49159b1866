import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { preparedOnce } from '../../db/prepared';
import { organisations } from '../../db/schema';

const allByName = preparedOnce((db) => db.select().from(organisations).orderBy(asc(organisations.name)).prepare());

/** Every organisation, by name (the action lists' filter reads it on every page). */
export function listOrganisations(db: Db) {
  return allByName(db).all();
}

export function getOrganisation(db: Db, id: number) {
  return db.select().from(organisations).where(eq(organisations.id, id)).get() ?? null;
}
