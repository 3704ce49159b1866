import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../helpers/app';
import { Client, DEMO_CLERK } from '../helpers/client';
import { parse, textOf } from '../helpers/html';
import { createAgendaItem, createMeeting } from '../helpers/factories';
import { pdfPageTexts } from '../helpers/pdf';
import type { Database } from '../../src/db/client';
import { committees } from '../../src/db/schema';
import { publishAgenda } from '../../src/features/agenda/commands/publishing';
import { getPublicMinutes } from '../../src/features/minutes/queries';
import { minutesPdf } from '../../src/features/minutes/pdf';
import { fieldLabel } from '../../src/lib/labels';

/** What a new user met, walking through as a resident, a clerk and a member: each a check that failed before its fix. */
let app: FastifyInstance;
let db: Database;
let clerk: Client;
beforeAll(async () => {
  ({ app, db } = await buildTestApp({ demo: true, now: new Date('2021-01-05T09:00:00Z') }));
  clerk = new Client(app);
  await clerk.signIn(DEMO_CLERK.email, DEMO_CLERK.password);
});
afterAll(() => app.close());

describe('the walk-through', () => {
  it('tells a clerk adding a presenter that the directory is shared, and warns on an exempt item', async () => {
    const committeeId = db.select().from(committees).get()?.id ?? 0;
    const meeting = createMeeting(db, committeeId, { date: '2021-02-11' });
    const open = createAgendaItem(db, meeting.id, { title: 'Open item' });
    const exempt = createAgendaItem(db, meeting.id, {
      title: 'Contract award',
      exemptParagraph: 3,
      exemptReason: 'Commercially sensitive',
    });
    const page = parse((await clerk.get(`/manage/meetings/${meeting.id}/agenda`)).body);
    expect(page(`#presenter-${open.id}-newPersonName-hint`).text()).toContain(
      'the people directory, which the clerks of every committee see',
    );
    expect(page(`#item-${open.id} .govuk-warning-text`)).toHaveLength(0);
    expect(page(`#item-${exempt.id} .govuk-warning-text`).text()).toContain(
      'the people directory is shared: a new presenter’s name and capacity can be seen by the clerks of every committee',
    );
  });

  it('writes "held on … via MS Teams", not "at via MS Teams"', async () => {
    const minutes = getPublicMinutes(db, 1);
    if (!minutes) throw new Error('no minutes');
    const online = await minutesPdf({
      committeeName: 'Health & Adult Social Care Select Committee',
      startsAt: new Date('2021-01-07T10:00:00Z'),
      minutes: { ...minutes, venue: 'via MS Teams' },
    });
    const first = (await pdfPageTexts(online))[0] ?? '';
    expect(first).toContain('held on Thursday 7 January 2021 via MS Teams');
    expect(first).not.toContain('at via');
    const inPerson = await minutesPdf({
      committeeName: 'Health & Adult Social Care Select Committee',
      startsAt: new Date('2021-01-07T10:00:00Z'),
      minutes: { ...minutes, venue: 'The Oculus, Aylesbury' },
    });
    expect((await pdfPageTexts(inPerson))[0]).toContain('held on Thursday 7 January 2021 at The Oculus, Aylesbury');
  });

  it('shows names in a history as written ("J MacBean"), and codes in words', async () => {
    expect(fieldLabel('J MacBean')).toBe('J MacBean');
    expect(fieldLabel('Mr A Turner')).toBe('Mr A Turner');
    expect(fieldLabel('startedAt')).toBe('Started at');
    expect(fieldLabel('minutes_status')).toBe('Minutes status');
    const screen = '/manage/meetings/2/minutes';
    const members = parse((await clerk.get(screen)).body)('input[name^="status-"][value="present"]')
      .map((_, el) => String(el.attribs.name))
      .get();
    await clerk.submit(`${screen}/attendance`, Object.fromEntries(members.map((m) => [m, 'present'])), screen);
    expect(textOf((await clerk.get('/manage/meetings/2')).body)).toContain('J MacBean: not recorded → present');
  });

  it('labels each public question’s disclosure by its number and first words, not only its asker', async () => {
    const page = parse((await new Client(app).get('/meetings/2')).body);
    const labels = page('#agenda .govuk-details__summary-text')
      .map((_, el) => page(el).text())
      .get();
    expect(labels.length).toBeGreaterThan(1);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label).toMatch(/^Question \d+ \(.+\): “.+”$/);
  });

  it('links "read the minutes to be confirmed" only when they can be read', async () => {
    const committeeId = db.select().from(committees).get()?.id ?? 0;
    const earlier = createMeeting(db, committeeId, { date: '2021-03-25' });
    const later = createMeeting(db, committeeId, { date: '2021-04-22' });
    createAgendaItem(db, later.id, {
      kind: 'minutes',
      title: 'Minutes',
      confirmsMinutesOfMeetingId: earlier.id,
    });
    const published = publishAgenda(db, { meetingId: later.id, publishedAt: new Date('2021-04-01T09:00:00Z') });
    expect(published.ok).toBe(true);
    const before = await new Client(app).get(`/meetings/${later.id}`);
    expect(before.body).not.toContain(`/meetings/${earlier.id}#minutes`);
    // Once those minutes are published (here, on another site), the link goes to them.
    await clerk.submit(
      `/manage/meetings/${earlier.id}`,
      {
        'date-day': '25',
        'date-month': '3',
        'date-year': '2021',
        startTime: '10am',
        endTime: '',
        venue: '',
        onlineUrl: '',
        webcastUrl: '',
        minutesUrl: 'https://democracy.example.gov.uk/minutes/2021-03-25',
      },
      `/manage/meetings/${earlier.id}/edit`,
    );
    const after = await new Client(app).get(`/meetings/${later.id}`);
    expect(after.body).toContain(`/meetings/${earlier.id}#minutes`);
    const target = parse((await new Client(app).get(`/meetings/${earlier.id}`)).body);
    expect(target('#minutes a').attr('href')).toBe('https://democracy.example.gov.uk/minutes/2021-03-25');
  });

  it('answers /favicon.ico with the site’s icon', async () => {
    const res = await app.inject('/favicon.ico');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
  });
});
