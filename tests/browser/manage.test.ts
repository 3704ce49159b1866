import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { axeViolations, collectProblems, launchBrowser, screenshot, serveTestApp } from '../helpers/browser';
import { DEMO_CLERK, DEMO_MEMBER } from '../helpers/client';
import { createUser, TEST_PASSWORD } from '../helpers/factories';
import { actionOwners, users } from '../../src/db/schema';

let browser: Browser;
let app: FastifyInstance;
let baseUrl: string;
let context: BrowserContext;
let page: Page;
let problems: string[] = [];

beforeAll(async () => {
  ({ app, baseUrl } = await serveTestApp({ demo: true, now: new Date('2026-11-22T12:00:00Z') }));
  browser = await launchBrowser();
});
beforeEach(async () => {
  await context?.close();
  context = await browser.newContext();
  page = await context.newPage();
  problems = collectProblems(page);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function signIn(email: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('button:has-text("Sign in")');
  await page.waitForURL(`${baseUrl}/manage`);
}

describe('signed-in pages in a browser', () => {
  it('signs the demo clerk in, reaches /manage and signs out, with no accessibility violations', async () => {
    await page.goto(`${baseUrl}/manage`);
    expect(page.url()).toBe(`${baseUrl}/login?next=%2Fmanage`);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'login');

    await page.fill('#email', DEMO_CLERK.email);
    await page.fill('#password', DEMO_CLERK.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/manage`);
    expect(await page.locator('h1').textContent()).toBe('Your committees and what is due');
    expect(await page.locator('main').textContent()).toContain('Health & Adult Social Care Select Committee');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'manage-home');

    await page.click('button:has-text("Sign out")');
    await page.waitForURL(`${baseUrl}/`);
    await page.goto(`${baseUrl}/manage`);
    expect(page.url()).toContain('/login');
    expect(problems).toEqual([]);
  });

  it('shows a failed sign-in in place (htmx), focusing the error summary, with no violations', async () => {
    await page.goto(`${baseUrl}/login`);
    await page.fill('#email', DEMO_CLERK.email);
    await page.fill('#password', 'not-the-password');
    await page.click('button:has-text("Sign in")');
    await page.waitForSelector('.govuk-error-summary');
    expect(page.url()).toBe(`${baseUrl}/login`);
    expect(await page.inputValue('#email')).toBe(DEMO_CLERK.email);
    expect(await page.locator('.govuk-error-summary a').textContent()).toBe(
      'Enter the email address and password of an active account',
    );
    // GOV.UK Frontend ran on the swapped-in summary: it has focus.
    await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary'));
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('lets the demo member update an action they own, in place with htmx, using the keyboard', async () => {
    await signIn(DEMO_MEMBER.email, DEMO_MEMBER.password);
    const member = app.db.select().from(users).where(eq(users.email, DEMO_MEMBER.email)).get();
    const actionId = app.db
      .select()
      .from(actionOwners)
      .where(eq(actionOwners.personId, member?.personId ?? 0))
      .get()?.actionId;
    await page.goto(`${baseUrl}/manage/actions/${actionId}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.focus('#status-in_progress');
    await page.keyboard.press('Space');
    await page.focus('#note');
    await page.keyboard.type('Met the Local Action Group on 20 November.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.govuk-notification-banner--success');
    expect(page.url()).toBe(`${baseUrl}/manage/actions/${actionId}`);
    expect(await page.locator('#action-panel').textContent()).toContain('Met the Local Action Group on 20 November.');
    expect(await page.locator('#action-panel .govuk-tag').textContent()).toBe('In progress');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'action-updated');
    expect(problems).toEqual([]);
  });

  it('shows the users page to an administrator, with no violations', async () => {
    const admin = createUser(app.db, { role: 'admin', displayName: 'Ada Admin' });
    await signIn(admin.email, TEST_PASSWORD);
    await page.goto(`${baseUrl}/manage/users`);
    expect(await page.locator('h1').textContent()).toBe('Users');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${baseUrl}/manage/committees/health-and-adult-social-care`);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
