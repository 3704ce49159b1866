import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { asc, eq } from 'drizzle-orm';
import { buildTestApp } from '../helpers/app';
import { Client } from '../helpers/client';
import { parse, textOf } from '../helpers/html';
import { makeEncryptedPdf, makePdf } from '../helpers/pdf';
import { createCommittee, createMeeting, createPerson, createUser, TEST_PASSWORD } from '../helpers/factories';
import type { Database } from '../../src/db/client';
import {
  agendaItemPresenters,
  agendaItems,
  documents,
  people,
  workProgrammeEntries,
  resolutions,
} from '../../src/db/schema';

let app: FastifyInstance;
let db: Database;
let clerk: Client;
let meetingId: number;
let editor: string;
let committeeId: number;

beforeAll(async () => {
  ({ app, db } = await buildTestApp({ now: new Date('2030-05-01T09:00:00Z'), env: { MAX_UPLOAD_MB: '1' } }));
  const c = createCommittee(db, { slug: 'editor', name: 'Editor Committee' });
  committeeId = c.id;
  createMeeting(db, c.id, { date: '2030-03-05', status: 'held' });
  const m = createMeeting(db, c.id, { date: '2030-06-05' });
  createMeeting(db, c.id, { date: '2030-07-10' });
  meetingId = m.id;
  editor = `/manage/meetings/${m.id}/agenda`;
  const user = createUser(db, { role: 'clerk', committeeIds: [c.id] });
  clerk = new Client(app);
  await clerk.signIn(user.email, TEST_PASSWORD);
});
afterAll(() => app.close());

const items = () =>
  db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position)).all();
const titles = () => items().map((i) => `${i.position}. ${i.title}`);
const submit = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  clerk.submit(`${editor}${path}`, form, editor, headers);
const errorOf = (html: string, id: string) =>
  parse(html)(`#${id}-error`)
    .text()
    .replace(/^Error:\s*/, '')
    .trim();

describe('starting an agenda', () => {
  it('offers the standard items for an empty agenda, linking the previous meeting’s minutes', async () => {
    const page = await clerk.get(editor);
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body, 'main')).toContain('Publish by Tuesday 28 May 2030');
    const res = await submit('/standard', {});
    expect(res.statusCode).toBe(303);
    expect(titles()).toEqual([
      '1. Apologies for absence and changes in membership',
      '2. Declarations of interest',
      '3. Minutes',
      '4. Public questions',
      '5. Chairman’s update',
      '6. Work programme',
      '7. Date of next meeting',
    ]);
    const minutes = items()[2];
    expect(minutes?.purpose).toBe('To confirm the minutes of the meeting held on Tuesday 5 March 2030.');
    expect(minutes?.confirmsMinutesOfMeetingId).not.toBeNull();
    expect(items()[6]?.purpose).toBe('The next meeting is due to take place on Wednesday 10 July 2030, 10am.');
    // Only once.
    const again = await submit('/standard', {});
    expect(again.statusCode).toBe(422);
    expect(items()).toHaveLength(7);
  });
});

describe('items', () => {
  it('adds an item with a time and duration; the next item’s time follows from it', async () => {
    const res = await submit('/items', {
      title: 'Adult social care budget',
      purpose: 'To scrutinise the budget.',
      kind: 'business',
      plannedStart: '10.30',
      durationMinutes: '45',
      exemptParagraph: '',
      exemptReason: '',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/#item-\d+$/);
    await submit('/items', {
      title: 'Carers strategy',
      purpose: '',
      kind: 'business',
      plannedStart: '',
      durationMinutes: '20',
      exemptParagraph: '',
      exemptReason: '',
    });
    const page = await clerk.get(editor);
    const $ = parse(page.body);
    // New business goes before the closing standard items, which move down.
    expect(
      $('#agenda-items > li h3')
        .map((_, h) => $(h).text())
        .get()
        .slice(5),
    ).toEqual(['6. Adult social care budget', '7. Carers strategy', '8. Work programme', '9. Date of next meeting']);
    const carers = $('#agenda-items > li').eq(6);
    expect(carers.text()).toContain('11:15 (follows the item before), 20 minutes');
  });

  it('refuses an item with no title, a time that does not parse, or an exempt item without a paragraph’s reason, keeping the rest', async () => {
    const before = items().length;
    const res = await submit('/items', {
      title: '  ',
      purpose: 'Kept purpose',
      kind: 'business',
      plannedStart: '25:99',
      durationMinutes: 'an hour',
      exemptParagraph: '3',
      exemptReason: '',
    });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res.body, 'new-title')).toBe('Enter the title of the item');
    expect(errorOf(res.body, 'new-plannedStart')).toBe('Start time must be a real time, like 10:05 or 2pm');
    expect(errorOf(res.body, 'new-durationMinutes')).toBe('Duration must be a whole number of minutes, like 20');
    expect(errorOf(res.body, 'new-exemptReason')).toMatch(/^Enter why the public interest/);
    const $ = parse(res.body);
    expect($('#new-purpose').text()).toBe('Kept purpose');
    expect($('#new-plannedStart').attr('value')).toBe('25:99');
    expect($('#new-exemptParagraph option[selected]').attr('value')).toBe('3');
    expect($('.govuk-error-summary__list a').first().attr('href')).toBe('#new-title');
    expect(items()).toHaveLength(before);
    // The rest of the agenda is untouched.
    expect($('#agenda-items > li')).toHaveLength(before);
  });

  it('edits an item in place (htmx) and as a page, with errors shown beside the fields', async () => {
    const item = items().find((i) => i.title === 'Carers strategy');
    const inPlace = await clerk.get(`${editor}/items/${item?.id}/edit`, { 'hx-request': 'true' });
    expect(inPlace.statusCode).toBe(200);
    expect(inPlace.body).not.toContain('<html');
    expect(parse(inPlace.body)(`#item-${item?.id}-title`).attr('value')).toBe('Carers strategy');

    const bad = await submit(`/items/${item?.id}`, {
      title: '',
      purpose: 'x',
      kind: 'business',
      plannedStart: '',
      durationMinutes: '',
      exemptParagraph: '',
      exemptReason: '',
    });
    expect(bad.statusCode).toBe(422);
    expect(errorOf(bad.body, `item-${item?.id}-title`)).toBe('Enter the title of the item');
    expect(items().find((i) => i.id === item?.id)?.title).toBe('Carers strategy');

    const ok = await submit(
      `/items/${item?.id}`,
      {
        title: 'Support for carers',
        purpose: 'Follow-up to the 2018 inquiry.',
        kind: 'business',
        plannedStart: '11:20',
        durationMinutes: '',
        exemptParagraph: '',
        exemptReason: '',
      },
      { 'hx-request': 'true' },
    );
    expect(ok.statusCode).toBe(200);
    expect(parse(ok.body)(`#item-${item?.id} h3`).text()).toBe('7. Support for carers');
  });

  it('reorders with move up and down, numbering following the order', async () => {
    const carers = items().find((i) => i.title === 'Support for carers');
    await submit(`/items/${carers?.id}/move`, { direction: 'up' });
    expect(titles().slice(5)).toEqual([
      '6. Support for carers',
      '7. Adult social care budget',
      '8. Work programme',
      '9. Date of next meeting',
    ]);
    const res = await submit(`/items/${carers?.id}/move`, { direction: 'down' }, { 'hx-request': 'true' });
    expect(res.statusCode).toBe(200);
    expect(parse(res.body)(`#item-${carers?.id} h3`).text()).toBe('7. Support for carers');
    // The first item cannot go up.
    const first = items()[0];
    await submit(`/items/${first?.id}/move`, { direction: 'up' });
    expect(items()[0]?.id).toBe(first?.id);
  });

  it('removes an item after asking, renumbering the rest', async () => {
    const chair = items().find((i) => i.kind === 'chairmans_update');
    const confirm = await clerk.get(`${editor}/items/${chair?.id}/remove`);
    expect(parse(confirm.body)('h1').text()).toBe('Remove item 5, Chairman’s update?');
    const res = await clerk.submit(`${editor}/items/${chair?.id}/remove`, {}, `${editor}/items/${chair?.id}/remove`);
    expect(res.statusCode).toBe(303);
    expect(items().map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(items().some((i) => i.id === chair?.id)).toBe(false);
  });

  it('keeps an item whose minute has been taken: its minute, resolutions and actions are not lost', async () => {
    const item = items()[0];
    db.update(agendaItems)
      .set({ minuteText: 'Apologies were received from Cllr X.' })
      .where(eq(agendaItems.id, item?.id ?? 0))
      .run();
    db.insert(resolutions)
      .values({ agendaItemId: item?.id ?? 0, text: 'The Committee NOTED the apologies.', outcome: 'NOTED' })
      .run();
    const res = await clerk.submit(`${editor}/items/${item?.id}/remove`, {}, `${editor}/items/${item?.id}/remove`);
    expect(res.statusCode).toBe(422);
    expect(textOf(res.body, '.govuk-error-summary')).toContain(
      'has its minute recorded (1 resolution, 0 actions): removing it would lose them',
    );
    expect(items().some((i) => i.id === item?.id)).toBe(true);
    expect(
      db
        .select()
        .from(resolutions)
        .where(eq(resolutions.agendaItemId, item?.id ?? 0))
        .all(),
    ).toHaveLength(1);
    db.delete(resolutions)
      .where(eq(resolutions.agendaItemId, item?.id ?? 0))
      .run();
    db.update(agendaItems)
      .set({ minuteText: '' })
      .where(eq(agendaItems.id, item?.id ?? 0))
      .run();
  });
});

describe('presenters', () => {
  it('are chosen from the directory or added there and then, with their capacity', async () => {
    const budget = items().find((i) => i.title === 'Adult social care budget');
    const person = createPerson(db, { name: 'Mrs G Quinton' });
    expect(
      (
        await submit(`/items/${budget?.id}/presenters`, {
          personId: String(person.id),
          newPersonName: '',
          capacity: 'Corporate Director',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await submit(`/items/${budget?.id}/presenters`, {
          personId: '',
          newPersonName: 'Dr N Newcomer',
          capacity: 'Finance Director, NHS',
        })
      ).statusCode,
    ).toBe(303);
    const presenters = db
      .select()
      .from(agendaItemPresenters)
      .where(eq(agendaItemPresenters.agendaItemId, budget?.id ?? 0))
      .all();
    expect(presenters.map((p) => p.capacity)).toEqual(['Corporate Director', 'Finance Director, NHS']);
    expect(db.select().from(people).where(eq(people.name, 'Dr N Newcomer')).get()).toBeDefined();

    const neither = await submit(`/items/${budget?.id}/presenters`, {
      personId: '',
      newPersonName: '',
      capacity: 'Kept capacity',
    });
    expect(neither.statusCode).toBe(422);
    expect(errorOf(neither.body, `presenter-${budget?.id}-personId`)).toBe(
      'Select a person, or enter the name of someone new',
    );
    expect(parse(neither.body)(`#presenter-${budget?.id}-capacity`).attr('value')).toBe('Kept capacity');
    expect(parse(neither.body)(`#item-${budget?.id} details`).first().attr('open')).toBeDefined();

    const page = await clerk.get(editor);
    expect(parse(page.body)(`#item-${budget?.id}`).text()).toContain('Dr N Newcomer, Finance Director, NHS');
    const remove = await submit(`/items/${budget?.id}/presenters/${presenters[0]?.id}/remove`, {});
    expect(remove.statusCode).toBe(303);
    expect(
      db
        .select()
        .from(agendaItemPresenters)
        .where(eq(agendaItemPresenters.agendaItemId, budget?.id ?? 0))
        .all(),
    ).toHaveLength(1);
  });
});

describe('papers', () => {
  const upload = async (
    itemId: number,
    form: Record<string, string>,
    file: { filename: string; bytes: Uint8Array; type?: string } | null,
  ) =>
    clerk.upload(
      `${editor}/items/${itemId}/papers`,
      { _csrf: await clerk.csrfToken(editor), ...form },
      file ? { field: 'file', ...file } : null,
    );

  it('uploads a real PDF, reading its page count, stored by its content hash', async () => {
    const budget = items().find((i) => i.title === 'Adult social care budget');
    const bytes = await makePdf('Budget', 3);
    const res = await upload(
      budget?.id ?? 0,
      { title: 'Budget report', kind: 'report', exemptParagraph: '' },
      { filename: 'budget.pdf', bytes },
    );
    expect(res.statusCode).toBe(303);
    const doc = db.select().from(documents).where(eq(documents.title, 'Budget report')).get();
    expect(doc).toMatchObject({
      pageCount: 3,
      byteSize: bytes.length,
      fileName: 'budget.pdf',
      agendaItemId: budget?.id,
      mimeType: 'application/pdf',
    });
    expect(doc?.fileHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(app.files.readPaper(doc?.fileHash ?? '')).equals(Buffer.from(bytes))).toBe(true);
    // A clerk can open it; the public cannot, while the agenda is a draft.
    expect((await clerk.get(`/manage/documents/${doc?.id}`)).headers['content-type']).toBe('application/pdf');
    expect((await new Client(app).get(`/documents/${doc?.id}`)).statusCode).toBe(404);
  });

  it.each([
    [
      'a renamed program',
      { filename: 'report.pdf', bytes: new Uint8Array(Buffer.from('MZ\u0090\u0000this is a windows program')) },
      'The selected file must be a PDF',
    ],
    [
      'a truncated PDF',
      'truncated',
      'The PDF is incomplete: it may not have finished uploading or saving. Save it again and upload it',
    ],
    [
      'an encrypted PDF',
      'encrypted',
      'The PDF is password-protected or encrypted: save an unprotected copy and upload that',
    ],
    ['an oversized file', 'oversized', 'The file must be smaller than 1 MB'],
    ['no file at all', null, 'Select a PDF to upload'],
  ])('refuses %s with a message beside the field, saving nothing', async (_name, kind, message) => {
    const budget = items().find((i) => i.title === 'Adult social care budget');
    const good = await makePdf('Good', 2);
    const file =
      kind === 'truncated'
        ? { filename: 'cut.pdf', bytes: good.slice(0, Math.floor(good.length / 2)) }
        : kind === 'encrypted'
          ? { filename: 'locked.pdf', bytes: await makeEncryptedPdf() }
          : kind === 'oversized'
            ? { filename: 'huge.pdf', bytes: new Uint8Array(1024 * 1024 + 10).fill(32) }
            : (kind as { filename: string; bytes: Uint8Array } | null);
    const before = db.select().from(documents).all().length;
    const res = await upload(budget?.id ?? 0, { title: 'Kept title', kind: 'appendix', exemptParagraph: '' }, file);
    expect(res.statusCode).toBe(422);
    expect(errorOf(res.body, `paper-${budget?.id}-file`)).toBe(message);
    expect(parse(res.body)(`#paper-${budget?.id}-title`).attr('value')).toBe('Kept title');
    expect(parse(res.body)(`#paper-${budget?.id}-kind option[selected]`).attr('value')).toBe('appendix');
    expect(db.select().from(documents).all()).toHaveLength(before);
  });

  it('needs a title, and takes a paper off its item when removed', async () => {
    const budget = items().find((i) => i.title === 'Adult social care budget');
    const res = await upload(
      budget?.id ?? 0,
      { title: '', kind: 'report', exemptParagraph: '' },
      { filename: 'x.pdf', bytes: await makePdf('X', 1) },
    );
    expect(errorOf(res.body, `paper-${budget?.id}-title`)).toBe('Enter the title of the paper');
    const doc = db.select().from(documents).where(eq(documents.title, 'Budget report')).get();
    const removed = await submit(`/items/${budget?.id}/papers/${doc?.id}/remove`, {});
    expect(removed.statusCode).toBe(303);
    expect(
      db
        .select()
        .from(documents)
        .where(eq(documents.id, doc?.id ?? 0))
        .get()?.agendaItemId,
    ).toBeNull();
  });
});

describe('the work programme', () => {
  it('offers topics planned for this meeting, and puts one on the agenda', async () => {
    const entry = db
      .insert(workProgrammeEntries)
      .values({
        committeeId,
        topic: 'Access to dentists',
        purpose: 'To hear from local dentists.',
        plannedMeetingId: meetingId,
      })
      .returning()
      .get();
    const page = await clerk.get(editor);
    expect(textOf(page.body, '#work-programme-heading')).toBe('Planned in the work programme for this meeting');
    const res = await submit(`/work-programme/${entry.id}`, {});
    expect(res.statusCode).toBe(303);
    const item = items().find((i) => i.title === 'Access to dentists');
    expect(item?.purpose).toBe('To hear from local dentists.');
    expect(db.select().from(workProgrammeEntries).where(eq(workProgrammeEntries.id, entry.id)).get()).toMatchObject({
      status: 'scheduled',
      agendaItemId: item?.id,
    });
    expect((await submit(`/work-programme/${entry.id}`, {})).statusCode).toBe(422);
  });
});

describe('members', () => {
  it('read the draft agenda without the controls to change it', async () => {
    const member = createUser(db, { role: 'member', committeeIds: [committeeId] });
    const client = new Client(app);
    await client.signIn(member.email, TEST_PASSWORD);
    const page = await client.get(editor);
    expect(page.statusCode).toBe(200);
    const $ = parse(page.body);
    expect($('#agenda-items > li').length).toBeGreaterThan(0);
    expect($('form[action$="/move"]')).toHaveLength(0);
    expect($('#add-item')).toHaveLength(0);
  });
});
