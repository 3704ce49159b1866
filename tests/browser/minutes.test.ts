import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { and, asc, eq } from 'drizzle-orm';
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
import {
  meetings,
  committees,
  agendaItems,
  people,
  attendance,
  declarations,
  resolutions,
  actionOwners,
  actions,
} from '../../src/db/schema';

/**
 * A short live meeting minuted by the demo clerk with the keyboard alone:
 * attendance, a declaration, two resolutions and an action, with a reload
 * and a dropped connection on the way that lose nothing.
 */
let browser: Browser;
let app: FastifyInstance;
let baseUrl: string;
let january: number;

beforeAll(async () => {
  ({ app, baseUrl } = await serveTestApp({ demo: true, now: new Date('2021-01-07T11:00:00Z') }));
  january =
    app.db
      .select()
      .from(meetings)
      .all()
      .find((m) => m.startsAt.toISOString().startsWith('2021-01-07'))?.id ?? 0;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const personId = (name: string) => app.db.select().from(people).where(eq(people.name, name)).get()?.id ?? 0;
const itemOf = (meetingId: number, title: string) =>
  app.db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.title, title)))
    .get()?.id ?? 0;
const minuteOf = (itemId: number) =>
  app.db.select().from(agendaItems).where(eq(agendaItems.id, itemId)).get()?.minuteText;

/** Waits for a form's save status to read "Saved at …". */
async function saved(page: Page, formSelector: string): Promise<void> {
  await page.locator(`${formSelector} [data-autosave-status]`, { hasText: /^Saved at/ }).waitFor({ timeout: 10_000 });
}

async function openDetails(page: Page, summaryText: string, within: string): Promise<void> {
  await tabTo(page, `${within} summary:has-text("${summaryText}")`);
  await page.keyboard.press('Enter');
}

describe('minuting a meeting live', () => {
  it('records attendance, a declaration, two resolutions and an action by keyboard, losing nothing to a reload or a dropped connection', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = collectProblems(page);
    await signInByKeyboard(page, baseUrl);
    const screen = `${baseUrl}/manage/meetings/${january}/minutes`;
    await page.goto(screen);
    expect(await axeViolations(page)).toEqual([]);

    // Attendance: each choice is saved as it is made.
    const chair = personId('J MacBean');
    const vice = personId('M Collins');
    const wood = personId('L Wood');
    // Tab reaches each member's choices at "Present"; the arrow keys move along them, as radios do.
    await tabTo(page, `#status-${chair}`);
    await page.keyboard.press('Space');
    await saved(page, '#minutes-attendance form[data-autosave]');
    await tabTo(page, `#status-${vice}`);
    await page.keyboard.press('ArrowRight');
    await tabTo(page, `#status-${wood}`);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(200);
    await saved(page, '#minutes-attendance form[data-autosave]');
    // The status may still read "Saved at" from the first choice while the last is on its way: wait for the record.
    await expect
      .poll(
        () =>
          app.db
            .select()
            .from(attendance)
            .where(eq(attendance.meetingId, january))
            .all()
            .map((a) => [a.personId, a.status, a.virtual])
            .sort(),
        { timeout: 10_000 },
      )
      .toEqual(
        [
          [chair, 'present', false],
          [vice, 'present', true],
          [wood, 'apologies', false],
        ].sort(),
      );

    // A declaration.
    const turner = personId('A Turner');
    const integrating = itemOf(january, 'Winter provision and Covid update');
    await openDetails(page, 'Record a declaration', '#minutes-declarations');
    await tabTo(page, '#declaration-personId');
    await page.keyboard.type('A Turner');
    await tabTo(page, '#declaration-kind');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, '#declaration-nature');
    await page.keyboard.type('Trustee of an adult day care charity');
    await tabTo(page, '#declaration-withdrew');
    await page.keyboard.press('ArrowRight');
    await tabTo(page, '#add-declaration');
    await page.keyboard.press('Enter');
    await page.locator('#minutes-declarations li', { hasText: 'Trustee of an adult day care charity' }).waitFor();
    expect(app.db.select().from(declarations).where(eq(declarations.meetingId, january)).all()).toMatchObject([
      { personId: turner, kind: 'other_registrable', nature: 'Trustee of an adult day care charity', withdrew: false },
    ]);

    // The minute of an item, typed, then the page reloaded before it could be saved.
    const words = 'Dr J Kent presented the winter update. Members asked about hospital discharge.';
    await tabTo(page, `#minute-${integrating}`);
    await page.keyboard.type(words);
    await page.reload();
    expect(await page.locator(`#minute-${integrating}`).inputValue()).toBe(words);
    await saved(page, `#minute-${integrating}-form`);
    expect(minuteOf(integrating)).toBe(words);

    // The connection drops while typing: kept on the device, saved when it returns.
    await context.setOffline(true);
    await tabTo(page, `#minute-${integrating}`);
    await page.keyboard.press('End');
    await page.keyboard.type(' The Chairman thanked Dr Kent.');
    await page
      .locator(`#minute-${integrating}-form [data-autosave-status]`, { hasText: 'no connection' })
      .waitFor({ timeout: 10_000 });
    expect(minuteOf(integrating)).toBe(words);
    await context.setOffline(false);
    await saved(page, `#minute-${integrating}-form`);
    expect(minuteOf(integrating)).toBe(`${words} The Chairman thanked Dr Kent.`);

    // Two resolutions.
    for (const text of [
      'The Committee NOTED the update.',
      'The Committee AGREED to return to hospital discharge in March.',
    ]) {
      await openDetails(page, 'Add a resolution', `#item-${integrating}-record`);
      await tabTo(page, `#resolution-${integrating}-text`);
      await page.keyboard.type(text);
      await tabTo(page, `#resolution-${integrating}-submit`);
      await page.keyboard.press('Enter');
      await page.locator(`#item-${integrating}-record li`, { hasText: text }).waitFor();
    }
    expect(
      app.db
        .select()
        .from(resolutions)
        .where(eq(resolutions.agendaItemId, integrating))
        .orderBy(asc(resolutions.position))
        .all()
        .map((r) => [r.text, r.outcome]),
    ).toEqual([
      ['The Committee NOTED the update.', 'NOTED'],
      ['The Committee AGREED to return to hospital discharge in March.', 'AGREED'],
    ]);

    // An action with two owners and a due date.
    await openDetails(page, 'Add an action', `#item-${integrating}-record`);
    await tabTo(page, `#action-${integrating}-owners`);
    await page.keyboard.type('Mr A Turner/Dr J Kent');
    await page.keyboard.press('Tab');
    await page.keyboard.type('To send members the discharge figures.');
    await tabTo(page, `#action-${integrating}-due`);
    await page.keyboard.type('4');
    await page.keyboard.press('Tab');
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2021');
    await tabTo(page, `#action-${integrating}-submit`);
    await page.keyboard.press('Enter');
    await page
      .locator(`#item-${integrating}-record li`, { hasText: 'To send members the discharge figures.' })
      .waitFor();
    const action = app.db.select().from(actions).where(eq(actions.agendaItemId, integrating)).get();
    expect(action).toMatchObject({ description: 'To send members the discharge figures.', dueDate: '2021-03-04' });
    expect(
      app.db
        .select()
        .from(actionOwners)
        .where(eq(actionOwners.actionId, action?.id ?? 0))
        .all()
        .map((o) => o.name),
    ).toEqual(['Mr A Turner', 'Dr J Kent']);

    expect(await page.locator('#minutes-state').textContent()).toContain('Draft, not published');
    await screenshot(page, 'minutes-live');
    expect(await axeViolations(page)).toEqual([]);

    // Published, the public can read them.
    await tabTo(page, '#publish-minutes');
    await page.keyboard.press('Enter');
    await page.locator('#minutes-state', { hasText: 'Published as a draft, version 1' }).waitFor();
    const publicPage = await context.newPage();
    await publicPage.goto(`${baseUrl}/meetings/${january}`);
    const minutes = await publicPage.locator('#minutes').innerText();
    expect(minutes).toContain('Draft minutes: not yet approved.');
    expect(minutes).toContain(`${words} The Chairman thanked Dr Kent.`);
    expect(minutes).toContain('The Committee AGREED to return to hospital discharge in March.');
    expect(await axeViolations(publicPage)).toEqual([]);
    // The saves tried while offline are logged by the browser as failed loads: that was the point.
    expect(problems.filter((p) => !p.includes('net::ERR_INTERNET_DISCONNECTED'))).toEqual([]);
    await context.close();
  }, 120_000);

  it('works without JavaScript too: each form posts and comes back to its place', async () => {
    const committeeId = app.db.select().from(committees).get()?.id ?? 0;
    const march = createMeeting(app.db, committeeId, { date: '2021-01-07', time: '14:00' }).id;
    const item = app.db
      .insert(agendaItems)
      .values({ meetingId: march, position: 1, title: 'Pharmacy services' })
      .returning()
      .get().id;
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInByKeyboard(page, baseUrl);
    await page.goto(`${baseUrl}/manage/meetings/${march}/minutes`);
    await tabTo(page, `#status-${personId('J MacBean')}`);
    await page.keyboard.press('Space');
    await tabTo(page, '#save-attendance');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#minutes-attendance$/);
    await tabTo(page, `#minute-${item}`);
    await page.keyboard.type('Mr K Patel described the pharmacies’ year.');
    await tabTo(page, `#save-minute-${item}`);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#item-${item}$`));
    expect(minuteOf(item)).toBe('Mr K Patel described the pharmacies’ year.');
    await tabTo(page, `#item-${item}-record summary:has-text("Add a resolution")`);
    await page.keyboard.press('Enter');
    await tabTo(page, `#resolution-${item}-text`);
    await page.keyboard.type('The matter was left there.');
    await tabTo(page, `#resolution-${item}-submit`);
    await page.keyboard.press('Enter');
    await page.locator(`#resolution-${item}-outcome-error`).waitFor();
    expect(await page.locator(`#resolution-${item}-text`).inputValue()).toBe('The matter was left there.');
    await screenshot(page, 'minutes-nojs-error');
    await context.close();
  }, 120_000);
});

describe('the other minutes pages', () => {
  it('import preview, public version history and the PDF link pass axe', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInByKeyboard(page, baseUrl);
    const november = app.db.select().from(meetings).orderBy(asc(meetings.startsAt)).get()?.id ?? 0;
    await page.goto(`${baseUrl}/manage/meetings/${november}/minutes/import`);
    expect(await axeViolations(page)).toEqual([]);
    // Minutes with things to check: the warnings, under their items, pass axe too.
    await page
      .locator('#text')
      .fill(
        'Present: Cllr A Smith (Chairman)\n\n1. Apologies\nNone.\n\n3. Finance\nDiscussed.\n\nRESOLVED:\n\n4. Close\nClosed.',
      );
    await page.locator('#read-minutes').click();
    await page.locator('h4', { hasText: 'Check' }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${baseUrl}/manage/meetings/${november}/minutes/import`);
    // The paper as the January agenda pack prints it: the minutes the demo was loaded from, then their appendix.
    const printed = ['minutes-2020-11-05', 'minutes-2020-11-05-appendix'].map((f) =>
      fs.readFileSync(`src/features/demo/papers/${f}.txt`, 'utf8'),
    );
    await page.locator('#text').fill(printed.join(''));
    await page.locator('#read-minutes').click();
    await page.locator('h1', { hasText: 'Check the minutes before importing them' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'minutes-import-preview');
    await page.locator('#confirm-import').click();
    await page.waitForURL(`${baseUrl}/manage/meetings/${november}/minutes`);
    await page
      .locator('#publish-changeSummary')
      .fill('Imported from the minutes as printed in the January agenda pack.');
    await page.locator('#publish-minutes').click();
    await page.locator('#minutes-state', { hasText: 'version 2' }).waitFor();
    await page.goto(`${baseUrl}/meetings/${november}/minutes/versions/2`);
    expect(await page.locator('.app-diff ins').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'minutes-version-diff');
    await context.close();
  }, 120_000);
});
