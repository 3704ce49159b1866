import { and, asc, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { committees } from '../committees/schema';
import { meetings } from './schema';
import { getPublicAgenda, type PublicAgenda } from '../agenda/queries';
import { meetingDeadlines, type MeetingDeadlines } from '../../lib/deadlines';
import { londonDate } from '../../lib/dates';
import type { CalendarMeeting } from './calendar';
import { getPublicMinutes, type PublicMinutes } from '../minutes/queries';

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

export interface PublicMeeting extends MeetingSummary {
  onlineUrl: string | null;
  webcastUrl: string | null;
  committeeKind: typeof committees.$inferSelect.kind;
  /** The last day the agenda may lawfully be published, and when public questions close. */
  deadlines: MeetingDeadlines;
  agenda: PublicAgenda | null;
  minutes: PublicMinutes | null;
}

/**
 * One meeting as the public sees it: its details, its published agenda and
 * its published minutes, each with exempt content removed. Drafts never show.
 */
export function getPublicMeeting(db: Db, id: number): PublicMeeting | null {
  const found = db
    .select({
      ...summaryColumns,
      onlineUrl: meetings.onlineUrl,
      webcastUrl: meetings.webcastUrl,
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
    .where(eq(meetings.id, id))
    .get();
  if (!found) return null;
  const { rules, ...row } = found;
  return {
    ...row,
    deadlines: meetingDeadlines(londonDate(row.startsAt), rules),
    agenda: row.agendaStatus === 'published' ? getPublicAgenda(db, id) : null,
    minutes: row.minutesStatus === 'published' || row.minutesStatus === 'approved' ? getPublicMinutes(db, id) : null,
  };
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
