import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { axeViolations, collectProblems, launchBrowser, screenshot, serveTestApp } from '../helpers/browser';
import { DEMO_CLERK } from '../helpers/client';

let browser: Browser;
let app: FastifyInstance;
let baseUrl: string;
let page: Page;
let problems: string[] = [];

beforeAll(async () => {
  ({ app, baseUrl } = await serveTestApp({ demo: true, now: new Date('2021-01-11T10:00:00Z') }));
  browser = await launchBrowser();
  const context = await browser.newContext();
  page = await context.newPage();
  problems = collectProblems(page);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function checked(name: string) {
  await screenshot(page, name);
  expect(await axeViolations(page), name).toEqual([]);
}

describe('the demo clerk schedules a meeting', () => {
  it('from sign-in to the public page, with no accessibility violations on any page', async () => {
    await page.goto(`${baseUrl}/login`);
    await page.fill('#email', DEMO_CLERK.email);
    await page.fill('#password', DEMO_CLERK.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/manage`);
    // The demo's 4 March 2021 agenda is due by Wednesday 24 February: due in 44 days, so not yet "due soon".
    await checked('schedule-1-home');

    await page.click('a:has-text("Health & Adult Social Care Select Committee")');
    await page.waitForURL(`${baseUrl}/manage/committees/health-and-adult-social-care`);
    await checked('schedule-2-committee');

    await page.click('a:has-text("Schedule a meeting")');
    await page.waitForURL(`${baseUrl}/manage/committees/health-and-adult-social-care/meetings/new`);
    await checked('schedule-3-form');

    // A date that does not exist: the error comes back in place, typed values kept.
    await page.fill('#date', '31');
    await page.fill('#date-month', '2');
    await page.fill('#date-year', '2021');
    await page.fill('#startTime', '10am');
    await page.fill('#venue', 'via MS Teams');
    await page.click('button:has-text("Schedule meeting")');
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.inputValue('#venue')).toBe('via MS Teams');
    expect(await page.locator('#date-error').textContent()).toContain('Date of the meeting must be a real date');
    await checked('schedule-4-error');

    // Follow the error summary's link to the field, and fix it.
    await page.click('.govuk-error-summary a');
    await page.fill('#date', '22');
    await page.fill('#date-month', '4');
    await page.fill('#endTime', '1pm');
    await page.click('button:has-text("Schedule meeting")');
    await page.waitForURL(/\/manage\/meetings\/\d+$/);
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain('Meeting scheduled');
    expect(await page.locator('h1').textContent()).toBe('Thursday 22 April 2021');
    expect(await page.locator('main table').first().textContent()).toContain('By Wednesday 14 April 2021');
    await checked('schedule-5-meeting');

    const id = page.url().split('/').pop();
    await page.click('a:has-text("Postpone")');
    await checked('schedule-6-postpone');
    await page.goBack();

    await page.goto(`${baseUrl}/meetings`);
    expect(await page.locator('main').textContent()).toContain('April 2021');
    await checked('schedule-7-public-list');

    await page.goto(`${baseUrl}/meetings/${id}`);
    expect(await page.locator('main').textContent()).toContain('Thursday 22 April 2021, 10am to 1pm');
    expect(await page.locator('main').textContent()).toContain('Filming and reporting');
    await checked('schedule-8-public-meeting');
    expect(problems).toEqual([]);
  }, 90_000);

  it('shows the directory and committee settings pages with no violations', async () => {
    for (const [name, url] of [
      ['people', '/manage/people'],
      ['person-form', '/manage/people/new'],
      ['organisations', '/manage/organisations'],
      ['organisation-form', '/manage/organisations/new'],
      ['committee-form', '/manage/committees/health-and-adult-social-care/edit'],
      ['members', '/manage/committees/health-and-adult-social-care/members'],
      ['member-form', '/manage/committees/health-and-adult-social-care/members/new'],
      ['committee-public', '/committees/health-and-adult-social-care'],
    ] as const) {
      const res = await page.goto(`${baseUrl}${url}`);
      expect(res?.status(), url).toBe(200);
      await checked(`directory-${name}`);
    }
    expect(problems).toEqual([]);
  }, 90_000);
});
