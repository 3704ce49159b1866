import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisations, people } from '../../db/schema';

export interface PersonListing {
  id: number;
  name: string;
  fullName: string | null;
  jobTitle: string | null;
  kind: typeof people.$inferSelect.kind;
  organisation: string | null;
}

/** The directory, by name as minuted. */
export function listPeople(db: Db): PersonListing[] {
  return db
    .select({
      id: people.id,
      name: people.name,
      fullName: people.fullName,
      jobTitle: people.jobTitle,
      kind: people.kind,
      organisation: organisations.name,
    })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .orderBy(asc(people.name))
    .all();
}

export function getPerson(db: Db, id: number) {
  return db.select().from(people).where(eq(people.id, id)).get() ?? null;
}
