/**
 * Benchmarks (a script, not a test: timings belong here, never in assertions).
 *
 *   npm run bench
 *
 * 1. Builds an agenda pack of 10 papers and 300 pages (both the public pack
 *    and the members' pack), as publishing does. Target: well under 3 s.
 * 2. Renders the demo's public meeting page and agenda editor repeatedly.
 */
import { performance } from 'node:perf_hooks';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { buildPacks, layoutPack, type PackInput } from '../src/features/agenda/pack';
import type { AgendaSnapshotItem } from '../src/features/agenda/snapshot';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/client';
import { meetings } from '../src/features/meetings/schema';

async function paper(label: string, pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([595.28, 841.89]);
    for (let line = 0; line < 45; line++) {
      page.drawText(`${label}, page ${i}: paragraph ${line} of the report, with enough words to fill a line.`, { x: 56, y: 780 - line * 16, size: 10, font });
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
      papers: [{ documentId: i, title: `Paper ${i}`, kind: 'report', exemptParagraph: null, pageCount: 30, packStartPage: null, packEndPage: null, byteSize: papers.get(i)?.length ?? 0 }],
    });
  }
  const input: PackInput = {
    committeeName: 'Benchmark Select Committee',
    startsAt: new Date('2030-06-06T09:00:00Z'),
    endsAt: null,
    venue: 'Council Chamber',
    members: Array.from({ length: 15 }, (_, i) => ({ name: `Cllr Member ${i + 1}`, note: i === 0 ? 'Chairman' : null })),
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
    if (run === 0) console.log(`  pack: ${pages} pages, public ${Math.round(built.publicPack.length / 1024)} KB, members ${Math.round(built.fullPack.length / 1024)} KB`);
  }
  const paperPages = items.reduce((n, item) => n + item.papers.reduce((m, p) => m + (p.pageCount ?? 0), 0), 0);
  console.log(`Agenda pack, 10 papers, ${paperPages} pages of papers (${pages} with the front sheet): median ${Math.round(median(times))} ms (runs: ${times.map((t) => Math.round(t)).join(', ')} ms)`);
}

async function benchPages(): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_PATH: ':memory:', LOG_LEVEL: 'silent' });
  const db = openDatabase(':memory:');
  const app = await buildApp({ ...config, loadDemoData: true }, { db });
  await app.ready();
  await app.packs.idle();
  const meeting = db.select().from(meetings).all().find((m) => m.startsAt.toISOString().startsWith('2021-01-07'));
  for (const [name, url] of [
    ['Public meeting page (7 January 2021)', `/meetings/${meeting?.id}`],
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
    console.log(`${name}: median ${median(times).toFixed(2)} ms, slowest ${Math.max(...times).toFixed(2)} ms (200 requests)`);
  }
  await app.close();
}

console.log(`Node ${process.version}`);
await benchPack();
await benchPages();
