import { preparedOnce } from '../../db/prepared';
import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { meetingDeadlineReport, type DeadlineStatus } from '../../lib/deadlines';
import { committees, meetings } from '../../db/schema';
import { PUBLIC_MINUTES_STATUSES } from '../../lib/enums';
import type { CalendarMeeting } from '../../lib/calendar';

/** A meeting as listed: what a resident needs to pick it out. */
export interface MeetingSummary {
  id: number;
  startsAt: Date;
  endsAt: Date | null;
  status: typeof meetings.$inferSelect.status;
  statusReason: string | null;
  agendaStatus: typeof meetings.$inferSelect.agendaStatus;
  minutesStatus: typeof meetings.$inferSelect.minutesStatus;
  venue: string | null;
  committee: { id: number; slug: string; name: string };
}

const summaryColumns = {
  id: meetings.id,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  status: meetings.status,
  statusReason: meetings.statusReason,
  agendaStatus: meetings.agendaStatus,
  minutesStatus: meetings.minutesStatus,
  venue: meetings.venue,
  committee: { id: committees.id, slug: committees.slug, name: committees.name },
};

function summaries(db: Db) {
  return db
    .select(summaryColumns)
    .from(meetings)
    .innerJoin(committees, eq(committees.id, meetings.committeeId))
    .$dynamic();
}

/** Meetings starting from `now`, soonest first; of some committees only, when given. */
export function listUpcomingMeetings(db: Db, now: Date, limit = 10, committeeIds?: number[]): MeetingSummary[] {
  const when = gte(meetings.startsAt, now);
  return summaries(db)
    .where(committeeIds ? and(when, inArray(meetings.committeeId, committeeIds)) : when)
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(limit)
    .all();
}

/** Meetings before `now`, latest first. */
export function listRecentMeetings(db: Db, now: Date, limit = 10): MeetingSummary[] {
  return summaries(db)
    .where(lt(meetings.startsAt, now))
    .orderBy(desc(meetings.startsAt), desc(meetings.id))
    .limit(limit)
    .all();
}

/** All meetings of one committee, earliest first. */
export function listCommitteeMeetings(db: Db, committeeId: number): MeetingSummary[] {
  return summaries(db)
    .where(eq(meetings.committeeId, committeeId))
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .all();
}

const publicMeetingRow = preparedOnce((db) =>
  db
    .select({
      ...summaryColumns,
      onlineUrl: meetings.onlineUrl,
      webcastUrl: meetings.webcastUrl,
      minutesUrl: meetings.minutesUrl,
      committeeKind: committees.kind,
      rules: {
        noticeClearDays: committees.noticeClearDays,
        questionCutoffClearDays: committees.questionCutoffClearDays,
        questionCutoffTime: committees.questionCutoffTime,
        minutesDueWorkingDays: committees.minutesDueWorkingDays,
      },
    })
    .from(meetings)
    .innerJoin(committees, eq(committees.id, meetings.committeeId))
    .where(eq(meetings.id, sql.placeholder('id')))
    .prepare(),
);

/** A meeting with what its public page needs of its committee (kind, deadline rules). */
export function getPublicMeetingRow(db: Db, id: number) {
  return publicMeetingRow(db).get({ id }) ?? null;
}

/** One meeting as listed, or null. */
export function getMeetingSummary(db: Db, id: number): MeetingSummary | null {
  return summaries(db).where(eq(meetings.id, id)).get() ?? null;
}

/** A meeting with its committee's full record (rules included), for clerks. */
export function getMeetingWithCommittee(db: Db, id: number) {
  return (
    db
      .select({ meeting: meetings, committee: committees })
      .from(meetings)
      .innerJoin(committees, eq(committees.id, meetings.committeeId))
      .where(eq(meetings.id, id))
      .get() ?? null
  );
}

export interface MeetingListFilter {
  committeeSlug?: string | null;
  when: 'upcoming' | 'past';
}

/** Meetings for the public list: upcoming soonest first, or past latest first; of one committee, if asked. */
export function listMeetings(db: Db, filter: MeetingListFilter, now: Date, limit = 500): MeetingSummary[] {
  const conditions = [filter.when === 'upcoming' ? gte(meetings.startsAt, now) : lt(meetings.startsAt, now)];
  if (filter.committeeSlug) conditions.push(eq(committees.slug, filter.committeeSlug));
  return summaries(db)
    .where(and(...conditions))
    .orderBy(filter.when === 'upcoming' ? asc(meetings.startsAt) : desc(meetings.startsAt), asc(meetings.id))
    .limit(limit)
    .all();
}

export interface MeetingPageFilter {
  committeeSlug: string | null;
  /** Instants: meetings starting at or after `from` and before `until`. */
  from: Date | null;
  until: Date | null;
}

/** One page of every meeting (the open-data list), earliest first, and how many match in all. */
export function meetingsPage(
  db: Db,
  filter: MeetingPageFilter,
  page: { offset: number; size: number },
): { rows: MeetingSummary[]; total: number } {
  const where = and(
    filter.committeeSlug === null ? undefined : eq(committees.slug, filter.committeeSlug),
    filter.from === null ? undefined : gte(meetings.startsAt, filter.from),
    filter.until === null ? undefined : lt(meetings.startsAt, filter.until),
  );
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(meetings)
      .innerJoin(committees, eq(committees.id, meetings.committeeId))
      .where(where)
      .get()?.n ?? 0;
  const rows = summaries(db)
    .where(where)
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(page.size)
    .offset(page.offset)
    .all();
  return { rows, total };
}

const calendarColumns = {
  id: meetings.id,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  venue: meetings.venue,
  status: meetings.status,
  statusReason: meetings.statusReason,
  calendarSequence: meetings.calendarSequence,
  updatedAt: meetings.updatedAt,
  committeeName: committees.name,
};

/** A committee's meetings for its calendar feed (every one: past, future, cancelled). */
export function calendarMeetingsOfCommittee(db: Db, committeeId: number): CalendarMeeting[] {
  return db
    .select(calendarColumns)
    .from(meetings)
    .innerJoin(committees, eq(committees.id, meetings.committeeId))
    .where(eq(meetings.committeeId, committeeId))
    .orderBy(asc(meetings.startsAt))
    .all();
}

export function calendarMeeting(db: Db, id: number): CalendarMeeting | null {
  return (
    db
      .select(calendarColumns)
      .from(meetings)
      .innerJoin(committees, eq(committees.id, meetings.committeeId))
      .where(eq(meetings.id, id))
      .get() ?? null
  );
}

export interface DueItem extends DeadlineStatus {
  meetingId: number;
  meetingStartsAt: Date;
  committee: { slug: string; name: string };
}

/**
 * Deadlines of some committees' meetings that are due soon or have been
 * missed: what a clerk must do next. Soonest first. Only deadlines that still
 * matter: an agenda before its meeting, the minutes of a meeting that was
 * held (and are not published, here or elsewhere). A past meeting still
 * marked scheduled is not a run of missed deadlines but a question: was it
 * held? (`needingAttention`).
 */
export function dueAndMissed(db: Db, committeeIds: number[], now: Date): { dueSoon: DueItem[]; missed: DueItem[] } {
  if (committeeIds.length === 0) return { dueSoon: [], missed: [] };
  const rows = db
    .select({ meeting: meetings, committee: committees })
    .from(meetings)
    .innerJoin(committees, eq(committees.id, meetings.committeeId))
    .where(
      and(
        inArray(meetings.committeeId, committeeIds),
        or(
          // An agenda still to publish, before the meeting …
          and(eq(meetings.status, 'scheduled'), gte(meetings.startsAt, now), ne(meetings.agendaStatus, 'published')),
          // … or the minutes of a meeting held.
          and(
            eq(meetings.status, 'held'),
            notInArray(meetings.minutesStatus, [...PUBLIC_MINUTES_STATUSES]),
            isNull(meetings.minutesUrl),
          ),
        ),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .all();
  const items: DueItem[] = [];
  for (const { meeting, committee } of rows) {
    const report = meetingDeadlineReport(meeting, committee, now);
    const d = meeting.status === 'held' ? report.minutes : report.agenda;
    if (!d) continue;
    items.push({
      ...d,
      meetingId: meeting.id,
      meetingStartsAt: meeting.startsAt,
      committee: { slug: committee.slug, name: committee.name },
    });
  }
  const byDate = (a: DueItem, b: DueItem) => a.dueDate.localeCompare(b.dueDate);
  return {
    dueSoon: items.filter((i) => i.state === 'due_soon').sort(byDate),
    missed: items.filter((i) => i.state === 'missed').sort(byDate),
  };
}

/** Meetings that have passed but are still marked scheduled: held, or cancelled? Oldest first. */
export function needingAttention(db: Db, committeeIds: number[], now: Date): MeetingSummary[] {
  if (committeeIds.length === 0) return [];
  return summaries(db)
    .where(
      and(inArray(meetings.committeeId, committeeIds), eq(meetings.status, 'scheduled'), lt(meetings.startsAt, now)),
    )
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .all();
}
