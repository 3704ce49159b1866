import { and, asc, eq, inArray, ne, notInArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { londonDate } from '../../lib/dates';
import { deadlineState, meetingDeadlines, type DeadlineState, type MeetingDeadlines } from '../../lib/deadlines';
import { committees } from '../committees/schema';
import { meetings } from './schema';

type MeetingRow = typeof meetings.$inferSelect;
type CommitteeRow = typeof committees.$inferSelect;

export interface DeadlineStatus {
  kind: 'agenda' | 'minutes';
  /** London date the deadline falls on. */
  dueDate: string;
  state: DeadlineState;
  daysRemaining: number;
}

export interface MeetingDeadlineReport {
  deadlines: MeetingDeadlines;
  agenda: DeadlineStatus | null;
  minutes: DeadlineStatus | null;
  questionsOpen: boolean;
}

/** A meeting's deadlines under its committee's rules, and where each stands today. */
export function meetingDeadlineReport(meeting: MeetingRow, committee: CommitteeRow, now: Date): MeetingDeadlineReport {
  const deadlines = meetingDeadlines(londonDate(meeting.startsAt), committee);
  const today = londonDate(now);
  const live = meeting.status === 'scheduled' || meeting.status === 'held';
  return {
    deadlines,
    agenda: live
      ? {
          kind: 'agenda',
          dueDate: deadlines.agendaPublishBy,
          ...deadlineState(deadlines.agendaPublishBy, today, meeting.agendaStatus === 'published'),
        }
      : null,
    minutes: live
      ? {
          kind: 'minutes',
          dueDate: deadlines.minutesDueBy,
          ...deadlineState(
            deadlines.minutesDueBy,
            today,
            meeting.minutesStatus === 'published' || meeting.minutesStatus === 'approved',
          ),
        }
      : null,
    questionsOpen: live && now < deadlines.questionsCloseAt,
  };
}

export interface DueItem extends DeadlineStatus {
  meetingId: number;
  meetingStartsAt: Date;
  committee: { slug: string; name: string };
}

/**
 * Deadlines of some committees' meetings that are due soon or have been
 * missed: what a clerk must do next. Soonest first.
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
        notInArray(meetings.status, ['cancelled', 'postponed']),
        // Only meetings with something still to do: the rest have no deadline left to meet or miss.
        or(ne(meetings.agendaStatus, 'published'), notInArray(meetings.minutesStatus, ['published', 'approved'])),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .all();
  const items: DueItem[] = [];
  for (const { meeting, committee } of rows) {
    const report = meetingDeadlineReport(meeting, committee, now);
    for (const d of [report.agenda, report.minutes]) {
      if (!d) continue;
      // Minutes are only due once the meeting has been held.
      if (d.kind === 'minutes' && meeting.startsAt > now) continue;
      items.push({
        ...d,
        meetingId: meeting.id,
        meetingStartsAt: meeting.startsAt,
        committee: { slug: committee.slug, name: committee.name },
      });
    }
  }
  const byDate = (a: DueItem, b: DueItem) => a.dueDate.localeCompare(b.dueDate);
  return {
    dueSoon: items.filter((i) => i.state === 'due_soon').sort(byDate),
    missed: items.filter((i) => i.state === 'missed').sort(byDate),
  };
}
