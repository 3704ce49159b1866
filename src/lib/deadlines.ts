import Holidays from 'date-holidays';
import { fromLondon, londonDate } from './dates';
import type { AgendaStatus, MeetingStatus, MinutesStatus } from './enums';

/**
 * Statutory and scheme deadlines of a meeting, in London calendar dates.
 *
 * A working day is a weekday that is not a public holiday in England and
 * Wales (date-holidays, offline; includes substitute days and one-off
 * holidays such as coronations). "Clear" days exclude the day something is
 * done and the day of the meeting (R v Swansea CC ex p Elitestone, 1993).
 *
 * Dates are ISO strings 'YYYY-MM-DD'; times 'HH:MM' London. Calendar days
 * have no time zone, so the counting is plain arithmetic on day numbers
 * (days since 1 January 1970), with each year's bank holidays looked up
 * once and kept; the only zone conversion is the last step, "this day at
 * this London time" as an instant.
 */

const DAY_MS = 86_400_000;
const holidays = new Holidays('GB', 'ENG', { types: ['public'] });
const holidayDays = new Set<number>();
const yearsLoaded = new Set<number>();

/** A calendar date as its day number; throws on anything that is not a real date. */
function dayNumber(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(t) || new Date(t).getUTCDate() !== Number(m[3]))
    throw new RangeError(`Not a date: ${isoDate}`);
  return t / DAY_MS;
}

const isoOf = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Whether a day number is a bank holiday: each year's holidays are computed the first time it is asked about. */
function isHolidayDay(n: number): boolean {
  const year = new Date(n * DAY_MS).getUTCFullYear();
  if (!yearsLoaded.has(year)) {
    for (const h of holidays.getHolidays(year)) holidayDays.add(dayNumber(h.date.slice(0, 10)));
    yearsLoaded.add(year);
  }
  return holidayDays.has(n);
}

/** Day 0 (1 January 1970) was a Thursday: ISO weekday 1 is Monday, 7 Sunday. */
const weekday = (n: number): number => ((((n + 3) % 7) + 7) % 7) + 1;

const isWorkingDayNumber = (n: number): boolean => weekday(n) <= 5 && !isHolidayDay(n);

/** True for a bank or public holiday in England and Wales. */
export function isBankHoliday(isoDate: string): boolean {
  return isHolidayDay(dayNumber(isoDate));
}

/** Monday to Friday, and not a bank holiday. */
export function isWorkingDay(isoDate: string): boolean {
  return isWorkingDayNumber(dayNumber(isoDate));
}

/** The day `n` calendar days after (or before, when negative). */
export function addDays(isoDate: string, n: number): string {
  return isoOf(dayNumber(isoDate) + n);
}

/** Working days strictly between two days: neither end counts. */
export function clearWorkingDaysBetween(fromIso: string, toIso: string): number {
  const to = dayNumber(toIso);
  let count = 0;
  for (let d = dayNumber(fromIso) + 1; d < to; d++) if (isWorkingDayNumber(d)) count++;
  return count;
}

/** The n-th working day from a day number, counting in `step` (-1 back, 1 forward); the day itself does not count. */
function nthWorkingDay(from: number, n: number, step: 1 | -1): number {
  let d = from;
  for (let found = 0; found < n;) {
    d += step;
    if (isWorkingDayNumber(d)) found++;
  }
  return d;
}

/** The n-th working day before a day (n ≥ 1); the day itself does not count. */
export function nthWorkingDayBefore(isoDate: string, n: number): string {
  return isoOf(nthWorkingDay(dayNumber(isoDate), n, -1));
}

/** The next working day after a day. */
export function nextWorkingDayAfter(isoDate: string): string {
  return isoOf(nthWorkingDay(dayNumber(isoDate), 1, 1));
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
  const meeting = dayNumber(meetingDate);
  return isoOf((clearDays <= 0 ? meeting : nthWorkingDay(meeting, clearDays, -1)) - 1);
}

/** The day public questions close: the last working day that still leaves `clearDays` clear working days. */
function questionsCloseDay(meetingDate: string, clearDays: number): string {
  const meeting = dayNumber(meetingDate);
  const last = clearDays <= 0 ? meeting : nthWorkingDay(meeting, clearDays, -1);
  return isoOf(nthWorkingDay(last, 1, -1));
}

/**
 * When public questions close: at `time` on the last working day that still
 * leaves `clearDays` clear working days before the meeting (for example,
 * 12 noon three clear working days before).
 */
export function questionsCloseAt(meetingDate: string, clearDays: number, time: string): Date {
  if (!/^\d{2}:\d{2}$/.test(time)) throw new RangeError(`Not a time: ${time}`);
  return fromLondon(questionsCloseDay(meetingDate, clearDays), time);
}

/** Draft minutes are due this many working days after the meeting. */
export function minutesDueBy(meetingDate: string, workingDays: number): string {
  return workingDays <= 0 ? meetingDate : isoOf(nthWorkingDay(dayNumber(meetingDate), workingDays, 1));
}

/** The instant a London day ends (its last whole second): a deadline "by Tuesday" means by the end of Tuesday. */
function endOfLondonDay(isoDate: string): Date {
  return new Date(fromLondon(addDays(isoDate, 1), '00:00').getTime() - 1000);
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
  const daysRemaining = dayNumber(dueDate) - dayNumber(today);
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

/** Deadlines already worked out, by meeting day and rules: they are pure, so each is computed once. */
const deadlineCache = new Map<string, MeetingDeadlines>();
const DEADLINE_CACHE_SIZE = 10_000;

/** Every deadline of a meeting on a London day, under a committee's rules. */
export function meetingDeadlines(meetingDate: string, rules: DeadlineRules): MeetingDeadlines {
  const key = `${meetingDate}|${rules.noticeClearDays}|${rules.questionCutoffClearDays}|${rules.questionCutoffTime}|${rules.minutesDueWorkingDays}`;
  const known = deadlineCache.get(key);
  if (known) return known;
  const publishBy = agendaPublishBy(meetingDate, rules.noticeClearDays);
  const deadlines: MeetingDeadlines = Object.freeze({
    agendaPublishBy: publishBy,
    agendaPublishByEnd: endOfLondonDay(publishBy),
    questionsCloseAt: questionsCloseAt(meetingDate, rules.questionCutoffClearDays, rules.questionCutoffTime),
    minutesDueBy: minutesDueBy(meetingDate, rules.minutesDueWorkingDays),
  });
  if (deadlineCache.size >= DEADLINE_CACHE_SIZE) deadlineCache.clear();
  deadlineCache.set(key, deadlines);
  return deadlines;
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
