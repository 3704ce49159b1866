import type { RecommendationStatus } from './enums';
import { daysBetween } from './action-rules';
import { londonDate } from './dates';

/**
 * What a recommendation's reference, response due date and lateness follow
 * from: pure functions on calendar dates ('YYYY-MM-DD', London), so pages,
 * reminders and tests agree.
 */

/** "HASC/R/3": the committee's code and the recommendation's number among the committee's. */
export function recommendationReference(code: string, number: number): string {
  return `${code}/R/${number}`;
}

/** The reference in a URL: dashes for slashes ("HASC-R-3"). */
export function recommendationSlug(reference: string): string {
  return reference.replaceAll('/', '-');
}

export function recommendationReferenceFromSlug(slug: string): string | null {
  const m = /^([A-Z0-9]{1,20})-R-(\d{1,6})$/.exec(slug);
  return m ? `${m[1]}/R/${Number(m[2])}` : null;
}

const VALID_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether 'YYYY-MM-DD' is a real calendar date. */
export function isCalendarDate(value: string): boolean {
  if (!VALID_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A calendar date some months later, on the same day of the month or, when
 * that month is shorter, its last day (31 August + 6 months: 28 or 29 February).
 */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** The response is due the committee's response period (in months) after the recommendation is sent. */
export function responseDueOn(sentOn: string, responseDueMonths: number): string {
  return addMonths(sentOn, responseDueMonths);
}

/**
 * A response is late once its due date (a London calendar day) has passed
 * with none received: derived, never stored.
 */
export function isResponseOverdue(
  rec: { status: RecommendationStatus; responseDueOn: string | null },
  now: Date,
): boolean {
  return rec.status === 'awaiting_response' && rec.responseDueOn !== null && rec.responseDueOn < londonDate(now);
}

/** Days a response is late (0 when it is not). */
export function daysResponseLate(rec: { status: RecommendationStatus; responseDueOn: string | null }, now: Date) {
  if (!isResponseOverdue(rec, now) || !rec.responseDueOn) return 0;
  return daysBetween(rec.responseDueOn, londonDate(now));
}
