import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../helpers/app';
import { parse, textOf } from '../helpers/html';
import { createCommittee, createMeeting } from '../helpers/factories';
import type { Database } from '../../src/db/client';

let app: FastifyInstance;
let db: Database;
const NOW = new Date('2030-01-15T12:00:00Z');

beforeAll(async () => {
  ({ app, db } = await buildTestApp({ now: NOW }));
});
afterAll(() => app.close());

describe('home page', () => {
  it('lists upcoming meetings soonest first and recent meetings latest first', async () => {
    const c = createCommittee(db, { name: 'Adults Select Committee', slug: 'adults' });
    createMeeting(db, c.id, { date: '2030-03-05' });
    createMeeting(db, c.id, { date: '2030-02-05' });
    createMeeting(db, c.id, { date: '2029-11-05' });
    createMeeting(db, c.id, { date: '2029-12-05', status: 'cancelled', statusReason: 'Not quorate' });

    const res = await app.inject('/');
    expect(res.statusCode).toBe(200);
    const $ = parse(res.body);
    expect($('title').text()).toBe('Scrutineer');
    expect($('h1').text()).toBe('Scrutiny committee meetings');
    const lists = $('.app-meeting-list');
    expect(lists).toHaveLength(2);
    const upcoming = lists
      .eq(0)
      .find('time')
      .map((_, el) => $(el).text().trim())
      .get();
    const recent = lists
      .eq(1)
      .find('time')
      .map((_, el) => $(el).text().trim())
      .get();
    expect(upcoming).toEqual(['Tuesday 5 February 2030, 10am', 'Tuesday 5 March 2030, 10am']);
    expect(recent).toEqual(['Wednesday 5 December 2029, 10am', 'Monday 5 November 2029, 10am']);
    expect(lists.eq(1).text()).toContain('Cancelled');
    expect(res.headers['vary']).toContain('HX-Request');
  });

  it('has a skip link, the service name, a search box, navigation and the accessibility statement link', async () => {
    const res = await app.inject('/');
    const $ = parse(res.body);
    expect($('a.govuk-skip-link').attr('href')).toBe('#main-content');
    expect($('main#main-content')).toHaveLength(1);
    expect($('.govuk-generic-header__logo').text().trim()).toBe('Scrutineer');
    // And the search box, labelled for screen readers.
    expect($('.govuk-generic-header form[role="search"] label[for="header-search"]').text().trim()).toBe(
      'Search agendas, papers and minutes',
    );
    expect($('footer a[href="/accessibility"]').text().trim()).toBe('Accessibility statement');
    expect($('script[src="/static/build/htmx.min.js"]')).toHaveLength(1);
    expect($('meta[name="htmx-config"]').attr('content')).toContain('"includeIndicatorCSS":false');
    // A council service: no crown, no GDS Transport.
    expect(res.body).not.toMatch(/govuk-header__logotype|govuk-footer__crown|GDS Transport/);
    expect($('script:not([src])')).toHaveLength(0);
  });
});

describe('accessibility statement', () => {
  it('is a page in the same layout', async () => {
    const res = await app.inject('/accessibility');
    expect(res.statusCode).toBe(200);
    expect(parse(res.body)('title').text()).toBe('Accessibility statement – Scrutineer');
    expect(textOf(res.body, 'main')).toContain('WCAG) version 2.2 AA');
  });
});

describe('health check', () => {
  it('answers JSON that says the database is reachable', async () => {
    const res = await app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json()).toEqual({ status: 'ok', checks: { database: 'ok' } });
  });

  it('answers 503 when the database is gone', async () => {
    const { app: broken, db: brokenDb } = await buildTestApp();
    brokenDb.$client.close();
    const res = await broken.inject('/healthz');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'unavailable', checks: { database: 'failing' } });
    await broken.close();
  });
});

describe('pages that do not exist', () => {
  it('get the 404 page in the site layout', async () => {
    const res = await app.inject('/no/such/page');
    expect(res.statusCode).toBe(404);
    const $ = parse(res.body);
    expect($('h1').text()).toBe('Page not found');
    expect($('.govuk-generic-header')).toHaveLength(1);
  });

  it('get JSON under /api', async () => {
    const res = await app.inject('/api/v1/nothing');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'Not found', statusCode: 404 });
  });
});

describe('static assets', () => {
  it('serves the compiled stylesheet and htmx 4 from /static', async () => {
    const css = await app.inject('/static/build/app.css');
    expect(css.statusCode).toBe(200);
    expect(css.body).toContain('font-family:arial,sans-serif');
    expect(css.body).not.toContain('GDS Transport');
    const htmx = await app.inject('/static/build/htmx.min.js');
    expect(htmx.statusCode).toBe(200);
    expect(htmx.body).toMatch(/this\.version="4\./);
  });
});
