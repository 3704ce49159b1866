import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { axeViolations, collectProblems, launchBrowser, screenshot, serveTestApp } from '../helpers/browser';
import { eq } from 'drizzle-orm';
import { meetings, outbox } from '../../src/db/schema';

/**
 * What a new user sees in a real browser: the demo committee's pages, each
 * with zero axe violations (WCAG 2.2 A and AA) and no console errors.
 */
let browser: Browser;
let app: FastifyInstance;
let baseUrl: string;
let page: Page;
let consoleErrors: string[] = [];

beforeAll(async () => {
  ({ app, baseUrl } = await serveTestApp({ demo: true, now: new Date('2026-11-22T12:00:00Z') }));
  browser = await launchBrowser();
  const context = await browser.newContext();
  page = await context.newPage();
  consoleErrors = collectProblems(page);
});
beforeEach(() => {
  consoleErrors.length = 0;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

function meetingId(iso: string): number {
  const found = app.db
    .select()
    .from(meetings)
    .all()
    .find((m) => m.startsAt.toISOString().startsWith(iso));
  if (!found) throw new Error(`no meeting on ${iso}`);
  return found.id;
}

async function text(selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

describe('public pages in a browser', () => {
  it('shows the agenda of 7 January 2021 with no accessibility violations', async () => {
    const res = await page.goto(`${baseUrl}/meetings/${meetingId('2021-01-07')}`);
    expect(res?.status()).toBe(200);
    expect(await page.title()).toBe(
      'Health & Adult Social Care Select Committee, Thursday 7 January 2021 – Scrutineer',
    );
    expect(await page.locator('#agenda .app-agenda-item').count()).toBe(11);
    expect(await text('#item-6 h3')).toBe('6. Update from Healthwatch Bucks');
    // GOV.UK Frontend's JavaScript ran (loaded as a module, not inline) and htmx 4 loaded from /static.
    await page.waitForFunction(() => document.body.classList.contains('govuk-frontend-supported'));
    expect(await page.evaluate(() => (window as unknown as { htmx?: { version: string } }).htmx?.version)).toMatch(
      /^4\./,
    );
    // A written answer opens from the keyboard.
    await page.locator('#item-4 details summary').first().focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#item-4 details').first().getAttribute('open')).toBe('');
    await screenshot(page, 'meeting-2021-01-07');
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('shows the minutes of 5 November 2020 with no accessibility violations', async () => {
    await page.goto(`${baseUrl}/meetings/${meetingId('2020-11-05')}`);
    expect(await page.locator('#minutes .app-minute-item').count()).toBe(12);
    await screenshot(page, 'meeting-2020-11-05');
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it.each([
    ['home', '/'],
    ['committees', '/committees'],
    ['committee', '/committees/health-and-adult-social-care'],
    ['accessibility', '/accessibility'],
  ])('%s page has no accessibility violations', async (name, url) => {
    const res = await page.goto(`${baseUrl}${url}`);
    expect(res?.status()).toBe(200);
    await screenshot(page, name);
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('offers the committee’s records to download and its feed, with no violations once opened', async () => {
    await page.goto(`${baseUrl}/committees/health-and-adult-social-care`);
    await page.getByText('Download this committee’s records').click();
    expect(await axeViolations(page)).toEqual([]);
    const csv = page.getByRole('link', { name: 'CSV of the actions' });
    const res = await page.request.get(new URL(String(await csv.getAttribute('href')), baseUrl).toString());
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
    const feed = await page.request.get(`${baseUrl}/committees/health-and-adult-social-care/feed.atom`);
    expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(await page.locator('link[rel="alternate"][type="application/atom+xml"]').count()).toBe(2);
    expect(consoleErrors).toEqual([]);
  });

  it('documents the open-data API from the footer, and another site’s script can read it', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByRole('link', { name: 'Open data' }).click();
    await page.waitForURL(/\/api\/v1\/docs$/);
    expect(await text('h1')).toBe('Open data API');
    await page.getByRole('link', { name: '/api/v1/meetings/{id}' }).click();
    expect(await page.evaluate(() => location.hash)).toBe('#get-meetings-id');
    await expect.poll(() => page.locator('#get-meetings-id').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);

    // A script from another site (another port is another origin), with a header that needs a preflight.
    const elsewhere = http.createServer((_req, res) => res.end('<!doctype html><title>Another site</title>'));
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    const other = await browser.newPage();
    try {
      await other.goto(`http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/`);
      const read = await other.evaluate(async (url) => {
        const res = await fetch(`${url}/api/v1/meetings?per_page=1`, { headers: { 'If-None-Match': '"nothing"' } });
        const body = (await res.json()) as { results: { _type: string }[] };
        return { status: res.status, type: body.results[0]?._type, left: res.headers.get('RateLimit-Remaining') };
      }, baseUrl);
      expect(read.status).toBe(200);
      expect(read.type).toBe('event');
      expect(Number(read.left)).toBeGreaterThan(0);
    } finally {
      await other.close();
      elsewhere.close();
    }
  });

  it('subscribes to a committee’s emails from its page, with an error kept in place, and confirms by the link', async () => {
    await page.goto(`${baseUrl}/committees/health-and-adult-social-care`);
    await page.getByRole('link', { name: 'Get emails when this committee publishes something' }).click();
    await page.waitForURL(/\/subscribe\?committee=/);
    expect(await page.locator('input[name="scope"][value="committee"]').isChecked()).toBe(true);
    expect(await page.locator('#committee').inputValue()).toBe('health-and-adult-social-care');
    expect(await axeViolations(page)).toEqual([]);

    // An address mistyped: the form comes back in place (htmx) with the message, and the keyboard at the summary.
    await page.fill('#email', 'resident@example');
    await page.getByRole('button', { name: 'Send me a link to confirm' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').count()).toBe(1);
    expect(await text('.govuk-error-summary li')).toBe(
      'Enter an email address in the correct format, like name@example.com',
    );
    expect(await page.locator('#committee').inputValue()).toBe('health-and-adult-social-care');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.govuk-error-summary') !== null))
      .toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.fill('#email', 'resident@example.org');
    await page.getByRole('button', { name: 'Send me a link to confirm' }).click();
    await page.waitForURL(/\/subscribe\/check-your-email$/);
    expect(await text('h1')).toBe('Check your email');
    expect(await axeViolations(page)).toEqual([]);

    const sent = app.db.select().from(outbox).where(eq(outbox.to, 'resident@example.org')).get();
    const link = /\/subscriptions\/confirm\/[A-Za-z0-9_-]{43}/.exec(sent?.text ?? '')?.[0];
    expect(link).toBeDefined();
    await page.goto(`${baseUrl}${link}`);
    expect(await text('h1')).toBe('Confirm your emails');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Yes, send me these emails' }).click();
    await expect.poll(() => text('h1')).toBe('Your emails are on');
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('the 404 page has no accessibility violations', async () => {
    const res = await page.goto(`${baseUrl}/no-such-page`);
    expect(res?.status()).toBe(404);
    expect(await text('h1')).toBe('Page not found');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('puts the skip link first for keyboard users', async () => {
    await page.goto(`${baseUrl}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(page.url()).toMatch(/#main-content$/);
  });
});
