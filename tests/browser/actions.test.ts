import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { axeViolations, collectProblems, launchBrowser, screenshot, serveTestApp } from '../helpers/browser';
import { DEMO_CLERK, DEMO_MEMBER } from '../helpers/client';
import { actionOwners, actions, users } from '../../src/db/schema';

/**
 * Follow-up as its three users meet it: the demo member updates their action
 * in place with a public note, a resident finds it on the committee's list
 * and reads that note on its page (and the minutes show its status), and the
 * clerk filters every action with htmx. axe on each page.
 */
let browser: Browser;
let app: FastifyInstance;
let baseUrl: string;
const problems: string[] = [];

async function fresh(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = collectProblems(page);
  page.on('close', () => problems.push(...seen));
  return { context, page };
}

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto(`${baseUrl}/login`);
  await page.fill('#email', who.email);
  await page.fill('#password', who.password);
  await page.click('button:has-text("Sign in")');
  await page.waitForURL(`${baseUrl}/manage`);
}

beforeAll(async () => {
  ({ app, baseUrl } = await serveTestApp({ demo: true, now: new Date('2026-11-22T12:00:00Z') }));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('actions in a browser', () => {
  it('lets the member update their action with a public note, which a resident then reads', async () => {
    const member = app.db.select().from(users).where(eq(users.email, DEMO_MEMBER.email)).get();
    const owned = app.db
      .select({ id: actions.id, reference: actions.reference, description: actions.description })
      .from(actionOwners)
      .innerJoin(actions, eq(actions.id, actionOwners.actionId))
      .where(eq(actionOwners.personId, member?.personId ?? 0))
      .get();
    expect(owned?.reference).toMatch(/^HASC\/2020-11-05\/\d+$/);

    const { context, page } = await fresh();
    await signIn(page, DEMO_MEMBER);
    await page.click('a:has-text("All your actions")');
    await page.waitForURL(`${baseUrl}/manage/my-actions`);
    expect(await page.locator('main').textContent()).toContain(owned?.description ?? '');
    expect(await axeViolations(page)).toEqual([]);
    await page.click(`a:has-text("${owned?.description ?? ''}")`);
    await page.waitForURL(`${baseUrl}/manage/actions/${owned?.id}`);
    expect(await axeViolations(page)).toEqual([]);

    await page.check('#status-in_progress');
    await page.fill('#note', 'The Local Action Group met on 20 November; the report is with officers.');
    await page.check('#notePublic-yes');
    await page.click('button:has-text("Save update")');
    await page.waitForSelector('#action-panel .govuk-notification-banner--success');
    expect(page.url()).toBe(`${baseUrl}/manage/actions/${owned?.id}`);
    // In place: the keyboard is at the changed panel, not the top of the page.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('action-panel');
    expect(await page.locator('#action-panel').textContent()).toContain('public note');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'action-public-note');
    await context.close();

    const resident = await fresh();
    await resident.page.goto(`${baseUrl}/committees/health-and-adult-social-care`);
    await resident.page.click('a:has-text("Actions from the committee’s meetings")');
    await resident.page.waitForURL(`${baseUrl}/committees/health-and-adult-social-care/actions`);
    expect(await axeViolations(resident.page)).toEqual([]);
    await screenshot(resident.page, 'public-actions');
    await resident.page.check('#status-in_progress');
    await resident.page.click('button:has-text("Show actions")');
    await resident.page.waitForURL(/status=in_progress/);
    await resident.page.click(`#action-list a:has-text("${owned?.description ?? ''}")`);
    await resident.page.waitForURL(`${baseUrl}/actions/${String(owned?.reference).replaceAll('/', '-')}`);
    expect(await resident.page.locator('main').textContent()).toContain(
      'The Local Action Group met on 20 November; the report is with officers.',
    );
    expect(await axeViolations(resident.page)).toEqual([]);
    await screenshot(resident.page, 'public-action');

    await resident.page.click('a:has-text("The meeting of")');
    await resident.page.waitForSelector('#minutes');
    const status = resident.page.locator(
      `#minutes a[href="/actions/${String(owned?.reference).replaceAll('/', '-')}"]`,
    );
    expect(await status.textContent()).toContain('In progress');
    expect(await axeViolations(resident.page)).toEqual([]);
    await resident.context.close();
    expect(problems).toEqual([]);
  }, 90_000);

  it('lets the clerk filter every action in place, export them, and see the overdue ones at home', async () => {
    const { context, page } = await fresh();
    await signIn(page, DEMO_CLERK);
    expect(await page.locator('main').textContent()).toContain('Overdue actions of your committees');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${baseUrl}/manage/actions`);
    expect(await axeViolations(page)).toEqual([]);
    const all = await page.locator('#action-list tbody tr').count();
    expect(all).toBeGreaterThan(0);
    await page.check('#status-done');
    await page.click('button:has-text("Show actions")');
    await page.waitForURL(/status=done/);
    const done = await page.locator('#action-list tbody tr').count();
    expect(done).toBeLessThan(all);
    expect(await page.locator('#action-list a:has-text("Download these actions as CSV")').getAttribute('href')).toBe(
      '/manage/actions.csv?status=done&sort=due',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'manage-actions');
    expect(await page.locator('#action-list a:has-text("in figures")').getAttribute('href')).toBe(
      '/manage/actions/figures?status=done&sort=due',
    );
    await page.goto(`${baseUrl}/manage/actions/figures`);
    expect(await page.locator('svg[role="img"]').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'actions-figures');
    await context.close();
    expect(problems).toEqual([]);
  }, 60_000);

  it('shows the work programme to the public and lets the clerk add a topic, with no violations', async () => {
    const { context, page } = await fresh();
    await page.goto(`${baseUrl}/committees/health-and-adult-social-care`);
    await page.click('a:has-text("the work programme")');
    await page.waitForURL(`${baseUrl}/committees/health-and-adult-social-care/work-programme`);
    expect(await page.locator('h1').textContent()).toBe('Work programme');
    expect(await page.locator('main h2').count()).toBeGreaterThan(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'public-work-programme');

    await signIn(page, DEMO_CLERK);
    await page.goto(`${baseUrl}/manage/committees/health-and-adult-social-care/work-programme`);
    expect(await axeViolations(page)).toEqual([]);
    await page.click('a:has-text("Add a topic")');
    await page.click('button:has-text("Save")');
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('#topic', 'Access to NHS dentistry');
    await page.click('button:has-text("Save")');
    await page.waitForURL(/\/work-programme#topic-\d+$/);
    expect(await page.locator('main').textContent()).toContain('Access to NHS dentistry');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
    expect(problems).toEqual([]);
  }, 60_000);
});
