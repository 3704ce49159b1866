import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ical from 'node-ical';
import { buildTestApp } from '../helpers/app';
import { Client } from '../helpers/client';
import { createAgendaItem, createCommittee, createMeeting, createUser, TEST_PASSWORD } from '../helpers/factories';
import type { Database } from '../../src/db/client';
import { publishAgenda } from '../../src/features/agenda/commands/publishing';

let app: FastifyInstance;
let db: Database;
let ids: { summer: number; winter: number; cancelled: number; committee: string };

beforeAll(async () => {
  ({ app, db } = await buildTestApp({
    now: new Date('2030-01-10T12:00:00Z'),
    env: { PUBLIC_URL: 'https://democracy.example.gov.uk' },
  }));
  const c = createCommittee(db, { slug: 'health', name: 'Health Select Committee' });
  const summer = createMeeting(db, c.id, {
    date: '2030-06-20',
    time: '10:00',
    venue: 'The Gateway',
    endsAt: new Date('2030-06-20T11:30:00Z'),
  });
  const winter = createMeeting(db, c.id, { date: '2030-01-24', time: '14:00' });
  const cancelled = createMeeting(db, c.id, { date: '2030-03-07', status: 'cancelled', statusReason: 'No business' });
  createAgendaItem(db, winter.id, { title: 'Contract award', purpose: 'Secret bid prices', exemptParagraph: 3 });
  publishAgenda(db, { meetingId: winter.id, publishedAt: new Date('2030-01-15T09:00:00Z') });
  ids = { summer: summer.id, winter: winter.id, cancelled: cancelled.id, committee: c.slug };
});
afterAll(() => app.close());

type VEvent = ical.VEvent;

/** node-ical gives URL;VALUE=URI as { params, val }. */
function urlOf(e: VEvent): string {
  const url = e.url as unknown;
  return typeof url === 'object' && url !== null && 'val' in url ? String((url as { val: string }).val) : String(url);
}

async function events(url: string): Promise<{ body: string; events: VEvent[] }> {
  const res = await app.inject(url);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
  const parsed = await ical.async.parseICS(res.body);
  return { body: res.body, events: Object.values(parsed).filter((e): e is VEvent => e?.type === 'VEVENT') };
}

describe('calendar feeds', () => {
  it('lists every meeting of a committee with London times, a defined time zone and statuses', async () => {
    const { body, events: list } = await events(`/committees/${ids.committee}/meetings.ics`);
    expect(body).toContain('BEGIN:VTIMEZONE');
    expect(body).toContain('TZID:Europe/London');
    expect(list).toHaveLength(3);
    const byUrl = Object.fromEntries(list.map((e) => [urlOf(e), e]));
    const summer = byUrl[`https://democracy.example.gov.uk/meetings/${ids.summer}`];
    expect(summer?.start.toISOString()).toBe('2030-06-20T09:00:00.000Z'); // 10am BST
    expect(summer?.end?.toISOString()).toBe('2030-06-20T11:30:00.000Z');
    expect(summer?.location).toBe('The Gateway');
    expect(summer?.summary).toBe('Health Select Committee');
    expect(summer?.status).toBe('CONFIRMED');
    const winter = byUrl[`https://democracy.example.gov.uk/meetings/${ids.winter}`];
    expect(winter?.start.toISOString()).toBe('2030-01-24T14:00:00.000Z'); // 2pm GMT
    const cancelled = byUrl[`https://democracy.example.gov.uk/meetings/${ids.cancelled}`];
    expect(cancelled?.status).toBe('CANCELLED');
    expect(cancelled?.summary).toBe('CANCELLED: Health Select Committee');
    expect(cancelled?.description).toContain('No business');
    expect(body).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r?$/m);
  });

  it('keeps a meeting’s UID when it changes, and raises its SEQUENCE', async () => {
    const clerk = new Client(app);
    const user = createUser(db, { role: 'admin' });
    await clerk.signIn(user.email, TEST_PASSWORD);
    const before = (await events(`/meetings/${ids.summer}.ics`)).events[0];
    expect(Number(before?.sequence)).toBe(0);
    const res = await clerk.submit(
      `/manage/meetings/${ids.summer}`,
      {
        'date-day': '21',
        'date-month': '6',
        'date-year': '2030',
        startTime: '10am',
        endTime: '',
        venue: 'Council Chamber',
        onlineUrl: '',
        webcastUrl: '',
      },
      `/manage/meetings/${ids.summer}/edit`,
    );
    expect(res.statusCode).toBe(303);
    const after = (await events(`/meetings/${ids.summer}.ics`)).events[0];
    expect(after?.uid).toBe(before?.uid);
    expect(Number(after?.sequence)).toBe(1);
    expect(after?.start.toISOString()).toBe('2030-06-21T09:00:00.000Z');
    expect(after?.location).toBe('Council Chamber');
    expect(before?.uid).toMatch(/^meeting-\d+-[0-9a-f-]{36}@scrutineer$/);
  });

  it('carries nothing exempt', async () => {
    const { body } = await events(`/committees/${ids.committee}/meetings.ics`);
    expect(body).not.toContain('Contract award');
    expect(body).not.toContain('Secret bid prices');
  });

  it('answers 404 for unknown meetings and committees', async () => {
    expect((await app.inject('/meetings/999.ics')).statusCode).toBe(404);
    expect((await app.inject('/meetings/abc.ics')).statusCode).toBe(404);
    expect((await app.inject('/committees/nope/meetings.ics')).statusCode).toBe(404);
  });

  it('is linked from the meeting and committee pages, with a subscribe explanation', async () => {
    const meeting = await app.inject(`/meetings/${ids.winter}`);
    expect(meeting.body).toContain(`href="/meetings/${ids.winter}.ics"`);
    const committee = await app.inject(`/committees/${ids.committee}`);
    expect(committee.body).toContain('Subscribe to this committee’s meetings in your calendar');
    expect(committee.body).toContain(`https://democracy.example.gov.uk/committees/${ids.committee}/meetings.ics`);
  });
});

describe('GET /api/v1/meetings/:id', () => {
  it('returns the public meeting with its deadlines as ISO 8601 with the London offset', async () => {
    const res = await app.inject(`/api/v1/meetings/${ids.summer}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    // Open data: readable from any site's pages.
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const json = res.json();
    expect(json).toMatchObject({
      id: ids.summer,
      status: 'scheduled',
      startsAt: '2030-06-21T10:00:00+01:00',
      agendaPublishBy: '2030-06-13T23:59:59+01:00',
      // Friday 21 June: Thursday, Wednesday and Tuesday are the three clear days; questions close Monday at noon.
      questionsCloseAt: '2030-06-17T12:00:00+01:00',
      committee: { slug: 'health', name: 'Health Select Committee' },
      url: `https://democracy.example.gov.uk/meetings/${ids.summer}`,
      agenda: null,
    });
  });

  it('shows exempt items by title and paragraph only', async () => {
    const json = (await app.inject(`/api/v1/meetings/${ids.winter}`)).json();
    expect(json.agendaPublishBy).toBe('2030-01-16T23:59:59+00:00');
    // Its OCD agenda item fields (beside the fields it always had) say no more than the title and paragraph.
    expect(json.agenda.items).toEqual([
      {
        number: 1,
        title: 'Contract award',
        exempt: true,
        exemptParagraph: 3,
        plannedStart: null,
        description: 'Contract award',
        order: '1',
        classification: ['exempt'],
        subjects: [],
        notes: ['Exempt under paragraph 3 of Schedule 12A'],
        related_entities: [],
        media: [],
      },
    ]);
    expect(JSON.stringify(json)).not.toContain('Secret bid prices');
  });

  it('answers 404 in JSON', async () => {
    const res = await app.inject('/api/v1/meetings/424242');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'Not found', statusCode: 404 });
  });
});
