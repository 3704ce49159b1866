import type { ActionStatus } from './enums';
import { londonDate } from './dates';
import { addDays } from './deadlines';

/**
 * What an action's reference, its state and its reminders follow from:
 * pure functions, so the pages, the CSV, the reminders and the tests agree.
 */

const LITTLE_WORDS = new Set(['and', 'of', 'the', 'for', 'on', 'in', 'select', 'committee', 'panel', 'sub']);

/** A committee's code in references: the initials of its name's words ("Health & Adult Social Care Select Committee": HASC). */
export function committeeCode(name: string, slug: string): string {
  const initials = name
    .split(/[^A-Za-z]+/)
    .filter((w) => w !== '' && !LITTLE_WORDS.has(w.toLowerCase()))
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
  return initials || slug.replace(/[^a-z0-9]/gi, '').toUpperCase() || 'C';
}

/** "HASC/2020-11-05/3": the committee, the meeting's London date, the action's number at that meeting. */
export function actionReference(code: string, meetingLondonDate: string, number: number): string {
  return `${code}/${meetingLondonDate}/${number}`;
}

/** The number an action has in its reference (the last part). */
export function actionNumber(reference: string): number {
  return Number(reference.split('/').pop()) || 0;
}

/** The reference as it is written in a URL: dashes for slashes. */
export function actionSlug(reference: string): string {
  return reference.replaceAll('/', '-');
}

/** The reference a URL's slug stands for, or null when it is not one. */
export function referenceFromSlug(slug: string): string | null {
  const m = /^([A-Z0-9]{1,20})-(\d{4}-\d{2}-\d{2})-(\d{1,6})$/.exec(slug);
  return m ? `${m[1]}/${m[2]}/${Number(m[3])}` : null;
}

export const OPEN_ACTION_STATUSES: readonly ActionStatus[] = ['open', 'in_progress'];

export function isOpenAction(status: ActionStatus): boolean {
  return OPEN_ACTION_STATUSES.includes(status);
}

/**
 * Overdue: still open, and its due date (a London calendar day) has passed,
 * so an action due today becomes overdue at midnight London time. Derived,
 * never stored.
 */
export function isOverdue(action: { status: ActionStatus; dueDate: string | null }, now: Date): boolean {
  return action.dueDate !== null && isOpenAction(action.status) && action.dueDate < londonDate(now);
}

/** Days between two calendar dates 'YYYY-MM-DD' (calendar days have no time zone: counted as UTC days). */
export function daysBetween(from: string, to: string): number {
  const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((day(to) - day(from)) / 86_400_000);
}

/** Days past its due date, counted in London calendar days (0 when not overdue). */
export function daysOverdue(action: { status: ActionStatus; dueDate: string | null }, now: Date): number {
  if (!isOverdue(action, now) || !action.dueDate) return 0;
  return daysBetween(action.dueDate, londonDate(now));
}

/** How long an owner's link to update their action without signing in lasts. */
export const OWNER_LINK_DAYS = 60;

/** Owners are reminded this many days before an action is due. */
export const REMIND_DAYS_BEFORE = 7;

/** The London day a week before a due date, on which the first reminder goes. */
export function reminderDay(dueDate: string): string {
  return addDays(dueDate, -REMIND_DAYS_BEFORE);
}
