import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { and, asc, eq } from 'drizzle-orm';
import { buildTestApp } from '../helpers/app';
import { Client } from '../helpers/client';
import { parse, tableRows, textOf } from '../helpers/html';
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
  attendance,
  declarations,
  resolutions,
  actionOwners,
  actionUpdates,
  actions,
  agendaItems,
  meetings,
  people,
  auditLog,
} from '../../src/db/schema';

/**
 * The minute-taking screen through its routes: what a clerk records during a
 * meeting, and what it refuses, with the typed values kept.
 */
let app: FastifyInstance;
let db: Database;
let clerk: Client;
let member: Client;
let meetingId: number;
let screen: string;
let slug: string;
const person: Record<string, number> = {};
const item: Record<string, number> = {};

beforeAll(async () => {
  ({ app, db } = await buildTestApp({ now: new Date('2030-06-05T11:00:00Z') }));
  const c = createCommittee(db, { slug: 'minutes-live', name: 'Live Committee' });
  slug = c.slug;
  for (const [key, name, role] of [
    ['chair', 'Cllr C Chair', 'chairman'],
    ['turner', 'Mr A Turner', 'member'],
    ['jones', 'Ms B Jones', 'member'],
    ['brown', 'Dr C Brown', 'co_opted'],
  ] as const) {
    person[key] = createPerson(db, { name }).id;
    createMembership(db, { committeeId: c.id, personId: person[key] ?? 0, role, fromDate: '2030-01-01' });
  }
  person.officer = createPerson(db, { name: 'Ms O Officer', kind: 'officer' }).id;
  person.cayley = createPerson(db, { name: 'Ms F Cayley', kind: 'partner' }).id;
  const m = createMeeting(db, c.id, { date: '2030-06-05', status: 'scheduled' });
  meetingId = m.id;
  screen = `/manage/meetings/${m.id}/minutes`;
  item.apologies = createAgendaItem(db, m.id, { position: 1, title: 'Apologies', kind: 'apologies' }).id;
  item.budget = createAgendaItem(db, m.id, { position: 2, title: 'Adult social care budget' }).id;
  item.care = createAgendaItem(db, m.id, { position: 3, title: 'Care homes' }).id;
  clerk = new Client(app);
  await clerk.signIn(createUser(db, { role: 'clerk', committeeIds: [c.id] }).email, TEST_PASSWORD);
  member = new Client(app);
  await member.signIn(
    createUser(db, { role: 'member', committeeIds: [c.id], personId: person.jones }).email,
    TEST_PASSWORD,
  );
});
afterAll(() => app.close());

const submit = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  clerk.submit(`${screen}${path}`, form, screen, headers);
const errorOf = (html: string, id: string) =>
  parse(html)(`#${id}-error`)
    .text()
    .replace(/^Error:\s*/, '')
    .trim();
const rows = () =>
  db.select().from(attendance).where(eq(attendance.meetingId, meetingId)).orderBy(asc(attendance.position)).all();
const audits = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).all().length;

describe('the screen', () => {
  it('lists every member of the committee on the day, each item, and the forms a clerk uses', async () => {
    const res = await clerk.get(screen);
    expect(res.statusCode).toBe(200);
    const $ = parse(res.body);
    expect(
      $('#minutes-attendance legend')
        .map((_, el) => $(el).text().trim())
        .get(),
    ).toEqual(['Cllr C Chair, Chairman', 'Ms B Jones', 'Mr A Turner', 'Dr C Brown, Co-opted member']);
    expect(
      $('#minutes-items h3')
        .map((_, el) => $(el).text().trim())
        .get(),
    ).toEqual(['1. Apologies', '2. Adult social care budget', '3. Care homes']);
    expect($(`#minute-${item.budget}`).length).toBe(1);
    expect($('form[data-autosave]').length).toBe(5);
    expect($('#publish-minutes').length).toBe(1);
  });

  it('shows a member the minutes without the means to change them', async () => {
    const res = await member.get(screen);
    expect(res.statusCode).toBe(200);
    const $ = parse(res.body);
    expect($('#publish-minutes').length).toBe(0);
    expect($('#add-declaration').length).toBe(0);
    // The minutes as they stand, with no form to change them (nothing to autosave either).
    expect($('textarea, input[type="radio"]').length).toBe(0);
    expect($('form[data-autosave], form[data-draft]').length).toBe(0);
    expect(textOf(res.body)).toContain('2. Adult social care budget');
    const post = await member.submit(`${screen}/times`, { startedAt: '10am', endedAt: '' }, screen);
    expect(post.statusCode).toBe(403);
  });
});

describe('attendance', () => {
  it('records each member present, present virtually, with apologies or absent, in one save', async () => {
    const before = audits('minutes.attendance');
    const res = await submit('/attendance', {
      [`status-${person.chair}`]: 'present',
      [`status-${person.turner}`]: 'virtual',
      [`status-${person.jones}`]: 'apologies',
      [`status-${person.brown}`]: 'absent',
    });
    expect(res.statusCode).toBe(303);
    // In the order the committee lists its members: chairman first, then by surname.
    expect(rows().map((r) => [r.personId, r.status, r.virtual])).toEqual([
      [person.chair, 'present', false],
      [person.jones, 'apologies', false],
      [person.turner, 'present', true],
      [person.brown, 'absent', false],
    ]);
    expect(audits('minutes.attendance')).toBe(before + 1);
    expect(db.select().from(meetings).where(eq(meetings.id, meetingId)).get()?.minutesStatus).toBe('draft');
    // Shown as recorded.
    const $ = parse((await clerk.get(screen)).body);
    expect($(`input[name="status-${person.turner}"][checked]`).val()).toBe('virtual');
  });

  it('takes back a status set by mistake, and refuses a status it does not know, changing nothing', async () => {
    await submit('/attendance', {
      [`status-${person.brown}`]: '',
      [`status-${person.chair}`]: 'present',
      [`status-${person.turner}`]: 'virtual',
      [`status-${person.jones}`]: 'apologies',
    });
    expect(rows().some((r) => r.personId === person.brown)).toBe(false);
    const res = await submit('/attendance', { [`status-${person.chair}`]: 'asleep' });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res.body, `status-${person.chair}`)).toBe('Select how Cllr C Chair attended');
    expect(rows().find((r) => r.personId === person.chair)?.status).toBe('present');
  });

  it('answers an autosave with JSON, and an htmx save with the region and the state out of band', async () => {
    const json = await submit(
      '/attendance',
      {
        [`status-${person.brown}`]: 'present',
        [`status-${person.chair}`]: 'present',
        [`status-${person.turner}`]: 'virtual',
        [`status-${person.jones}`]: 'apologies',
      },
      { accept: 'application/json' },
    );
    expect(json.statusCode).toBe(200);
    expect(JSON.parse(json.body)).toEqual({ ok: true });
    const htmx = await submit(
      '/attendance/others',
      { personId: String(person.officer), newPersonName: '', capacity: 'Head of Finance', virtual: '' },
      { 'hx-request': 'true' },
    );
    expect(htmx.statusCode).toBe(200);
    const $ = parse(htmx.body);
    expect($('#minutes-attendance').length).toBe(1);
    expect($('#minutes-state[hx-swap-oob="true"]').length).toBe(1);
    expect(textOf(htmx.body, '#minutes-attendance')).toContain('Ms O Officer, Head of Finance');
  });

  it('records a substitute (new to the directory) in a member’s place, the member sending apologies', async () => {
    const brownRow = rows().find((r) => r.personId === person.brown);
    if (brownRow) db.delete(attendance).where(eq(attendance.id, brownRow.id)).run();
    const res = await submit('/attendance/substitutes', {
      forPersonId: String(person.brown),
      personId: '',
      newPersonName: 'Cllr S Sub',
      virtual: 'yes',
    });
    expect(res.statusCode).toBe(303);
    const sub = db.select().from(people).where(eq(people.name, 'Cllr S Sub')).get();
    expect(rows().find((r) => r.personId === sub?.id)).toMatchObject({
      status: 'present',
      virtual: true,
      substituteForPersonId: person.brown,
    });
    expect(rows().find((r) => r.personId === person.brown)?.status).toBe('apologies');
    expect(textOf((await clerk.get(screen)).body, '#minutes-attendance')).toContain(
      'Cllr S Sub, substituting for Dr C Brown (virtually)',
    );
  });

  it('refuses someone in attendance without a name, a member as a guest, or anyone twice, keeping what was typed', async () => {
    const nobody = await submit('/attendance/others', {
      personId: '',
      newPersonName: '',
      capacity: 'Guest speaker',
      virtual: '',
    });
    expect(nobody.statusCode).toBe(422);
    expect(errorOf(nobody.body, 'other-personId')).toBe('Select a person, or enter the name of someone new');
    expect(parse(nobody.body)('#other-capacity').val()).toBe('Guest speaker');
    const memberAsGuest = await submit('/attendance/others', {
      personId: String(person.jones),
      newPersonName: '',
      capacity: '',
      virtual: '',
    });
    expect(errorOf(memberAsGuest.body, 'other-personId')).toBe(
      'They are a member of the committee: record them in the members’ list',
    );
    const twice = await submit('/attendance/others', {
      personId: String(person.officer),
      newPersonName: '',
      capacity: '',
      virtual: '',
    });
    expect(errorOf(twice.body, 'other-personId')).toBe('They are already recorded at this meeting');
    const noMember = await submit('/attendance/substitutes', {
      forPersonId: '',
      personId: String(person.cayley),
      newPersonName: '',
      virtual: '',
    });
    expect(errorOf(noMember.body, 'substitute-forPersonId')).toBe('Select the member they attended for');
  });

  it('removes someone recorded in attendance', async () => {
    const officer = rows().find((r) => r.personId === person.officer);
    const res = await submit(`/attendance/${officer?.id}/remove`, {});
    expect(res.statusCode).toBe(303);
    expect(rows().some((r) => r.personId === person.officer)).toBe(false);
  });

  it('feeds the attendance statistics on the committee page once the meeting is held', async () => {
    db.update(meetings).set({ status: 'held' }).where(eq(meetings.id, meetingId)).run();
    const page = await new Client(app).get(`/committees/${slug}`);
    const stats = tableRows(page.body, 'table:has(caption:contains("Attendance of current members"))');
    expect(stats).toContain('Cllr C Chair | 1 | 1 | 0 | 0');
    expect(stats).toContain('Mr A Turner | 1 | 1 | 0 | 0');
    expect(stats).toContain('Ms B Jones | 1 | 0 | 1 | 0');
    expect(stats).toContain('Dr C Brown | 1 | 0 | 1 | 1');
    db.update(meetings).set({ status: 'scheduled' }).where(eq(meetings.id, meetingId)).run();
  });

  it('keeps a committee substitute recorded in a member’s place when the members’ attendance is saved again', async () => {
    const committeeId = db.select().from(meetings).where(eq(meetings.id, meetingId)).get()?.committeeId ?? 0;
    const reserve = createPerson(db, { name: 'Cllr R Reserve' }).id;
    createMembership(db, { committeeId, personId: reserve, role: 'substitute', fromDate: '2030-01-01' });
    const turnerRow = rows().find((r) => r.personId === person.turner);
    if (turnerRow) db.delete(attendance).where(eq(attendance.id, turnerRow.id)).run();
    expect(
      (
        await submit('/attendance/substitutes', {
          forPersonId: String(person.turner),
          personId: String(reserve),
          newPersonName: '',
          virtual: '',
        })
      ).statusCode,
    ).toBe(303);
    // Listed with the substitutes, not among the members' radios.
    const $ = parse((await clerk.get(screen)).body);
    expect($(`input[name="status-${reserve}"]`).length).toBe(0);
    expect(textOf($.html(), '#minutes-attendance')).toContain('Cllr R Reserve, substituting for Mr A Turner');
    await submit('/attendance', {
      [`status-${person.chair}`]: 'present',
      [`status-${person.jones}`]: 'apologies',
      [`status-${person.turner}`]: 'apologies',
    });
    expect(rows().find((r) => r.personId === reserve)).toMatchObject({
      status: 'present',
      substituteForPersonId: person.turner,
    });
  });

  it('saves nothing of a refused form: a new name typed for a second substitute is not added to the directory', async () => {
    const before = db.select().from(people).all().length;
    const res = await submit('/attendance/substitutes', {
      forPersonId: String(person.turner),
      personId: '',
      newPersonName: 'Cllr N Never',
      virtual: '',
    });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res.body, 'substitute-forPersonId')).toBe('A substitute for Mr A Turner is already recorded');
    expect(db.select().from(people).all()).toHaveLength(before);
  });
});

describe('start and end', () => {
  it('records the times as written, and refuses an end before the start or a time that is not one', async () => {
    expect((await submit('/times', { startedAt: '10am', endedAt: '1.24pm' })).statusCode).toBe(303);
    const m = db.select().from(meetings).where(eq(meetings.id, meetingId)).get();
    expect([m?.startedAt?.toISOString(), m?.endedAt?.toISOString()]).toEqual([
      '2030-06-05T09:00:00.000Z',
      '2030-06-05T12:24:00.000Z',
    ]);
    const backwards = await submit('/times', { startedAt: '2pm', endedAt: '1pm' });
    expect(backwards.statusCode).toBe(422);
    expect(errorOf(backwards.body, 'endedAt')).toBe('End time must be after the start time');
    expect(parse(backwards.body)('#startedAt').val()).toBe('2pm');
    const nonsense = await submit('/times', { startedAt: '25:00', endedAt: '' });
    expect(errorOf(nonsense.body, 'startedAt')).toBe('Start time must be a real time, like 10am or 10:05');
    expect(db.select().from(meetings).where(eq(meetings.id, meetingId)).get()?.startedAt?.toISOString()).toBe(
      '2030-06-05T09:00:00.000Z',
    );
  });
});

describe('declarations of interest', () => {
  it('records who, on which item, what kind, the nature, and whether they left the room', async () => {
    const res = await submit('/declarations', {
      personId: String(person.turner),
      itemId: String(item.care),
      kind: 'other_registrable',
      nature: 'Trustee of a care charity',
      sensitive: '',
      withdrew: 'left',
      dispensation: '',
    });
    expect(res.statusCode).toBe(303);
    expect(db.select().from(declarations).where(eq(declarations.meetingId, meetingId)).all()).toMatchObject([
      {
        personId: person.turner,
        agendaItemId: item.care,
        kind: 'other_registrable',
        nature: 'Trustee of a care charity',
        withdrew: true,
        sensitive: false,
      },
    ]);
  });

  it('refuses one with no kind, no nature or no answer about leaving, or by someone who is not a member', async () => {
    const count = db.select().from(declarations).all().length;
    const res = await submit('/declarations', {
      personId: String(person.jones),
      itemId: '',
      kind: '',
      nature: '',
      sensitive: 'yes',
      withdrew: '',
      dispensation: 'Granted 1 May',
    });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res.body, 'declaration-kind')).toBe('Select the kind of interest');
    expect(errorOf(res.body, 'declaration-nature')).toBe('Enter the nature of the interest, as declared');
    expect(errorOf(res.body, 'declaration-withdrew')).toBe('Select whether they left the room for the item');
    expect(parse(res.body)('#declaration-dispensation').val()).toBe('Granted 1 May');
    expect(parse(res.body)('#declaration-sensitive').attr('checked')).toBeDefined();
    const guest = await submit('/declarations', {
      personId: String(person.cayley),
      itemId: '',
      kind: 'non_registrable',
      nature: 'Lives nearby',
      sensitive: '',
      withdrew: 'stayed',
      dispensation: '',
    });
    expect(errorOf(guest.body, 'declaration-personId')).toBe('Select the member who declared the interest');
    expect(db.select().from(declarations).all()).toHaveLength(count);
  });
});

describe('an item’s minute', () => {
  const text = (id: number) => db.select().from(agendaItems).where(eq(agendaItems.id, id)).get();

  it('saves the text, raising its revision each time', async () => {
    const res = await submit(
      `/items/${item.budget}/text`,
      { minuteText: 'The Director presented the report.', revision: '0' },
      { accept: 'application/json' },
    );
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, revision: 1 });
    expect(text(item.budget ?? 0)).toMatchObject({
      minuteText: 'The Director presented the report.',
      minuteRevision: 1,
    });
    const plain = await submit(`/items/${item.budget}/text`, {
      minuteText: 'The Director presented the report.\n\n- Members asked about fees.',
      revision: '1',
    });
    expect(plain.statusCode).toBe(303);
    expect(plain.headers.location).toBe(`${screen}#item-${item.budget}`);
    expect(text(item.budget ?? 0)?.minuteRevision).toBe(2);
  });

  it('never overwrites a newer save made elsewhere: both texts come back, nothing is lost', async () => {
    const stale = await submit(`/items/${item.budget}/text`, {
      minuteText: 'My version typed on the old screen',
      revision: '1',
    });
    expect(stale.statusCode).toBe(409);
    const $ = parse(stale.body);
    expect($(`#minute-${item.budget}`).text()).toBe('My version typed on the old screen');
    expect($('[data-autosave-conflict]').text()).toContain('Members asked about fees.');
    expect($(`#minute-${item.budget}-form input[name="revision"]`).val()).toBe('2');
    expect(text(item.budget ?? 0)?.minuteText).toContain('Members asked about fees.');
    const json = await submit(
      `/items/${item.budget}/text`,
      { minuteText: 'Mine', revision: '1' },
      { accept: 'application/json' },
    );
    expect(json.statusCode).toBe(409);
    expect(JSON.parse(json.body).conflict).toMatchObject({ revision: 2 });
  });

  it('treats the same text sent twice (a retry after a lost connection) as saved', async () => {
    const current = text(item.budget ?? 0);
    const again = await submit(
      `/items/${item.budget}/text`,
      { minuteText: current?.minuteText ?? '', revision: '1' },
      { accept: 'application/json' },
    );
    expect(again.statusCode).toBe(200);
    expect(JSON.parse(again.body).revision).toBe(current?.minuteRevision);
  });
});

describe('resolutions', () => {
  const list = () =>
    db
      .select()
      .from(resolutions)
      .where(eq(resolutions.agendaItemId, item.budget ?? 0))
      .orderBy(asc(resolutions.position))
      .all();

  it('records the text and the outcome, taking the outcome from the word in capitals when not chosen', async () => {
    await submit(`/items/${item.budget}/resolutions`, { text: 'The Committee NOTED the report.', outcome: '' });
    await submit(`/items/${item.budget}/resolutions`, {
      text: 'That the budget be sent to Cabinet.',
      outcome: 'RECOMMENDED',
    });
    expect(list().map((r) => [r.text, r.outcome])).toEqual([
      ['The Committee NOTED the report.', 'NOTED'],
      ['That the budget be sent to Cabinet.', 'RECOMMENDED'],
    ]);
  });

  it('refuses one with no text, or with no outcome it can tell, keeping what was typed', async () => {
    const empty = await submit(`/items/${item.budget}/resolutions`, { text: '  ', outcome: 'AGREED' });
    expect(empty.statusCode).toBe(422);
    expect(errorOf(empty.body, `resolution-${item.budget}-text`)).toBe(
      'Enter the text of the resolution, like “The Committee NOTED the report”',
    );
    const vague = await submit(
      `/items/${item.budget}/resolutions`,
      { text: 'The matter was left there.', outcome: '' },
      { 'hx-request': 'true' },
    );
    expect(vague.statusCode).toBe(422);
    expect(errorOf(vague.body, `resolution-${item.budget}-outcome`)).toBe(
      'Select the outcome, or write it in capitals in the text, like NOTED or AGREED',
    );
    expect(parse(vague.body)(`#resolution-${item.budget}-text`).text()).toBe('The matter was left there.');
    expect(list()).toHaveLength(2);
  });

  it('changes and removes one', async () => {
    const [first] = list();
    const form = await clerk.get(`${screen}/resolutions/${first?.id}/edit`);
    expect(parse(form.body)(`#resolution-edit-${first?.id}-text`).text()).toBe('The Committee NOTED the report.');
    await submit(`/resolutions/${first?.id}`, {
      text: 'The Committee NOTED the report and AGREED to return to it.',
      outcome: '',
    });
    expect(list()[0]).toMatchObject({
      text: 'The Committee NOTED the report and AGREED to return to it.',
      outcome: 'NOTED',
    });
    // Removing cannot be undone: it asks first, and removes on yes.
    const asked = await submit(`/resolutions/${list()[1]?.id}/remove`, {});
    expect(asked.statusCode).toBe(200);
    expect(parse(asked.body)('h1').text()).toBe('Remove this resolution?');
    expect(list()).toHaveLength(2);
    await submit(`/resolutions/${list()[1]?.id}/remove`, { confirmed: 'yes' });
    expect(list()).toHaveLength(1);
  });
});

describe('actions', () => {
  const list = () =>
    db
      .select()
      .from(actions)
      .where(eq(actions.agendaItemId, item.care ?? 0))
      .all();
  const ownersOf = (id: number) =>
    db.select().from(actionOwners).where(eq(actionOwners.actionId, id)).orderBy(asc(actionOwners.position)).all();

  it('records several owners as minuted, linking the ones in the directory, with a due date', async () => {
    const res = await submit(`/items/${item.care}/actions`, {
      owners: 'Mr A Turner/Ms F Cayley/The Chairman/Care Homes Forum',
      description: 'To visit two care homes and report back.',
      [`action-${item.care}-due-day`]: '30',
      [`action-${item.care}-due-month`]: '9',
      [`action-${item.care}-due-year`]: '2030',
    });
    expect(res.statusCode).toBe(303);
    const [action] = list();
    expect(action).toMatchObject({
      description: 'To visit two care homes and report back.',
      dueDate: '2030-09-30',
      status: 'open',
    });
    expect(ownersOf(action?.id ?? 0).map((o) => [o.name, o.personId])).toEqual([
      ['Mr A Turner', person.turner],
      ['Ms F Cayley', person.cayley],
      ['The Chairman', person.chair],
      ['Care Homes Forum', null],
    ]);
  });

  it('refuses an action with no owner, no description, or due before the meeting or on a day that does not exist', async () => {
    const p = `action-${item.care}`;
    const none = await submit(`/items/${item.care}/actions`, {
      owners: ' / ',
      description: '',
      [`${p}-due-day`]: '1',
      [`${p}-due-month`]: '6',
      [`${p}-due-year`]: '2030',
    });
    expect(none.statusCode).toBe(422);
    expect(errorOf(none.body, `${p}-owners`)).toBe(
      'Enter who owns the action, like Mr A Turner, or several as Mr A Turner/Ms F Cayley',
    );
    expect(errorOf(none.body, `${p}-description`)).toBe('Enter what is to be done');
    expect(errorOf(none.body, `${p}-due`)).toBe('Due date must be on or after the day of the meeting, 5 June 2030');
    expect(parse(none.body)(`#${p}-due`).val()).toBe('1');
    const feb = await submit(`/items/${item.care}/actions`, {
      owners: 'Ms B Jones',
      description: 'To write',
      [`${p}-due-day`]: '31',
      [`${p}-due-month`]: '2',
      [`${p}-due-year`]: '2031',
    });
    expect(errorOf(feb.body, `${p}-due`)).toBe('Due date must be a real date');
    expect(parse(feb.body)(`#${p}-owners`).val()).toBe('Ms B Jones');
    expect(list()).toHaveLength(1);
  });

  it('changes an action, and keeps one that has progress recorded on it', async () => {
    const [action] = list();
    const id = action?.id ?? 0;
    const form = await clerk.get(`${screen}/actions/${id}/edit`);
    expect(parse(form.body)(`#action-edit-${id}-owners`).val()).toBe(
      'Mr A Turner/Ms F Cayley/The Chairman/Care Homes Forum',
    );
    await submit(`/actions/${id}`, {
      owners: 'Mr A Turner',
      description: 'To visit two care homes.',
      [`action-edit-${id}-due-day`]: '',
      [`action-edit-${id}-due-month`]: '',
      [`action-edit-${id}-due-year`]: '',
    });
    expect(list()[0]).toMatchObject({ description: 'To visit two care homes.', dueDate: null });
    expect(ownersOf(id).map((o) => o.name)).toEqual(['Mr A Turner']);
    db.insert(actionUpdates).values({ actionId: id, status: 'in_progress', note: 'First visit done' }).run();
    const remove = await submit(`/actions/${id}/remove`, {});
    expect(remove.statusCode).toBe(422);
    expect(textOf(remove.body)).toContain(
      'Progress has been recorded on this action, so it cannot be removed. Mark it as dropped instead.',
    );
    expect(list()).toHaveLength(1);
  });

  it('will not touch an action of another meeting through this meeting’s address', async () => {
    const other = createMeeting(
      db,
      db.select().from(meetings).where(eq(meetings.id, meetingId)).get()?.committeeId ?? 0,
      { date: '2030-07-01' },
    );
    const otherItem = createAgendaItem(db, other.id);
    const foreign = db
      .insert(actions)
      .values({ agendaItemId: otherItem.id, description: 'Elsewhere' })
      .returning()
      .get();
    const res = await submit(`/actions/${foreign.id}/remove`, {});
    expect(res.statusCode).toBe(404);
    expect(
      db
        .select()
        .from(actions)
        .where(and(eq(actions.id, foreign.id)))
        .get(),
    ).toBeDefined();
  });
});
