/**
 * A record id from a URL: a positive whole number. Anything else ("abc",
 * "-1", "0", "1.5", a number too large to be exact) is null, which routes
 * answer with the 404 page.
 */
export function parseId(raw: string | undefined): number | null {
  if (raw === undefined || !/^[1-9][0-9]{0,15}$/.test(raw)) return null;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : null;
}

/** A committee slug: lower-case letters, digits and hyphens. */
export function parseSlug(raw: string | undefined): string | null {
  return raw !== undefined && /^[a-z0-9][a-z0-9-]{0,99}$/.test(raw) ? raw : null;
}
