import type { z } from 'zod';

/** One message per field, keyed by the field's name, in the order of the form. */
export type FieldErrors = Record<string, string>;

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/**
 * Validates input with a zod schema and returns the first message for each
 * field, written for the person filling in the form ("Enter a venue").
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown): Validated<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '_form';
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

/**
 * What was typed, as a page shows it back: line breaks as \n (browsers send \r\n), and without the
 * control characters nobody types (NUL, bell, escape …), which a browser would show as U+FFFD or drop.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function cleanInput(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

/** A form body's field as a trimmed string ('' when absent or not a string). */
export function field(body: unknown, name: string): string {
  if (body === null || typeof body !== 'object') return '';
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? cleanInput(value).trim() : '';
}

/** Several fields of a form body as typed (for showing the form again), cleaned as `cleanInput` says. */
export function fields<K extends string>(body: unknown, names: readonly K[]): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const name of names) {
    const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
    out[name] = typeof value === 'string' ? cleanInput(value) : '';
  }
  return out;
}

/** Error summary entries linking each message to its field. */
export function errorList(errors: FieldErrors, order: readonly string[] = []): { text: string; href: string }[] {
  const keys = [...order.filter((k) => k in errors), ...Object.keys(errors).filter((k) => !order.includes(k))];
  return keys.map((k) => ({ text: errors[k] ?? '', href: `#${k === '_form' ? 'main-content' : k}` }));
}

/** A failed validation: one message per field. */
export function invalid(errors: FieldErrors): { ok: false; errors: FieldErrors } {
  return { ok: false, errors };
}

/** A successful one. */
export function valid<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}
