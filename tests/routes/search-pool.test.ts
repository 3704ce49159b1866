import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { catchUp } from '../../src/features/search/indexer';
import { SearchPool } from '../../src/features/search/pool';
import { ftsQuery, search, type SearchRequest, type SearchScope } from '../../src/features/search/queries';

/**
 * Searches are answered by worker threads with read-only connections to the
 * database file (SearchPool): the same results as the server's own thread,
 * what was just written seen at once, a worker that stops replaced, and,
 * where none can start, searches answered on the server's own thread.
 */
let dir: string;
let app: FastifyInstance;
let pool: SearchPool;
const NO_FILTERS = { committeeId: null, kind: null, from: null, to: null };
const asked = (q: string, scope: SearchScope = { restricted: false }): SearchRequest => ({
  fts: ftsQuery(q),
  filters: NO_FILTERS,
  scope,
  page: 1,
});

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-pool-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_PATH: path.join(dir, 'pool.sqlite'),
    DEMO_DATA: 'true',
    SEARCH_WORKERS: '2',
  });
  app = await buildApp(config, { now: () => new Date('2021-01-05T12:00:00Z') });
  await app.ready();
  catchUp(app.db);
  pool = new SearchPool(path.join(dir, 'pool.sqlite'), 2, app.log);
}, 30_000);
afterAll(async () => {
  await pool.close();
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('searching in worker threads', () => {
  it('answers as the server’s own thread does, for the public and for a signed-in user', async () => {
    let hits = 0;
    for (const q of ['discharge', '"winter plan"', 'care home', 'pharmacy', 'nothingmatchesthis'])
      for (const scope of [{ restricted: false }, { restricted: true, committeeIds: null }] as SearchScope[]) {
        const request = asked(q, scope);
        const theirs = search(app.db, request.fts, request.filters, request.scope, request.page);
        expect(await pool.search(request), `${q} ${JSON.stringify(scope)}`).toEqual(theirs);
        hits += theirs.hits.length;
      }
    expect(hits).toBeGreaterThan(10);
  });

  it('sees what the server has just written', async () => {
    const sqlite = app.db.$client;
    const committee = sqlite.prepare('select id from committees limit 1').pluck().get() as number;
    const id = sqlite
      .prepare(
        "insert into search_entries (unit, scope, kind, committee_id, url) values ('test:1', 'public', 'paper', ?, '/documents/999') returning id",
      )
      .pluck()
      .get(committee) as number;
    sqlite.prepare('insert into search_public (rowid, title, body) values (?, ?, ?)').run(id, 'Zebra crossings', 'x');
    const found = await pool.search(asked('zebra'));
    expect(found.hits.map((h) => h.url)).toEqual(['/documents/999']);
  });

  it('replaces a worker that stops, and never leaves a search waiting', async () => {
    const slots = (pool as unknown as { slots: { worker: { terminate(): Promise<number> } }[] }).slots;
    await Promise.all([pool.search(asked('discharge')), pool.search(asked('care'))]);
    const first = slots[0]?.worker;
    const waiting = pool.search(asked('discharge'));
    await first?.terminate();
    // Answered before the worker stopped, or failed with it: never left waiting.
    const outcome = await Promise.race([
      waiting.then(
        () => 'answered',
        () => 'failed',
      ),
      new Promise((r) => setTimeout(() => r('left waiting'), 5000)),
    ]);
    expect(['answered', 'failed']).toContain(outcome);
    expect(slots[0]?.worker).not.toBe(first);
    const again = await Promise.all([1, 2, 3, 4].map(() => pool.search(asked('discharge'))));
    for (const r of again) expect(r.hits.length).toBeGreaterThan(0);
  });

  it('searches on the server’s own thread where no worker can start', async () => {
    const broken = new SearchPool(path.join(dir, 'no-such-folder', 'missing.sqlite'), 1, app.log);
    for (let i = 0; i < 100 && broken.usable; i++) await new Promise((r) => setTimeout(r, 50));
    expect(broken.usable).toBe(false);
    await broken.close();
  });

  it('serves /search on a database file, with the results the server’s own thread finds', async () => {
    // A cookie that names no session: the page is made for this request, not answered from memory.
    const res = await app.inject({ url: '/search?q=discharge', headers: { cookie: 'scrutineer=none' } });
    expect(res.statusCode).toBe(200);
    const request = asked('discharge');
    const theirs = search(app.db, request.fts, request.filters, request.scope, 1);
    expect(theirs.hits.length).toBeGreaterThan(0);
    for (const hit of theirs.hits) expect(res.body).toContain(`href="${hit.url.replaceAll('&', '&amp;')}"`);
  });
});
