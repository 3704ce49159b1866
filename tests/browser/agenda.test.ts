import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
import { createMeeting } from '../helpers/factories';
import { meetings, committees } from '../../src/db/schema';

/**
 * The demo clerk builds an agenda with the keyboard alone: reaching every
 * control with Tab, pressing Enter and Space. Once with JavaScript (htmx
 * swaps the editor in place) and once without (plain forms and redirects).
 */
let browser: Browser;
let app: FastifyInstance;
let baseUrl: string;
const meetingIds: { march: number; april: number } = { march: 0, april: 0 };

beforeAll(async () => {
  ({ app, baseUrl } = await serveTestApp({ demo: true, now: new Date('2021-02-10T10:00:00Z') }));
  const committee = app.db.select().from(committees).get();
  meetingIds.march =
    app.db
      .select()
      .from(meetings)
      .all()
      .find((m) => m.startsAt.toISOString().startsWith('2021-03-04'))?.id ?? 0;
  meetingIds.april = createMeeting(app.db, committee?.id ?? 0, { date: '2021-04-22', venue: 'via MS Teams' }).id;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function buildAgenda(page: Page, meetingId: number, js: boolean): Promise<void> {
  const editor = `${baseUrl}/manage/meetings/${meetingId}/agenda`;
  await page.goto(editor);
  // axe runs as a script in the page, so only where scripts run; the pages are the same without.
  if (js) expect(await axeViolations(page)).toEqual([]);

  await tabTo(page, '#standard-items');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#agenda-items > li:nth-child(7)');
  if (!js) expect(page.url()).toBe(editor);

  // Add an item, every field by keyboard.
  await tabTo(page, '#new-title');
  await page.keyboard.type('Support for carers and key workers');
  await page.keyboard.press('Tab');
  await page.keyboard.type('To review progress since the 2018 inquiry.');
  await tabTo(page, '#new-plannedStart');
  await page.keyboard.type('10:30');
  await page.keyboard.press('Tab');
  await page.keyboard.type('45');
  await tabTo(page, '#add-item');
  await page.keyboard.press('Enter');
  await page.locator('#agenda-items > li:nth-child(8)').waitFor();
  // New business goes before the closing standard items (work programme, date of next meeting).
  const newItem = page.locator('#agenda-items > li:nth-child(6)');
  expect(await newItem.locator('h3').textContent()).toBe('6. Support for carers and key workers');

  // Move it up one place with its own button; with htmx, focus stays on the button.
  const id = (await newItem.getAttribute('id'))?.replace('item-', '');
  await tabTo(page, `#move-up-${id}`);
  await page.keyboard.press('Enter');
  await page.locator(`#agenda-items > li:nth-child(5)#item-${id}`).waitFor();
  if (js) expect(await page.locator(`#move-up-${id}:focus`).count()).toBe(1);
  expect(await page.locator(`#item-${id} h3`).textContent()).toBe('5. Support for carers and key workers');
  await screenshot(page, `agenda-editor-${js ? 'js' : 'nojs'}`);
  if (js) expect(await axeViolations(page)).toEqual([]);

  // Publish.
  await tabTo(page, '#publish-agenda');
  await page.keyboard.press('Enter');
  // It cannot be undone, so it asks first: in place with htmx, as a page without.
  await page.locator('#confirm-yes').waitFor();
  if (js) expect(await page.locator('#publish-question:focus').count()).toBe(1);
  if (js) expect(await axeViolations(page)).toEqual([]);
  await tabTo(page, '#confirm-yes');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.govuk-notification-banner--success, #pack-status');
  const publicPage = await page.context().newPage();
  await publicPage.goto(`${baseUrl}/meetings/${meetingId}`);
  expect(await publicPage.locator('#agenda .app-agenda-item').count()).toBe(8);
  expect(await publicPage.locator('#item-5 h3').textContent()).toBe('5. Support for carers and key workers');
  await publicPage.close();
}

describe('building an agenda with the keyboard', () => {
  let context: BrowserContext;
  afterAll(async () => context?.close());

  it('works with JavaScript, htmx swapping the editor in place', async () => {
    context = await browser.newContext();
    const page = await context.newPage();
    const problems = collectProblems(page);
    await signInByKeyboard(page, baseUrl);
    await buildAgenda(page, meetingIds.march, true);
    expect(problems).toEqual([]);
  }, 90_000);

  it('works without JavaScript, every action a plain form', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await signInByKeyboard(page, baseUrl);
    await buildAgenda(page, meetingIds.april, false);
    await noJs.close();
  }, 90_000);
});
