import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { buildTestApp } from '../helpers/app';
import { Client } from '../helpers/client';
import { parse, tableRows, textOf } from '../helpers/html';
import { createCommittee, createMeeting, createUser, TEST_PASSWORD } from '../helpers/factories';
import type { Database } from '../../src/db/client';
import { meetings } from '../../src/db/schema';

const NOW = new Date('2030-06-03T09:00:00Z'); // Monday 3 June 2030, 10am London
let app: FastifyInstance;
let db: Database;
let clerk: Client;
let slug: string;

beforeAll(async () => {
  ({ app, db } = await buildTestApp({ now: NOW }));
  const c = createCommittee(db, { slug: 'place', name: 'Place Select Committee' });
  slug = c.slug;
  const user = createUser(db, { role: 'clerk', committeeIds: [c.id] });
  clerk = new Client(app);
  await clerk.signIn(user.email, TEST_PASSWORD);
});
afterAll(() => app.close());

const date = (d: string, m: string, y: string) => ({ 'date-day': d, 'date-month': m, 'date-year': y });
const errorOf = (html: string, id: string) =>
  parse(html)(`#${id}-error`)
    .text()
    .replace(/^Error:\s*/, '')
    .trim();
const schedule = (form: Record<string, string>) =>
  clerk.submit(`/manage/committees/${slug}/meetings`, form, `/manage/committees/${slug}/meetings/new`);

describe('scheduling a meeting', () => {
  it('stores London time as UTC and shows its deadlines with the days left', async () => {
    const res = await schedule({
      ...date('20', '6', '2030'),
      startTime: '10am',
      endTime: '12.30pm',
      venue: 'The Gateway, Aylesbury',
      onlineUrl: '',
      webcastUrl: 'https://example.public-i.tv/core',
    });
    expect(res.statusCode).toBe(303);
    const id = Number(String(res.headers.location).split('/').pop());
    const meeting = db.select().from(meetings).where(eq(meetings.id, id)).get();
    expect(meeting?.startsAt.toISOString()).toBe('2030-06-20T09:00:00.000Z'); // BST
    expect(meeting?.endsAt?.toISOString()).toBe('2030-06-20T11:30:00.000Z');

    const page = await clerk.get(String(res.headers.location));
    expect(page.statusCode).toBe(200);
    expect(parse(page.body)('.govuk-notification-banner--success').text()).toContain('Meeting scheduled');
    // Thursday 20 June 2030: five clear working days are 13, 14, 17, 18, 19 June; publish by Wednesday 12 June.
    expect(tableRows(page.body, '.govuk-grid-column-full > .app-table-scroll > table')[0]).toBe(
      'Publish the agenda and reports | By Wednesday 12 June 2030 | To do | 9 days left',
    );
    expect(tableRows(page.body, '.govuk-grid-column-full > .app-table-scroll > table')[1]).toBe(
      'Public questions close | Friday 14 June 2030, midday | Open | ',
    );
  });

  it('refuses 31 February, an end before the start, a missing time and a bad link: messages beside the fields, the form kept, nothing saved', async () => {
    const before = db.select().from(meetings).all().length;
    const res = await schedule({
      ...date('31', '2', '2030'),
      startTime: '14:00',
      endTime: '13:00',
      venue: 'Room 1',
      onlineUrl: 'teams meeting',
      webcastUrl: '',
    });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res.body, 'date')).toBe('Date of the meeting must be a real date');
    expect(errorOf(res.body, 'endTime')).toBe('Expected end must be after the start time');
    expect(errorOf(res.body, 'onlineUrl')).toBe(
      'Online joining link must be a full web address starting with https://',
    );
    const $ = parse(res.body);
    expect($('#date').attr('value')).toBe('31');
    expect($('#startTime').attr('value')).toBe('14:00');
    expect($('#venue').attr('value')).toBe('Room 1');
    expect($('#onlineUrl').attr('value')).toBe('teams meeting');
    expect($('.govuk-error-summary__list a').first().attr('href')).toBe('#date');

    const noTime = await schedule({
      ...date('1', '7', '2030'),
      startTime: '',
      endTime: '',
      venue: '',
      onlineUrl: '',
      webcastUrl: '',
    });
    expect(errorOf(noTime.body, 'startTime')).toBe('Enter the time the meeting starts, like 10am or 14:30');
    const badTime = await schedule({
      ...date('1', '7', '2030'),
      startTime: '25:00',
      endTime: '',
      venue: '',
      onlineUrl: '',
      webcastUrl: '',
    });
    expect(errorOf(badTime.body, 'startTime')).toBe('Start time must be a real time, like 10am or 14:30');
    expect(db.select().from(meetings).all()).toHaveLength(before);
  });

  it('answers htmx with the form in place on error, and a redirect header on success', async () => {
    const token = await clerk.csrfToken(`/manage/committees/${slug}/meetings/new`);
    const bad = await clerk.post(
      `/manage/committees/${slug}/meetings`,
      { _csrf: token, ...date('', '', ''), startTime: '10am' },
      { 'hx-request': 'true' },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).not.toContain('<html');
    expect(errorOf(bad.body, 'date')).toBe('Enter date of the meeting');
    const ok = await clerk.post(
      `/manage/committees/${slug}/meetings`,
      { _csrf: token, ...date('4', '7', '2030'), startTime: '2pm' },
      { 'hx-request': 'true' },
    );
    expect(ok.statusCode).toBe(204);
    expect(ok.headers['hx-redirect']).toMatch(/^\/manage\/meetings\/\d+$/);
  });
});

describe('changing a meeting', () => {
  it('edits the details, raising the calendar sequence', async () => {
    const c = db.select().from(meetings).all()[0];
    const id = c?.id ?? 0;
    const form = await clerk.get(`/manage/meetings/${id}/edit`);
    expect(parse(form.body)('#startTime').attr('value')).toBe('10:00');
    expect(parse(form.body)('#date').attr('value')).toBe('20');
    const res = await clerk.submit(
      `/manage/meetings/${id}`,
      {
        ...date('20', '6', '2030'),
        startTime: '10:30',
        endTime: '',
        venue: 'Council Chamber',
        onlineUrl: '',
        webcastUrl: '',
      },
      `/manage/meetings/${id}/edit`,
    );
    expect(res.statusCode).toBe(303);
    const after = db.select().from(meetings).where(eq(meetings.id, id)).get();
    expect(after).toMatchObject({ venue: 'Council Chamber', calendarSequence: 1, endsAt: null });
    const page = await clerk.get(`/manage/meetings/${id}`);
    expect(textOf(page.body, '.app-history')).toContain('Venue: The Gateway, Aylesbury → Council Chamber');
  });

  it('cancels only with a reason, which the public page then shows', async () => {
    const m = createMeeting(db, db.select().from(meetings).all()[0]?.committeeId ?? 0, { date: '2030-07-11' });
    const none = await clerk.submit(
      `/manage/meetings/${m.id}/cancel`,
      { reason: '  ' },
      `/manage/meetings/${m.id}/cancel`,
    );
    expect(none.statusCode).toBe(422);
    expect(errorOf(none.body, 'reason')).toBe('Enter why the meeting is cancelled: the public page shows it');
    expect(db.select().from(meetings).where(eq(meetings.id, m.id)).get()?.status).toBe('scheduled');

    const res = await clerk.submit(
      `/manage/meetings/${m.id}/cancel`,
      { reason: 'Too few items of business.' },
      `/manage/meetings/${m.id}/cancel`,
    );
    expect(res.statusCode).toBe(303);
    expect(db.select().from(meetings).where(eq(meetings.id, m.id)).get()).toMatchObject({
      status: 'cancelled',
      statusReason: 'Too few items of business.',
      calendarSequence: 1,
    });
    const publicPage = await new Client(app).get(`/meetings/${m.id}`);
    const banner = parse(publicPage.body)('.govuk-notification-banner');
    expect(banner.find('.govuk-notification-banner__heading').text()).toBe('This meeting has been cancelled.');
    expect(banner.find('.govuk-notification-banner__content .govuk-body').text()).toBe('Too few items of business.');
    // A cancelled meeting has no deadlines to chase.
    expect(textOf((await clerk.get(`/manage/meetings/${m.id}`)).body, 'main')).toContain(
      'This meeting is not going ahead, so it has no deadlines.',
    );
  });

  it('postpones with a reason', async () => {
    const m = createMeeting(db, db.select().from(meetings).all()[0]?.committeeId ?? 0, { date: '2030-07-18' });
    const res = await clerk.submit(
      `/manage/meetings/${m.id}/postpone`,
      { reason: 'Moved for the by-election.' },
      `/manage/meetings/${m.id}/postpone`,
    );
    expect(res.statusCode).toBe(303);
    expect(db.select().from(meetings).where(eq(meetings.id, m.id)).get()?.status).toBe('postponed');
  });

  it('marks a meeting held only once its day has come', async () => {
    const committeeId = db.select().from(meetings).all()[0]?.committeeId ?? 0;
    const future = createMeeting(db, committeeId, { date: '2030-07-25' });
    const early = await clerk.submit(`/manage/meetings/${future.id}/held`, {}, `/manage/meetings/${future.id}`);
    expect(early.statusCode).toBe(422);
    expect(textOf(early.body, '.govuk-error-summary')).toContain(
      'A meeting cannot be marked as held before the day it takes place',
    );

    const today = createMeeting(db, committeeId, { date: '2030-06-03', time: '09:00' });
    const page = await clerk.get(`/manage/meetings/${today.id}`);
    expect(parse(page.body)('form[action$="/held"]')).toHaveLength(1);
    const res = await clerk.submit(`/manage/meetings/${today.id}/held`, {}, `/manage/meetings/${today.id}`);
    expect(res.statusCode).toBe(303);
    expect(db.select().from(meetings).where(eq(meetings.id, today.id)).get()?.status).toBe('held');
    // Once held, it is not cancelled or postponed after the fact, whatever a stale page posts.
    const cancel = await clerk.submit(
      `/manage/meetings/${today.id}/cancel`,
      { reason: 'Too late to cancel' },
      `/manage/meetings/${today.id}`,
    );
    expect(cancel.statusCode).toBe(422);
    expect(textOf(cancel.body)).toContain('This meeting is held: only a scheduled meeting can be cancelled');
    expect(db.select().from(meetings).where(eq(meetings.id, today.id)).get()?.status).toBe('held');
  });

  it('lists deadlines due soon and missed on the clerk’s home page', async () => {
    const committeeId = db.select().from(meetings).all()[0]?.committeeId ?? 0;
    createMeeting(db, committeeId, { date: '2030-06-06' }); // agenda was due by Wednesday 29 May: missed
    createMeeting(db, committeeId, { date: '2030-06-17' }); // agenda due by Sunday 9 June: due soon
    const home = await clerk.get('/manage');
    const $ = parse(home.body);
    const listAfter = (heading: string) =>
      $('h2')
        .filter((_, h) => $(h).text() === heading)
        .next('ul')
        .find('li')
        .map((_, li) => `${$(li).find('a').text().trim()} / ${$(li).find('span').text().trim()}`)
        .get();
    expect(listAfter('Missed')).toContain(
      'Publish the agenda: Place Select Committee, 6 June 2030 / By Wednesday 29 May 2030 (5 days late)',
    );
    expect(listAfter('Due soon')).toEqual([
      'Publish the agenda: Place Select Committee, 17 June 2030 / By Sunday 9 June 2030 (6 days left)',
    ]);
  });
});

describe('access', () => {
  it('keeps a clerk to their own committees’ meetings', async () => {
    const other = createCommittee(db, { slug: 'elsewhere' });
    const m = createMeeting(db, other.id);
    expect((await clerk.get(`/manage/meetings/${m.id}`)).statusCode).toBe(403);
    expect((await clerk.get(`/manage/committees/elsewhere/meetings/new`)).statusCode).toBe(403);
  });
});
