/**
 * Benchmarks (a script, not a test: timings belong here, never in assertions).
 *
 *   npm run bench
 *
 * 1. Builds an agenda pack of 10 papers and 300 pages (both the public pack
 *    and the members' pack), as publishing does. Target: well under 3 s.
 * 2. Renders the demo's public pages repeatedly.
 * 3. Minute-taking: the clerk's minutes screen, reading and planning an
 *    import of the 5 November 2020 minutes, and building their PDF.
 * 4. Follow-up: 100,000 actions over HTTP, 10 clients at once, beside a
 *    bare Fastify route serving the same bytes (./bench-actions.ts).
 * 5. HTTP: the demo's public pages at 50 connections beside a bare Fastify
 *    route, uncached renders, and the clerk's autosave under load
 *    (./bench-http.ts).
 * 6. Search: 2,000 meetings and 20,000 pages of paper text indexed, then
 *    /search over HTTP, 10 clients at once (./bench-search.ts).
 * Set BENCH=actions, BENCH=http or BENCH=search to run only that part.
 */
import fs from 'node:fs';
import { benchHttp } from './bench-http';
import { performance } from 'node:perf_hooks';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { buildPacks, layoutPack, type PackInput } from '../src/features/agenda/pack';
import type { AgendaSnapshotItem } from '../src/db/schema';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/client';
import { meetings } from '../src/db/schema';
import { getMinutesEditor, getPublicMinutes } from '../src/features/minutes/queries';
import { parseMinutesFile } from '../src/features/minutes/import/parse';
import { planImport } from '../src/features/minutes/import/apply';
import { minutesPdf } from '../src/features/minutes/pdf';
import { MinutesScreen } from '../views/minutes/MinutesScreen';
import { benchActions } from './bench-actions';
import { benchSearch } from './bench-search';

async function paper(label: string, pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([595.28, 841.89]);
    for (let line = 0; line < 45; line++) {
      page.drawText(`${label}, page ${i}: paragraph ${line} of the report, with enough words to fill a line.`, {
        x: 56,
        y: 780 - line * 16,
        size: 10,
        font,
      });
    }
  }
  return doc.save();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function benchPack(): Promise<void> {
  const papers = new Map<number, Uint8Array>();
  const items: AgendaSnapshotItem[] = [];
  for (let i = 1; i <= 10; i++) {
    papers.set(i, await paper(`Paper ${i}`, 30));
    items.push({
      id: i,
      number: i,
      kind: 'business',
      title: `Item ${i}: a report to the committee`,
      purpose: 'The Committee will hear from officers and partners and is asked to note the report.',
      plannedStart: `${String(10 + Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`,
      exemptParagraph: null,
      exemptReason: null,
      lateReason: null,
      confirmsMinutesOfMeetingId: null,
      presenters: [{ personId: null, name: 'Ms A Officer', capacity: 'Director' }],
      papers: [
        {
          documentId: i,
          title: `Paper ${i}`,
          kind: 'report',
          exemptParagraph: null,
          pageCount: 30,
          packStartPage: null,
          packEndPage: null,
          byteSize: papers.get(i)?.length ?? 0,
        },
      ],
    });
  }
  const input: PackInput = {
    committeeName: 'Benchmark Select Committee',
    startsAt: new Date('2030-06-06T09:00:00Z'),
    endsAt: null,
    venue: 'Council Chamber',
    members: Array.from({ length: 15 }, (_, i) => ({
      name: `Cllr Member ${i + 1}`,
      note: i === 0 ? 'Chairman' : null,
    })),
    contact: { name: 'The Clerk', email: 'clerk@example.gov.uk', phone: null },
    items,
    version: 1,
  };
  const times: number[] = [];
  let pages = 0;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    const layout = layoutPack(input);
    const built = await buildPacks(input, layout, (id) => papers.get(id) ?? new Uint8Array());
    times.push(performance.now() - start);
    pages = layout.publicPages;
    if (run === 0)
      console.log(
        `  pack: ${pages} pages, public ${Math.round(built.publicPack.length / 1024)} KB, members ${Math.round(built.fullPack.length / 1024)} KB`,
      );
  }
  const paperPages = items.reduce((n, item) => n + item.papers.reduce((m, p) => m + (p.pageCount ?? 0), 0), 0);
  console.log(
    `Agenda pack, 10 papers, ${paperPages} pages of papers (${pages} with the front sheet): median ${Math.round(median(times))} ms (runs: ${times.map((t) => Math.round(t)).join(', ')} ms)`,
  );
}

async function benchPages(): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_PATH: ':memory:', LOG_LEVEL: 'silent' });
  const db = openDatabase(':memory:');
  const app = await buildApp({ ...config, loadDemoData: true }, { db });
  await app.ready();
  await app.packs.idle();
  const meeting = db
    .select()
    .from(meetings)
    .all()
    .find((m) => m.startsAt.toISOString().startsWith('2021-01-07'));
  const november = db
    .select()
    .from(meetings)
    .all()
    .find((m) => m.startsAt.toISOString().startsWith('2020-11-05'));
  for (const [name, url] of [
    ['Public meeting page (7 January 2021)', `/meetings/${meeting?.id}`],
    ['Public meeting page with its minutes (5 November 2020)', `/meetings/${november?.id}`],
    ['Committee page', '/committees/health-and-adult-social-care'],
    ['Home page', '/'],
  ] as const) {
    for (let i = 0; i < 20; i++) await app.inject(url); // warm up
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const start = performance.now();
      const res = await app.inject(url);
      times.push(performance.now() - start);
      if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
    }
    console.log(
      `${name}: median ${median(times).toFixed(2)} ms, slowest ${Math.max(...times).toFixed(2)} ms (200 requests)`,
    );
  }
  await app.close();
}

/** Minute-taking: the clerk's screen as it redraws, reading a file of minutes, the minutes PDF. */
async function benchMinutes(): Promise<void> {
  const db = openDatabase(':memory:');
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_PATH: ':memory:', LOG_LEVEL: 'silent' });
  const app = await buildApp({ ...config, loadDemoData: true }, { db });
  await app.ready();
  const november = db
    .select()
    .from(meetings)
    .all()
    .find((m) => m.startsAt.toISOString().startsWith('2020-11-05'));
  const id = november?.id ?? 0;
  const timed = (name: string, runs: number, fn: () => unknown) => {
    for (let i = 0; i < 5; i++) fn();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      fn();
      times.push(performance.now() - start);
    }
    console.log(
      `${name}: median ${median(times).toFixed(2)} ms, slowest ${Math.max(...times).toFixed(2)} ms (${runs} runs)`,
    );
  };
  timed('Minutes screen, read and rendered (5 November 2020, 12 items)', 100, () => {
    const data = getMinutesEditor(db, id);
    if (!data) throw new Error('no minutes');
    return MinutesScreen({ data, csrfToken: 'x', canEdit: true, userId: 1 });
  });
  // The paper as the pack prints it: the minutes, then their appendix.
  const text = Buffer.concat(
    ['minutes-2020-11-05', 'minutes-2020-11-05-appendix'].map((f) =>
      fs.readFileSync(new URL(`../src/features/demo/papers/${f}.txt`, import.meta.url)),
    ),
  );
  timed('Reading the 16 pages of minutes of 5 November 2020 (import)', 100, () => parseMinutesFile(text));
  timed('Planning their import into the meeting', 100, () => planImport(db, id, parseMinutesFile(text)));
  const minutes = getPublicMinutes(db, id);
  if (!minutes) throw new Error('no public minutes');
  const pdfTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await minutesPdf({
      committeeName: 'Health & Adult Social Care Select Committee',
      startsAt: november?.startsAt ?? new Date(),
      minutes,
    });
    pdfTimes.push(performance.now() - start);
  }
  console.log(`Minutes PDF (5 November 2020): median ${Math.round(median(pdfTimes))} ms (5 runs)`);
  await app.close();
}

console.log(`Node ${process.version}`);
const only = process.env.BENCH;
if (!only) {
  await benchPack();
  await benchPages();
  await benchMinutes();
}
if (!only || only === 'http') await benchHttp();
if (!only || only === 'actions') await benchActions();
if (!only || only === 'search') await benchSearch();
