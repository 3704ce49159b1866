import { DateTime } from 'luxon';

/** Readers of a query string's values, as list and search pages take them: never trusting their shape. */

/** One value, trimmed ('' when absent; the first when repeated). */
export const one = (v: unknown): string =>
  (Array.isArray(v) ? String(v[0] ?? '') : typeof v === 'string' ? v : '').trim();

/** Every value given, trimmed, empty ones dropped. */
export const many = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) => String(x).trim()).filter(Boolean);

/** A whole number of up to nine digits, or null. */
export const wholeNumber = (v: string): number | null => (/^\d{1,9}$/.test(v) ? Number(v) : null);

/** A real calendar date written 'YYYY-MM-DD'. */
export const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && DateTime.fromISO(v).isValid;
