import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { buildTestApp } from '../helpers/app';
import { Client, DEMO_CLERK } from '../helpers/client';
import { textOf } from '../helpers/html';
import { createMeeting } from '../helpers/factories';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { closeDatabase, openDatabase, type Database } from '../../src/db/client';
import { actions, committees, documents, meetings } from '../../src/db/schema';
import { chooseEncoding, matchesEtag } from '../../src/lib/http-cache';
import { request } from 'undici';

/**
 * Public pages from memory, never stale: rendered once per state of the data
 * and of the clock, with ETags, 304s, compression and HEAD; a write (by this
 * process or another) or the clock passing a boundary shows the new page at
 * once; a signed-in request always gets its own page, private and unstored.
 */
let app: FastifyInstance;
let db: Database;
let now = new Date('2027-03-01T09:00:00Z');
const slug = 'health-and-adult-social-care';

beforeAll(async () => {
  ({ app, db } = await buildTestApp({ demo: true, clock: () => now }));
});
afterAll(() => app.close());

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

describe('the public page cache', () => {
  it('answers a page with a weak ETag and public caching, the same bytes twice, and 304 when it matches', async () => {
    const first = await get('/meetings/2');
    expect(first.statusCode).toBe(200);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]{32}"$/);
    expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+, stale-while-revalidate=60$/);
    expect(String(first.headers.vary)).toContain('Accept-Encoding');
    const second = await get('/meetings/2');
    expect(second.body).toBe(first.body);
    // From memory, with the first rendering's security headers.
    expect(second.headers['content-security-policy']).toBe(first.headers['content-security-policy']);
    expect(second.headers['content-security-policy']).toContain("default-src 'self'");
    expect(second.headers['x-content-type-options']).toBe('nosniff');
    expect(second.headers.etag).toBe(etag);
    const unchanged = await get('/meetings/2', { 'if-none-match': etag });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');
    expect(unchanged.headers.etag).toBe(etag);
    // HEAD answers as GET does, without the body.
    const head = await app.inject({ method: 'HEAD', url: '/meetings/2' });
    expect(head.statusCode).toBe(200);
    expect(head.headers.etag).toBe(etag);
    expect(head.body).toBe('');
  });

  it('tags a paper (PDF) and answers 304 when it is unchanged', async () => {
    const paper = db
      .select()
      .from(documents)
      .where(and(eq(documents.meetingId, 2), isNull(documents.exemptParagraph), isNotNull(documents.fileHash)))
      .get();
    const res = await get(`/documents/${paper?.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers.etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(res.headers['last-modified']).toBeDefined();
    const again = await get(`/documents/${paper?.id}`, { 'if-none-match': String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('compresses once, with brotli or gzip as the client accepts, to the same page', async () => {
    const plain = await get('/committees');
    const br = await app.inject({ url: '/committees', headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    const gz = await app.inject({ url: '/committees', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    expect(br.headers.etag).toBe(plain.headers.etag);
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding('*')).toBe('br');
    expect(matchesEtag('"abc", W/"def"', 'W/"def"')).toBe(true);
    expect(matchesEtag('W/"abc"', 'W/"def"')).toBe(false);
  });

  it('shows a write at once: the next request renders the page again', async () => {
    const before = await get(`/committees/${slug}`);
    db.update(committees).set({ remit: 'A remit changed just now' }).where(eq(committees.slug, slug)).run();
    const after = await get(`/committees/${slug}`);
    expect(textOf(after.body)).toContain('A remit changed just now');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect((await get(`/committees/${slug}`, { 'if-none-match': String(before.headers.etag) })).statusCode).toBe(200);
  });

  it('shows the clock passing a boundary at once: questions closing, an action falling overdue at midnight', async () => {
    const committeeId = db.select().from(committees).where(eq(committees.slug, slug)).get()?.id ?? 0;
    // Thursday 11 March 2027, 10:00: questions close at 12 noon on Friday 5 March (three clear working days).
    const meeting = createMeeting(db, committeeId, { date: '2027-03-11', time: '10:00' });
    const open = await get(`/meetings/${meeting.id}`);
    expect(textOf(open.body)).toContain('Ask a question');
    now = new Date('2027-03-05T11:59:59Z');
    expect(textOf((await get(`/meetings/${meeting.id}`)).body)).toContain('Ask a question');
    now = new Date('2027-03-05T12:00:00Z');
    const closed = await get(`/meetings/${meeting.id}`);
    expect(textOf(closed.body)).toContain('Questions for this meeting closed');
    expect(textOf(closed.body)).not.toContain('Ask a question');

    // An open action due today: not overdue until London midnight, then overdue with no write.
    const action = db.select().from(actions).where(eq(actions.status, 'open')).get();
    db.update(actions)
      .set({ dueDate: '2027-03-05' })
      .where(eq(actions.id, action?.id ?? 0))
      .run();
    const list = `/committees/${slug}/actions?status=open`;
    expect(textOf((await get(list)).body)).toContain('5 March 2027');
    expect(textOf((await get(list)).body)).not.toContain('5 March 2027 (1 day overdue)');
    now = new Date('2027-03-06T00:00:00Z');
    expect(textOf((await get(list)).body)).toContain('5 March 2027 (1 day overdue)');
  });

  it('gives a signed-in user their own page, private and never stored, and never the visitors’ one', async () => {
    const visitor = await get('/meetings/2');
    expect(visitor.headers['cache-control']).toMatch(/^public/);
    const clerk = new Client(app);
    await clerk.signIn(DEMO_CLERK.email, DEMO_CLERK.password);
    const theirs = await clerk.get('/meetings/2');
    expect(theirs.statusCode).toBe(200);
    expect(theirs.headers['cache-control']).toBe('private, no-store');
    expect(theirs.headers.etag).toBeUndefined();
    expect(theirs.body).toContain('Sign out');
    expect((await get('/meetings/2')).body).not.toContain('Sign out');
  });
});

describe('a write from another process', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-cache-'));
  const file = path.join(dir, 'db.sqlite');
  let served: FastifyInstance;
  let other: Database;
  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_PATH: file, DEMO_DATA: 'true', LOG_LEVEL: 'silent' });
    served = await buildApp(config, { db: openDatabase(file) });
    await served.ready();
    other = openDatabase(file);
  });
  afterAll(async () => {
    await served.close();
    closeDatabase(other);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is seen on the next request (the version is in the database, raised by its triggers)', async () => {
    const before = await served.inject('/meetings/1');
    other.update(meetings).set({ venue: 'The Oculus, Gatehouse Road, Aylesbury' }).where(eq(meetings.id, 1)).run();
    const after = await served.inject('/meetings/1');
    expect(after.body).not.toBe(before.body);
    expect(textOf(after.body)).toContain('The Oculus, Gatehouse Road, Aylesbury');
  });
});

describe('over the network, where the server answers from memory before the app', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-front-'));
  const file = path.join(dir, 'db.sqlite');
  const lines: string[] = [];
  let served: FastifyInstance;
  let base = '';
  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_PATH: file, DEMO_DATA: 'true', LOG_LEVEL: 'info' });
    served = await buildApp(config, { db: openDatabase(file), logStream: { write: (line) => lines.push(line) } });
    await served.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(served.server.address() as { port: number }).port}`;
    // The demo's agenda packs are built in the background; each one built is a write.
    await served.packs.idle();
  });
  afterAll(async () => {
    await served.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const fetchPage = async (url: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET') => {
    const res = await request(`${base}${url}`, { headers, method });
    return { status: res.statusCode, headers: res.headers, body: Buffer.from(await res.body.arrayBuffer()) };
  };
  const fromMemory = () => lines.filter((l) => l.includes('answered from memory')).length;

  it('answers the second request from memory with the same bytes and headers, 304, HEAD and brotli', async () => {
    const first = await fetchPage('/meetings/2');
    expect(first.status).toBe(200);
    const hits = fromMemory();
    const second = await fetchPage('/meetings/2');
    expect(fromMemory()).toBe(hits + 1);
    expect(second.body.equals(first.body)).toBe(true);
    for (const name of ['etag', 'content-type', 'content-security-policy', 'x-content-type-options', 'vary'])
      expect(second.headers[name]).toBe(first.headers[name]);
    expect(second.headers['cache-control']).toMatch(/^public, max-age=\d+, stale-while-revalidate=60$/);
    expect(Number(second.headers['content-length'])).toBe(first.body.length);

    const etag = String(first.headers.etag);
    const unchanged = await fetchPage('/meetings/2', { 'if-none-match': etag });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body.length).toBe(0);
    expect(unchanged.headers.etag).toBe(etag);

    const head = await fetchPage('/meetings/2', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.etag).toBe(etag);
    expect(head.body.length).toBe(0);

    const br = await fetchPage('/meetings/2', { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(first.body)).toBe(true);
    expect(fromMemory()).toBe(hits + 4);
  });

  it('sends a request with a session, a fragment request and a write on to the app', async () => {
    await fetchPage('/committees');
    const hits = fromMemory();
    const withSession = await fetchPage('/committees', { cookie: 'scrutineer=not-a-session' });
    expect(withSession.status).toBe(200);
    expect(fromMemory()).toBe(hits);
    // An htmx request for the same address is a different answer, kept apart.
    const fragment = await fetchPage('/committees', { 'hx-request': 'true' });
    expect(fragment.body.toString()).not.toContain('<html');
    expect((await fetchPage('/committees')).body.toString()).toContain('<html');
    expect(fromMemory()).toBe(hits + 1);

    served.db.update(committees).set({ name: 'Health Scrutiny, renamed just now' }).where(eq(committees.id, 1)).run();
    const after = await fetchPage('/committees');
    expect(after.body.toString()).toContain('Health Scrutiny, renamed just now');
    expect(fromMemory()).toBe(hits + 1);
  });
});
