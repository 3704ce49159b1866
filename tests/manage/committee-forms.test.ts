import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { buildTestApp } from '../helpers/app';
import { Client } from '../helpers/client';
import { parse } from '../helpers/html';
import { createCommittee, createMembership, createPerson, createUser, TEST_PASSWORD } from '../helpers/factories';
import type { Database } from '../../src/db/client';
import { committees, memberships, userCommittees } from '../../src/db/schema';

let app: FastifyInstance;
let db: Database;
let clerk: Client;
let clerkId: number;

const COMMITTEE = {
  name: 'Growth and Infrastructure Select Committee',
  slug: 'growth',
  kind: 'select',
  remit: 'Planning, transport and the economy.',
  clerkPersonId: '',
  contactEmail: 'democracy@example.gov.uk',
  contactPhone: '01234 567890',
  noticeClearDays: '5',
  questionCutoffTime: '12 noon',
  questionCutoffClearDays: '3',
  questionWordLimit: '250',
  questionsPerPerson: '1',
  questionsOpenDaysBefore: '',
  speakingRequests: 'no',
  askerEmailMonths: '6',
  minutesDueWorkingDays: '10',
  responseDueMonths: '2',
};

beforeAll(async () => {
  ({ app, db } = await buildTestApp({ now: new Date('2030-01-15T12:00:00Z') }));
  const user = createUser(db, { role: 'clerk' });
  clerkId = user.id;
  clerk = new Client(app);
  await clerk.signIn(user.email, TEST_PASSWORD);
});
afterAll(() => app.close());

const errorOf = (html: string, id: string) =>
  parse(html)(`#${id}-error`)
    .text()
    .replace(/^Error:\s*/, '')
    .trim();
const valueOf = (html: string, id: string) => parse(html)(`#${id}`).attr('value');

describe('setting up and changing a committee', () => {
  it('sets one up, assigns the clerk who did, and applies its rules', async () => {
    const res = await clerk.submit('/manage/committees', COMMITTEE, '/manage/committees/new');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/manage/committees/growth');
    const committee = db.select().from(committees).where(eq(committees.slug, 'growth')).get();
    expect(committee).toMatchObject({ name: COMMITTEE.name, questionCutoffTime: '12:00', noticeClearDays: 5 });
    expect(
      db
        .select()
        .from(userCommittees)
        .where(eq(userCommittees.userId, clerkId))
        .all()
        .map((u) => u.committeeId),
    ).toContain(committee?.id);
    const page = await clerk.get('/manage/committees/growth');
    expect(page.statusCode).toBe(200);
    expect(parse(page.body)('.govuk-notification-banner--success').text()).toContain(
      'Set up Growth and Infrastructure Select Committee',
    );
  });

  it('refuses a web address name already taken, or not allowed, keeping the form as typed', async () => {
    const before = db.select().from(committees).all().length;
    const taken = await clerk.submit('/manage/committees', { ...COMMITTEE, name: 'Another' }, '/manage/committees/new');
    expect(taken.statusCode).toBe(422);
    expect(errorOf(taken.body, 'slug')).toBe('Another committee already uses this web address name');
    expect(valueOf(taken.body, 'name')).toBe('Another');
    expect(valueOf(taken.body, 'contactPhone')).toBe('01234 567890');

    const badSlug = await clerk.submit(
      '/manage/committees',
      { ...COMMITTEE, slug: 'Growth & Co' },
      '/manage/committees/new',
    );
    expect(errorOf(badSlug.body, 'slug')).toMatch(/only lower-case letters, numbers and hyphens/);
    const reserved = await clerk.submit('/manage/committees', { ...COMMITTEE, slug: 'new' }, '/manage/committees/new');
    expect(errorOf(reserved.body, 'slug')).toBe('That web address name is reserved: choose another');

    const numbers = await clerk.submit(
      '/manage/committees',
      { ...COMMITTEE, slug: 'x', noticeClearDays: 'five', questionCutoffTime: 'lunchtime', questionWordLimit: '5' },
      '/manage/committees/new',
    );
    expect(numbers.statusCode).toBe(422);
    expect(errorOf(numbers.body, 'noticeClearDays')).toBe('Notice period must be a whole number, like 5');
    expect(errorOf(numbers.body, 'questionCutoffTime')).toBe('Enter the time questions close, like 12:00 or 5pm');
    expect(errorOf(numbers.body, 'questionWordLimit')).toBe('Word limit for a question must be between 10 and 2000');
    expect(valueOf(numbers.body, 'noticeClearDays')).toBe('five');
    expect(db.select().from(committees).all()).toHaveLength(before);
  });

  it('edits the details and rules, and can dissolve it', async () => {
    const form = await clerk.get('/manage/committees/growth/edit');
    expect(valueOf(form.body, 'noticeClearDays')).toBe('5');
    const res = await clerk.submit(
      '/manage/committees/growth',
      { ...COMMITTEE, noticeClearDays: '7', status: 'active' },
      '/manage/committees/growth/edit',
    );
    expect(res.statusCode).toBe(303);
    expect(db.select().from(committees).where(eq(committees.slug, 'growth')).get()?.noticeClearDays).toBe(7);

    const dissolved = await clerk.submit(
      '/manage/committees/growth',
      { ...COMMITTEE, status: 'dissolved' },
      '/manage/committees/growth/edit',
    );
    expect(dissolved.statusCode).toBe(303);
    expect(db.select().from(committees).where(eq(committees.slug, 'growth')).get()).toMatchObject({
      status: 'dissolved',
      dissolvedOn: '2030-01-15',
    });
    // Its history shows the change.
    const page = await clerk.get('/manage/committees/growth');
    expect(parse(page.body)('.app-history').text()).toContain('Notice clear days: 5 → 7');
  });
});

describe('memberships', () => {
  let slug: string;
  let committeeId: number;
  let alice: number;
  let bob: number;

  beforeAll(() => {
    const c = createCommittee(db, { slug: 'adults-members' });
    slug = c.slug;
    committeeId = c.id;
    db.insert(userCommittees).values({ userId: clerkId, committeeId: c.id }).run();
    alice = createPerson(db, { name: 'Cllr Alice' }).id;
    bob = createPerson(db, { name: 'Cllr Bob' }).id;
  });

  const add = (form: Record<string, string>) =>
    clerk.submit(`/manage/committees/${slug}/members`, form, `/manage/committees/${slug}/members/new`);
  const dates = (prefix: string, d: string, m: string, y: string) => ({
    [`${prefix}-day`]: d,
    [`${prefix}-month`]: m,
    [`${prefix}-year`]: y,
  });

  it('adds a member with a role and dates, shown on the public committee page', async () => {
    const res = await add({
      personId: String(alice),
      role: 'chairman',
      voting: 'yes',
      representing: '',
      ...dates('from', '12', '5', '2029'),
    });
    expect(res.statusCode).toBe(303);
    expect(db.select().from(memberships).where(eq(memberships.committeeId, committeeId)).all()).toMatchObject([
      { personId: alice, role: 'chairman', voting: true, fromDate: '2029-05-12', toDate: null },
    ]);
    const publicPage = await new Client(app).get(`/committees/${slug}`);
    expect(parse(publicPage.body)('table tbody tr').first().text()).toContain('Cllr Alice');
    expect(parse(publicPage.body)('table tbody tr').first().text()).toContain('12 May 2029');
  });

  it('refuses the same role twice over the same dates, and a second chairman at once', async () => {
    const twice = await add({
      personId: String(alice),
      role: 'chairman',
      voting: 'yes',
      ...dates('from', '1', '1', '2030'),
    });
    expect(twice.statusCode).toBe(422);
    expect(errorOf(twice.body, 'role')).toBe('Cllr Alice is already chairman from 12 May 2029 with no end date');
    const second = await add({ personId: String(bob), role: 'chairman', voting: 'yes' });
    expect(second.statusCode).toBe(422);
    expect(errorOf(second.body, 'role')).toBe(
      'Cllr Alice is chairman from 12 May 2029 with no end date: end that first',
    );
    // A different role is fine, and so is the same role after the first ends.
    expect((await add({ personId: String(bob), role: 'vice_chairman', voting: 'yes' })).statusCode).toBe(303);
    expect(db.select().from(memberships).where(eq(memberships.committeeId, committeeId)).all()).toHaveLength(2);
  });

  it('refuses a date that does not exist and an end before the start, keeping the dates typed', async () => {
    const before = db.select().from(memberships).all().length;
    const feb31 = await add({
      personId: String(bob),
      role: 'member',
      voting: 'yes',
      ...dates('from', '31', '2', '2030'),
    });
    expect(feb31.statusCode).toBe(422);
    expect(errorOf(feb31.body, 'from')).toBe('Start date must be a real date');
    expect(valueOf(feb31.body, 'from')).toBe('31');
    expect(parse(feb31.body)('#from-month').attr('value')).toBe('2');
    const backwards = await add({
      personId: String(bob),
      role: 'member',
      voting: 'yes',
      ...dates('from', '1', '6', '2030'),
      ...dates('to', '1', '5', '2030'),
    });
    expect(errorOf(backwards.body, 'to')).toBe('End date must be the same as or after the start date');
    const partial = await add({
      personId: String(bob),
      role: 'member',
      voting: 'yes',
      ...dates('from', '1', '', '2030'),
    });
    expect(errorOf(partial.body, 'from')).toBe('Start date must include a month');
    const blank = await add({ personId: '', role: '', voting: '' });
    expect(errorOf(blank.body, 'personId')).toBe('Select the person');
    expect(errorOf(blank.body, 'role')).toBe('Select the role');
    expect(errorOf(blank.body, 'voting')).toBe('Select whether they can vote');
    expect(db.select().from(memberships).all()).toHaveLength(before);
  });

  it('edits a membership to end it, after which another chairman can start', async () => {
    const chair = db.select().from(memberships).where(eq(memberships.personId, alice)).get();
    const edit = await clerk.get(`/manage/committees/${slug}/members/${chair?.id}/edit`);
    expect(parse(edit.body)('#from').attr('value')).toBe('12');
    const res = await clerk.submit(
      `/manage/committees/${slug}/members/${chair?.id}`,
      {
        personId: String(alice),
        role: 'chairman',
        voting: 'yes',
        ...dates('from', '12', '5', '2029'),
        ...dates('to', '31', '12', '2029'),
      },
      `/manage/committees/${slug}/members/${chair?.id}/edit`,
    );
    expect(res.statusCode).toBe(303);
    expect(
      (await add({ personId: String(bob), role: 'chairman', voting: 'yes', ...dates('from', '1', '1', '2030') }))
        .statusCode,
    ).toBe(303);
    const list = await clerk.get(`/manage/committees/${slug}/members`);
    // Alice's ended chairmanship, Bob's vice-chairmanship and Bob's chairmanship.
    expect(parse(list.body)('table tbody tr').length).toBe(3);
  });

  it('will not edit another committee’s membership through this committee’s address', async () => {
    const other = createCommittee(db, { slug: 'other-members' });
    const m = createMembership(db, { committeeId: other.id, personId: alice, role: 'member' });
    expect((await clerk.get(`/manage/committees/${slug}/members/${m.id}/edit`)).statusCode).toBe(404);
  });
});
