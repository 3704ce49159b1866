import type { IncomingMessage } from 'node:http';

export interface RateCount {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the count starts again. */
  reset: number;
}

/**
 * A fixed-window request count per client address: `max` requests in each
 * `windowMs`. The open-data API's limit, shared by the server in front (which
 * answers from memory, before Fastify) and the API's own hook, so a request is
 * counted once whichever answers it.
 */
export class RateWindow {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Counts one request from `key` at `now` (ms), and says whether it is within the limit. */
  take(key: string, now: number): RateCount {
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      if (this.windows.size >= 50_000) this.prune(now);
      w = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(key, w);
    }
    w.count++;
    return {
      allowed: w.count <= this.max,
      limit: this.max,
      remaining: Math.max(0, this.max - w.count),
      reset: Math.max(1, Math.ceil((w.resetAt - now) / 1000)),
    };
  }

  private prune(now: number): void {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
    // Still full (an attack from many addresses): start afresh rather than grow without bound.
    if (this.windows.size >= 50_000) this.windows.clear();
  }
}

/** The IETF RateLimit header fields of a count (draft-ietf-httpapi-ratelimit-headers), and Retry-After when refused. */
export function rateHeaders(c: RateCount): [string, string][] {
  const headers: [string, string][] = [
    ['ratelimit-limit', String(c.limit)],
    ['ratelimit-remaining', String(c.remaining)],
    ['ratelimit-reset', String(c.reset)],
  ];
  if (!c.allowed) headers.push(['retry-after', String(c.reset)]);
  return headers;
}

/** The client's address as Fastify reads it: behind a trusted proxy, the first X-Forwarded-For. */
export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return request.socket.remoteAddress ?? '';
}
