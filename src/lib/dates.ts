import { DateTime } from 'luxon';
import { byText, remembered } from './memo';

/** Meetings happen in London; every date a person reads is London time. */
export const LONDON = 'Europe/London';

function inLondon(instant: Date): DateTime {
  return DateTime.fromJSDate(instant, { zone: LONDON });
}

const byInstant = (d: Date) => d.getTime();

/** "10am", "10.30am", "1.24pm", "midday", "midnight": the way clerks write times. */
export const formatTime = remembered((instant: Date): string => {
  const t = inLondon(instant);
  if (t.hour === 12 && t.minute === 0) return 'midday';
  if (t.hour === 0 && t.minute === 0) return 'midnight';
  const hour12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
  const suffix = t.hour < 12 ? 'am' : 'pm';
  return t.minute === 0 ? `${hour12}${suffix}` : `${hour12}.${String(t.minute).padStart(2, '0')}${suffix}`;
}, byInstant);

/** "Thursday 7 January 2021". */
export const formatDate = remembered((instant: Date): string => {
  return inLondon(instant).toFormat('cccc d LLLL yyyy');
}, byInstant);

/** "7 January 2021". */
export const formatShortDate = remembered((instant: Date): string => {
  return inLondon(instant).toFormat('d LLLL yyyy');
}, byInstant);

/** "Thursday 7 January 2021, 10am". */
export function formatDateTime(instant: Date): string {
  return `${formatDate(instant)}, ${formatTime(instant)}`;
}

/** "Thursday 7 January 2021" for a calendar date 'YYYY-MM-DD'. */
export const formatCalendarDate = remembered((isoDate: string): string => {
  const d = DateTime.fromISO(isoDate, { zone: LONDON });
  return d.isValid ? d.toFormat('d LLLL yyyy') : isoDate;
}, byText);

/** "Tuesday 29 December 2020" for a calendar date 'YYYY-MM-DD'. */
export const formatCalendarDay = remembered((isoDate: string): string => {
  const d = DateTime.fromISO(isoDate, { zone: LONDON });
  return d.isValid ? d.toFormat('cccc d LLLL yyyy') : isoDate;
}, byText);

/** "January 2021": a month heading. */
export const formatMonth = remembered((instant: Date): string => {
  return inLondon(instant).toFormat('LLLL yyyy');
}, byInstant);

/** ISO 8601 with the London offset, for machine-readable <time datetime>. */
export const isoLondon = remembered((instant: Date): string => {
  return inLondon(instant).toISO({ suppressMilliseconds: true }) ?? instant.toISOString();
}, byInstant);

/** The London wall-clock time of an instant, 'HH:MM'. */
export const londonTime = remembered((instant: Date): string => {
  return inLondon(instant).toFormat('HH:mm');
}, byInstant);

/** The London calendar date of an instant, 'YYYY-MM-DD'. */
const londonDateOf = remembered((instant: Date): string => {
  return inLondon(instant).toISODate() ?? '';
}, byInstant);

/** Today in London, as the instants it spans: 'now', asked on every request, is read without luxon. */
let lastDay = { from: 0, to: 0, date: '' };

export function londonDate(instant: Date): string {
  const t = instant.getTime();
  if (t >= lastDay.from && t < lastDay.to) return lastDay.date;
  const date = londonDateOf(instant);
  // Only the day of about now is worth its bounds (other instants, a list's dates, are remembered one by one).
  if (Math.abs(t - Date.now()) < 86_400_000) {
    const day = inLondon(instant).startOf('day');
    lastDay = { from: day.toMillis(), to: day.plus({ days: 1 }).toMillis(), date };
  }
  return date;
}

/**
 * The instant of a London wall-clock date and time ('YYYY-MM-DD', 'HH:MM').
 * Throws on a date or time that does not exist (31 February, 25:00).
 */
export function fromLondon(isoDate: string, time: string): Date {
  return new Date(londonInstant(`${isoDate}T${time}`));
}
/** The instants of the London dates and times asked for, in ms (each page works out the same deadlines). */
const londonInstant = remembered((key: string): number => {
  const d = DateTime.fromISO(key, { zone: LONDON, setZone: true });
  if (!d.isValid) throw new RangeError(`Not a real date and time: ${key.replace('T', ' ')}`);
  return d.toMillis();
}, byText);
