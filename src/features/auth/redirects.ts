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
  return `${parsed.pathname}${parsed.search}`;
}
