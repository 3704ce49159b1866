import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { buildTestApp } from '../helpers/app';
import { Client, DEMO_CLERK } from '../helpers/client';
import { parse, tableRows, textOf } from '../helpers/html';
import { PDFDocument } from 'pdf-lib';
import { textDocx, textPdf } from '../helpers/documents';
import { createMeeting } from '../helpers/factories';
import type { Database } from '../../src/db/client';
import { closeDatabase, openDatabase } from '../../src/db/client';
import { loadDemoData } from '../../src/features/demo/commands';
import { FileStore } from '../../src/lib/files';
import {
  agendaItems,
  meetings,
  committees,
  people,
  attendance,
  declarations,
  resolutions,
  actionOwners,
  actions,
  auditLog,
} from '../../src/db/schema';

/** Importing minutes from plain text: the upload and preview on the minutes screen, and the command line. */
// The paper as the January agenda pack prints it: the minutes the demo was loaded from, then their appendix.
const MINUTES = Buffer.concat(
  ['minutes-2020-11-05', 'minutes-2020-11-05-appendix'].map((f) =>
    fs.readFileSync(`src/features/demo/papers/${f}.txt`),
  ),
);
let app: FastifyInstance;
let db: Database;
let clerk: Client;
let november: number;

beforeAll(async () => {
  ({ app, db } = await buildTestApp({ demo: true, now: new Date('2020-12-01T10:00:00Z') }));
  november = db.select().from(meetings).orderBy(asc(meetings.startsAt)).get()?.id ?? 0;
  clerk = new Client(app);
  await clerk.signIn(DEMO_CLERK.email, DEMO_CLERK.password);
});
afterAll(() => app.close());

const importUrl = (id: number) => `/manage/meetings/${id}/minutes/import`;
const upload = async (id: number, file: { filename: string; bytes: Uint8Array } | null, text = '') =>
  clerk.upload(
    importUrl(id),
    { _csrf: await clerk.csrfToken(importUrl(id)), text },
    file ? { field: 'file', type: 'text/plain', ...file } : null,
  );
const personId = (name: string) => db.select().from(people).where(eq(people.name, name)).get()?.id;

describe('uploading minutes on the minutes screen', () => {
  it('shows what was read, who each name is in the directory, and what the import would replace, before saving anything', async () => {
    const before = db.select().from(attendance).where(eq(attendance.meetingId, november)).all();
    const res = await upload(november, { filename: 'minutes-5-november.txt', bytes: MINUTES });
    expect(res.statusCode).toBe(200);
    const text = textOf(res.body);
    expect(text).toContain(
      'Read 12 items, 18 attendees, 3 declarations, 5 resolutions and 5 actions from minutes dated 5 November 2020, 10:00 to 13:24.',
    );
    expect(text).toContain(
      'K Patel declared an interest under item 8 but is not a member of the committee: it stays in the minute text only.',
    );
    expect(text).toContain('Importing replaces what these minutes hold now');
    const rows = tableRows(res.body, 'table:has(caption:contains("Attendance as read"))');
    expect(rows).toContain('Zoe McIntosh | Present | Ms Z McIntosh (same name)');
    expect(rows).toContain('A Macpherson | In attendance | Cllr A Macpherson (same name)');
    expect(rows).toContain('L Wood | Apologies | L Wood (same name)');
    expect(parse(res.body)('#confirm-import').length).toBe(1);
    // Nothing saved yet.
    expect(db.select().from(attendance).where(eq(attendance.meetingId, november)).all()).toEqual(before);
  });

  it('lists what looks unlikely under the item it is about, with the text concerned', async () => {
    const res = await upload(
      november,
      null,
      'Minutes of the meeting held on 5 November 2020\n\nPresent: Cllr A Smith (Chairman)\n\n1. Apologies\nNone.\n\n3. Finance\nThe accounts were discussed.\n\nRESOLVED:\n\n4. Close\nClosed.',
    );
    expect(res.statusCode).toBe(200);
    const $ = parse(res.body);
    expect(textOf(res.body)).toContain('2 things to check in the items, each said under its item below.');
    const finance = $('section:has(h3:contains("3. Finance"))');
    expect(finance.find('h4').text()).toContain('Check');
    expect(
      finance
        .find('li')
        .map((_, li) => $(li).text().replace(/\s+/g, ' ').trim())
        .get(),
    ).toEqual([
      'The items go from 1 to 3: check no item was missed in between. 3. Finance',
      'A decision marker in item 3 gave no resolution: check the resolution was not lost. RESOLVED:',
    ]);
    expect(finance.find('q').first().text()).toBe('3. Finance');
    expect($('section:has(h3:contains("1. Apologies")) h4').length).toBe(0);
  });

  it('imports on confirmation: attendance, declarations by members, resolutions and actions with their owners', async () => {
    const preview = await upload(november, { filename: 'minutes-5-november.txt', bytes: MINUTES });
    const text = parse(preview.body)('input[name="text"]').val() as string;
    const res = await clerk.upload(
      `${importUrl(november)}/confirm`,
      { _csrf: await clerk.csrfToken(importUrl(november)), text },
      null,
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/manage/meetings/${november}/minutes`);

    const attended = db.select().from(attendance).where(eq(attendance.meetingId, november)).all();
    expect(attended).toHaveLength(18);
    expect(attended.filter((a) => a.status === 'present')).toHaveLength(15);
    expect(attended.find((a) => a.personId === personId('Ms Z McIntosh'))?.status).toBe('present');
    expect(attended.find((a) => a.personId === personId('L Wood'))?.status).toBe('apologies');
    expect(attended.find((a) => a.personId === personId('Mrs E Wheaton'))?.status).toBe('in_attendance');

    const declared = db.select().from(declarations).where(eq(declarations.meetingId, november)).all();
    expect(declared.map((d) => [d.personId, d.nature])).toEqual([
      [personId('A Turner'), 'he was a trustee of an independent adult day care provider charity'],
      [
        personId('J MacBean'),
        'having known Mr Kalpesh Patel for several years as he was the Chairman of the local Rotary group and an owner of numerous pharmacies',
      ],
    ]);

    const itemIds = db
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, november))
      .orderBy(asc(agendaItems.position))
      .all()
      .map((i) => i.id);
    expect(itemIds).toHaveLength(12);
    expect(
      db
        .select()
        .from(resolutions)
        .where(inArray(resolutions.agendaItemId, itemIds))
        .all()
        .map((r) => r.outcome),
    ).toEqual(['AGREED', 'NOTED', 'DISCUSSED', 'APPROVED', 'APPROVED']);
    const minuted = db.select().from(actions).where(inArray(actions.agendaItemId, itemIds)).all();
    const owners = db
      .select()
      .from(actionOwners)
      .where(
        inArray(
          actionOwners.actionId,
          minuted.map((a) => a.id),
        ),
      )
      .orderBy(asc(actionOwners.actionId), asc(actionOwners.position))
      .all();
    expect(owners.map((o) => [o.name, o.personId])).toEqual([
      ['The Chairman', personId('J MacBean')],
      ['Mr A Turner', personId('A Turner')],
      ['Ms F Cayley', personId('Ms F Cayley')],
      ['Ms F Momem', null], // the directory spells her Momen: kept as minuted, not guessed
      ['Mr Leveson', null], // a surname alone is not linked
      ['Chairman', personId('J MacBean')],
      ['L Wheaton', personId('Mrs E Wheaton')], // the directory has her in full as Liz Wheaton
    ]);
    // One audit entry for this import (the demo's own minutes were loaded through the importer too).
    const imports = db.select().from(auditLog).where(eq(auditLog.action, 'minutes.import')).all();
    expect(imports.filter((e) => e.userEmail !== 'system:demo')).toHaveLength(1);
    const screen = textOf((await clerk.get(`/manage/meetings/${november}/minutes`)).body);
    expect(screen).toContain('Changes recorded here since version 1 are not yet published.');
  });

  it('adds the items of a meeting with no agenda, each of the kind its title says', async () => {
    const committeeId = db.select().from(committees).get()?.id ?? 0;
    const bare = createMeeting(db, committeeId, { date: '2020-11-05', time: '14:00', status: 'held' });
    const preview = await upload(bare.id, null, MINUTES.toString('utf8'));
    expect(textOf(preview.body)).toContain('A new agenda item is added for it.');
    const text = parse(preview.body)('input[name="text"]').val() as string;
    await clerk.upload(
      `${importUrl(bare.id)}/confirm`,
      { _csrf: await clerk.csrfToken(importUrl(bare.id)), text },
      null,
    );
    const created = db
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, bare.id))
      .orderBy(asc(agendaItems.position))
      .all();
    expect(created.map((i) => i.kind)).toEqual([
      'apologies',
      'declarations',
      'minutes',
      'public_questions',
      'chairmans_update',
      'business',
      'business',
      'business',
      'business',
      'work_programme',
      'business',
      'next_meeting',
    ]);
    expect(created[1]?.minuteText).toBe(
      'Mr A Turner declared an interest as he was a trustee of an independent adult day care provider charity.',
    );
  });

  it('imports an action the minutes give nobody, with no owner, and says so in the preview', async () => {
    const committeeId = db.select().from(committees).get()?.id ?? 0;
    const bare = createMeeting(db, committeeId, { date: '2020-11-05', time: '14:00', status: 'held' });
    const minutes = [
      'Minutes of the meeting held on 5 November 2020',
      '',
      'Present: Cllr Jane MacBean (Chairman)',
      '',
      '1. Dog fouling signs',
      'Cllr MacBean has a quote for £30.',
      '',
      'ACTIONS: Cllr MacBean to order the signs. Payment to be approved at next meeting.',
    ].join('\n');
    const preview = await upload(bare.id, null, minutes);
    expect(textOf(preview.body)).toContain('Payment to be approved at next meeting.');
    expect(textOf(preview.body)).toContain('has no owner in the minutes');
    const text = parse(preview.body)('input[name="text"]').val() as string;
    await clerk.upload(
      `${importUrl(bare.id)}/confirm`,
      { _csrf: await clerk.csrfToken(importUrl(bare.id)), text },
      null,
    );
    const item = db.select().from(agendaItems).where(eq(agendaItems.meetingId, bare.id)).get();
    const saved = db
      .select()
      .from(actions)
      .where(eq(actions.agendaItemId, item?.id ?? 0))
      .orderBy(asc(actions.position))
      .all();
    expect(saved.map((a) => a.description)).toEqual(['To order the signs.', 'Payment to be approved at next meeting.']);
    const owners = (id: number | undefined) =>
      db
        .select()
        .from(actionOwners)
        .where(eq(actionOwners.actionId, id ?? 0))
        .all()
        .map((o) => o.name);
    expect(owners(saved[0]?.id)).toEqual(['Cllr MacBean']);
    expect(owners(saved[1]?.id)).toEqual([]);
  });

  it('reads a Word document or a PDF of the minutes as their text, and imports that text on confirmation', async () => {
    for (const [filename, bytes] of [
      ['minutes-5-november.docx', await textDocx(MINUTES.toString('utf8'))],
      ['minutes-5-november.pdf', await textPdf(MINUTES.toString('utf8'))],
    ] as const) {
      const res = await upload(november, { filename, bytes });
      expect(res.statusCode).toBe(200);
      expect(textOf(res.body)).toContain('Read 12 items, 18 attendees, 3 declarations, 5 resolutions and 5 actions');
      // The confirmation carries the text read from the file, not the file.
      const carried = parse(res.body)('input[name="text"]').val() as string;
      expect(carried).toContain('RESOLVED');
      expect(parse(res.body)('#confirm-import').length).toBe(1);
    }
  });

  it('says what it could not read in a PDF, an empty file or another layout, offering nothing to import', async () => {
    const scan = await PDFDocument.create();
    scan.addPage();
    const pdf = await upload(november, { filename: 'minutes.pdf', bytes: await scan.save() });
    expect(pdf.statusCode).toBe(200);
    expect(textOf(pdf.body)).toContain(
      'This PDF has no text to read (it may be a scan). Import the minutes as text, a Word document or a PDF saved from Word.',
    );
    expect(parse(pdf.body)('#confirm-import').length).toBe(0);

    const empty = await upload(november, { filename: 'empty.txt', bytes: new Uint8Array() });
    expect(textOf(empty.body)).toContain('The file is empty.');
    expect(parse(empty.body)('#confirm-import').length).toBe(0);

    const other = await upload(november, null, 'Notes of a chat\nWe talked about the budget.');
    expect(textOf(other.body)).toContain('No numbered items were found.');
    expect(textOf(other.body)).toContain('We talked about the budget.');
    expect(parse(other.body)('mark.app-unplaced').text()).toContain('We talked about the budget.');
    expect(parse(other.body)('#confirm-import').length).toBe(0);

    const nothing = await upload(november, null, '   ');
    expect(nothing.statusCode).toBe(422);
    expect(parse(nothing.body)('#file-error').text()).toContain(
      'Choose a file of the minutes (text, Word or PDF), or paste them into the box',
    );
  });
});

describe('npm run import', () => {
  const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-import-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const cli = (args: string[], dbFile = path.join(tmp, 'none.sqlite')) =>
    spawnSync(process.execPath, [TSX, 'scripts/import.ts', ...args], {
      env: { ...process.env, DATABASE_PATH: dbFile, NODE_ENV: 'test' },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('prints what it read as JSON with --dry-run, needing no meeting and saving nothing', () => {
    const run = cli(['minutes', 'src/features/demo/papers/minutes-2020-11-05.txt', '--dry-run']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report.attendance)).toEqual(['present', 'inAttendance', 'apologies', 'absent']);
    expect(report.attendance.present).toHaveLength(15);
    expect(report.declarations.map((d: { name: string }) => d.name)).toEqual([
      'Mr A Turner',
      'The Chairman',
      'K Patel',
    ]);
    expect(report.items).toHaveLength(12);
    expect(report.warnings).toEqual([]);
    expect(report.items[5]).toMatchObject({
      number: 6,
      title: 'Proposed closure of New Chapel Surgery, Long Crendon',
      resolutions: [],
      actions: [{ owners: ['Mr A Turner', 'Ms F Cayley', 'Ms F Momem'], text: 'To discuss Option 4' }],
      unplaced: [],
    });
    expect(fs.existsSync(path.join(tmp, 'none.sqlite'))).toBe(false);
  }, 60_000);

  it('imports into a meeting of the database, and refuses what it cannot import with a clear message', async () => {
    const dbFile = path.join(tmp, 'demo.sqlite');
    const setup = openDatabase(dbFile);
    await loadDemoData(setup, new FileStore(path.join(tmp, 'files')));
    closeDatabase(setup);

    const usage = cli(['minutes', 'src/features/demo/papers/minutes-2020-11-05.txt'], dbFile);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('Say which meeting the minutes are of, with --meeting <id>');
    const missing = cli(['minutes', 'no-such-file.txt', '--meeting', '1'], dbFile);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Cannot read no-such-file.txt: no such file');
    const binary = path.join(tmp, 'minutes.pdf');
    const scan = await PDFDocument.create();
    scan.addPage();
    fs.writeFileSync(binary, await scan.save());
    const refused = cli(['minutes', binary, '--meeting', '1'], dbFile);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Could not read: This PDF has no text to read (it may be a scan).');
    expect(refused.stderr).toContain('Not imported: No numbered items could be read, so there is nothing to import.');

    const run = cli(['minutes', 'src/features/demo/papers/minutes-2020-11-05.txt', '--meeting', '1'], dbFile);
    expect(run.stderr).toContain(
      'Check: K Patel declared an interest under item 8 but is not a member of the committee',
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'Imported into meeting 1: 12 items, 18 attendees, 2 declarations, 5 resolutions, 5 actions.',
    );
    const check = openDatabase(dbFile);
    expect(check.select().from(attendance).where(eq(attendance.meetingId, 1)).all()).toHaveLength(18);
    // The last import is the command line's (the demo's own minutes were loaded through the importer first).
    expect(
      check.select().from(auditLog).where(eq(auditLog.action, 'minutes.import')).orderBy(desc(auditLog.id)).get()
        ?.userEmail,
    ).toBe('system:import');
    closeDatabase(check);
  }, 90_000);
});
