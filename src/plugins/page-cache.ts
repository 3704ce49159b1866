import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { dataVersionOf, nextTimeChange } from '../features/site/freshness';
import { wantsFragment } from './views';
import { chooseEncoding, matchesEtag } from '../lib/http-cache';
import { PageStore } from '../lib/page-store';

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
  /** The first rendering's own headers (security headers and all), answered again with the page. */
  headers: Record<string, string>;
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

/**
 * At most this many bytes of pages (with their compressed forms) are kept, and
 * this many pages; the least recently read go first. Filters and page numbers
 * make many addresses of a list, so the bound is on memory, not on pages.
 */
const MAX_BYTES = 48 * 1024 * 1024;
const MAX_ENTRIES = 5000;
/** Browsers and proxies may keep a public page this long (less when it changes sooner). */
const MAX_AGE_SECONDS = 60;

/** Headers each response works out for itself, never replayed from the first rendering. */
const PER_RESPONSE = new Set([
  'content-length',
  'content-encoding',
  'content-type',
  'set-cookie',
  'etag',
  'cache-control',
  'vary',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
]);

const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?scrutineer=/;

/**
 * Public pages served from memory. A page a signed-out visitor asks for is
 * rendered once for each state of the data (the version the database's
 * triggers raise on every write) and until the next instant time alone
 * changes it, then answered from memory with its ETag, compressed once
 * (brotli, gzip), with 304 for a matching If-None-Match. A request with a
 * session cookie always gets its own rendering, marked private, no-store.
 * Registered before everything else (security headers included, which it
 * keeps with each page), so a page from memory costs no more than the bytes.
 */
export default fp(
  async (app) => {
    const pages = new PageStore<Entry>((e) => e.identity.length + e.gzip.length + e.br.length, MAX_BYTES, MAX_ENTRIES);
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
        // Straight to the socket, as a static file server would: none of the hooks a rendering needs.
        const body = negotiate(request, reply.headers(entry.headers).type(entry.contentType), entry, now);
        reply.hijack();
        const headers = reply.getHeaders() as Record<string, string>;
        if (reply.statusCode !== 304) headers['content-length'] = String(body.length);
        reply.raw.writeHead(reply.statusCode, headers);
        reply.raw.end(request.method === 'HEAD' ? undefined : body);
        return;
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
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(reply.getHeaders()))
        if (!PER_RESPONSE.has(name) && value !== undefined) headers[name] = String(value);
      const entry: Entry = {
        headers,
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
      pages.set(cache.key, entry);
      return negotiate(request, reply, entry, now);
    });
  },
  { name: 'page-cache' },
);
