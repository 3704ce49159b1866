import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { dataVersionOf, nextTimeChange } from '../features/site/freshness';
import { wantsFragment } from './views';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A public page (or document) that a signed-out visitor's request may be answered with from memory. */
    publicPage?: boolean;
  }
  interface FastifyRequest {
    /** Set when this request's response may be kept for the next visitors: where, and for what state of the data. */
    pageCache?: { key: string; version: number; validUntil: number };
  }
}

interface Entry {
  version: number;
  /** The next instant the page could change with no write (midnight, questions closing …). */
  validUntil: number;
  contentType: string;
  vary: string;
  etag: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

/** At most this many pages (each with its compressed forms) are kept; the least recently read go first. */
const MAX_ENTRIES = 2000;
/** Browsers and proxies may keep a public page this long (less when it changes sooner). */
const MAX_AGE_SECONDS = 60;

const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?scrutineer=/;

/** The encoding to answer with, from Accept-Encoding: brotli, then gzip, else none. */
export function chooseEncoding(accept: string | undefined): 'br' | 'gzip' | null {
  const offered = new Map<string, number>();
  for (const part of (accept ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    offered.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (name: string) => offered.get(name) ?? offered.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}

/** Whether an If-None-Match header names this (weak) entity tag, or any. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

/**
 * Public pages served from memory. A page a signed-out visitor asks for is
 * rendered once for each state of the data (the version the database's
 * triggers raise on every write) and until the next instant time alone
 * changes it, then answered from memory with its ETag, compressed once
 * (brotli, gzip), with 304 for a matching If-None-Match. A request with a
 * session cookie always gets its own rendering, marked private, no-store.
 */
export default fp(
  async (app) => {
    const pages = new Map<string, Entry>();
    // The version and next time change, read once per request at most.
    let known = { version: -1, validUntil: 0 };
    const freshness = (now: number) => {
      const version = dataVersionOf(app.db);
      if (version !== known.version || now >= known.validUntil) {
        known = { version, validUntil: nextTimeChange(app.db, new Date(now)).getTime() };
      }
      return known;
    };

    /** Marks the reply as the cached page, and gives the body to send: none for a 304, else the encoding asked for. */
    const negotiate = (request: FastifyRequest, reply: FastifyReply, entry: Entry, now: number): Buffer => {
      const maxAge = Math.max(0, Math.min(MAX_AGE_SECONDS, Math.floor((entry.validUntil - now) / 1000)));
      void reply
        .header('etag', entry.etag)
        .header('cache-control', `public, max-age=${maxAge}, stale-while-revalidate=${MAX_AGE_SECONDS}`)
        .header('vary', entry.vary);
      if (matchesEtag(request.headers['if-none-match'] as string | undefined, entry.etag)) {
        void reply.code(304).removeHeader('content-length');
        return Buffer.alloc(0);
      }
      const encoding = chooseEncoding(request.headers['accept-encoding'] as string | undefined);
      if (!encoding) return entry.identity;
      void reply.header('content-encoding', encoding).removeHeader('content-length');
      return encoding === 'br' ? entry.br : entry.gzip;
    };

    app.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (!request.routeOptions.config?.publicPage) return;
      if (SESSION_COOKIE.test(request.headers.cookie ?? '')) return;
      // A fragment (htmx, not boosted) and a whole page are different answers for the same address.
      const key = `${wantsFragment(request) ? 'fragment' : 'page'} ${request.url}`;
      const now = app.now().getTime();
      const { version, validUntil } = freshness(now);
      const entry = pages.get(key);
      if (entry && entry.version === version && now < entry.validUntil) {
        // Read again: kept longest.
        pages.delete(key);
        pages.set(key, entry);
        const body = negotiate(request, reply, entry, now);
        return reply.type(entry.contentType).send(body);
      }
      // Kept under the version read before rendering: a write meanwhile makes the next request render again.
      request.pageCache = { key, version, validUntil };
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const cache = request.pageCache;
      if (!cache) return payload;
      request.pageCache = undefined;
      if (request.user || reply.statusCode !== 200 || reply.hasHeader('set-cookie')) return payload;
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
      const identity = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
      // A page with a form that carries a CSRF token is its visitor's own.
      if (identity.includes('name="_csrf"')) return payload;
      const now = app.now().getTime();
      const entry: Entry = {
        version: cache.version,
        validUntil: cache.validUntil,
        contentType: String(reply.getHeader('content-type') ?? 'text/html; charset=utf-8'),
        vary: ['Accept-Encoding', String(reply.getHeader('vary') ?? '')].filter(Boolean).join(', '),
        etag: `W/"${createHash('sha256').update(identity).digest('base64url').slice(0, 32)}"`,
        identity,
        gzip: gzipSync(identity, { level: 6 }),
        br: brotliCompressSync(identity, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length },
        }),
      };
      if (pages.size >= MAX_ENTRIES) {
        const oldest = pages.keys().next().value;
        if (oldest !== undefined) pages.delete(oldest);
      }
      pages.set(cache.key, entry);
      return negotiate(request, reply, entry, now);
    });
  },
  { name: 'page-cache' },
);
