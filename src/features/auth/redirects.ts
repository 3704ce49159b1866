/**
 * Where to go after signing in: only a path on this site, never another
 * site ("//evil.example", "https://evil.example", "/\\evil.example").
 */
export function safeNext(raw: unknown, fallback = '/manage'): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2000) return fallback;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  if (raw.includes('\\') || [...raw].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127)) return fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw, 'http://scrutineer.invalid');
  } catch {
    return fallback;
  }
  if (parsed.origin !== 'http://scrutineer.invalid') return fallback;
  if (parsed.pathname === '/login' || parsed.pathname === '/logout') return fallback;
  const path = `${parsed.pathname}${parsed.search}`;
  // What comes out is checked again: normalising can make a local-looking path
  // ("/.//evil.example", "/%2e%2e//evil.example") into one a browser reads as another host.
  return isLocalPath(path) ? path : fallback;
}

/** A path on this site: one leading slash, then no slash or backslash straight after it. */
function isLocalPath(path: string): boolean {
  return /^\/(?![/\\])/.test(path) && !path.includes('\\');
}
