import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { desc, eq } from 'drizzle-orm';
import { buildTestApp } from '../helpers/app';
import { Client } from '../helpers/client';
import { parse, textOf } from '../helpers/html';
import {
  createAgendaItem,
  createCommittee,
  createMeeting,
  createPerson,
  createUser,
  TEST_PASSWORD,
} from '../helpers/factories';
import type { Database } from '../../src/db/client';
import { actionOwners, actions, outbox } from '../../src/db/schema';
import { numberActions } from '../../src/features/actions/commands';
import { publishMinutes } from '../../src/features/minutes/commands/publishing';
import { publishAgenda } from '../../src/features/agenda/commands/publishing';
import { parse as parseCsv } from './csv';

/**
 * Actions followed up: references, the public list and page (published
 * minutes only, never an exempt item, never a private note), updates and
 * their rules, an owner's link without an account, the signed-in lists and
 * the CSV export.
 */
let app: FastifyInstance;
let db: Database;
let clock = new Date('2027-03-01T10:00:00Z');
let clerk: Client;
let member: Client;
let committeeSlug = '';
let ownerPersonId = 0;
const ids = { overdue: 0, member: 0, exempt: 0, draft: 0, meetingId: 0, otherCommittee: 0 };

function addAction(
  itemId: number,
  description: string,
  dueDate: string | null,
  owners: { name: string; personId?: number }[],
) {
  const action = db.insert(actions).values({ agendaItemId: itemId, description, dueDate }).returning().get();
  owners.forEach((o, i) =>
    db
      .insert(actionOwners)
      .values({ actionId: action.id, name: o.name, personId: o.personId ?? null, position: i })
      .run(),
  );
  return action.id;
}

beforeAll(async () => {
  ({ app, db } = await buildTestApp({ clock: () => clock }));
  const committee = createCommittee(db, { name: 'Health & Adult Social Care Select Committee', slug: 'hasc' });
  committeeSlug = committee.slug;
  const other = createCommittee(db, { name: 'Growth Select Committee', slug: 'growth' });
  ownerPersonId = createPerson(db, { name: 'Ms F Momen', kind: 'officer', email: 'f.momen@example.gov.uk' }).id;
  const memberPerson = createPerson(db, { name: 'Cllr J MacBean', kind: 'councillor' }).id;
  const clerkUser = createUser(db, { role: 'clerk', committeeIds: [committee.id], displayName: 'Clare Clerk' });
  const memberUser = createUser(db, {
    role: 'member',
    committeeIds: [committee.id],
    personId: memberPerson,
    displayName: 'Cllr J MacBean',
  });
  clerk = new Client(app);
  await clerk.signIn(clerkUser.email, TEST_PASSWORD);
  member = new Client(app);
  await member.signIn(memberUser.email, TEST_PASSWORD);

  const held = createMeeting(db, committee.id, { date: '2027-01-14', status: 'held' });
  const item = createAgendaItem(db, held.id, { kind: 'business', title: 'Community hospitals' });
  const exempt = createAgendaItem(db, held.id, {
    kind: 'business',
    title: 'Contract award',
    exemptParagraph: 3,
    exemptReason: 'Commercial terms',
  });
  ids.overdue = addAction(item.id, 'Send the Committee the bed numbers, by ward', '2027-02-01', [
    { name: 'Ms F Momen', personId: ownerPersonId },
  ]);
  ids.member = addAction(item.id, 'Write to the ICB about "=evening" opening, and report back', '2027-04-01', [
    { name: 'Cllr J MacBean', personId: memberPerson },
  ]);
  ids.exempt = addAction(exempt.id, 'Negotiate the contract price', '2027-02-01', [
    { name: 'Ms F Momen', personId: ownerPersonId },
  ]);
  ids.meetingId = held.id;
  const published = publishMinutes(db, { meetingId: held.id, publishedAt: new Date('2027-01-20T12:00:00Z') });
  expect(published.ok).toBe(true);
  // An action added after the minutes were published: a draft until they are published again.
  ids.draft = addAction(item.id, 'A draft action', null, [{ name: 'Ms F Momen', personId: ownerPersonId }]);
  db.transaction((tx) => numberActions(tx, held.id));

  const elsewhere = createMeeting(db, other.id, { date: '2027-01-21', status: 'held' });
  const otherItem = createAgendaItem(db, elsewhere.id, { kind: 'business', title: 'Bus services' });
  ids.otherCommittee = addAction(otherItem.id, 'Another committee’s action', '2027-02-01', [{ name: 'Mr B Other' }]);
  publishMinutes(db, { meetingId: elsewhere.id, publishedAt: new Date('2027-01-25T12:00:00Z') });
});
afterAll(() => app.close());
beforeEach(() => {
  clock = new Date('2027-03-01T10:00:00Z');
});

const row = (id: number) => db.select().from(actions).where(eq(actions.id, id)).get();
const slug = (id: number) => String(row(id)?.reference).replaceAll('/', '-');

describe('references', () => {
  it('number each meeting’s actions in minutes order, and never change', () => {
    expect(row(ids.overdue)?.reference).toBe('HASC/2027-01-14/1');
    expect(row(ids.member)?.reference).toBe('HASC/2027-01-14/2');
    expect(row(ids.exempt)?.reference).toBe('HASC/2027-01-14/3');
    expect(row(ids.draft)?.reference).toBe('HASC/2027-01-14/4');
    expect(row(ids.otherCommittee)?.reference).toBe('G/2027-01-21/1');
  });
});

describe('in public', () => {
  it('lists the published actions of the committee, overdue marked, without the exempt or draft ones', async () => {
    const res = await app.inject({ url: `/committees/${committeeSlug}/actions` });
    expect(res.statusCode).toBe(200);
    const text = textOf(res.body);
    expect(text).toContain('HASC/2027-01-14/1');
    expect(text).toContain('Send the Committee the bed numbers, by ward');
    expect(text).toContain('(28 days overdue)');
    expect(text).toContain('HASC/2027-01-14/2');
    expect(text).not.toContain('Negotiate the contract price');
    expect(text).not.toContain('A draft action');
    expect(text).not.toContain('Another committee’s action');
    const filtered = await app.inject({ url: `/committees/${committeeSlug}/actions?overdue=yes` });
    expect(textOf(filtered.body)).toContain('1 action.');
    const byOwner = await app.inject({ url: `/committees/${committeeSlug}/actions?owner=MacBean` });
    expect(textOf(byOwner.body)).toContain('HASC/2027-01-14/2');
    expect(textOf(byOwner.body)).not.toContain('HASC/2027-01-14/1');
  });

  it('answers an unknown filter, and a page past the end, in words', async () => {
    const unknown = await app.inject({ url: `/committees/${committeeSlug}/actions?colour=red` });
    expect(unknown.statusCode).toBe(400);
    expect(textOf(unknown.body)).toContain('“colour” is not a filter of this list');
    const past = await app.inject({ url: `/committees/${committeeSlug}/actions?page=9` });
    expect(past.statusCode).toBe(404);
    expect(textOf(past.body)).toContain('There is no page 9: there is 1 page.');
    expect(parse(past.body)('a:contains("Go to the last page")').attr('href')).toBe(
      `/committees/${committeeSlug}/actions`,
    );
  });

  it('shows each action with its public notes only, and never an exempt or draft one', async () => {
    const page = `/manage/actions/${ids.member}`;
    const privateNote = await member.submit(
      `${page}/updates`,
      { status: 'in_progress', note: 'Rang the chief executive at home', notePublic: 'no' },
      page,
    );
    expect(privateNote.statusCode).toBe(303);
    const publicNote = await member.submit(
      `${page}/updates`,
      { status: 'in_progress', note: 'The ICB has agreed to reply by the end of March.', notePublic: 'yes' },
      page,
    );
    expect(publicNote.statusCode).toBe(303);
    const res = await app.inject({ url: `/actions/${slug(ids.member)}` });
    expect(res.statusCode).toBe(200);
    const text = textOf(res.body);
    expect(text).toContain('The ICB has agreed to reply by the end of March.');
    expect(text).not.toContain('Rang the chief executive');
    expect(text).toContain('Open → In progress');
    for (const hidden of [ids.exempt, ids.draft]) {
      expect((await app.inject({ url: `/actions/${slug(hidden)}` })).statusCode).toBe(404);
    }
    expect((await app.inject({ url: '/actions/not-a-reference' })).statusCode).toBe(404);
  });

  it('shows each ACTION line of the public minutes with its status now, linked', async () => {
    const res = await app.inject({ url: `/meetings/${ids.meetingId}` });
    const link = parse(res.body)(`a[href="/actions/${slug(ids.overdue)}"]`).text();
    expect(link).toContain('Open');
    expect(link).toContain('Overdue');
    expect(res.body).not.toContain('Negotiate the contract price');
  });
});

describe('updates', () => {
  it('let a member update their own action only, and the clerk any of the committee’s', async () => {
    const theirs = `/manage/actions/${ids.overdue}`;
    const refused = await member.submit(
      `${theirs}/updates`,
      { status: 'done', note: '' },
      `/manage/actions/${ids.member}`,
    );
    expect(refused.statusCode).toBe(403);
    expect(row(ids.overdue)?.status).toBe('open');
    const byClerk = await clerk.submit(`${theirs}/updates`, { status: 'in_progress', note: 'Chased' }, theirs);
    expect(byClerk.statusCode).toBe(303);
    const other = `/manage/actions/${ids.otherCommittee}`;
    expect((await clerk.get(other)).statusCode).toBe(403);
  });

  it('need a note to open again an action that was done', async () => {
    const page = `/manage/actions/${ids.member}`;
    expect((await member.submit(`${page}/updates`, { status: 'done', note: '' }, page)).statusCode).toBe(303);
    const back = await member.submit(`${page}/updates`, { status: 'open', note: '', notePublic: 'yes' }, page);
    expect(back.statusCode).toBe(422);
    expect(textOf(back.body)).toContain('Say why the action is open again: it was done');
    expect(row(ids.member)?.status).toBe('done');
    const withNote = await member.submit(
      `${page}/updates`,
      { status: 'open', note: 'The ICB’s reply did not answer the question', notePublic: 'yes' },
      page,
    );
    expect(withNote.statusCode).toBe(303);
    expect(row(ids.member)?.status).toBe('open');
  });
});

describe('an owner’s link', () => {
  it('is emailed by the clerk, works without signing in, is replaced by a new one, and expires', async () => {
    const page = `/manage/actions/${ids.overdue}`;
    expect(textOf((await clerk.get(page)).body)).toContain('Send Ms F Momen a link');
    const sent = await clerk.submit(`${page}/links`, { ownerId: '' }, page);
    expect(sent.statusCode).toBe(303);
    const mail = db.select().from(outbox).where(eq(outbox.to, 'f.momen@example.gov.uk')).orderBy(desc(outbox.id)).get();
    expect(mail?.kind).toBe('action_link');
    const link = mail?.text.match(/\/actions\/update\/[A-Za-z0-9_-]{43}/)?.[0] ?? '';
    expect(link).not.toBe('');

    const owner = new Client(app);
    const form = await owner.get(link);
    expect(form.statusCode).toBe(200);
    expect(form.headers['cache-control']).toBe('private, no-store');
    expect(textOf(form.body)).toContain('You are updating this action as Ms F Momen');
    const done = await owner.submit(link, { status: 'done', note: 'Sent on 1 March', notePublic: 'yes' }, link);
    expect(done.statusCode).toBe(303);
    expect(row(ids.overdue)?.status).toBe('done');
    const publicPage = textOf((await app.inject({ url: `/actions/${slug(ids.overdue)}` })).body);
    expect(publicPage).toContain('Sent on 1 March');
    expect(publicPage).toContain('Ms F Momen');

    await clerk.submit(`${page}/links`, { ownerId: '' }, page);
    const old = await owner.get(link);
    expect(old.statusCode).toBe(404);
    expect(textOf(old.body)).toContain('This link does not work');
    const typed = await owner.submit(link, { status: 'open', note: 'What I typed' }, '/login');
    expect(typed.statusCode).toBe(404);
    expect(textOf(typed.body)).toContain('What I typed');

    const fresh = db
      .select()
      .from(outbox)
      .where(eq(outbox.to, 'f.momen@example.gov.uk'))
      .orderBy(desc(outbox.id))
      .get();
    const newLink = fresh?.text.match(/\/actions\/update\/[A-Za-z0-9_-]{43}/)?.[0] ?? '';
    expect((await owner.get(newLink)).statusCode).toBe(200);
    clock = new Date('2027-06-01T10:00:00Z');
    expect((await owner.get(newLink)).statusCode).toBe(404);
  });
});

describe('the signed-in lists', () => {
  it('show a clerk every action of their committees, filtered, paged and exported as CSV', async () => {
    const list = await clerk.get('/manage/actions');
    expect(list.statusCode).toBe(200);
    const text = textOf(list.body);
    expect(text).toContain('HASC/2027-01-14/3');
    expect(text).not.toContain('Another committee’s action');
    const csv = await clerk.get('/manage/actions.csv?sort=reference');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows = parseCsv(csv.body.replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual([
      'Reference',
      'Action',
      'Owners',
      'Committee',
      'Meeting',
      'Item',
      'Due',
      'Status',
      'Overdue',
      'Public page',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      'HASC/2027-01-14/1',
      'HASC/2027-01-14/2',
      'HASC/2027-01-14/3',
      'HASC/2027-01-14/4',
    ]);
    const quoted = rows.find((r) => r[0] === 'HASC/2027-01-14/2');
    expect(quoted?.[1]).toBe('Write to the ICB about "=evening" opening, and report back');
    expect(quoted?.[3]).toBe('Health & Adult Social Care Select Committee');
    expect(rows.find((r) => r[0] === 'HASC/2027-01-14/3')?.[9]).toBe('');
    const unknown = await clerk.get('/manage/actions.csv?colour=red');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('“colour” is not a filter of this list');
  });

  it('neutralise a description that would run as a formula in a spreadsheet', async () => {
    const formula = addAction(
      db.select().from(actions).where(eq(actions.id, ids.overdue)).get()?.agendaItemId ?? 0,
      '=HYPERLINK("http://evil.example","Click")',
      null,
      [{ name: '+Owner' }],
    );
    const csv = await clerk.get('/manage/actions.csv');
    const found = parseCsv(csv.body.replace(/^\uFEFF/, '')).find((r) => r[1]?.includes('HYPERLINK'));
    expect(found?.[1]).toBe('\'=HYPERLINK("http://evil.example","Click")');
    expect(found?.[2]).toBe("'+Owner");
    db.delete(actions).where(eq(actions.id, formula)).run();
  });

  it('are never shown stale: a write or London midnight shows at once, and each user sees their own list', async () => {
    const overdue = '/manage/actions?overdue=yes';
    // 23:59 in London on the day the member's action is due (summer time): not overdue yet.
    clock = new Date('2027-04-01T22:59:00Z');
    expect(textOf((await clerk.get(overdue)).body)).not.toContain('Write to the ICB');
    expect(textOf((await clerk.get(overdue)).body)).not.toContain('Write to the ICB');
    clock = new Date('2027-04-01T23:01:00Z');
    expect(textOf((await clerk.get(overdue)).body)).toContain('Write to the ICB');
    // A write to what the list shows (here straight to the table, as any write would) is seen by the next request.
    const before = row(ids.member)?.description ?? '';
    db.update(actions).set({ description: 'Write to the ICB and the trust' }).where(eq(actions.id, ids.member)).run();
    expect(textOf((await clerk.get(overdue)).body)).toContain('Write to the ICB and the trust');
    db.update(actions).set({ description: before }).where(eq(actions.id, ids.member)).run();
    expect(textOf((await clerk.get(overdue)).body)).not.toContain('and the trust');
    // The same address for someone who may see less: the member's own list, not the clerk's.
    const mine = textOf((await member.get('/manage/my-actions')).body);
    expect(mine).not.toContain('Send the Committee the bed numbers');
    expect(textOf((await clerk.get('/manage/actions')).body)).toContain('Send the Committee the bed numbers');
  });

  it('show a member their own actions, overdue first', async () => {
    const mine = await member.get('/manage/my-actions');
    expect(mine.statusCode).toBe(200);
    const text = textOf(mine.body);
    expect(text).toContain('Write to the ICB');
    expect(text).not.toContain('Send the Committee the bed numbers');
  });
});

describe('the action log', () => {
  it('lists under the next agenda’s minutes item the public actions still open, frozen when it is published', async () => {
    const committeeId = db.select().from(actions).where(eq(actions.id, ids.member)).get()?.committeeId ?? 0;
    const next = createMeeting(db, committeeId, { date: '2027-03-25' });
    createAgendaItem(db, next.id, { kind: 'apologies', title: 'Apologies' });
    createAgendaItem(db, next.id, { kind: 'minutes', title: 'Minutes of the meeting of 14 January 2027' });
    const published = publishAgenda(db, { meetingId: next.id, publishedAt: new Date('2027-03-15T09:00:00Z') });
    expect(published.ok).toBe(true);
    const open = db
      .select({ reference: actions.reference, status: actions.status, publishedAt: actions.publishedAt })
      .from(actions)
      .all()
      .filter((a) => a.reference?.startsWith('HASC/') && a.publishedAt && ['open', 'in_progress'].includes(a.status));
    expect(open.length).toBeGreaterThan(0);
    const page = parse((await app.inject({ url: `/meetings/${next.id}` })).body);
    const log = page('.app-action-log');
    expect(log.find('h4').text()).toBe('Action log: actions still open from earlier meetings');
    expect(log.find('tbody tr').length).toBe(open.length);
    for (const a of open) expect(log.text()).toContain(a.reference ?? '');
    expect(log.text()).not.toContain('Negotiate the contract price');
    expect(log.text()).not.toContain('A draft action');

    // Frozen: an action done since is still listed as it stood, and links to its page, which says it is done.
    const stillOpen = open[0]?.reference ?? '';
    db.update(actions).set({ status: 'done' }).where(eq(actions.reference, stillOpen)).run();
    const after = parse((await app.inject({ url: `/meetings/${next.id}` })).body);
    expect(after('.app-action-log').text()).toContain(stillOpen);
    const editor = await clerk.get(`/manage/meetings/${next.id}/agenda`);
    // The action log moving on is not a change to the agenda: no supplement is asked for.
    expect(textOf(editor.body)).toContain('Version 1 was published');
    expect(textOf(editor.body)).not.toContain('The draft below has changes that are not yet published.');
  });
});

describe('actions in figures', () => {
  it('counts each meeting’s actions by status, and the open ones by age, as the list’s filters say', async () => {
    const res = await clerk.get('/manage/actions/figures');
    expect(res.statusCode).toBe(200);
    const $ = parse(res.body);
    expect($('svg[role="img"] title').first().text()).toBe('Actions by status at each meeting');
    const mine = db
      .select()
      .from(actions)
      .all()
      .filter((a) => a.meetingId === ids.meetingId);
    const count = (status: string) => String(mine.filter((a) => a.status === status).length);
    const row = $('table')
      .first()
      .find('tbody tr')
      .filter((_, tr) => $(tr).find('th').text().includes('14 January 2027'));
    expect(
      row
        .find('td')
        .map((_, td) => $(td).text().trim())
        .get(),
    ).toEqual([count('open'), count('in_progress'), count('done'), count('dropped')]);
    // Only the clerk's committee: the other committee's action is not counted.
    expect(textOf(res.body)).not.toContain('21 January 2027');
    const open = mine.filter((a) => a.status === 'open' || a.status === 'in_progress').length;
    const ages = $('table').eq(1).find('tbody tr');
    const olderThanAMonth = ages
      .filter((_, tr) => $(tr).find('th').text() === '1 to 3 months')
      .find('td')
      .text();
    expect(olderThanAMonth).toBe(String(open));
    const filtered = await clerk.get('/manage/actions/figures?status=done');
    expect(textOf(filtered.body)).toContain(`${count('done')} actions, with the filters of the list`);
  });
});
