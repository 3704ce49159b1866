import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, rankFunction } from '../../src/db/client';
import { random } from '../../scripts/bench-search';

/**
 * scrutineer_rank() (native/scrutineer_rank.c, built by `npm run
 * build:assets`) ranks as bm25() does: for a query of one phrase without
 * bm25()'s second pass over the index (the order does not depend on it), and
 * for several phrases with the same weights, so the same scores.
 */
const db = openDatabase(':memory:');
afterAll(() => closeDatabase(db));

const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'care', 'home', 'hospital', 'discharge', 'report', 'the'];
const rand = random(3);
const sqlite = db.$client;
sqlite.transaction(() => {
  const insert = sqlite.prepare('insert into search_public (rowid, title, body) values (?, ?, ?)');
  for (let i = 1; i <= 400; i++) {
    const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
    insert.run(i, words(1 + Math.floor(rand() * 5)), words(5 + Math.floor(rand() * 80)));
  }
})();

const ranked = (fn: string, fts: string) =>
  sqlite
    .prepare(
      `select rowid as id, ${fn}(search_public, 4.0, 1.0) as score from search_public where search_public match ? order by score, rowid`,
    )
    .all(fts) as { id: number; score: number }[];

describe('search’s ranking function', () => {
  it('is loaded into every connection', () => {
    expect(rankFunction(db)).toBe('scrutineer_rank');
  });

  it.each(['"alpha"', '"hospital" "discharge"', '"care home"', '"care home" "report"', '"the"', '"alpha"* "beta"'])(
    'orders %s as bm25() does',
    (fts) => {
      const theirs = ranked('bm25', fts);
      const ours = ranked('scrutineer_rank', fts);
      expect(theirs.length).toBeGreaterThan(5);
      expect(ours.map((r) => r.id)).toEqual(theirs.map((r) => r.id));
      const phrases = fts.match(/"[^"]*"\*?/g)?.length ?? 0;
      const ratios = theirs.map((r, k) => r.score / (ours[k]?.score ?? NaN));
      if (phrases > 1)
        // Several phrases: the same weights, the same scores.
        for (const [k, r] of theirs.entries()) expect(ours[k]?.score).toBeCloseTo(r.score, 12);
      // One phrase: every score is bm25()'s over the same weight (the phrase's IDF).
      else for (const ratio of ratios) expect(ratio).toBeCloseTo(ratios[0] ?? NaN, 9);
    },
  );
});
