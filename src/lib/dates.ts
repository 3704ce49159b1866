import { DateTime } from 'luxon';

/** Meetings happen in London; every date a person reads is London time. */
export const LONDON = 'Europe/London';

function inLondon(instant: Date): DateTime {
  return DateTime.fromJSDate(instant, { zone: LONDON });
}

/** "10am", "10.30am", "1.24pm", "midday", "midnight": the way clerks write times. */
export function formatTime(instant: Date): string {
  const t = inLondon(instant);
  if (t.hour === 12 && t.minute === 0) return 'midday';
  if (t.hour === 0 && t.minute === 0) return 'midnight';
  const hour12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
  const suffix = t.hour < 12 ? 'am' : 'pm';
  return t.minute === 0 ? `${hour12}${suffix}` : `${hour12}.${String(t.minute).padStart(2, '0')}${suffix}`;
}

/** "Thursday 7 January 2021". */
export function formatDate(instant: Date): string {
  return inLondon(instant).toFormat('cccc d LLLL yyyy');
}

/** "7 January 2021". */
export function formatShortDate(instant: Date): string {
  return inLondon(instant).toFormat('d LLLL yyyy');
}

/** "Thursday 7 January 2021, 10am". */
export function formatDateTime(instant: Date): string {
  return `${formatDate(instant)}, ${formatTime(instant)}`;
}

/** "Thursday 7 January 2021" for a calendar date 'YYYY-MM-DD'. */
export function formatCalendarDate(isoDate: string): string {
  const d = DateTime.fromISO(isoDate, { zone: LONDON });
  return d.isValid ? d.toFormat('d LLLL yyyy') : isoDate;
}

/** "Tuesday 29 December 2020" for a calendar date 'YYYY-MM-DD'. */
export function formatCalendarDay(isoDate: string): string {
  const d = DateTime.fromISO(isoDate, { zone: LONDON });
  return d.isValid ? d.toFormat('cccc d LLLL yyyy') : isoDate;
}

/** "January 2021": a month heading. */
export function formatMonth(instant: Date): string {
  return inLondon(instant).toFormat('LLLL yyyy');
}

/** ISO 8601 with the London offset, for machine-readable <time datetime>. */
export function isoLondon(instant: Date): string {
  return inLondon(instant).toISO({ suppressMilliseconds: true }) ?? instant.toISOString();
}

/** The London wall-clock time of an instant, 'HH:MM'. */
export function londonTime(instant: Date): string {
  return inLondon(instant).toFormat('HH:mm');
}

/** The London calendar date of an instant, 'YYYY-MM-DD'. */
export function londonDate(instant: Date): string {
  return inLondon(instant).toISODate() ?? '';
}

/**
 * The instant of a London wall-clock date and time ('YYYY-MM-DD', 'HH:MM').
 * Throws on a date or time that does not exist (31 February, 25:00).
 */
export function fromLondon(isoDate: string, time: string): Date {
  const d = DateTime.fromISO(`${isoDate}T${time}`, { zone: LONDON, setZone: true });
  if (!d.isValid) throw new RangeError(`Not a real date and time: ${isoDate} ${time}`);
  return d.toJSDate();
}
