import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisations } from '../../db/schema';

export function listOrganisations(db: Db) {
  return db.select().from(organisations).orderBy(asc(organisations.name)).all();
}

export function getOrganisation(db: Db, id: number) {
  return db.select().from(organisations).where(eq(organisations.id, id)).get() ?? null;
}
