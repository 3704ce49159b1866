import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import {
  axeViolations,
  collectProblems,
  launchBrowser,
  screenshot,
  serveTestApp,
  signInByKeyboard,
  tabTo,
} from '../helpers/browser';
import { createAgendaItem } from '../helpers/factories';

/**
 * Search in a real browser: from the header of any page by keyboard, live as
 * the words are typed (htmx, focus kept in the box), without JavaScript, and
 * signed in with the drafts marked; no axe violations, no console errors.
 */
let browser: Browser;
let app: FastifyInstance;
let baseUrl: string;

beforeAll(async () => {
  ({ app, baseUrl } = await serveTestApp({ demo: true, now: new Date('2026-11-22T12:00:00Z') }));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const results = (page: import('playwright-core').Page) => page.locator('#search-results .app-search-result');

describe('search in a browser', () => {
  it('searches from the header of a page by keyboard, and shows results with no violations', async () => {
    const page = await (await browser.newContext()).newPage();
    const problems = collectProblems(page);
    await page.goto(`${baseUrl}/meetings/2`);
    await tabTo(page, '#header-search');
    await page.keyboard.type('hospital discharge');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=hospital\+discharge$/);
    expect(await results(page).count()).toBeGreaterThan(0);
    expect(await page.locator('#search-results mark').first().textContent()).toMatch(/hospital|discharge/i);
    expect(await page.locator('input#q').inputValue()).toBe('hospital discharge');
    await screenshot(page, 'search-results');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('updates the results as the words are typed, keeping focus in the box and the address in step', async () => {
    const page = await (await browser.newContext()).newPage();
    const problems = collectProblems(page);
    await page.goto(`${baseUrl}/search`);
    await page.waitForFunction(() => document.body.classList.contains('govuk-frontend-supported'));
    await page.locator('input#q').focus();
    await page.keyboard.type('carers', { delay: 30 });
    await page.waitForURL(/\/search\?q=carers/);
    await page.locator('#search-results [role="status"]', { hasText: 'for “carers”' }).waitFor();
    expect(await results(page).count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    // A filter changed by keyboard narrows them.
    await page.locator('select#kind').selectOption('paper');
    await page.waitForURL(/kind=paper/);
    await page.locator('#search-results [role="status"]').waitFor();
    for (const href of await results(page)
      .locator('h3 a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
      expect(href).toMatch(/^\/documents\/\d+#page=\d+$/);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('works without JavaScript', async () => {
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(`${baseUrl}/search`);
    await page.locator('input#q').fill('vaccination');
    await page.locator('main button[type="submit"]').click();
    await page.waitForURL(/q=vaccination/);
    expect(await results(page).count()).toBeGreaterThan(0);
    // A broken filter is said, with the words kept.
    await page.goto(`${baseUrl}/search?q=vaccination&from=2021-02-30`);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('first date like');
    expect(await page.locator('input#q').inputValue()).toBe('vaccination');
    // (axe runs in the page: the same error page is checked with JavaScript on, below.)
  });

  it('shows a broken filter as an error summary with no violations', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${baseUrl}/search?q=vaccination&from=2021-02-30&kind=gossip`);
    expect(await page.locator('.govuk-error-summary a').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows a signed-in clerk the committee’s drafts, marked as not public, with no violations', async () => {
    createAgendaItem(app.db, 4, { title: 'Draft item on wheelchair services', purpose: 'Wheelchair services review' });
    const page = await (await browser.newContext()).newPage();
    const problems = collectProblems(page);
    await signInByKeyboard(page, baseUrl);
    await page.goto(`${baseUrl}/search?q=wheelchair`);
    expect(await page.locator('.govuk-inset-text').textContent()).toContain('drafts and exempt papers');
    expect(await page.locator('#search-results .govuk-tag').first().textContent()).toBe('Draft: not public');
    await screenshot(page, 'search-signed-in');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
