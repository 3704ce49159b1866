import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { axeViolations, collectProblems, launchBrowser, screenshot, serveTestApp } from '../helpers/browser';
import { DEMO_CLERK } from '../helpers/client';

/**
 * Recommendations as the clerk and a resident meet them: the clerk makes one,
 * sends it and records the response in place (htmx; the keyboard lands on
 * the record), the resident reads it on the committee's list and its page,
 * and the inquiry's page; axe on each page, with and without a refusal.
 */
let browser: Browser;
let app: FastifyInstance;
let baseUrl: string;
const problems: string[] = [];
const slug = 'health-and-adult-social-care';

async function fresh(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = collectProblems(page);
  page.on('close', () => problems.push(...seen));
  return { context, page };
}

beforeAll(async () => {
  ({ app, baseUrl } = await serveTestApp({ demo: true, now: new Date('2026-11-22T12:00:00Z') }));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('recommendations in a browser', () => {
  it('lets the clerk make, send and record the response to a recommendation, which a resident then reads', async () => {
    const { context, page } = await fresh();
    await page.goto(`${baseUrl}/login`);
    await page.fill('#email', DEMO_CLERK.email);
    await page.fill('#password', DEMO_CLERK.password);
    await page.click('button:has-text("Sign in")');
    await page.waitForURL(`${baseUrl}/manage`);
    expect(await page.locator('main').textContent()).toContain('No response to a recommendation is overdue.');

    await page.goto(`${baseUrl}/manage/committees/${slug}/recommendations`);
    expect(await axeViolations(page)).toEqual([]);
    await page.click('a:has-text("Make a recommendation")');
    await page.click('button:has-text("Save")');
    await page.waitForSelector('.govuk-error-summary');
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('#text', 'That the Council publishes how many carers’ assessments it completes each quarter.');
    await page.fill('#addressedTo', 'Cabinet Member for Adult Social Care');
    await page.selectOption('#inquiryId', { label: 'Support for carers' });
    await page.click('button:has-text("Save")');
    await page.waitForURL(/\/recommendations\/\d+$/);
    expect(await page.locator('h1').textContent()).toBe('Recommendation HASC/R/1');
    expect(await axeViolations(page)).toEqual([]);

    // Sent in place: htmx swaps the record, and the keyboard lands on it.
    await page.fill('#sentOn', '1');
    await page.fill('#sentOn-month', '9');
    await page.fill('#sentOn-year', '2026');
    await page.click('button:has-text("Record it as sent")');
    await page.waitForSelector('#recommendation-record .govuk-notification-banner--success');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('recommendation-record');
    expect(await page.locator('#recommendation-record').textContent()).toContain('1 November 2026');

    // A response dated before sending is refused in place; the keyboard goes to the field.
    await page.fill('#receivedOn', '31');
    await page.fill('#receivedOn-month', '8');
    await page.fill('#receivedOn-year', '2026');
    await page.check('#decision');
    await page.fill('#text', 'Agreed: the figures will be in the quarterly performance report.');
    await page.click('button:has-text("Save the response")');
    await page.waitForSelector('#recommendation-record .govuk-error-summary');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('receivedOn');
    expect(await page.inputValue('#text')).toBe('Agreed: the figures will be in the quarterly performance report.');
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('#receivedOn', '20');
    await page.fill('#receivedOn-month', '10');
    await page.click('button:has-text("Save the response")');
    await page.waitForSelector('#recommendation-record .govuk-notification-banner--success');
    expect(await page.locator('#recommendation-record').textContent()).toContain('Accepted, 20 October 2026');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'recommendation-manage');
    await context.close();

    const resident = await fresh();
    await resident.page.goto(`${baseUrl}/committees/${slug}`);
    await resident.page.click('main a:has-text("recommendations")');
    await resident.page.waitForURL(`${baseUrl}/committees/${slug}/recommendations`);
    expect(await axeViolations(resident.page)).toEqual([]);
    await resident.page.click('a:has-text("HASC/R/1")');
    await resident.page.waitForURL(`${baseUrl}/recommendations/HASC-R-1`);
    expect(await resident.page.locator('main').textContent()).toContain(
      'Agreed: the figures will be in the quarterly performance report.',
    );
    expect(await axeViolations(resident.page)).toEqual([]);
    await resident.page.click('a:has-text("Support for carers")');
    await resident.page.waitForURL(`${baseUrl}/committees/${slug}/inquiries/support-for-carers`);
    expect(await resident.page.locator('main').textContent()).toContain('HASC/R/1');
    expect(await axeViolations(resident.page)).toEqual([]);
    await screenshot(resident.page, 'inquiry-public');
    await resident.context.close();
    expect(problems).toEqual([]);
  }, 90_000);

  it('shows the clerk an inquiry’s form and the manage list without violations', async () => {
    const { context, page } = await fresh();
    await page.goto(`${baseUrl}/login`);
    await page.fill('#email', DEMO_CLERK.email);
    await page.fill('#password', DEMO_CLERK.password);
    await page.click('button:has-text("Sign in")');
    await page.waitForURL(`${baseUrl}/manage`);
    await page.goto(`${baseUrl}/manage/committees/${slug}/inquiries`);
    expect(await axeViolations(page)).toEqual([]);
    await page.click('a:has-text("Support for carers")');
    await page.waitForURL(/\/inquiries\/\d+\/edit$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('#reportedOn', '1');
    await page.fill('#reportedOn-month', '1');
    await page.fill('#reportedOn-year', '2018');
    await page.fill('#startedOn', '1');
    await page.fill('#startedOn-month', '10');
    await page.fill('#startedOn-year', '2018');
    await page.click('button:has-text("Save")');
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'The report cannot come before the inquiry started',
    );
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
    expect(problems).toEqual([]);
  }, 60_000);
});
