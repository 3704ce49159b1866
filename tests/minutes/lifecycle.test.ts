import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { asc, eq } from 'drizzle-orm';
import { buildTestApp } from '../helpers/app';
import { Client } from '../helpers/client';
import { parse, textOf } from '../helpers/html';
import { pdfPageTexts } from '../helpers/pdf';
import {
  createAgendaItem,
  createCommittee,
  createMeeting,
  createMembership,
  createPerson,
  createUser,
  TEST_PASSWORD,
} from '../helpers/factories';
import type { Database } from '../../src/db/client';
import {
  agendaItems,
  meetings,
  attendance,
  declarations,
  minutesAmendments,
  minutesVersions,
  resolutions,
  actionOwners,
  actions,
  auditLog,
} from '../../src/db/schema';

/**
 * Minutes from draft to published to approved to amended: each version kept
 * with what changed, the approving resolution at the next meeting, the lock
 * that follows, and what the public may never see.
 */
let now = new Date('2030-06-05T14:00:00Z');
let app: FastifyInstance;
let db: Database;
let clerk: Client;
let publicReader: Client;
let first: number; // 5 June 2030: the minutes under test
let next: number; // 10 July 2030: approves them
let minutesItem: number;
const items: Record<string, number> = {};
const people: Record<string, number> = {};
const screen = (id: number) => `/manage/meetings/${id}/minutes`;

beforeAll(async () => {
  ({ app, db } = await buildTestApp({ env: { PUBLIC_URL: 'https://democracy.example.gov.uk' } }));
  app.now = () => now;
  const c = createCommittee(db, { slug: 'lifecycle', name: 'Lifecycle Committee' });
  people.chair = createPerson(db, { name: 'Cllr C Chair' }).id;
  people.turner = createPerson(db, { name: 'Mr A Turner' }).id;
  createMembership(db, { committeeId: c.id, personId: people.chair, role: 'chairman' });
  createMembership(db, { committeeId: c.id, personId: people.turner, role: 'member' });
  first = createMeeting(db, c.id, { date: '2030-06-05' }).id;
  next = createMeeting(db, c.id, { date: '2030-07-10' }).id;
  items.budget = createAgendaItem(db, first, { position: 1, title: 'Budget' }).id;
  items.contract = createAgendaItem(db, first, {
    position: 2,
    title: 'Home care contract',
    exemptParagraph: 3,
    exemptReason: 'Bidders’ prices',
  }).id;
  minutesItem = createAgendaItem(db, next, {
    position: 1,
    title: 'Minutes',
    kind: 'minutes',
    confirmsMinutesOfMeetingId: first,
  }).id;
  clerk = new Client(app);
  await clerk.signIn(createUser(db, { role: 'clerk', committeeIds: [c.id] }).email, TEST_PASSWORD);
  publicReader = new Client(app);

  // The meeting, minuted live.
  const post = (path: string, form: Record<string, string>) =>
    clerk.submit(`${screen(first)}${path}`, form, screen(first));
  await post('/attendance', { [`status-${people.chair}`]: 'present', [`status-${people.turner}`]: 'present' });
  await post(`/items/${items.budget}/text`, {
    minuteText: 'The Director of Finance presented the budget.',
    revision: '0',
  });
  await post(`/items/${items.budget}/resolutions`, { text: 'The Committee NOTED the budget.', outcome: '' });
  await post(`/items/${items.budget}/actions`, { owners: 'Mr A Turner', description: 'To ask about reserves.' });
  await post(`/items/${items.contract}/text`, {
    minuteText: 'Bidder A offered £4.2m; Bidder B offered £3.9m.',
    revision: '0',
  });
  await post(`/items/${items.contract}/resolutions`, {
    text: 'The Committee AGREED to recommend Bidder B at £3.9m.',
    outcome: '',
  });
  await post(`/items/${items.contract}/actions`, {
    owners: 'Cllr C Chair',
    description: 'To tell Bidder A privately.',
  });
  await post('/declarations', {
    personId: String(people.turner),
    itemId: String(items.contract),
    kind: 'disclosable_pecuniary',
    nature: 'Spouse works for Bidder A',
    sensitive: 'yes',
    withdrew: 'left',
    dispensation: '',
  });
});
afterAll(() => app.close());

const meeting = (id: number) => db.select().from(meetings).where(eq(meetings.id, id)).get();
const versions = () =>
  db
    .select()
    .from(minutesVersions)
    .where(eq(minutesVersions.meetingId, first))
    .orderBy(asc(minutesVersions.version))
    .all();

describe('draft', () => {
  it('is not public until published', async () => {
    expect(meeting(first)?.minutesStatus).toBe('draft');
    const page = await publicReader.get(`/meetings/${first}`);
    expect(textOf(page.body)).not.toContain('The Director of Finance presented the budget.');
    expect((await publicReader.get(`/meetings/${first}/minutes.pdf`)).statusCode).toBe(404);
  });
});

describe('published', () => {
  it('publishes version 1 as a draft, clearly labelled, and marks the meeting held', async () => {
    const res = await clerk.submit(`${screen(first)}/publish`, {}, screen(first));
    expect(res.statusCode).toBe(303);
    expect(versions().map((v) => v.version)).toEqual([1]);
    expect(meeting(first)).toMatchObject({ minutesStatus: 'published', status: 'held' });
    // Held as "Mark as held" records it: audited, and calendars told.
    expect(meeting(first)?.calendarSequence).toBe(1);
    expect(db.select().from(auditLog).where(eq(auditLog.action, 'meeting.held')).all()).toHaveLength(1);
    const page = textOf((await publicReader.get(`/meetings/${first}`)).body);
    expect(page).toContain('Draft minutes: not yet approved.');
    expect(page).toContain('The Director of Finance presented the budget.');
    expect(page).toContain('ACTION: Mr A Turner: To ask about reserves.');
  });

  it('refuses to publish again when nothing has changed, and asks what was corrected when it has', async () => {
    const same = await clerk.submit(`${screen(first)}/publish`, {}, screen(first));
    expect(same.statusCode).toBe(422);
    expect(textOf(same.body)).toContain('Nothing has changed since version 1 was published');
    await clerk.submit(
      `${screen(first)}/items/${items.budget}/text`,
      { minuteText: 'The Director of Finance presented the revised budget.', revision: '1' },
      screen(first),
    );
    const screenPage = textOf((await clerk.get(screen(first))).body);
    expect(screenPage).toContain('Changes recorded here since version 1 are not yet published.');
    const noSummary = await clerk.submit(`${screen(first)}/publish`, { changeSummary: '' }, screen(first));
    expect(noSummary.statusCode).toBe(422);
    expect(parse(noSummary.body)('#publish-changeSummary-error').text()).toContain('Say what was corrected');
    expect(versions()).toHaveLength(1);
  });

  it('keeps each version, and shows what changed word by word', async () => {
    now = new Date('2030-06-12T09:00:00Z');
    const res = await clerk.submit(
      `${screen(first)}/publish`,
      { changeSummary: 'The budget was the revised one.' },
      screen(first),
    );
    expect(res.statusCode).toBe(303);
    expect(versions().map((v) => [v.version, v.changeSummary])).toEqual([
      [1, null],
      [2, 'The budget was the revised one.'],
    ]);
    const v2 = await publicReader.get(`/meetings/${first}/minutes/versions/2`);
    const $ = parse(v2.body);
    expect($('.app-diff ins').text()).toContain('revised');
    expect(
      $('.app-diff h3')
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(['1. Budget']);
    expect(textOf(v2.body)).toContain('The budget was the revised one.');
    const v1 = await publicReader.get(`/meetings/${first}/minutes/versions/1`);
    expect(textOf(v1.body)).toContain('This is an earlier version. The current minutes are version 2.');
    expect(textOf(v1.body)).toContain('The Director of Finance presented the budget.');
    expect(textOf((await publicReader.get(`/meetings/${first}`)).body)).toContain(
      'The Director of Finance presented the revised budget.',
    );
  });
});

describe('what the public never sees', () => {
  const secrets = ['Bidder A offered', '£3.9m', 'To tell Bidder A privately', 'Spouse works for Bidder A'];

  it('leaves exempt item content and a sensitive interest out of the public page', async () => {
    const page = (await publicReader.get(`/meetings/${first}`)).body;
    for (const secret of secrets) expect(page).not.toContain(secret);
    expect(textOf(page)).toContain('2. Home care contract');
    expect(textOf(page)).toContain('Not for publication: paragraph 3 of Schedule 12A');
    expect(textOf(page)).toContain(
      'Mr A Turner (item 2, Home care contract): Disclosable pecuniary interest. The nature of the interest is not published because it is sensitive. Left the meeting for the item.',
    );
  });

  it('leaves them out of the PDF, which is laid out as minutes with every page numbered', async () => {
    const res = await publicReader.get(`/meetings/${first}/minutes.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pages = await pdfPageTexts(new Uint8Array(res.rawPayload));
    const all = pages.join(' ');
    for (const secret of secrets) expect(all).not.toContain(secret);
    expect(all).toContain('Lifecycle Committee minutes');
    expect(all).toContain('DRAFT: not yet approved');
    expect(all).toContain('Members present');
    expect(all).toContain('The Director of Finance presented the revised budget.');
    expect(all).toContain('RESOLVED:');
    expect(all).toContain('Not for publication: paragraph 3 of Schedule 12A');
    pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it('leaves them out of the open data', async () => {
    const res = await publicReader.get(`/api/v1/meetings/${first}`);
    for (const secret of secrets) expect(res.body).not.toContain(secret);
    const minutes = JSON.parse(res.body).minutes;
    expect(minutes).toMatchObject({
      version: 2,
      approved: false,
      pdfUrl: `https://democracy.example.gov.uk/meetings/${first}/minutes.pdf`,
    });
    expect(minutes.items[1]).toEqual({ number: 2, title: 'Home care contract', exempt: true, exemptParagraph: 3 });
    expect(minutes.declarations[0].nature).toBeNull();
  });

  it('lets the committee’s clerk read it all on the minutes screen', async () => {
    const page = (await clerk.get(screen(first))).body;
    for (const secret of ['Bidder A offered', '£3.9m', 'To tell Bidder A privately', 'Spouse works for Bidder A'])
      expect(page).toContain(secret);
  });
});

describe('approved at the next meeting', () => {
  it('will not approve minutes with changes never published', async () => {
    await clerk.submit(`${screen(first)}/times`, { startedAt: '10am', endedAt: '12pm' }, screen(first));
    const res = await clerk.submit(
      `${screen(next)}/items/${minutesItem}/approve`,
      { text: 'The minutes of the meeting held on 5 June 2030 were AGREED as an accurate record.', amendments: '' },
      screen(next),
    );
    expect(res.statusCode).toBe(422);
    expect(textOf(res.body)).toContain('have changes that were never published');
    expect(meeting(first)?.minutesStatus).toBe('published');
    await clerk.submit(`${screen(first)}/publish`, { changeSummary: 'Added the times.' }, screen(first));
  });

  it('records the approving resolution on the next meeting’s minutes item, with the amendments agreed, and locks them', async () => {
    now = new Date('2030-07-10T09:15:00Z');
    const approval = {
      text: 'The minutes of the meeting held on 5 June 2030 were AGREED as an accurate record, subject to the amendments below.',
      amendments: 'Item 1: the Director of Finance is Ms D Finance.\n\nItem 2: Bidder B withdrew its offer.',
    };
    // It locks them for good, so first the question, and nothing recorded.
    const asked = await clerk.submit(`${screen(next)}/items/${minutesItem}/approve`, approval, screen(next));
    expect(asked.statusCode).toBe(200);
    expect(parse(asked.body)('h1').text()).toBe('Record the approval of the minutes of 5 June 2030?');
    expect(meeting(first)?.minutesStatus).toBe('published');
    const res = await clerk.submit(
      `${screen(next)}/items/${minutesItem}/approve`,
      { ...approval, confirmed: 'yes' },
      screen(next),
    );
    expect(res.statusCode).toBe(303);
    const approving = db.select().from(resolutions).where(eq(resolutions.agendaItemId, minutesItem)).get();
    expect(approving).toMatchObject({ outcome: 'AGREED' });
    expect(versions().at(-1)).toMatchObject({ version: 3, approvingResolutionId: approving?.id, approvedAt: now });
    expect(meeting(first)?.minutesStatus).toBe('approved');
    // Each amendment belongs to the item it names.
    expect(db.select().from(minutesAmendments).where(eq(minutesAmendments.meetingId, first)).all()).toMatchObject([
      {
        itemNumber: 1,
        text: 'the Director of Finance is Ms D Finance.',
        resolutionId: approving?.id,
        reason: 'Agreed when the minutes were approved at the meeting of 10 July 2030.',
      },
      { itemNumber: 2, text: 'Bidder B withdrew its offer.', resolutionId: approving?.id },
    ]);
    const page = textOf((await publicReader.get(`/meetings/${first}`)).body);
    expect(page).toContain('Approved as a correct record at the meeting of Wednesday 10 July 2030.');
    expect(page).not.toContain('Draft minutes: not yet approved.');
    expect(page).toContain('Item 1: the Director of Finance is Ms D Finance.');
    // An amendment to the exempt item is as private as the item.
    expect(page).not.toContain('Bidder B withdrew');
    expect(page).toContain('Item 2: An amendment to an item not for publication.');
    expect(textOf((await clerk.get(screen(next))).body)).toContain('by the resolution above. They are now locked.');
  });

  it('keeps the approving resolution as it was recorded: it cannot be changed or removed', async () => {
    const approving = db.select().from(resolutions).where(eq(resolutions.agendaItemId, minutesItem)).get();
    const change = await clerk.submit(
      `${screen(next)}/resolutions/${approving?.id}`,
      { text: 'The minutes were DEFERRED.', outcome: '' },
      screen(next),
    );
    expect(change.statusCode).toBe(422);
    expect(textOf(change.body)).toContain('This resolution approved the minutes of an earlier meeting');
    const remove = await clerk.submit(`${screen(next)}/resolutions/${approving?.id}/remove`, {}, screen(next));
    expect(remove.statusCode).toBe(422);
    expect(
      db
        .select()
        .from(resolutions)
        .where(eq(resolutions.id, approving?.id ?? 0))
        .get(),
    ).toEqual(approving);
  });

  it('cannot be changed by any route once approved: every write to them is refused and nothing moves', async () => {
    const snapshot = () =>
      JSON.stringify({
        versions: versions(),
        items: db
          .select()
          .from(agendaItems)
          .where(eq(agendaItems.meetingId, first))
          .all()
          .map((i) => [i.title, i.minuteText, i.minuteRevision]),
        attendance: db.select().from(attendance).where(eq(attendance.meetingId, first)).all(),
        declarations: db.select().from(declarations).where(eq(declarations.meetingId, first)).all(),
        resolutions: db
          .select()
          .from(resolutions)
          .all()
          .filter((r) => r.agendaItemId !== minutesItem),
        actions: db.select().from(actions).all(),
        owners: db.select().from(actionOwners).all(),
        meeting: meeting(first),
      });
    const before = snapshot();
    const resolution = db
      .select()
      .from(resolutions)
      .where(eq(resolutions.agendaItemId, items.budget ?? 0))
      .get();
    const action = db
      .select()
      .from(actions)
      .where(eq(actions.agendaItemId, items.budget ?? 0))
      .get();
    const row = db.select().from(attendance).where(eq(attendance.meetingId, first)).get();
    const declaration = db.select().from(declarations).where(eq(declarations.meetingId, first)).get();
    const values: Record<string, string> = {
      meetingId: String(first),
      itemId: String(items.budget),
      resolutionId: String(resolution?.id),
      actionId: String(action?.id),
      attendanceId: String(row?.id),
      declarationId: String(declaration?.id),
    };
    // Every minutes route there is, read from Fastify: a new one is covered the moment it is added.
    // Its agenda too: it is part of the record now.
    const writes = app.manageRoutes.filter(
      (r) =>
        r.method === 'POST' &&
        (r.url.startsWith('/manage/meetings/:meetingId/minutes') ||
          r.url.startsWith('/manage/meetings/:meetingId/agenda')) &&
        !r.url.includes('/amendments'),
    );
    expect(writes.length).toBeGreaterThanOrEqual(25);
    const form = {
      startedAt: '9am',
      endedAt: '5pm',
      [`status-${people.turner}`]: 'absent',
      personId: String(people.turner),
      newPersonName: 'Someone Else',
      forPersonId: String(people.chair),
      capacity: 'x',
      itemId: '',
      kind: 'non_registrable',
      nature: 'changed',
      withdrew: 'stayed',
      minuteText: 'Rewritten after approval',
      revision: '1',
      text: 'The Committee NOTED something else.',
      outcome: 'NOTED',
      owners: 'Somebody',
      description: 'Rewritten',
      changeSummary: 'Sneaky',
      amendments: '',
      title: 'Renamed after approval',
      direction: 'up',
    };
    const answers: string[] = [];
    for (const route of writes) {
      const url = route.url.replace(/:([A-Za-z]+)/g, (_, name: string) => values[name] ?? '0');
      const res: LightMyRequestResponse = await clerk.submit(url, form, screen(first));
      answers.push(`${res.statusCode} ${route.url}`);
      if (route.url.endsWith('/minutes/import')) {
        // Reading a file writes nothing: the preview says why it cannot be imported, and offers no import.
        expect(res.statusCode).toBe(200);
        expect(textOf(res.body)).toContain(
          'The minutes of this meeting are approved and locked: nothing can be imported into them.',
        );
        expect(parse(res.body)('#confirm-import').length).toBe(0);
        continue;
      }
      expect([403, 404, 409, 422], `${route.url} answered ${res.statusCode}`).toContain(res.statusCode);
    }
    expect(snapshot()).toBe(before);
    expect(answers.filter((a) => a.startsWith('409')).length).toBeGreaterThanOrEqual(20);
  });

  it('shows its agenda to the clerk as part of the record, with nothing to change', async () => {
    const page = await clerk.get(`/manage/meetings/${first}/agenda`);
    expect(textOf(page.body)).toContain(
      'The minutes of this meeting are approved, so its agenda is part of the record and no longer changes.',
    );
    expect(parse(page.body)('#agenda-editor form').length).toBe(0);
    const minutes = parse((await clerk.get(screen(first))).body);
    expect(minutes('form[data-autosave], #publish-minutes').length).toBe(0);
    expect(minutes('#add-amendment').length).toBe(1);
  });

  it('is locked in the database too, whatever writes to it', () => {
    expect(() =>
      db
        .update(agendaItems)
        .set({ minuteText: 'Edited by hand' })
        .where(eq(agendaItems.id, items.budget ?? 0))
        .run(),
    ).toThrow(/approved and locked/);
    expect(() =>
      db
        .update(minutesVersions)
        .set({ snapshot: { ...versions()[0]!.snapshot, items: [] } })
        .where(eq(minutesVersions.meetingId, first))
        .run(),
    ).toThrow(/cannot be changed/);
    expect(() => db.delete(minutesVersions).where(eq(minutesVersions.meetingId, first)).run()).toThrow(
      /cannot be deleted/,
    );
    expect(() =>
      db
        .delete(resolutions)
        .where(eq(resolutions.agendaItemId, items.budget ?? 0))
        .run(),
    ).toThrow(/approved and locked/);
    expect(() =>
      db
        .update(actions)
        .set({ description: 'Edited' })
        .where(eq(actions.agendaItemId, items.budget ?? 0))
        .run(),
    ).toThrow(/approved and locked/);
    // Following up an action is not changing the minutes.
    expect(() =>
      db
        .update(actions)
        .set({ status: 'done' })
        .where(eq(actions.agendaItemId, items.budget ?? 0))
        .run(),
    ).not.toThrow();
  });
});

describe('amended', () => {
  it('records a later correction beside the approved minutes, never in them', async () => {
    now = new Date('2030-08-01T10:00:00Z');
    const missing = await clerk.submit(
      `${screen(first)}/amendments`,
      { itemNumber: '1', text: '', reason: '' },
      screen(first),
    );
    expect(missing.statusCode).toBe(422);
    expect(parse(missing.body)('#amendment-text-error').text()).toContain(
      'Enter the correction, as the minutes should read',
    );
    expect(parse(missing.body)('#amendment-reason-error').text()).toContain(
      'Enter why the minutes are corrected, and on whose authority',
    );
    const res = await clerk.submit(
      `${screen(first)}/amendments`,
      {
        itemNumber: '1',
        text: 'The budget presented was for 2031/32.',
        reason: 'The Chairman noticed the year was wrong; agreed by the committee on 1 August 2030.',
      },
      screen(first),
    );
    expect(res.statusCode).toBe(303);
    const approvedText = versions().at(-1)?.snapshot.items[0]?.minuteText;
    expect(approvedText).toBe('The Director of Finance presented the revised budget.');
    const page = textOf((await publicReader.get(`/meetings/${first}`)).body);
    expect(page).toContain('Amendments since approval');
    expect(page).toContain('Item 1: The budget presented was for 2031/32.');
    const pdf = (
      await pdfPageTexts(new Uint8Array((await publicReader.get(`/meetings/${first}/minutes.pdf`)).rawPayload))
    ).join(' ');
    expect(pdf).toContain('Approved as a correct record');
    expect(pdf).toContain('The budget presented was for 2031/32.');
    expect(() => db.update(minutesAmendments).set({ text: 'Changed' }).run()).toThrow(/append-only/);
    expect(db.select().from(auditLog).where(eq(auditLog.action, 'minutes.amend')).all()).toHaveLength(1);
  });

  it('takes no amendments before approval: the draft is corrected and published again instead', async () => {
    const res = await clerk.submit(
      `${screen(next)}/amendments`,
      { itemNumber: '', text: 'x', reason: 'y' },
      screen(next),
    );
    expect(res.statusCode).toBe(422);
    expect(textOf(res.body)).toContain('Only approved minutes take amendments');
  });
});
