import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { desc, eq } from 'drizzle-orm';
import { axeViolations, collectProblems, launchBrowser, screenshot, serveTestApp } from '../helpers/browser';
import {
  createAgendaItem,
  createCommittee,
  createMeeting,
  createPerson,
  createUser,
  TEST_PASSWORD,
} from '../helpers/factories';
import { outbox, publicQuestions } from '../../src/db/schema';

/**
 * The scheme as its two users meet it in a real browser: a resident asks
 * (the live word count, a refused form kept as typed and focused, the page
 * they are sent to), and the clerk takes the question from the queue to a
 * published written answer. axe on every page on the way.
 */
let browser: Browser;
let app: FastifyInstance;
let baseUrl: string;
let meetingId = 0;
let clerkEmail = '';
const problems: string[] = [];

async function freshPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = collectProblems(page);
  page.on('close', () => problems.push(...seen));
  return { context, page };
}

beforeAll(async () => {
  ({ app, baseUrl } = await serveTestApp({ now: new Date('2027-01-20T10:00:00Z') }));
  const committee = createCommittee(app.db, {
    name: 'Health Select Committee',
    contactEmail: 'health@example.gov.uk',
    questionWordLimit: 60,
  });
  clerkEmail = createUser(app.db, { role: 'clerk', committeeIds: [committee.id], displayName: 'Clare Clerk' }).email;
  meetingId = createMeeting(app.db, committee.id, { date: '2027-02-11' }).id;
  createAgendaItem(app.db, meetingId, { kind: 'apologies', title: 'Apologies' });
  createAgendaItem(app.db, meetingId, { kind: 'public_questions', title: 'Public questions' });
  createAgendaItem(app.db, meetingId, { kind: 'business', title: 'Community hospitals' });
  createPerson(app.db, { name: 'Dr J Kent', kind: 'officer', email: 'j.kent@trust.example.nhs.uk' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('public questions in a browser', () => {
  it('lets a resident ask, with a live word count and a refused form kept as typed', async () => {
    const { context, page } = await freshPage();
    await page.goto(`${baseUrl}/meetings/${meetingId}`);
    await page.click('a:has-text("Ask a question")');
    await page.waitForURL(`${baseUrl}/meetings/${meetingId}/questions/new`);
    expect(await page.locator('h1').textContent()).toBe('Ask a question');
    expect(await axeViolations(page)).toEqual([]);

    await page.fill('#name', 'Mrs P Hartley');
    await page.fill('#organisation', 'Friends of Thame Hospital');
    await page.fill('#email', 'not-an-email');
    const tooLong = Array.from({ length: 61 }, (_, i) => `word${i}`).join(' ');
    await page.fill('#text', tooLong);
    // govuk-frontend counts as you type; the server counts again on submit.
    await page.waitForFunction(() =>
      document.querySelector('.govuk-character-count__status')?.textContent?.includes('1 word too many'),
    );
    await page.selectOption('#aboutItemId', { label: '3. Community hospitals' });
    await page.check('#consent');
    await page.click('button:has-text("Send question")');
    await page.waitForSelector('.govuk-error-summary');
    // The form comes back in place, as typed, with the summary focused.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
    expect(await page.inputValue('#text')).toBe(tooLong);
    expect(await page.inputValue('#organisation')).toBe('Friends of Thame Hospital');
    expect(await page.locator('#aboutItemId').inputValue()).not.toBe('');
    const summary = await page.locator('.govuk-error-summary').textContent();
    expect(summary).toContain('60 words');
    expect(summary).toContain('email address');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'ask-refused');

    await page.fill('#email', 'p.hartley@example.org');
    await page.fill(
      '#text',
      'When will the minor injuries unit at Thame Community Hospital reopen in the evenings, and what is being done meanwhile?',
    );
    await page.click('button:has-text("Send question")');
    await page.waitForURL(/\/questions\/[A-Za-z0-9_-]+\?sent=yes$/);
    expect(await page.locator('.govuk-panel__title').textContent()).toBe('Your question has been sent');
    const reference = (await page.locator('.govuk-panel__body').textContent()) ?? '';
    expect(reference).toMatch(/Q-2027-02-11-001/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'ask-sent');

    // The acknowledgement carries the same private link the page is at.
    const ack = app.db.select().from(outbox).where(eq(outbox.to, 'p.hartley@example.org')).get();
    expect(ack?.text).toContain(new URL(page.url()).pathname);
    // A resident's page is not kept by any cache.
    const response = await page.reload();
    expect(response?.headers()['cache-control']).toBe('private, no-store');
    await context.close();
  }, 60_000);

  it('takes the clerk from the queue to a published written answer, and the resident sees it', async () => {
    const { context, page } = await freshPage();
    await page.goto(`${baseUrl}/login`);
    await page.fill('#email', clerkEmail);
    await page.fill('#password', TEST_PASSWORD);
    await page.click('button:has-text("Sign in")');
    await page.waitForURL(`${baseUrl}/manage`);
    expect(await page.locator('main').textContent()).toContain('Public questions to decide');
    await page.click(`a[href="/manage/meetings/${meetingId}/questions"]`);
    await page.waitForURL(`${baseUrl}/manage/meetings/${meetingId}/questions`);
    expect(await page.locator('h1').textContent()).toContain('Public questions');
    expect(await page.locator('main').textContent()).toContain('Mrs P Hartley');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'questions-queue');

    await page.click('a:has-text("Q-2027-02-11-001")');
    await page.waitForURL(/\/manage\/meetings\/\d+\/questions\/\d+$/);
    const questionUrl = page.url();
    expect(await axeViolations(page)).toEqual([]);

    // Reject with no reason: refused in place, focus on the form's error, nothing typed lost.
    await page.fill('#reject-note', 'A note the clerk has typed');
    await page.click('button:has-text("Reject the question")');
    await page.waitForSelector('#reject-error .govuk-error-message, #reject-reason-error');
    expect(await page.inputValue('#reject-note')).toBe('A note the clerk has typed');
    const focused = await page.evaluate(() => document.activeElement?.closest('form')?.getAttribute('action'));
    expect(focused).toContain('/reject');
    expect(await axeViolations(page)).toEqual([]);

    await page.click('button:has-text("Accept the question")');
    await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('Ask for a written answer'));
    expect(await page.locator('main .govuk-tag').first().textContent()).toBe('Accepted');
    // Focus stays somewhere a keyboard user can go on from.
    expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.selectOption('#answerer-personId', { label: 'Dr J Kent' });
    await page.click('button:has-text("Send the request")');
    await page.waitForFunction(() =>
      document.querySelector('main')?.textContent?.includes('Ask again for a written answer'),
    );
    await app.mail.flush();
    const request = app.db
      .select()
      .from(outbox)
      .where(eq(outbox.to, 'j.kent@trust.example.nhs.uk'))
      .orderBy(desc(outbox.id))
      .get();
    const answerLink = request?.text.match(/https?:\/\/\S+\/questions\/answer\/[A-Za-z0-9_-]+/)?.[0];
    expect(answerLink).toBeTruthy();
    expect(request?.text).not.toContain('p.hartley@example.org');

    // The answerer, with no account, sends the answer back through the link.
    const answerer = await freshPage();
    await answerer.page.goto(String(answerLink).replace(/^https?:\/\/[^/]+/, baseUrl));
    expect(await axeViolations(answerer.page)).toEqual([]);
    await answerer.page.fill(
      '#answerText',
      'The unit reopens in the evenings from 1 March 2027. Until then, NHS 111 can book an appointment at Wycombe.',
    );
    await answerer.page.fill('#answeredBy', 'Dr J Kent, Medical Director');
    await answerer.page.click('button:has-text("Send the answer")');
    await answerer.page.waitForSelector('h1:has-text("Your answer has been sent")');
    expect(await axeViolations(answerer.page)).toEqual([]);
    await screenshot(answerer.page, 'questions-answered-by-link');
    await answerer.context.close();

    await page.goto(questionUrl);
    await page.click('button:has-text("Publish the answer")');
    // Publishing tells the asker: it asks first.
    await page.waitForSelector('h1:has-text("Publish")');
    expect(await axeViolations(page)).toEqual([]);
    await page.click('button:has-text("Yes")');
    await page.waitForURL(questionUrl);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'question-published');
    await context.close();

    const q = app.db.select().from(publicQuestions).orderBy(desc(publicQuestions.id)).get();
    expect(q?.answerPublishedAt).not.toBeNull();

    const resident = await freshPage();
    await resident.page.goto(`${baseUrl}/meetings/${meetingId}`);
    const section = resident.page.locator('#public-questions');
    expect(await section.textContent()).toContain('Mrs P Hartley');
    expect(await section.textContent()).toContain('The unit reopens in the evenings from 1 March 2027');
    expect(await resident.page.content()).not.toContain('p.hartley@example.org');
    expect(await axeViolations(resident.page)).toEqual([]);
    await resident.context.close();
    expect(problems).toEqual([]);
  }, 90_000);
});
