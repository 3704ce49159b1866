import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../helpers/app';
import { parse, tableRows, textOf } from '../helpers/html';
import {
  createAgendaItem,
  createAttendance,
  createCommittee,
  createMeeting,
  createMembership,
  createPerson,
} from '../helpers/factories';
import type { Database } from '../../src/db/client';
import { publishAgenda } from '../../src/features/agenda/commands/publishing';

const NOW = new Date('2030-03-15T12:00:00Z');
let app: FastifyInstance;
let db: Database;

beforeAll(async () => {
  ({ app, db } = await buildTestApp({ now: NOW }));
});
afterAll(() => app.close());

describe('/meetings', () => {
  it('lists upcoming meetings by month, filtered by committee, and past ones on request', async () => {
    const a = createCommittee(db, { slug: 'alpha', name: 'Alpha Committee' });
    const b = createCommittee(db, { slug: 'beta', name: 'Beta Committee' });
    createMeeting(db, a.id, { date: '2030-04-02' });
    createMeeting(db, b.id, { date: '2030-04-20' });
    createMeeting(db, a.id, { date: '2030-05-05' });
    createMeeting(db, a.id, { date: '2030-01-10' });

    const all = await app.inject('/meetings');
    expect(all.statusCode).toBe(200);
    const $ = parse(all.body);
    expect(
      $('main h2')
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual(['April 2030', 'May 2030']);
    expect($('.app-meeting-list').first().find('li')).toHaveLength(2);
    expect($('main nav [aria-current="page"]').text()).toBe('Upcoming');

    const alpha = await app.inject('/meetings?committee=alpha');
    const $a = parse(alpha.body);
    expect(
      $a('.app-meeting-list time')
        .map((_, t) => $a(t).text().trim())
        .get(),
    ).toEqual(['Tuesday 2 April 2030, 10am', 'Sunday 5 May 2030, 10am']);
    expect($a('#committee option[selected]').attr('value')).toBe('alpha');

    const past = await app.inject('/meetings?when=past&committee=alpha');
    expect(textOf(past.body, 'main')).toContain('January 2030');
    expect(textOf(past.body, 'main')).not.toContain('April 2030');

    // An unknown committee or period is ignored, not an error.
    expect((await app.inject('/meetings?committee=<script>&when=yesterday')).statusCode).toBe(200);
  });
});

describe('a public meeting page', () => {
  it('says anyone may film and report an open meeting, and when questions close', async () => {
    const c = createCommittee(db, { slug: 'gamma' });
    const m = createMeeting(db, c.id, {
      date: '2030-04-11',
      onlineUrl: 'https://teams.example/join',
      webcastUrl: 'https://webcast.example/x',
    });
    const res = await app.inject(`/meetings/${m.id}`);
    const main = textOf(res.body, 'main');
    expect(main).toContain('Anyone may film, photograph, record or report on the open parts of it');
    expect(main).toContain('Questions for this meeting close Friday 5 April 2030, midday');
    const $ = parse(res.body);
    expect($('a[href="https://teams.example/join"]').text()).toBe('Join the meeting online');
    expect($('a[href="https://webcast.example/x"]').text()).toBe('Watch the webcast');
  });

  it('leaves the filming notice off a meeting held wholly in private, and off a cancelled one', async () => {
    const c = createCommittee(db, { slug: 'delta' });
    const m = createMeeting(db, c.id, { date: '2030-04-12' });
    createAgendaItem(db, m.id, { title: 'Staffing', exemptParagraph: 1 });
    publishAgenda(db, { meetingId: m.id, publishedAt: new Date('2030-03-01T09:00:00Z') });
    expect(textOf((await app.inject(`/meetings/${m.id}`)).body, 'main')).not.toContain('Filming and reporting');
    const cancelled = createMeeting(db, c.id, { date: '2030-04-13', status: 'cancelled', statusReason: 'x' });
    expect(textOf((await app.inject(`/meetings/${cancelled.id}`)).body, 'main')).not.toContain('Filming and reporting');
  });
});

describe('attendance statistics on the committee page', () => {
  it('count held meetings only while a member, excluding cancelled ones, with present, apologies and substitutes', async () => {
    const c = createCommittee(db, { slug: 'epsilon' });
    const ann = createPerson(db, { name: 'Cllr Ann' });
    const ben = createPerson(db, { name: 'Cllr Ben' });
    const sub = createPerson(db, { name: 'Cllr Sub' });
    createMembership(db, { committeeId: c.id, personId: ann.id, role: 'chairman', fromDate: '2029-01-01' });
    createMembership(db, { committeeId: c.id, personId: ben.id, role: 'member', fromDate: '2029-06-01' });
    const m1 = createMeeting(db, c.id, { date: '2029-03-01', status: 'held' }); // before Ben joined
    const m2 = createMeeting(db, c.id, { date: '2029-07-01', status: 'held' });
    const m3 = createMeeting(db, c.id, { date: '2029-09-01', status: 'held' });
    createMeeting(db, c.id, { date: '2029-11-01', status: 'cancelled', statusReason: 'x' });
    createMeeting(db, c.id, { date: '2030-06-01' }); // still to come
    createAttendance(db, { meetingId: m1.id, personId: ann.id, status: 'present' });
    createAttendance(db, { meetingId: m2.id, personId: ann.id, status: 'apologies' });
    createAttendance(db, { meetingId: m2.id, personId: ben.id, status: 'present' });
    createAttendance(db, { meetingId: m3.id, personId: ann.id, status: 'present' });
    createAttendance(db, { meetingId: m3.id, personId: ben.id, status: 'apologies' });
    createAttendance(db, { meetingId: m3.id, personId: sub.id, status: 'present', substituteForPersonId: ben.id });

    const res = await app.inject('/committees/epsilon');
    const rows = tableRows(res.body, 'table:has(caption:contains("Attendance"))');
    expect(rows).toEqual(['Cllr Ann | 3 | 2 | 1 | 0', 'Cllr Ben | 2 | 1 | 1 | 1']);
  });
});
