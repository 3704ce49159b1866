import { and, asc, eq, gte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { meetings, recommendations, workProgrammeEntries } from '../../db/schema';
import type { WorkProgrammeStatus } from '../../lib/enums';

export interface WorkProgrammeEntry {
  id: number;
  topic: string;
  purpose: string;
  leadPresenters: string;
  contributors: string;
  status: WorkProgrammeStatus;
  note: string | null;
  position: number;
  meeting: { id: number; startsAt: Date; status: string } | null;
  /** The agenda item it became, once it is on that meeting's agenda. */
  agendaItemId: number | null;
  /** The recommendation it reviews (a review point), by reference; only once that recommendation is sent. */
  reviews: string | null;
}

/**
 * A committee's work programme in order: each entry at its planned meeting
 * (soonest first) or to be scheduled, by its place in the programme.
 */
export function workProgrammeOf(db: Db, committeeId: number): WorkProgrammeEntry[] {
  const rows = db
    .select({
      id: workProgrammeEntries.id,
      topic: workProgrammeEntries.topic,
      purpose: workProgrammeEntries.purpose,
      leadPresenters: workProgrammeEntries.leadPresenters,
      contributors: workProgrammeEntries.contributors,
      status: workProgrammeEntries.status,
      note: workProgrammeEntries.note,
      position: workProgrammeEntries.position,
      agendaItemId: workProgrammeEntries.agendaItemId,
      meetingId: meetings.id,
      startsAt: meetings.startsAt,
      meetingStatus: meetings.status,
      reviews: sql<string | null>`(select ${recommendations.reference} from ${recommendations}
        where ${recommendations.id} = ${workProgrammeEntries.recommendationId} and ${recommendations.status} <> 'draft')`,
    })
    .from(workProgrammeEntries)
    .leftJoin(meetings, eq(meetings.id, workProgrammeEntries.plannedMeetingId))
    .where(eq(workProgrammeEntries.committeeId, committeeId))
    .orderBy(asc(workProgrammeEntries.position), asc(workProgrammeEntries.id))
    .all();
  return rows.map(({ meetingId, startsAt, meetingStatus, ...r }) => ({
    ...r,
    meeting: meetingId !== null && startsAt !== null ? { id: meetingId, startsAt, status: meetingStatus ?? '' } : null,
  }));
}

export function workProgrammeEntry(db: Db, entryId: number) {
  return db.select().from(workProgrammeEntries).where(eq(workProgrammeEntries.id, entryId)).get() ?? null;
}

/**
 * The meetings an entry can be planned for: the committee's meetings from
 * now that are going ahead, and the one it is planned for already (it may
 * have passed).
 */
export function plannableMeetings(db: Db, committeeId: number, now: Date, current: number | null = null) {
  return db
    .select({ id: meetings.id, startsAt: meetings.startsAt })
    .from(meetings)
    .where(
      and(
        eq(meetings.committeeId, committeeId),
        or(
          and(gte(meetings.startsAt, now), ne(meetings.status, 'cancelled')),
          current === null ? undefined : eq(meetings.id, current),
        ),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .all();
}
