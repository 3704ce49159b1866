import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { asc, eq } from 'drizzle-orm';
import { buildTestApp } from '../helpers/app';
import { Client } from '../helpers/client';
import { parse, textOf } from '../helpers/html';
import { makePdf, pdfPageTexts } from '../helpers/pdf';
import { createCommittee, createMeeting, createUser, TEST_PASSWORD } from '../helpers/factories';
import type { Database } from '../../src/db/client';
import { agendaItems, agendaVersions, documents } from '../../src/db/schema';

/**
 * Publishing an agenda, on time and late, supplements, what the public may
 * and may not see, and the pack read back page by page.
 */
let now = new Date('2030-05-20T09:00:00Z'); // Monday 20 May 2030
let app: FastifyInstance;
let db: Database;
let clerk: Client;
let member: Client;
let meetingId: number;
let editor: string;

beforeAll(async () => {
  const built = await buildTestApp({ env: { PUBLIC_URL: 'https://democracy.example.gov.uk' } });
  app = built.app;
  db = built.db;
  // The clock moves during these tests.
  app.now = () => now;
  const c = createCommittee(db, { slug: 'pub', name: 'Publishing Committee' });
  const m = createMeeting(db, c.id, { date: '2030-06-06', venue: 'Council Chamber' }); // Thursday 6 June: publish by Wednesday 29 May
  meetingId = m.id;
  editor = `/manage/meetings/${m.id}/agenda`;
  clerk = new Client(app);
  await clerk.signIn(createUser(db, { role: 'clerk', committeeIds: [c.id] }).email, TEST_PASSWORD);
  member = new Client(app);
  await member.signIn(createUser(db, { role: 'member', committeeIds: [c.id] }).email, TEST_PASSWORD);

  const add = (form: Record<string, string>) =>
    clerk.submit(
      `${editor}/items`,
      {
        purpose: '',
        kind: 'business',
        plannedStart: '',
        durationMinutes: '',
        exemptParagraph: '',
        exemptReason: '',
        ...form,
      },
      editor,
    );
  await add({ title: 'Apologies', kind: 'apologies', plannedStart: '10:00', durationMinutes: '5' });
  await add({ title: 'Health and wellbeing report', purpose: 'To note the report.' });
  await add({
    title: 'Contract award for home care',
    purpose: 'Bids and prices: confidential',
    exemptParagraph: '3',
    exemptReason: 'Commercial interests of the bidders',
  });
  await add({ title: 'Winter plan', purpose: 'To hear from the NHS.' });
  const itemIds = db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position))
    .all()
    .map((i) => i.id);
  const upload = async (itemId: number | undefined, title: string, pages: number, exemptParagraph = '') =>
    clerk.upload(
      `${editor}/items/${itemId}/papers`,
      { _csrf: await clerk.csrfToken(editor), title, kind: 'report', exemptParagraph },
      { field: 'file', filename: `${title}.pdf`, bytes: await makePdf(title, pages) },
    );
  expect((await upload(itemIds[1], 'Wellbeing', 3)).statusCode).toBe(303);
  expect((await upload(itemIds[2], 'Secret bids', 2)).statusCode).toBe(303);
  expect((await upload(itemIds[3], 'Winter', 5)).statusCode).toBe(303);
  expect((await upload(itemIds[3], 'Winter staffing appendix', 1, '1')).statusCode).toBe(303);
});
afterAll(() => app.close());

const versions = () =>
  db
    .select()
    .from(agendaVersions)
    .where(eq(agendaVersions.meetingId, meetingId))
    .orderBy(asc(agendaVersions.version))
    .all();

describe('publishing before the deadline', () => {
  it('publishes version 1 once the clerk says yes, with no reason asked for, and builds the pack in the background', async () => {
    const page = await clerk.get(editor);
    expect(textOf(page.body, '#publish')).not.toContain('Special circumstances');
    // Publishing cannot be undone: first the question, with nothing published.
    const asked = await clerk.submit(`${editor}/publish`, {}, editor);
    expect(asked.statusCode).toBe(200);
    expect(parse(asked.body)('h1').text()).toBe('Publish the agenda?');
    expect(versions()).toHaveLength(0);
    const res = await clerk.submit(`${editor}/publish`, { confirmed: 'yes' }, editor);
    expect(res.statusCode).toBe(303);
    expect(versions()).toHaveLength(1);
    expect(versions()[0]).toMatchObject({ version: 1, lateReason: null });
    const after = await clerk.get(editor);
    expect(textOf(after.body, '.govuk-notification-banner--success')).toContain(
      'Version 1 published: the agenda pack is being built',
    );
    await app.packs.idle();
    expect(versions()[0]).toMatchObject({ packStatus: 'ready', packProgress: 100 });
    const status = await clerk.get(`${editor}/pack-status`, { 'hx-request': 'true' });
    expect(parse(status.body)('a').first().attr('href')).toBe(`/meetings/${meetingId}/agenda-pack.pdf`);
  });

  it('shows the public agenda with numbers, times, presenters and papers, and the exempt item as title and paragraph only', async () => {
    const res = await new Client(app).get(`/meetings/${meetingId}`);
    const agenda = textOf(res.body, '#agenda');
    expect(agenda).toContain('1. Apologies');
    expect(agenda).toContain('2. Health and wellbeing report');
    expect(agenda).toContain('10:05'); // follows the 5-minute apologies
    expect(agenda).toContain('3. Contract award for home care');
    expect(agenda).toContain('Not for publication: paragraph 3 of Schedule 12A to the Local Government Act 1972.');
    for (const secret of [
      'Bids and prices: confidential',
      'Commercial interests of the bidders',
      'Secret bids',
      'Winter staffing appendix',
    ]) {
      expect(res.body).not.toContain(secret);
    }
    const $ = parse(res.body);
    expect($('#item-4 .app-agenda__papers li').text().replace(/\s+/g, ' ').trim()).toMatch(
      /^Winter \(PDF, Report, pages \d+ to \d+, [\d.]+ KB\)$/,
    );
  });

  it('keeps exempt content out of the public pack, the API and the public paper links', async () => {
    const pack = await new Client(app).get(`/meetings/${meetingId}/agenda-pack.pdf`);
    expect(pack.statusCode).toBe(200);
    expect(pack.headers['content-type']).toBe('application/pdf');
    const text = (await pdfPageTexts(new Uint8Array(pack.rawPayload))).join('\n');
    expect(text).toContain('Contract award for home care');
    expect(text).toContain('Not for publication: paragraph 3 of Schedule 12A');
    for (const secret of ['Bids and prices', 'Secret bids page', 'Winter staffing appendix', 'Commercial interests'])
      expect(text).not.toContain(secret);

    const api = await app.inject(`/api/v1/meetings/${meetingId}`);
    for (const secret of ['Bids and prices', 'Secret bids', 'Winter staffing appendix', 'Commercial interests'])
      expect(api.body).not.toContain(secret);

    const secretDoc = db.select().from(documents).where(eq(documents.title, 'Secret bids')).get();
    const appendix = db.select().from(documents).where(eq(documents.title, 'Winter staffing appendix')).get();
    const open = db.select().from(documents).where(eq(documents.title, 'Wellbeing')).get();
    expect((await new Client(app).get(`/documents/${secretDoc?.id}`)).statusCode).toBe(404);
    expect((await new Client(app).get(`/documents/${appendix?.id}`)).statusCode).toBe(404);
    expect((await new Client(app).get(`/documents/${open?.id}`)).headers['content-type']).toBe('application/pdf');
  });

  it('lets a member of the committee read the exempt papers and the members’ pack', async () => {
    const secretDoc = db.select().from(documents).where(eq(documents.title, 'Secret bids')).get();
    const doc = await member.get(`/manage/documents/${secretDoc?.id}`);
    expect(doc.statusCode).toBe(200);
    expect((await pdfPageTexts(new Uint8Array(doc.rawPayload)))[0]).toContain('Secret bids page 1 of 2');
    const full = await member.get(`/manage/meetings/${meetingId}/agenda-pack.pdf`);
    expect(full.statusCode).toBe(200);
    const pages = await pdfPageTexts(new Uint8Array(full.rawPayload));
    expect(pages.join('\n')).toContain('Secret bids page 2 of 2');
    expect(pages.join('\n')).toContain('NOT FOR PUBLICATION: paragraph 3 of Schedule 12A');
    expect(pages.join('\n')).toContain('Winter staffing appendix page 1 of 1');
    // Nobody outside the committee can.
    expect((await new Client(app).get(`/manage/meetings/${meetingId}/agenda-pack.pdf`)).statusCode).toBe(302);
  });
});

describe('the agenda pack', () => {
  it('puts each paper on the pages its front sheet prints, with every page numbered', async () => {
    const pages = await pdfPageTexts(
      new Uint8Array((await new Client(app).get(`/meetings/${meetingId}/agenda-pack.pdf`)).rawPayload),
    );
    const v1 = versions()[0];
    const front = v1?.packFrontPages ?? 0;
    const papers = v1?.snapshot.items.flatMap((i) => i.papers) ?? [];
    const wellbeing = papers.find((p) => p.title === 'Wellbeing');
    const winter = papers.find((p) => p.title === 'Winter');
    // A 3-page and a 5-page paper, straight after the front sheet.
    expect(wellbeing).toMatchObject({ packStartPage: front + 1, packEndPage: front + 3 });
    expect(winter).toMatchObject({ packStartPage: front + 4, packEndPage: front + 8 });
    expect(pages).toHaveLength(front + 8);
    for (let n = 1; n <= 3; n++) expect(pages[front + n - 1]).toContain(`Wellbeing page ${n} of 3`);
    for (let n = 1; n <= 5; n++) expect(pages[front + 3 + n - 1]).toContain(`Winter page ${n} of 5`);
    pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1}`));
    // The front sheet prints those ranges against their items.
    const sheet = pages.slice(0, front).join(' ');
    expect(sheet).toContain(`${front + 1} - ${front + 3}`);
    expect(sheet).toContain(`${front + 4} - ${front + 8}`);
    expect(sheet).toContain('Council Chamber');
  });
});

describe('publishing again, and late', () => {
  it('asks after the deadline for the special circumstances and the chairman’s agreement, and for what changed', async () => {
    now = new Date('2030-06-03T09:00:00Z'); // Monday 3 June: too late for 6 June
    await clerk.submit(
      `${editor}/items`,
      {
        title: 'Urgent: care home closure',
        purpose: 'A provider has given notice.',
        kind: 'business',
        plannedStart: '',
        durationMinutes: '',
        exemptParagraph: '',
        exemptReason: '',
      },
      editor,
    );
    const page = await clerk.get(editor);
    expect(textOf(page.body, 'main')).toContain('The last day to publish was Wednesday 29 May 2030.');
    const refused = await clerk.submit(
      `${editor}/publish`,
      { changeSummary: '', lateReason: '', chairmanAgreement: '' },
      editor,
    );
    expect(refused.statusCode).toBe(422);
    const $ = parse(refused.body);
    expect($('#changeSummary-error').text()).toContain('Say what has changed since the last version');
    expect($('#lateReason-error').text()).toContain('Enter the special circumstances');
    expect($('#chairmanAgreement-error').text()).toContain('Record the chairman’s agreement');
    expect(versions()).toHaveLength(1);

    const res = await clerk.submit(
      `${editor}/publish`,
      {
        changeSummary: 'Item 6 added: care home closure.',
        lateReason: 'The provider gave notice on 31 May; the committee must respond before the closure.',
        chairmanAgreement: 'Agreed by the Chairman, Cllr A Chair, on 1 June 2030',
        confirmed: 'yes',
      },
      editor,
    );
    expect(res.statusCode).toBe(303);
    expect(versions().map((v) => v.version)).toEqual([1, 2]);
    expect(versions()[1]?.chairmanAgreement).toBe('Agreed by the Chairman, Cllr A Chair, on 1 June 2030');
    await app.packs.idle();
  });

  it('shows the supplement publicly with what changed and the late item and why, and keeps version 1 readable', async () => {
    const res = await new Client(app).get(`/meetings/${meetingId}`);
    const agenda = textOf(res.body, '#agenda');
    expect(agenda).toContain('(supplement 1, version 2)');
    expect(agenda).toContain('Item 6 added: care home closure.');
    expect(agenda).toContain('Published after the statutory deadline');
    const late = parse(res.body)('#item-5');
    expect(late.text()).toContain('Added to the agenda late, with the chairman’s agreement');
    expect(late.text()).toContain('The provider gave notice on 31 May');
    // Items that were in version 1 are not marked late.
    expect(parse(res.body)('#item-2').text()).not.toContain('Added to the agenda late');

    const v1 = await new Client(app).get(`/meetings/${meetingId}/agenda/versions/1`);
    expect(v1.statusCode).toBe(200);
    expect(textOf(v1.body, 'main')).toContain('This is an earlier version. The current agenda is version 2.');
    expect(textOf(v1.body, 'main')).not.toContain('care home closure');
    const pack1 = await new Client(app).get(`/meetings/${meetingId}/agenda-pack.pdf?version=1`);
    expect((await pdfPageTexts(new Uint8Array(pack1.rawPayload))).join(' ')).not.toContain('care home closure');
    const pack2 = await new Client(app).get(`/meetings/${meetingId}/agenda-pack.pdf`);
    const pack2Text = (await pdfPageTexts(new Uint8Array(pack2.rawPayload))).join(' ');
    expect(pack2Text).toContain('Agenda: supplement 1');
    expect(pack2Text).toContain('Urgent: care home closure');
    expect((await new Client(app).get(`/meetings/${meetingId}/agenda/versions/3`)).statusCode).toBe(404);
  });

  it('says a first agenda published late is late as a whole, without calling every item an addition', async () => {
    const c = createCommittee(db, { slug: 'late-first' });
    const m = createMeeting(db, c.id, { date: '2030-06-06' }); // publish by 29 May; it is now 3 June
    const admin = new Client(app);
    await admin.signIn(createUser(db, { role: 'admin' }).email, TEST_PASSWORD);
    const edit = `/manage/meetings/${m.id}/agenda`;
    await admin.submit(
      `${edit}/items`,
      {
        title: 'Budget',
        purpose: '',
        kind: 'business',
        plannedStart: '',
        durationMinutes: '',
        exemptParagraph: '',
        exemptReason: '',
      },
      edit,
    );
    const res = await admin.submit(
      `${edit}/publish`,
      {
        changeSummary: '',
        lateReason: 'The papers came late from the NHS.',
        chairmanAgreement: 'Agreed by the Chairman on 2 June 2030',
        confirmed: 'yes',
      },
      edit,
    );
    expect(res.statusCode).toBe(303);
    const page = await new Client(app).get(`/meetings/${m.id}`);
    expect(textOf(page.body, '#agenda')).toContain('Published after the statutory deadline');
    expect(textOf(page.body, '#agenda')).not.toContain('Added to the agenda late');
    expect(db.select().from(agendaItems).where(eq(agendaItems.meetingId, m.id)).get()?.lateReason).toBeNull();
  });

  it('refuses to publish an empty agenda', async () => {
    const c = createCommittee(db, { slug: 'empty-agenda' });
    const m = createMeeting(db, c.id, { date: '2030-09-01' });
    const admin = new Client(app);
    await admin.signIn(createUser(db, { role: 'admin' }).email, TEST_PASSWORD);
    const res = await admin.submit(`/manage/meetings/${m.id}/agenda/publish`, {}, '/manage');
    expect(res.statusCode).toBe(422);
    expect(textOf(res.body, '.govuk-error-summary')).toContain('Add at least one item before publishing the agenda');
  });
});
