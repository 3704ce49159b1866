import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../helpers/app';
import { parse, tableRows, textOf } from '../helpers/html';
import { createCommittee, createMeeting, createMembership, createPerson } from '../helpers/factories';
import type { Database } from '../../src/db/client';

let app: FastifyInstance;
let db: Database;
const NOW = new Date('2030-01-15T12:00:00Z');

beforeAll(async () => {
  ({ app, db } = await buildTestApp({ now: NOW }));
});
afterAll(() => app.close());

describe('/committees', () => {
  it('lists active committees by name, not dissolved ones', async () => {
    createCommittee(db, { name: 'Zebra Select Committee', slug: 'zebra' });
    createCommittee(db, { name: 'Adults Select Committee', slug: 'adults-list' });
    createCommittee(db, { name: 'Old Committee', slug: 'old', status: 'dissolved' });
    const res = await app.inject('/committees');
    expect(res.statusCode).toBe(200);
    const $ = parse(res.body);
    expect($('title').text()).toBe('Committees – Scrutineer');
    const names = $('main h2 a')
      .map((_, el) => $(el).text().trim())
      .get();
    expect(names.indexOf('Adults Select Committee')).toBeLessThan(names.indexOf('Zebra Select Committee'));
    expect(names).not.toContain('Old Committee');
  });
});

describe('/committees/:slug', () => {
  it('shows the remit, current members by role and the meetings', async () => {
    const c = createCommittee(db, { name: 'Health Select Committee', slug: 'health', remit: 'Health services.' });
    const chair = createPerson(db, { name: 'J Smith' });
    const member = createPerson(db, { name: 'A Brown' });
    const vice = createPerson(db, { name: 'B Young' });
    const former = createPerson(db, { name: 'C Gone' });
    createMembership(db, { committeeId: c.id, personId: member.id, role: 'member', fromDate: '2029-05-01' });
    createMembership(db, { committeeId: c.id, personId: vice.id, role: 'vice_chairman' });
    createMembership(db, { committeeId: c.id, personId: chair.id, role: 'chairman' });
    createMembership(db, { committeeId: c.id, personId: former.id, role: 'member', toDate: '2029-12-31' });
    createMeeting(db, c.id, { date: '2030-02-01' });
    createMeeting(db, c.id, { date: '2029-10-01' });

    const res = await app.inject('/committees/health');
    expect(res.statusCode).toBe(200);
    const $ = parse(res.body);
    expect($('h1').text().trim()).toBe('Health Select Committee');
    expect(textOf(res.body, 'main')).toContain('Health services.');
    expect(tableRows(res.body, 'table:has(caption:contains("Members"))')).toEqual([
      'J Smith | Chairman | Not recorded',
      'B Young | Vice-Chairman | Not recorded',
      'A Brown | Member | 1 May 2029',
    ]);
    const times = $('.app-meeting-list time')
      .map((_, el) => $(el).text().trim())
      .get();
    expect(times).toEqual(['Friday 1 February 2030, 10am', 'Monday 1 October 2029, 10am']);
  });

  it('shows the demo committee with its chairman, vice-chairman and Healthwatch co-optee', async () => {
    const { app: demoApp } = await buildTestApp({ demo: true, now: NOW });
    const res = await demoApp.inject('/committees/health-and-adult-social-care');
    expect(res.statusCode).toBe(200);
    const rows = tableRows(res.body, 'table:has(caption:contains("Members"))');
    expect(rows).toHaveLength(16);
    expect(rows[0]).toBe('J MacBean | Chairman | Not recorded');
    expect(rows[1]).toBe('M Collins | Vice-Chairman | Not recorded');
    expect(rows).toContain('Ms Z McIntosh | Co-opted member (Healthwatch Bucks), non-voting | Not recorded');
    const $ = parse(res.body);
    expect(
      $('.app-meeting-list time')
        .map((_, el) => $(el).text().trim())
        .get(),
    ).toContain('Thursday 7 January 2021, 10am');
    expect($('a[href="mailto:democracy@buckinghamshire.gov.uk"]')).toHaveLength(1);
    await demoApp.close();
  });

  it('escapes a committee name that holds markup', async () => {
    createCommittee(db, { name: '<script>alert("x")</script> Committee', slug: 'xss', remit: '<b>bold</b>' });
    const res = await app.inject('/committees/xss');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert');
    const $ = parse(res.body);
    // The text reads as typed, and none of it became markup.
    expect($('h1').text()).toBe('<script>alert("x")</script> Committee');
    expect($('title').text()).toBe('<script>alert("x")</script> Committee – Scrutineer');
    expect($('main p').text()).toContain('<b>bold</b>');
    expect($('script:not([src])')).toHaveLength(0);
    expect($('main b')).toHaveLength(0);
  });

  it.each(['no-such-committee', 'UPPER', '..%2F..%2Fetc', '-'])('answers 404 for %s', async (slug) => {
    const res = await app.inject(`/committees/${slug}`);
    expect(res.statusCode).toBe(404);
    expect(parse(res.body)('h1').text()).toBe('Page not found');
  });
});
