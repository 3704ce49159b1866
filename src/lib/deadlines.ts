import { DateTime } from 'luxon';
import Holidays from 'date-holidays';
import { LONDON, londonDate } from './dates';
import type { AgendaStatus, MeetingStatus, MinutesStatus } from './enums';

/**
 * Statutory and scheme deadlines of a meeting, in London calendar dates.
 *
 * A working day is a weekday that is not a public holiday in England and
 * Wales (date-holidays, offline; includes substitute days and one-off
 * holidays such as coronations). "Clear" days exclude the day something is
 * done and the day of the meeting (R v Swansea CC ex p Elitestone, 1993).
 *
 * Dates are ISO strings 'YYYY-MM-DD'; times 'HH:MM' London.
 */

const holidays = new Holidays('GB', 'ENG', { types: ['public'] });
const holidayCache = new Map<number, Set<string>>();

function holidaysOf(year: number): Set<string> {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(holidays.getHolidays(year).map((h) => h.date.slice(0, 10)));
    holidayCache.set(year, set);
  }
  return set;
}

function day(isoDate: string): DateTime {
  const d = DateTime.fromISO(isoDate, { zone: LONDON });
  if (!d.isValid || isoDate.length !== 10) throw new RangeError(`Not a date: ${isoDate}`);
  return d;
}

const iso = (d: DateTime): string => d.toISODate() ?? '';

/** True for a bank or public holiday in England and Wales. */
export function isBankHoliday(isoDate: string): boolean {
  return holidaysOf(day(isoDate).year).has(isoDate);
}

/** Monday to Friday, and not a bank holiday. */
export function isWorkingDay(isoDate: string): boolean {
  return day(isoDate).weekday <= 5 && !isBankHoliday(isoDate);
}

/** The day `n` calendar days after (or before, when negative). */
export function addDays(isoDate: string, n: number): string {
  return iso(day(isoDate).plus({ days: n }));
}

/** Working days strictly between two days: neither end counts. */
export function clearWorkingDaysBetween(fromIso: string, toIso: string): number {
  let count = 0;
  for (let d = addDays(fromIso, 1); d < toIso; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
  return count;
}

/** The n-th working day before a day (n ≥ 1); the day itself does not count. */
export function nthWorkingDayBefore(isoDate: string, n: number): string {
  let d = isoDate;
  let found = 0;
  while (found < n) {
    d = addDays(d, -1);
    if (isWorkingDay(d)) found++;
  }
  return d;
}

/** The next working day after a day. */
export function nextWorkingDayAfter(isoDate: string): string {
  return nthWorkingDayAfter(isoDate, 1);
}

/** The n-th working day after a day (n ≥ 1); the day itself does not count. */
function nthWorkingDayAfter(isoDate: string, n: number): string {
  let d = isoDate;
  let found = 0;
  while (found < n) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) found++;
  }
  return d;
}

/** The last working day before a day. */
export function previousWorkingDay(isoDate: string): string {
  return nthWorkingDayBefore(isoDate, 1);
}

/**
 * The last day the agenda may be published so that `clearDays` clear working
 * days lie between publication and the meeting. Publishing the next day
 * leaves one clear day too few.
 */
export function agendaPublishBy(meetingDate: string, clearDays: number): string {
  if (clearDays <= 0) return addDays(meetingDate, -1);
  return addDays(nthWorkingDayBefore(meetingDate, clearDays), -1);
}

/**
 * When public questions close: at `time` on the last working day that still
 * leaves `clearDays` clear working days before the meeting (for example,
 * 12 noon three clear working days before).
 */
export function questionsCloseAt(meetingDate: string, clearDays: number, time: string): Date {
  const closingDay =
    clearDays <= 0 ? previousWorkingDay(meetingDate) : previousWorkingDay(nthWorkingDayBefore(meetingDate, clearDays));
  const at = DateTime.fromISO(`${closingDay}T${time}`, { zone: LONDON });
  if (!at.isValid) throw new RangeError(`Not a time: ${time}`);
  return at.toJSDate();
}

/** Draft minutes are due this many working days after the meeting. */
export function minutesDueBy(meetingDate: string, workingDays: number): string {
  return workingDays <= 0 ? meetingDate : nthWorkingDayAfter(meetingDate, workingDays);
}

/** The instant a London day ends: a deadline "by Tuesday" means by the end of Tuesday. */
function endOfLondonDay(isoDate: string): Date {
  return day(isoDate).endOf('day').set({ millisecond: 0 }).toJSDate();
}

export type DeadlineState = 'done' | 'missed' | 'due_soon' | 'upcoming';

/** Days left before a deadline is considered due soon. */
const DUE_SOON_DAYS = 7;

/** Where a deadline stands today: done, missed, due soon, or later; with calendar days remaining. */
export function deadlineState(
  dueDate: string,
  today: string,
  done: boolean,
): { state: DeadlineState; daysRemaining: number } {
  const daysRemaining = Math.round(day(dueDate).diff(day(today), 'days').days);
  if (done) return { state: 'done', daysRemaining };
  if (daysRemaining < 0) return { state: 'missed', daysRemaining };
  if (daysRemaining <= DUE_SOON_DAYS) return { state: 'due_soon', daysRemaining };
  return { state: 'upcoming', daysRemaining };
}

/** A committee's rules for its meetings' deadlines. */
export interface DeadlineRules {
  noticeClearDays: number;
  questionCutoffClearDays: number;
  questionCutoffTime: string;
  minutesDueWorkingDays: number;
}

export interface MeetingDeadlines {
  /** The last day to publish the agenda and open reports. */
  agendaPublishBy: string;
  /** The end of that day, as an instant. */
  agendaPublishByEnd: Date;
  questionsCloseAt: Date;
  /** The day the draft minutes are due. */
  minutesDueBy: string;
}

/** Every deadline of a meeting starting at `startsAt`, under a committee's rules. */
export function meetingDeadlines(meetingDate: string, rules: DeadlineRules): MeetingDeadlines {
  const publishBy = agendaPublishBy(meetingDate, rules.noticeClearDays);
  return {
    agendaPublishBy: publishBy,
    agendaPublishByEnd: endOfLondonDay(publishBy),
    questionsCloseAt: questionsCloseAt(meetingDate, rules.questionCutoffClearDays, rules.questionCutoffTime),
    minutesDueBy: minutesDueBy(meetingDate, rules.minutesDueWorkingDays),
  };
}

/** What a meeting's deadlines depend on: its day, whether it goes ahead, and what has been published. */
export interface DeadlineMeeting {
  startsAt: Date;
  status: MeetingStatus;
  agendaStatus: AgendaStatus;
  minutesStatus: MinutesStatus;
  /** Minutes published on another site (a meeting from before Scrutineer): their deadline is met. */
  minutesUrl: string | null;
}

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
export function meetingDeadlineReport(
  meeting: DeadlineMeeting,
  committee: DeadlineRules,
  now: Date,
): MeetingDeadlineReport {
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
            meeting.minutesStatus === 'published' ||
              meeting.minutesStatus === 'approved' ||
              meeting.minutesUrl !== null,
          ),
        }
      : null,
    questionsOpen: live && now < deadlines.questionsCloseAt,
  };
}
