import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, type TestAppOptions } from './app';
import { DEMO_CLERK } from './client';

/** Debian's Chromium, as CI installs it; CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const ARTEFACTS = path.resolve('test-results');

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Browser tests need Chromium at ${CHROMIUM_PATH}. Install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The real app listening on a free local port. */
export async function serveTestApp(options: TestAppOptions = {}): Promise<{ app: FastifyInstance; baseUrl: string }> {
  const { app } = await buildTestApp(options);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return { app, baseUrl: `http://127.0.0.1:${address.port}` };
}

/** Runs axe with the WCAG 2.0, 2.1 and 2.2 A and AA rules; returns the violations, readable. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze();
  if (results.passes.length === 0) throw new Error('axe checked nothing: is the page empty?');
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Saves a full-page screenshot as a test artefact. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTEFACTS, { recursive: true });
  // caret: 'initial': hiding the caret leaves style="" on inputs, which htmx then copies into swapped content.
  await page.screenshot({ path: path.join(ARTEFACTS, `${name}.png`), fullPage: true, caret: 'initial' });
}

/**
 * Collects what a page logs as an error, and uncaught exceptions. A form
 * answered 422 is the app working, though the browser logs it, so it is left out.
 */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/status of 422/.test(msg.text())) problems.push(`${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`${page.url()}: ${err.message}`));
  return problems;
}

/** Presses Tab until the element matching `selector` has focus: proof it can be reached from the keyboard. */
export async function tabTo(page: Page, selector: string, max = 400): Promise<void> {
  for (let i = 0; i < max; i++) {
    // A locator query, not page.evaluate: it works with JavaScript turned off too.
    if ((await page.locator(`${selector}:focus`).count()) > 0) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach ${selector} with the Tab key`);
}

/** Signs in with the keyboard alone, as the demo clerk unless told otherwise. */
export async function signInByKeyboard(page: Page, baseUrl: string, who = DEMO_CLERK): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await tabTo(page, '#email');
  await page.keyboard.type(who.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(who.password);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${baseUrl}/manage`);
}
