import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from './helpers/app';
import { Client, DEMO_CLERK } from './helpers/client';
import { textOf } from './helpers/html';
import { FileStore } from '../src/lib/files';
import { asc, eq, gt } from 'drizzle-orm';
import { openDatabase, closeDatabase, type Database } from '../src/db/client';
import { loadDemoData, databaseIsEmpty } from '../src/features/demo/commands';
import { DEMO_COMMITTEE_SLUG } from '../src/features/demo/fixture';
import { getCommitteePage } from '../src/features/committees/queries';
import { getPublicMeeting } from '../src/features/meetings/public';
import { agendaItems, committees, meetings, workProgrammeEntries, inquiries, agendaVersions } from '../src/db/schema';
import { formatDateTime } from '../src/lib/dates';

/**
 * The demo committee is what a new user meets first: these expectations are
 * written from reading the agenda pack of 7 January 2021, not from the fixture.
 */
let db: Database;
beforeAll(async () => {
  db = openDatabase(':memory:');
  expect(databaseIsEmpty(db)).toBe(true);
  // Loaded as of the pack's own time: the 2020–21 records alone.
  await loadDemoData(db, new FileStore(fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-demo-'))), {
    now: new Date('2021-01-01T09:00:00Z'),
  });
});
afterAll(() => closeDatabase(db));

function meetingOn(isoDate: string) {
  const all = db.select().from(meetings).orderBy(asc(meetings.startsAt)).all();
  const found = all.find((m) => m.startsAt.toISOString().startsWith(isoDate));
  if (!found) throw new Error(`no meeting on ${isoDate}`);
  return found;
}

describe('the demo committee', () => {
  it('is the Health & Adult Social Care Select Committee with its members and their roles', () => {
    expect(databaseIsEmpty(db)).toBe(false);
    const page = getCommitteePage(db, DEMO_COMMITTEE_SLUG, new Date('2021-01-01T00:00:00Z'));
    expect(page?.name).toBe('Health & Adult Social Care Select Committee');
    expect(page?.members).toHaveLength(16);
    expect(page?.members[0]).toMatchObject({ name: 'J MacBean', role: 'chairman' });
    expect(page?.members[1]).toMatchObject({ name: 'M Collins', role: 'vice_chairman' });
    expect(page?.members.find((m) => m.role === 'co_opted')).toMatchObject({
      name: 'Ms Z McIntosh',
      representing: 'Healthwatch Bucks',
      voting: false,
    });
    expect(page?.clerk).toMatchObject({ name: 'Liz Wheaton', jobTitle: 'Committee and Governance Adviser' });
    expect(page?.contactEmail).toBe('democracy@buckinghamshire.gov.uk');
  });

  it('has the meetings of 5 November 2020, 7 January 2021 and 4 March 2021 at 10am', () => {
    const all = db.select().from(meetings).orderBy(asc(meetings.startsAt)).all();
    expect(all.map((m) => formatDateTime(m.startsAt))).toEqual([
      'Thursday 5 November 2020, 10am',
      'Thursday 7 January 2021, 10am',
      'Thursday 4 March 2021, 10am',
    ]);
  });

  it('publishes the agenda of 7 January 2021: 11 items with times, presenters and page ranges', () => {
    const meeting = getPublicMeeting(db, meetingOn('2021-01-07').id, new Date('2021-01-01T09:00:00Z'));
    const items = meeting?.agenda?.items ?? [];
    expect(items).toHaveLength(11);
    const open = items.map((i) => {
      if (i.exempt) throw new Error('no exempt items in the demo');
      return i;
    });
    expect(open.map((i) => i.plannedStart)).toEqual([
      '10:00',
      null,
      null,
      '10:05',
      '10:15',
      '10:20',
      '10:25',
      '11:00',
      '11:45',
      '12:30',
      '12:45',
    ]);
    expect(open[5]?.title).toBe('Update from Healthwatch Bucks');
    expect(open[5]?.presenters).toEqual([
      { personId: expect.any(Number), name: 'Ms Z McIntosh', capacity: 'Chief Executive, Healthwatch Bucks' },
    ]);
    expect(open[8]?.presenters.map((p) => p.name)).toEqual([
      'Mr N Macdonald',
      'Mr D Gibbs',
      'Mr R Majilton',
      'Cllr A Macpherson',
      'Cllr G Williams',
      'Mrs G Quinton',
      'Dr J O’Grady',
    ]);
    // Each paper is as long as in the reference pack (pages 5 to 82 there); in our pack they
    // follow our own front sheet, one after the other.
    const papers = open.flatMap((i) =>
      i.papers.map((p) => ({ item: i.number, start: p.packStartPage ?? 0, end: p.packEndPage ?? 0 })),
    );
    expect(papers.map((p) => [p.item, p.end - p.start + 1])).toEqual([
      [3, 16],
      [4, 2],
      [6, 4],
      [7, 2],
      [7, 40],
      [8, 4],
      [9, 8],
      [10, 2],
    ]);
    const frontPages =
      db
        .select()
        .from(agendaVersions)
        .where(eq(agendaVersions.meetingId, meetingOn('2021-01-07').id))
        .get()?.packFrontPages ?? 0;
    expect(frontPages).toBeGreaterThan(0);
    expect(papers[0]?.start).toBe(frontPages + 1);
    papers.slice(1).forEach((p, i) => expect(p.start).toBe((papers[i]?.end ?? 0) + 1));
    expect(open[2]?.confirmsMinutesOfMeetingId).toBe(meetingOn('2020-11-05').id);
  });

  it('lists the two public questions and the written responses', () => {
    const meeting = getPublicMeeting(db, meetingOn('2021-01-07').id, new Date('2021-01-01T09:00:00Z'));
    const item = meeting?.agenda?.items[3];
    if (!item || item.exempt) throw new Error('item 4 missing');
    const oral = item.questions.filter((q) => q.answerKind === 'oral');
    expect(oral.map((q) => q.askerName)).toEqual(['Buckingham Town Council', 'Ozma']);
    expect(oral[1]?.text).toMatch(/^How were the Marlow and Thame hospital buildings used/);
    const written = item.questions.filter((q) => q.answerKind === 'written');
    expect(written).toHaveLength(3);
    expect(written.every((q) => q.askerOrganisation === 'Save Wycombe Hospital Campaign')).toBe(true);
    expect(written[1]?.answerText).toBe(
      'We note your comments and will continue to evaluate and challenge the health & social care plans as these are developed.',
    );
  });

  it('has the minutes of 5 November 2020: attendance, the declarations, resolutions and actions with owners', () => {
    const meeting = getPublicMeeting(db, meetingOn('2020-11-05').id, new Date('2021-01-01T09:00:00Z'));
    const minutes = meeting?.minutes;
    expect(minutes?.approved).toBe(false);
    expect(minutes?.present.map((p) => p.name)).toEqual([
      'K Ahmed',
      'Z Ahmed',
      'A Bacon',
      'P Birchley',
      'M Bradford',
      'M Collins',
      'G Hollis',
      'S Jenkins',
      'J MacBean',
      'G Powell',
      'B Roberts',
      'A Turner',
      'L Walsh',
      'J Wassell',
      'Ms Z McIntosh',
    ]);
    expect(minutes?.inAttendance.map((p) => p.name)).toEqual(['Mrs E Wheaton', 'Cllr A Macpherson']);
    expect(minutes?.apologies.map((p) => p.name)).toEqual(['L Wood']);
    // As minuted: Mr A Turner's at the declarations item (about no one item), and the Chairman's during item 8.
    expect(minutes?.declarations).toEqual([
      expect.objectContaining({ name: 'A Turner', itemNumber: null, kind: 'other_registrable', withdrew: false }),
      expect.objectContaining({ name: 'J MacBean', itemNumber: 8, kind: 'other_registrable', withdrew: false }),
    ]);
    expect(minutes?.items).toHaveLength(12);
    expect(minutes?.items.map((i) => i.resolutions.map((r) => r.outcome))).toEqual([
      [],
      [],
      ['AGREED'],
      [],
      [],
      [],
      ['NOTED'],
      [],
      ['DISCUSSED', 'APPROVED', 'APPROVED'],
      [],
      [],
      [],
    ]);
    expect(minutes?.items.flatMap((i) => i.actions.map((a) => `${i.number}: ${a.owners.join('/')}`))).toEqual([
      '3: The Chairman',
      '6: Mr A Turner/Ms F Cayley/Ms F Momem',
      '7: Mr Leveson',
      '8: Chairman',
      '11: L Wheaton',
    ]);
    expect(minutes?.endedAt?.toISOString()).toBe('2020-11-05T13:24:00.000Z');
    expect(minutes?.items.map((i) => i.minuteText).join('\n')).not.toMatch(/ACTION:|RESOLVED:/);
  });

  it('has the 4 March 2021 meeting with its planned work programme entries, and the carers inquiry', () => {
    const march = meetingOn('2021-03-04');
    expect(march.agendaStatus).toBe('draft');
    const committee = db.select().from(committees).where(eq(committees.slug, DEMO_COMMITTEE_SLUG)).get();
    const entries = db
      .select()
      .from(workProgrammeEntries)
      .where(eq(workProgrammeEntries.committeeId, committee?.id ?? 0))
      .orderBy(asc(workProgrammeEntries.position))
      .all();
    expect(entries.filter((e) => e.plannedMeetingId === march.id).map((e) => e.topic)).toEqual([
      'Support for Carers and key workers',
      'Access to Dentists',
    ]);
    expect(entries.filter((e) => e.plannedMeetingId === null)).toHaveLength(4);
    const inquiry = db.select().from(inquiries).get();
    expect(inquiry).toMatchObject({ title: 'Support for carers', kind: 'one_day' });
    expect(entries[0]?.inquiryId).toBe(inquiry?.id);
  });
});

describe('the demo committee, loaded today', () => {
  // A clock of the test's choosing, years after the pack.
  const today = new Date('2026-12-01T09:00:00Z');
  let app: FastifyInstance;
  let live: Database;
  beforeAll(async () => {
    ({ app, db: live } = await buildTestApp({ demo: true, now: today }));
  });
  afterAll(() => app.close());

  it('keeps its 2020–21 meetings at their published addresses, and schedules its next two from today', () => {
    const all = live.select().from(meetings).orderBy(asc(meetings.id)).all();
    expect(all.slice(0, 3).map((m) => [m.id, formatDateTime(m.startsAt)])).toEqual([
      [1, 'Thursday 5 November 2020, 10am'],
      [2, 'Thursday 7 January 2021, 10am'],
      [3, 'Thursday 4 March 2021, 10am'],
    ]);
    const ahead = all.filter((m) => m.startsAt > today);
    expect(ahead.map((m) => formatDateTime(m.startsAt))).toEqual([
      'Thursday 24 December 2026, 10am',
      'Thursday 11 February 2027, 10am',
    ]);
  });

  it('has an upcoming meeting with questions open and a draft agenda from the work programme', () => {
    const next = live.select().from(meetings).where(gt(meetings.startsAt, today)).orderBy(asc(meetings.startsAt)).get();
    const page = getPublicMeeting(live, next?.id ?? 0, today);
    expect(page?.deadlines.questionsCloseAt.getTime()).toBeGreaterThan(today.getTime());
    expect(page?.questionWindow.state).toBe('open');
    // A resident's question already accepted shows on its page; another waits for the clerk.
    expect(page?.questions.map((q) => q.askerName)).toEqual(['Winslow Town Council']);
    const items = live
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, next?.id ?? 0))
      .orderBy(asc(agendaItems.position))
      .all();
    expect(items.map((i) => i.title)).toContain('Obesity/Healthy Lifestyles');
    expect(items.map((i) => i.title)).toContain('Primary Care planning');
    expect(items[0]?.kind).toBe('apologies');
    expect(items.at(-1)?.kind).toBe('next_meeting');
  });

  it('shows the clerk no deadline more than 60 days late, and asks about the past meeting never marked held', async () => {
    const clerk = new Client(app);
    await clerk.signIn(DEMO_CLERK.email, DEMO_CLERK.password);
    const home = await clerk.get('/manage');
    const text = textOf(home.body);
    const late = [...text.matchAll(/(\d+) days? late/g)].map((m) => Number(m[1]));
    expect(late.filter((days) => days > 60)).toEqual([]);
    expect(text).toContain('Needs attention');
    expect(text).toContain('Health & Adult Social Care Select Committee, 4 March 2021: was it held?');
    // The minutes of 7 January 2021 are published on the council's own site: no deadline is left.
    expect(text).not.toContain('7 Jan 2021');
  });
});
