/**
 * Reads every document of the corpus of real minutes (tests/fixtures/minutes)
 * with the importer and compares what it read with what was written by hand
 * in each document's .expected.json: per document, each count and whether
 * every action's owners and text were found.
 *
 *   npm run minutes-corpus            one line per document, then the totals
 *   npm run minutes-corpus -- --diff  also what differs, document by document
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseMinutesUpload } from '../src/features/minutes/import/read';
import type { ParsedMinutes } from '../src/features/minutes/import/parse';

export interface ExpectedMinutes {
  file: string;
  council: string;
  body: string;
  date: string | null;
  startedAt: string | null;
  endedAt: string | null;
  present: string[];
  apologies: string[];
  inAttendance: string[];
  absent: string[];
  declarations: { name: string; item: number | null }[];
  items: { number: number; title: string; resolutions: number; actions: { owners: string[]; text: string }[] }[];
}

export const CORPUS = path.resolve('tests/fixtures/minutes');

/** Names compared as people write them: without titles, initials' full stops, case or spacing. */
export function personKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[.,]/g, ' ')
    .replace(/\b(?:councillors?|cllrs?|mr|mrs|ms|miss|dr|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** What differs between what was read and what was expected, as short sentences; none when all is right. */
export function compare(parsed: ParsedMinutes, expected: ExpectedMinutes): string[] {
  const out: string[] = [];
  const same = (what: string, got: unknown, want: unknown) => {
    if (JSON.stringify(got) !== JSON.stringify(want))
      out.push(`${what}: read ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  };
  same('date', parsed.date, expected.date);
  same('started', parsed.startedAt, expected.startedAt);
  same('ended', parsed.endedAt, expected.endedAt);
  const names = (list: { name: string }[]) => list.map((a) => personKey(a.name)).sort();
  same('present', names(parsed.attendance.present), expected.present.map(personKey).sort());
  same('apologies', names(parsed.attendance.apologies), expected.apologies.map(personKey).sort());
  same('in attendance', names(parsed.attendance.inAttendance), expected.inAttendance.map(personKey).sort());
  same('absent', names(parsed.attendance.absent), expected.absent.map(personKey).sort());
  same(
    'declarations',
    parsed.declarations.map((d) => `${personKey(d.name)} @${d.itemNumber ?? '-'}`).sort(),
    expected.declarations.map((d) => `${personKey(d.name)} @${d.item ?? '-'}`).sort(),
  );
  same(
    'items',
    parsed.items.map((i) => i.number),
    expected.items.map((i) => i.number),
  );
  expected.items.forEach((want, index) => {
    const got = parsed.items[index];
    if (!got || got.number !== want.number) return;
    if (!words(got.title).startsWith(words(want.title)) && !words(want.title).startsWith(words(got.title)))
      out.push(`item ${want.number} title: read "${got.title}", expected "${want.title}"`);
    same(`item ${want.number} resolutions`, got.resolutions.length, want.resolutions);
    same(`item ${want.number} actions`, got.actions.length, want.actions.length);
    want.actions.forEach((action, a) => {
      const found = got.actions[a];
      if (!found) return;
      same(`item ${want.number} action ${a + 1} owners`, found.owners.map(personKey), action.owners.map(personKey));
      if (!words(found.description).includes(words(action.text)))
        out.push(`item ${want.number} action ${a + 1} text: read "${found.description}", expected "${action.text}"`);
    });
  });
  return out;
}

/** Every document of the corpus with what was expected of it. */
export function corpus(): { name: string; file: string; expected: ExpectedMinutes }[] {
  return fs
    .readdirSync(CORPUS)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const expected = JSON.parse(fs.readFileSync(path.join(CORPUS, f), 'utf8')) as ExpectedMinutes;
      return { name: f.replace(/\.expected\.json$/, ''), file: path.join(CORPUS, expected.file), expected };
    });
}

async function main(): Promise<void> {
  const showDiff = process.argv.includes('--diff');
  let right = 0;
  const documents = corpus();
  for (const doc of documents) {
    const parsed = await parseMinutesUpload(fs.readFileSync(doc.file));
    const differences = compare(parsed, doc.expected);
    const resolutions = parsed.items.reduce((n, i) => n + i.resolutions.length, 0);
    const actions = parsed.items.reduce((n, i) => n + i.actions.length, 0);
    const want = doc.expected;
    const wantResolutions = want.items.reduce((n, i) => n + i.resolutions, 0);
    const wantActions = want.items.reduce((n, i) => n + i.actions.length, 0);
    if (differences.length === 0) right++;
    console.log(
      `${differences.length === 0 ? 'right' : `${differences.length} wrong`.padEnd(8)}  ${doc.name}: ` +
        `present ${parsed.attendance.present.length}/${want.present.length}, ` +
        `apologies ${parsed.attendance.apologies.length}/${want.apologies.length}, ` +
        `in attendance ${parsed.attendance.inAttendance.length}/${want.inAttendance.length}, ` +
        `declarations ${parsed.declarations.length}/${want.declarations.length}, ` +
        `items ${parsed.items.length}/${want.items.length}, ` +
        `resolutions ${resolutions}/${wantResolutions}, actions ${actions}/${wantActions} (read/expected)`,
    );
    if (showDiff) for (const d of differences) console.log(`      ${d}`);
  }
  console.log(`${right} of ${documents.length} documents read exactly.`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
