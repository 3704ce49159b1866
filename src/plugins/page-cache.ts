import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyBaseLogger } from 'fastify';
import fp from 'fastify-plugin';
import type { Database } from '../db/client';
import { dataVersionOf, nextTimeChange } from '../features/site/freshness';
import { isFragmentRequest } from './views';
import { chooseEncoding, matchesEtag } from '../lib/http-cache';
import { PageStore } from '../lib/page-store';
import { clientAddress, rateHeaders, type RateWindow } from '../lib/rate-window';

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
  /** The first rendering's own headers (security headers and all) with the page's type, ETag and Vary, as name, value, name, value … */
  headers: string[];
  version: number;
  /** The next instant the page could change with no write (midnight, questions closing …). */
  validUntil: number;
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
const NOTHING = Buffer.alloc(0);
const FULL_AGE = `public, max-age=${MAX_AGE_SECONDS}, stale-while-revalidate=${MAX_AGE_SECONDS}`;

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
  'server-timing',
  // Each API request is counted on its own (src/features/open-data/api.ts).
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'retry-after',
]);

/**
 * The API's answers are kept too, but given only once its rate limit has
 * counted the request: by the server in front, which counts it itself (see
 * `limitApi`), and by the app after the API's own hooks (in preHandler).
 */
const isApiRequest = (url: string | undefined) => url?.startsWith('/api/') === true;

const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?scrutineer=/;

/** A fragment (htmx, not boosted) and a whole page are different answers for the same address. */
const keyOf = (headers: IncomingHttpHeaders, url: string) =>
  `${isFragmentRequest(headers) ? 'fragment' : 'page'} ${url}`;

/** Whether this request may be answered with what a signed-out visitor would see. */
const anonymousRead = (request: IncomingMessage) =>
  (request.method === 'GET' || request.method === 'HEAD') && !SESSION_COOKIE.test(request.headers.cookie ?? '');

/**
 * Public pages served from memory. A page a signed-out visitor asks for is
 * rendered once for each state of the data (the version the database's
 * triggers raise on every write) and until the next instant time alone
 * changes it, then answered from memory with its ETag, compressed once
 * (brotli, gzip), with 304 for a matching If-None-Match. A request with a
 * session cookie always gets its own rendering, marked private, no-store.
 *
 * The server hands every request to `serve` before Fastify sees it (see
 * `serverFactory` in src/app.ts), as a cache in front of an application
 * would: a page from memory costs a look-up, the data's version and the
 * bytes. What it cannot answer goes on to the app, whose plugin below
 * answers it from memory too where it can (requests injected in tests never
 * pass the server) and keeps what the app renders.
 */
export class PublicPages {
  private readonly pages = new PageStore<Entry>(
    (e) => e.identity.length + e.gzip.length + e.br.length,
    MAX_BYTES,
    MAX_ENTRIES,
  );
  private source: { db: Database; now: () => Date; log: FastifyBaseLogger } | null = null;
  // The version and next time change, read once per request at most.
  private known = { version: -1, validUntil: 0 };
  private logged = false;
  private apiLimit: { window: RateWindow; trustProxy: boolean } | null = null;

  /** The API's rate limit, counted here for what memory answers (and by the API's hook for the rest). */
  limitApi(window: RateWindow, trustProxy: boolean): void {
    this.apiLimit = { window, trustProxy };
  }

  /** The app's database and clock: until then (and after `detach`), every request goes to the app. */
  attach(source: { db: Database; now: () => Date; log: FastifyBaseLogger }): void {
    this.source = source;
    this.logged = ['info', 'debug', 'trace'].includes(source.log.level);
  }

  /** The app is closing: its own answers (Connection: close) see the last requests out. */
  detach(): void {
    this.source = null;
  }

  /** The data's version and how long it stands, as of `now`. */
  freshness(now: number): { version: number; validUntil: number } {
    const db = this.source?.db;
    if (!db) return { version: -1, validUntil: 0 };
    const version = dataVersionOf(db);
    if (version !== this.known.version || now >= this.known.validUntil) {
      this.known = { version, validUntil: nextTimeChange(db, new Date(now)).getTime() };
    }
    return this.known;
  }

  /** Answers the request from memory and says so, or says it cannot (and writes nothing). */
  serve(request: IncomingMessage, response: ServerResponse): boolean {
    const source = this.source;
    if (!source) return false;
    const now = source.now().getTime();
    const entry = this.fresh(request, now);
    if (!entry) return false;
    let extra: [string, string][] = [];
    if (isApiRequest(request.url)) {
      if (!this.apiLimit) return false;
      const count = this.apiLimit.window.take(clientAddress(request, this.apiLimit.trustProxy), now);
      // Refused: the app answers 429 (counting it again, which changes nothing for a client over its limit).
      if (!count.allowed) return false;
      extra = rateHeaders(count);
    }
    const status = this.send(request, response, entry, now, extra);
    // As Fastify logs what it answers, at the level it does.
    if (this.logged)
      source.log.info({ method: request.method, url: request.url, statusCode: status }, 'answered from memory');
    return true;
  }

  /** The page kept for this request, while the data and time it shows still stand; else null. */
  fresh(request: IncomingMessage, now: number): Entry | null {
    if (!this.source || !anonymousRead(request)) return null;
    const entry = this.pages.get(keyOf(request.headers, request.url ?? ''));
    if (!entry) return null;
    const { version } = this.freshness(now);
    return entry.version !== version || now >= entry.validUntil ? null : entry;
  }

  /** Whether a route's answer to this request may be kept, and under what key and version. */
  keepable(request: IncomingMessage): { key: string; version: number; validUntil: number } | null {
    if (!this.source || !anonymousRead(request)) return null;
    const now = this.source.now().getTime();
    // Kept under the version read before rendering: a write meanwhile makes the next request render again.
    return { key: keyOf(request.headers, request.url ?? ''), ...this.freshness(now) };
  }

  /** Keeps a rendered page, compressed once; returns its entry to answer this request with. */
  keep(
    cache: { key: string; version: number; validUntil: number },
    body: Buffer,
    replyHeaders: Record<string, unknown>,
  ): Entry {
    const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
    const headers: string[] = [];
    for (const [name, value] of Object.entries(replyHeaders))
      if (!PER_RESPONSE.has(name) && value !== undefined) headers.push(name, String(value));
    headers.push(
      'content-type',
      String(replyHeaders['content-type'] ?? 'text/html; charset=utf-8'),
      'etag',
      etag,
      'vary',
      ['Accept-Encoding', String(replyHeaders.vary ?? '')].filter(Boolean).join(', '),
    );
    const entry: Entry = {
      headers,
      version: cache.version,
      validUntil: cache.validUntil,
      etag,
      identity: body,
      gzip: gzipSync(body, { level: 6 }),
      br: brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }),
    };
    this.pages.set(cache.key, entry);
    return entry;
  }

  /** The answer to this request from an entry: 304 or the page in the encoding asked for, and all its headers. */
  answer(
    request: IncomingMessage,
    entry: Entry,
    now: number,
    extra: [string, string][] = [],
  ): { status: 200 | 304; headers: string[]; body: Buffer } {
    const left = Math.floor((entry.validUntil - now) / 1000);
    const cacheControl =
      left >= MAX_AGE_SECONDS
        ? FULL_AGE
        : `public, max-age=${Math.max(0, left)}, stale-while-revalidate=${MAX_AGE_SECONDS}`;
    const headers = [...entry.headers, 'cache-control', cacheControl, ...extra.flat()];
    if (matchesEtag(request.headers['if-none-match'], entry.etag)) return { status: 304, headers, body: NOTHING };
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    const body = encoding === 'br' ? entry.br : encoding === 'gzip' ? entry.gzip : entry.identity;
    if (encoding) headers.push('content-encoding', encoding);
    headers.push('content-length', String(body.length));
    return { status: 200, headers, body };
  }

  /** Writes the page (or 304) for this request straight to the socket; returns the status. */
  private send(
    request: IncomingMessage,
    response: ServerResponse,
    entry: Entry,
    now: number,
    extra: [string, string][],
  ): number {
    const { status, headers, body } = this.answer(request, entry, now, extra);
    response.writeHead(status, headers);
    response.end(request.method === 'HEAD' || status === 304 ? undefined : body);
    return status;
  }
}

/**
 * The app's side of the cache: answers from memory what reached it (an
 * injected request; one that came while the page was being rendered), and
 * keeps each public page a signed-out visitor is answered with.
 * Registered before everything else (security headers included, which it
 * keeps with each page).
 */
export default fp<{ pages: PublicPages }>(
  async (app, { pages }) => {
    pages.attach({ db: app.db, now: () => app.now(), log: app.log });
    app.addHook('preClose', async () => pages.detach());

    app.addHook('onRequest', async (request, reply) => {
      if (!request.routeOptions.config?.publicPage || isApiRequest(request.url)) return;
      if (pages.serve(request.raw, reply.raw)) {
        reply.hijack();
        return;
      }
      request.pageCache = pages.keepable(request.raw) ?? undefined;
    });

    // The API's answers, once its own onRequest hooks (the rate limit, CORS) have set their headers.
    app.addHook('preHandler', async (request, reply) => {
      if (!request.routeOptions.config?.publicPage || !isApiRequest(request.url)) return;
      const now = app.now().getTime();
      const entry = pages.fresh(request.raw, now);
      if (!entry) {
        request.pageCache = pages.keepable(request.raw) ?? undefined;
        return;
      }
      const answer = pages.answer(request.raw, entry, now);
      for (let i = 0; i + 1 < answer.headers.length; i += 2)
        void reply.header(answer.headers[i] ?? '', answer.headers[i + 1]);
      if (answer.status === 304) return reply.code(304).removeHeader('content-length').send('');
      return reply.send(answer.body);
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const cache = request.pageCache;
      if (!cache) return payload;
      request.pageCache = undefined;
      if (request.user || reply.statusCode !== 200 || reply.hasHeader('set-cookie')) return payload;
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
      const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
      // A page with a form that carries a CSRF token is its visitor's own.
      if (body.includes('name="_csrf"')) return payload;
      const entry = pages.keep(cache, body, reply.getHeaders());
      // This first answer goes out through Fastify, with the headers the memory will give the next.
      const answer = pages.answer(request.raw, entry, app.now().getTime());
      for (let i = 0; i + 1 < answer.headers.length; i += 2)
        void reply.header(answer.headers[i] ?? '', answer.headers[i + 1]);
      if (answer.status === 304) void reply.code(304).removeHeader('content-length');
      return answer.status === 304 ? '' : answer.body;
    });
  },
  { name: 'page-cache' },
);
