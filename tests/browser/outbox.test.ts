import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { axeViolations, collectProblems, launchBrowser, screenshot, serveTestApp } from '../helpers/browser';
import { createUser, TEST_PASSWORD } from '../helpers/factories';
import { outbox } from '../../src/db/schema';
import { queueMail } from '../../src/features/mail/commands';

let browser: Browser;
let app: FastifyInstance;
let baseUrl: string;
let page: Page;
let problems: string[] = [];

beforeAll(async () => {
  ({ app, baseUrl } = await serveTestApp({ now: new Date('2026-11-22T12:00:00Z') }));
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
  problems = collectProblems(page);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the outbox in a browser', () => {
  it('lets an administrator find a failed message, read it and try it again, with no violations', async () => {
    const now = app.now();
    const text =
      'Dear Ms Asker,\n\nThank you for your question to the Health & Adult Social Care Select Committee.\nIt will be put at the meeting on 7 January.';
    queueMail(
      app.db,
      { kind: 'question_acknowledged', to: 'asker@example.org', subject: 'Question received', text },
      now,
    );
    await app.mail.flush();
    const failed = queueMail(
      app.db,
      { kind: 'question_decision', to: 'nobody@example.org', subject: 'Your question has been accepted', text },
      now,
    );
    app.db
      .update(outbox)
      .set({ status: 'failed', attempts: 8, lastError: '550 5.1.1 <nobody@example.org>: Recipient address rejected' })
      .where(eq(outbox.id, failed))
      .run();
    const admin = createUser(app.db, { role: 'admin', displayName: 'Ada Admin' });

    await page.goto(`${baseUrl}/login`);
    await page.fill('#email', admin.email);
    await page.fill('#password', TEST_PASSWORD);
    await page.click('button:has-text("Sign in")');
    await page.waitForURL(`${baseUrl}/manage`);
    await page.click('a:has-text("Outbox")');
    await page.waitForURL(`${baseUrl}/manage/outbox`);
    expect(await page.locator('h1').textContent()).toBe('Outbox');
    expect(await page.locator('tbody tr').count()).toBe(2);
    expect(await page.locator('tbody tr').first().locator('.govuk-tag').textContent()).toBe('Failed');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'outbox');

    await page.selectOption('#status', 'failed');
    await page.click('button:has-text("Show messages")');
    await page.waitForURL(`${baseUrl}/manage/outbox?status=failed`);
    expect(await page.locator('tbody tr').count()).toBe(1);

    await page.click('a:has-text("Your question has been accepted")');
    await page.waitForURL(`${baseUrl}/manage/outbox/${failed}`);
    expect(await page.locator('.app-pre-line').textContent()).toBe(text);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'outbox-message');

    await page.click('button:has-text("Try again now")');
    await page.waitForSelector('.govuk-notification-banner--success');
    expect(page.url()).toBe(`${baseUrl}/manage/outbox/${failed}`);
    await app.mail.flush();
    await page.reload();
    // No SMTP_URL in tests: the message went to the log.
    expect(await page.locator('.govuk-summary-list .govuk-tag').textContent()).toBe('Written to the log');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
