/**
 * The search benchmark (part of `npm run bench`, or BENCH=search): a generated
 * corpus of 2,000 meetings with published agendas and 20,000 pages of paper
 * text, indexed by the app's own indexer; then /search over real HTTP, 10
 * clients at once, the app in a process of its own, over a fixed set of 100
 * one- and two-word queries (rare, middling and common words of the corpus)
 * and 20 phrases. Each asks for the first page of 20 results with snippets
 * and a count (capped at "more than 1,000").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import { closeDatabase, openDatabase, type Database } from '../src/db/client';
import { catchUp } from '../src/features/search/indexer';
import { ready, start } from './bench-http';

const COMMITTEES = 20;
const MEETINGS = 2000;
const ITEMS_PER_MEETING = 5;
const PAPERS_PER_MEETING = 2;
const PAGES_PER_PAPER = 5; // 2,000 meetings × 2 papers × 5 pages = 20,000 pages
const WORDS_PER_PAGE = 300;
const CLIENTS = 10;

/** A small deterministic generator (mulberry32): the same corpus every run. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The vocabulary of the demo's real papers, most frequent first. */
export function vocabulary(): string[] {
  const dir = new URL('../src/features/demo/papers/', import.meta.url);
  const counts = new Map<string, number>();
  for (const file of fs.readdirSync(dir))
    for (const w of fs
      .readFileSync(new URL(file, dir), 'utf8')
      .toLowerCase()
      .match(/[a-z]{2,}/g) ?? [])
      counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([w]) => w);
}

/** Words drawn with Zipf's law over the vocabulary, as real text is. */
function writer(words: string[], rand: () => number) {
  const weights = words.map((_, i) => 1 / (i + 1));
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const total = cumulative[cumulative.length - 1] ?? 1;
  const word = () => {
    const x = rand() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo] ?? 'the';
  };
  return (n: number) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(i % 15 === 14 ? `${word()}.\n` : word());
    return out.join(' ');
  };
}

export function generate(db: Database, words: string[], now: Date): string[] {
  const rand = random(7);
  const text = writer(words, rand);
  const sqlite = db.$client;
  const pages: string[] = [];
  sqlite.exec('begin');
  const committee = sqlite.prepare(
    "insert into committees (name, slug, kind, status) values (?, ?, 'select', 'active') returning id",
  );
  const meeting = sqlite.prepare(
    "insert into meetings (committee_id, starts_at, status, agenda_status) values (?, ?, 'held', 'published') returning id",
  );
  const item = sqlite.prepare(
    "insert into agenda_items (meeting_id, position, kind, title, purpose) values (?, ?, 'business', ?, ?) returning id",
  );
  const document = sqlite.prepare(
    "insert into documents (meeting_id, agenda_item_id, title, kind, position, page_count, text_pages) values (?, ?, ?, 'report', 1, ?, ?) returning id",
  );
  const page = sqlite.prepare('insert into document_pages (document_id, page, text) values (?, ?, ?)');
  const version = sqlite.prepare(
    "insert into agenda_versions (meeting_id, version, published_at, snapshot, pack_status) values (?, 1, ?, ?, 'ready')",
  );
  const committeeIds = Array.from(
    { length: COMMITTEES },
    (_, c) => (committee.get(`Bench ${c + 1} Scrutiny Committee`, `search-${c + 1}`) as { id: number }).id,
  );
  const day = 86_400_000;
  for (let m = 0; m < MEETINGS; m++) {
    const startsAt = now.getTime() - (MEETINGS - m) * day;
    const meetingId = (meeting.get(committeeIds[m % COMMITTEES], startsAt) as { id: number }).id;
    const items = [];
    for (let i = 1; i <= ITEMS_PER_MEETING; i++) {
      const title = text(6).replace(/[.\n]/g, '');
      const purpose = text(40);
      const itemId = (item.get(meetingId, i, title, purpose) as { id: number }).id;
      const papers = [];
      if (i <= PAPERS_PER_MEETING) {
        const paperTitle = `Report: ${text(4).replace(/[.\n]/g, '')}`;
        const documentId = (
          document.get(meetingId, itemId, paperTitle, PAGES_PER_PAPER, PAGES_PER_PAPER) as { id: number }
        ).id;
        for (let p = 1; p <= PAGES_PER_PAPER; p++) {
          const body = text(WORDS_PER_PAGE);
          page.run(documentId, p, body);
          pages.push(body);
        }
        papers.push({
          documentId,
          title: paperTitle,
          kind: 'report',
          exemptParagraph: null,
          pageCount: PAGES_PER_PAPER,
          packStartPage: null,
          packEndPage: null,
          byteSize: null,
        });
      }
      items.push({
        id: itemId,
        number: i,
        kind: 'business',
        title,
        purpose,
        plannedStart: null,
        exemptParagraph: null,
        exemptReason: null,
        lateReason: null,
        confirmsMinutesOfMeetingId: null,
        presenters: [],
        papers,
      });
    }
    version.run(meetingId, startsAt - 7 * day, JSON.stringify({ items, questions: [] }));
  }
  sqlite.exec('commit');
  return pages;
}

/** 100 one- and two-word queries across rare, middling and common words, and 20 phrases from the pages. */
export function querySet(pages: string[], rand: () => number): string[] {
  const counts = new Map<string, number>();
  for (const p of pages) for (const w of new Set(p.match(/[a-z]+/g) ?? [])) counts.set(w, (counts.get(w) ?? 0) + 1);
  const byFrequency = [...counts].filter(([w]) => w.length > 3).sort((a, b) => b[1] - a[1]);
  const band = (from: number, to: number) =>
    byFrequency.slice(Math.floor(from * byFrequency.length), Math.ceil(to * byFrequency.length));
  const bands = { common: band(0, 0.02), middling: band(0.2, 0.4), rare: band(0.8, 1) };
  const pick = (xs: [string, number][]) => xs[Math.floor(rand() * xs.length)]?.[0] ?? 'care';
  const queries: string[] = [];
  for (const b of [bands.common, bands.middling, bands.rare]) {
    for (let i = 0; i < 17; i++) queries.push(pick(b));
    for (let i = 0; i < 16; i++) queries.push(`${pick(b)} ${pick(bands.common)}`);
  }
  queries.push(pick(bands.middling));
  for (let i = 0; i < 20; i++) {
    const words = (pages[Math.floor(rand() * pages.length)] ?? '').match(/[a-z]+/g) ?? [];
    const at = Math.floor(rand() * Math.max(1, words.length - 3));
    queries.push(`"${words.slice(at, at + 2 + (i % 2)).join(' ')}"`);
  }
  return queries;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function load(urls: string[], rounds: number, headers: Record<string, string>): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  const total = urls.length * rounds;
  const worker = async () => {
    while (next < total) {
      const url = urls[next++ % urls.length] ?? '';
      const t = performance.now();
      const res = await request(url, { headers });
      await res.body.text();
      if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, worker));
  return times.sort((a, b) => a - b);
}

export async function benchSearch(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-search-'));
  const dbPath = path.join(dir, 'search.sqlite');
  const now = new Date();
  const db = openDatabase(dbPath);
  let t = performance.now();
  const pages = generate(db, vocabulary(), now);
  console.log(
    `Search corpus: ${MEETINGS.toLocaleString('en-GB')} meetings, ${pages.length.toLocaleString('en-GB')} pages of paper text (${Math.round(performance.now() - t)} ms to generate)`,
  );
  const before = fs.statSync(dbPath).size;
  t = performance.now();
  const units = catchUp(db);
  const built = performance.now() - t;
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  const entries = (db.$client.prepare('select count(*) as n from search_entries').get() as { n: number }).n;
  closeDatabase(db);
  const after = fs.statSync(dbPath).size;
  console.log(
    `Index build: ${units.toLocaleString('en-GB')} meetings, ${entries.toLocaleString('en-GB')} entries in ${(built / 1000).toFixed(1)} s; database ${Math.round(before / 1048576)} MB before, ${Math.round(after / 1048576)} MB with the index`,
  );

  const port = 5000 + Math.floor(Math.random() * 400);
  const app = start('src/server.ts', {
    DATABASE_PATH: dbPath,
    PORT: String(port),
    HOST: '127.0.0.1',
    DEMO_DATA: 'false',
  });
  const base = `http://127.0.0.1:${port}`;
  await ready(`${base}/healthz`);
  const queries = querySet(pages, random(11));
  const urls = queries.map((q) => `${base}/search?q=${encodeURIComponent(q)}`);
  // Uncached: a cookie that names no session skips the page cache, so each search runs.
  const uncached = { cookie: 'scrutineer=none' };
  // Warmed up first, as the follow-up bench is (./bench-actions.ts): about 1,000 searches (8 rounds of the
  // 120), so the server and its search workers (each its own V8 isolate, compiling its own code) are
  // measured as they run, not while they compile; the first round alone is reported too.
  const cold = await load(urls, 1, uncached);
  console.log(
    `/search, all 120, uncached, the first round after start: p50 ${percentile(cold, 50).toFixed(1)} ms, p99 ${percentile(cold, 99).toFixed(1)} ms`,
  );
  await load(urls, 7, uncached);
  const kinds = [
    ['one and two words', urls.slice(0, 100)],
    ['phrases', urls.slice(100)],
    ['all 120', urls],
  ] as const;
  for (const [name, set] of kinds) {
    const times = await load(set, name === 'all 120' ? 5 : 3, uncached);
    console.log(
      `/search, ${name}, uncached: p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms (${times.length} requests, ${CLIENTS} clients)`,
    );
  }
  await load(urls, 1, {});
  const cached = await load(urls, 5, {});
  console.log(
    `/search, all 120, as a visitor (from memory once asked): p50 ${percentile(cached, 50).toFixed(1)} ms, p99 ${percentile(cached, 99).toFixed(1)} ms`,
  );
  app.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  fs.rmSync(dir, { recursive: true, force: true });
}
