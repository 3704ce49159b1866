import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { asc, eq } from 'drizzle-orm';
import {
  axeViolations,
  collectProblems,
  launchBrowser,
  screenshot,
  serveTestApp,
  signInByKeyboard,
} from '../helpers/browser';
import { agendaItems, meetings } from '../../src/db/schema';

/** What a walk-through in Chromium found, each checked as a resident, a clerk and a member would meet it. */
let browser: Browser;
let app: FastifyInstance;
let baseUrl: string;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  ({ app, baseUrl } = await serveTestApp({ demo: true, now: new Date('2026-12-01T10:00:00Z') }));
  browser = await launchBrowser();
});
beforeEach(async () => {
  await context?.close();
  context = await browser.newContext();
  page = await context.newPage();
  problems = collectProblems(page);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
});

/** Words of table cells that the browser broke across lines, and numeric cells that wrapped. */
async function brokenInTables(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const broken: string[] = [];
    const lines = (range: Range) => new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    for (const cell of document.querySelectorAll('th, td')) {
      if (cell.closest('.govuk-visually-hidden')) continue;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('.govuk-visually-hidden')) continue;
        const text = node.textContent ?? '';
        // A hyphen is a word boundary too ("non-voting" may break after "non-").
        for (const match of text.matchAll(/[^\s\-‐–]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          if (lines(range) > 1) broken.push(match[0]);
        }
      }
      if (cell.classList.contains('govuk-table__cell--numeric')) {
        const range = document.createRange();
        range.selectNodeContents(cell);
        if (lines(range) > 1) broken.push(`numeric cell "${cell.textContent?.trim()}"`);
      }
    }
    return broken;
  });
}

describe('tables', () => {
  it('wrap at word boundaries, numbers never, and a phone scrolls a wide table in its box, not the page', async () => {
    await signInByKeyboard(page, baseUrl);
    const pages = [
      '/meetings/2/agenda/print',
      '/committees/health-and-adult-social-care',
      '/meetings',
      '/manage/meetings/2',
      '/manage/committees/health-and-adult-social-care/members',
    ];
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      for (const url of pages) {
        await page.goto(`${baseUrl}${url}`);
        expect(await brokenInTables(page), `${url} at ${width}px`).toEqual([]);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${url} at ${width}px`).toBeLessThanOrEqual(0);
      }
    }
    await page.goto(`${baseUrl}/meetings/2/agenda/print`);
    await screenshot(page, 'printable-agenda-375');
    await page.emulateMedia({ media: 'print' });
    expect(await brokenInTables(page), 'printed').toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('in-place updates', () => {
  it('put the keyboard on the form that opened, and back on the item that changed', async () => {
    await signInByKeyboard(page, baseUrl);
    const next = app.db
      .select()
      .from(meetings)
      .where(eq(meetings.status, 'scheduled'))
      .orderBy(asc(meetings.startsAt))
      .all()
      .at(-2);
    const item = app.db
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, next?.id ?? 0))
      .orderBy(asc(agendaItems.position))
      .get();
    await page.goto(`${baseUrl}/manage/meetings/${next?.id}/agenda`);
    await page.locator(`#change-${item?.id}`).click();
    await page.locator(`#item-${item?.id}-title:focus`).waitFor();

    await page.goto(`${baseUrl}/manage/meetings/${next?.id}/agenda`);
    await page.locator(`#item-${item?.id} summary`, { hasText: 'Add a presenter' }).click();
    await page.locator(`#presenter-${item?.id}-newPersonName`).fill('Dr A Guest');
    await page.locator(`#add-presenter-${item?.id}`).click();
    await page.locator(`#item-${item?.id}-heading:focus`).waitFor();
    expect(await page.locator(`#item-${item?.id}`).textContent()).toContain('Dr A Guest');

    // A refused form: the error summary takes the keyboard, the typed text stays.
    await page.locator('#new-plannedStart').fill('25:99');
    await page.locator('#add-item').click();
    await page.locator('#agenda-draft .govuk-error-summary:focus').waitFor();
    expect(await page.locator('#new-plannedStart').inputValue()).toBe('25:99');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('irreversible steps', () => {
  it('ask before recording the approval of earlier minutes, in place, and change nothing until yes', async () => {
    await signInByKeyboard(page, baseUrl);
    const item = app.db.select().from(agendaItems).where(eq(agendaItems.confirmsMinutesOfMeetingId, 1)).get();
    await page.goto(`${baseUrl}/manage/meetings/${item?.meetingId}/minutes`);
    await page.locator(`#approve-${item?.id}-submit`).click();
    await page.locator(`#approve-${item?.id}-question:focus`).waitFor();
    expect(await page.locator(`#approve-${item?.id}-question`).textContent()).toBe(
      'Record the approval of the minutes of 5 November 2020?',
    );
    expect(app.db.select().from(meetings).where(eq(meetings.id, 1)).get()?.minutesStatus).toBe('published');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'approval-question');
    // "Change what was written" gives the form back as it was.
    await page.locator('button', { hasText: 'Change what was written' }).click();
    await page.locator(`#approve-${item?.id}-text`).waitFor();
    expect(app.db.select().from(meetings).where(eq(meetings.id, 1)).get()?.minutesStatus).toBe('published');
    expect(problems).toEqual([]);
  });
});

describe('smaller defects', () => {
  it('shows one error box however many times sign-in is refused', async () => {
    // A server of its own, allowing two tries a minute.
    // No demo data: sign-in needs none, and a demo server builds agenda packs that its close then waits for.
    const limited = await serveTestApp({ env: { LOGIN_ATTEMPTS_PER_MINUTE: '2' } });
    await page.goto(`${limited.baseUrl}/login`);
    for (let i = 0; i < 4; i++) {
      await page.fill('#email', 'nobody@example.org');
      await page.fill('#password', 'not a real password');
      // Each refusal is a new page: wait for it, not for the last page's error box, before trying again.
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/login') && r.request().method() === 'POST'),
        page.click('button:has-text("Sign in")'),
      ]);
      await page.waitForLoadState('load');
      await page.locator('.govuk-error-summary').first().waitFor();
    }
    await page.waitForTimeout(300);
    expect(await page.locator('.govuk-error-summary').count()).toBe(1);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Too many sign-in attempts');
    await limited.app.close();
    // It starts a server of its own: on a loaded 2-core machine that alone can take seconds.
  }, 60_000);

  it('shows the pack being built as a progress bar that updates itself, and the published editor passes axe', async () => {
    await signInByKeyboard(page, baseUrl);
    const next = app.db
      .select()
      .from(meetings)
      .where(eq(meetings.status, 'scheduled'))
      .orderBy(asc(meetings.startsAt))
      .all()
      .at(-2);
    await page.goto(`${baseUrl}/manage/meetings/${next?.id}/agenda`);
    await page.locator('#publish-agenda').click();
    await page.locator('#confirm-yes').click();
    await page.locator('#pack-status progress, #pack-status a').first().waitFor();
    // Without a reload, the finished pack's links arrive.
    await page.locator('#pack-status a', { hasText: 'Agenda pack, version 1' }).waitFor({ timeout: 20_000 });
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('gives the favicon a browser asks for on its own (a PDF in a tab)', async () => {
    await page.goto(`${baseUrl}/meetings/1/minutes.pdf`);
    await page.waitForTimeout(500);
    expect(problems.filter((p) => p.includes('favicon'))).toEqual([]);
  });
});
