import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../helpers/app';
import type { Database } from '../../src/db/client';
import { COUNT_CAP, RESULTS_PER_PAGE, ftsQuery, search } from '../../src/features/search/queries';

/**
 * A word found almost everywhere costs no more than a rare one: the newest
 * COUNT_CAP + 1 matches are ranked and counted in one pass. Under the cap
 * every match is ranked; over it, the best of the newest, and the count says
 * "more than".
 */
let app: FastifyInstance;
let db: Database;
const ENTRIES = COUNT_CAP + 200;
const NO_FILTERS = { committeeId: null, kind: null, from: null, to: null };

beforeAll(async () => {
  ({ app, db } = await buildTestApp());
  const sqlite = db.$client;
  const committee = sqlite
    .prepare(
      "insert into committees (name, slug, kind, status) values ('Window Committee', 'window', 'select', 'active') returning id",
    )
    .pluck()
    .get() as number;
  const entry = sqlite.prepare(
    "insert into search_entries (unit, scope, kind, committee_id, url) values (?, 'public', 'paper', ?, ?) returning id",
  );
  const text = sqlite.prepare('insert into search_public (rowid, title, body) values (?, ?, ?)');
  sqlite.transaction(() => {
    for (let i = 1; i <= ENTRIES; i++) {
      const id = entry.pluck().get(`test:${i}`, committee, `/documents/${i}`) as number;
      // Every entry has "everywhere"; the oldest 50 have it in the title too (the strongest matches) and "seldom".
      const old = i <= 50;
      text.run(id, old ? `Everywhere seldom ${i}` : `Paper ${i}`, `A paper that is found everywhere, number ${i}.`);
    }
  })();
});
afterAll(() => app.close());

const run = (q: string, page = 1) => search(db, ftsQuery(q), NO_FILTERS, { restricted: false }, page);
const numberOf = (url: string) => Number(url.split('/').pop());

describe('search over many matches', () => {
  it('ranks every match when there are fewer than the cap: the title matches first', () => {
    const r = run('seldom');
    expect(r).toMatchObject({ total: 50, capped: false });
    expect(r.hits).toHaveLength(RESULTS_PER_PAGE);
    expect(r.hits.every((h) => numberOf(h.url) <= 50)).toBe(true);
  });

  it('over the cap, says "more than" and ranks the newest matches, page after page without repeats', () => {
    const first = run('everywhere');
    expect(first).toMatchObject({ total: COUNT_CAP, capped: true });
    expect(first.hits).toHaveLength(RESULTS_PER_PAGE);
    const newest = ENTRIES - COUNT_CAP; // the newest COUNT_CAP + 1 are numbers newest..ENTRIES
    expect(first.hits.every((h) => numberOf(h.url) >= newest)).toBe(true);
    const second = run('everywhere', 2);
    expect(second).toMatchObject({ total: COUNT_CAP, capped: true });
    const seen = new Set(first.hits.map((h) => h.url));
    expect(second.hits.filter((h) => seen.has(h.url))).toEqual([]);
  });

  it('says so on the page', async () => {
    const res = await app.inject({ url: '/search?q=everywhere', headers: { cookie: 'scrutineer=none' } });
    expect(res.statusCode).toBe(200);
    const text = res.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('More than 1,000 results for “everywhere”');
    expect(text).toContain('These are the best matches among the latest 1,000.');
  });

  it('a filter or a rarer word narrows them back under the cap, all ranked', () => {
    const r = run('everywhere seldom');
    expect(r).toMatchObject({ total: 50, capped: false });
    expect(r.hits[0]?.title).toContain('seldom');
  });
});
