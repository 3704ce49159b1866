import { DateTime } from 'luxon';
import { z } from 'zod';
import { LONDON } from './dates';

/**
 * Parsing what people type into forms: dates in three boxes (GOV.UK date
 * input), times written the way people write them, optional text.
 */

/** "10", "10am", "10:30", "10.30", "2pm", "14:30", "2.30pm", "midday", "noon" → "HH:MM"; null if not a time. */
export function parseTime(raw: string): string | null {
  const text = raw.trim().toLowerCase().replace(/\s+/g, '');
  if (text === '') return null;
  if (text === 'midday' || text === 'noon' || text === '12noon') return '12:00';
  if (text === 'midnight') return '00:00';
  const m = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm)?$/.exec(text);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const suffix = m[3];
  if (minute > 59) return null;
  if (suffix) {
    if (hour < 1 || hour > 12) return null;
    if (suffix === 'am' && hour === 12) hour = 0;
    if (suffix === 'pm' && hour !== 12) hour += 12;
  } else if (hour > 23) {
    return null;
  }
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** The three boxes of a date field as typed, from a form body. */
export function dateParts(body: unknown, name: string): DateParts {
  const get = (k: string) => {
    const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[`${name}-${k}`] : undefined;
    return typeof v === 'string' ? v.trim() : '';
  };
  return { day: get('day'), month: get('month'), year: get('year') };
}

export function partsOf(isoDate: string | null | undefined): DateParts {
  if (!isoDate) return { day: '', month: '', year: '' };
  const [year = '', month = '', day = ''] = isoDate.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date from its three boxes, or what is wrong with it, in GOV.UK's words
 * ("Date must include a month", "Date must be a real date").
 */
export function dateFromParts(
  parts: DateParts,
  label: string,
): { ok: true; value: string } | { ok: false; error: string } {
  const { day, month, year } = parts;
  if (!day && !month && !year) return { ok: false, error: `Enter ${label.toLowerCase()}` };
  const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean);
  if (missing.length > 0) return { ok: false, error: `${label} must include a ${missing.join(' and ')}` };
  const monthIndex = /^\d+$/.test(month) ? Number(month) : MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1;
  if (!/^\d+$/.test(day) || monthIndex < 1 || !/^\d{4}$/.test(year))
    return { ok: false, error: `${label} must be a real date` };
  const d = DateTime.fromObject({ year: Number(year), month: monthIndex, day: Number(day) }, { zone: LONDON });
  if (!d.isValid) return { ok: false, error: `${label} must be a real date` };
  return { ok: true, value: d.toISODate() ?? '' };
}

/** Optional text: trimmed, and null when empty. */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`)
    .transform((v) => (v === '' ? null : v));

export const requiredText = (max: number, emptyMessage: string, label: string) =>
  z
    .string()
    .trim()
    .min(1, emptyMessage)
    .max(max, `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`);

/** An optional web address: http or https only. */
export const optionalUrl = (label: string) =>
  z
    .string()
    .trim()
    .max(2000, `${label} must be 2,000 characters or fewer`)
    .refine((v) => {
      if (v === '') return true;
      try {
        const u = new URL(v);
        return u.protocol === 'https:' || u.protocol === 'http:';
      } catch {
        return false;
      }
    }, `${label} must be a full web address starting with https://`)
    .transform((v) => (v === '' ? null : v));

/** A whole number typed into a box, within a range. */
export const wholeNumber = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Enter ${label.toLowerCase()}`)
    .refine((v) => /^\d+$/.test(v), `${label} must be a whole number, like 5`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${label} must be between ${min} and ${max}`);

/**
 * A date typed in three boxes, as 'YYYY-MM-DD' for a command ('' when left
 * empty and optional), with the boxes as typed and what is wrong with them.
 */
export function typedDate(
  body: unknown,
  name: string,
  label: string,
  required: boolean,
): { parts: DateParts; iso: string; error?: string } {
  const parts = dateParts(body, name);
  if (!required && !parts.day && !parts.month && !parts.year) return { parts, iso: '' };
  const parsed = dateFromParts(parts, label);
  return parsed.ok ? { parts, iso: parsed.value } : { parts, iso: '', error: parsed.error };
}
