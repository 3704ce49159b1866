import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { closeDatabase, openDatabase } from '../../src/db/client';
import { outbox } from '../../src/db/schema';
import { queueMail, type MailMessage } from '../../src/features/mail/commands';
import { CLAIM_MS, MAX_ATTEMPTS, RETRY_DELAYS_MS, retryDelay } from '../../src/features/mail/delivery';
import { buildTestApp } from '../helpers/app';
import { buildMailApp, collectingLog, TestSmtpServer, type MailTestApp } from './helpers';

const MESSAGE: MailMessage = {
  kind: 'question_acknowledged',
  to: 'asker@example.org',
  subject: 'We have received your question',
  text: 'Dear Ms Asker,\n\nThank you for your question.\nIt will be put to the committee.\n\nSee https://scrutiny.example.org/meetings/2',
};

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-mail-'));
const servers: TestSmtpServer[] = [];
const apps: MailTestApp[] = [];
afterEach(async () => {
  for (const { app } of apps.splice(0)) await app.close();
  for (const server of servers.splice(0)) await server.close();
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function smtpServer(port = 0): Promise<TestSmtpServer> {
  const server = await TestSmtpServer.start(port);
  servers.push(server);
  return server;
}

async function mailApp(...args: Parameters<typeof buildMailApp>): Promise<MailTestApp> {
  const built = await buildMailApp(...args);
  apps.push(built);
  return built;
}

function row(t: MailTestApp, id: number) {
  const found = t.db.select().from(outbox).where(eq(outbox.id, id)).get();
  if (!found) throw new Error(`no message ${id}`);
  return found;
}

function queue(t: MailTestApp, message: MailMessage = MESSAGE): number {
  return queueMail(t.db, message, t.clock.now());
}

describe('mail by SMTP', () => {
  it('delivers a queued message with the right From, To, Subject, text and HTML, and marks it sent', async () => {
    const smtp = await smtpServer();
    const t = await mailApp({ SMTP_URL: smtp.url(), MAIL_FROM: 'Bucks Scrutiny <scrutiny@bucks.example.org>' });
    expect(t.app.mail.transport).toBe('smtp');
    const id = queue(t);
    await t.app.mail.flush();

    expect(smtp.received).toHaveLength(1);
    const [{ envelope, mail }] = smtp.received as [(typeof smtp.received)[number]];
    expect(envelope).toEqual({ from: 'scrutiny@bucks.example.org', to: ['asker@example.org'] });
    expect(mail.from?.value).toEqual([{ name: 'Bucks Scrutiny', address: 'scrutiny@bucks.example.org' }]);
    expect(mail.from?.text).toBe('"Bucks Scrutiny" <scrutiny@bucks.example.org>');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : null).toBe('asker@example.org');
    expect(mail.subject).toBe('We have received your question');
    expect(mail.text?.trim()).toBe(MESSAGE.text);
    expect(mail.html).toContain('<p>Dear Ms Asker,</p>');
    expect(mail.html).toContain('<a href="https://scrutiny.example.org/meetings/2">');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    // The credentials in SMTP_URL were used.
    expect(smtp.logins).toEqual([{ username: 'scrutineer', password: 's3cret-pass' }]);

    const sent = row(t, id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null, messageId: mail.messageId });
    expect(sent.sentAt).toEqual(t.clock.now());
    expect(sent.messageId).toMatch(/^<.+@.+>$/);
  });

  it('keeps a refused message queued with its error, waits, and delivers it on a later try once accepted', async () => {
    const smtp = await smtpServer();
    smtp.refuse = 'Mailbox temporarily unavailable';
    const t = await mailApp({ SMTP_URL: smtp.url() });
    const id = queue(t);
    const queuedAt = t.clock.now().getTime();

    await t.app.mail.flush();
    let first = row(t, id);
    expect(first).toMatchObject({ status: 'queued', attempts: 1, sentAt: null });
    expect(first.lastError).toMatch(/450.*Mailbox temporarily unavailable/);
    expect(first.nextAttemptAt.getTime()).toBe(queuedAt + 60_000);

    // Not due yet: nothing is tried.
    await t.app.mail.flush();
    first = row(t, id);
    expect(first.attempts).toBe(1);

    t.clock.advance(60_000);
    await t.app.mail.flush();
    const second = row(t, id);
    expect(second).toMatchObject({ status: 'queued', attempts: 2 });
    expect(second.nextAttemptAt.getTime()).toBe(t.clock.now().getTime() + 5 * 60_000);

    smtp.refuse = null;
    t.clock.advance(5 * 60_000);
    await t.app.mail.flush();
    expect(row(t, id)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.mail.subject).toBe(MESSAGE.subject);
  });

  it('retries when the server is down, and delivers once it is back', async () => {
    const gone = await TestSmtpServer.start();
    const port = gone.port;
    await gone.close();
    const t = await mailApp({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    const id = queue(t);
    await t.app.mail.flush();
    const failed = row(t, id);
    expect(failed).toMatchObject({ status: 'queued', attempts: 1 });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);

    const smtp = await smtpServer(port);
    t.clock.advance(60_000);
    await t.app.mail.flush();
    expect(row(t, id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(smtp.received.map((r) => r.mail.subject)).toEqual([MESSAGE.subject]);
  });

  it('waits longer after each failure, marks the message failed after the 8th, and tries it no more', async () => {
    const smtp = await smtpServer();
    smtp.refuse = 'Try later';
    const t = await mailApp({ SMTP_URL: smtp.url() });
    const id = queue(t);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await t.app.mail.flush();
      const now = row(t, id);
      expect(now.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(now.status).toBe('queued');
        waits.push(now.nextAttemptAt.getTime() - t.clock.now().getTime());
        t.clock.advance(now.nextAttemptAt.getTime() - t.clock.now().getTime());
      }
    }
    expect(MAX_ATTEMPTS).toBe(8);
    expect(waits.map((ms) => ms / 60_000)).toEqual([1, 5, 30, 120, 360, 720, 1440]);
    expect(waits).toEqual(RETRY_DELAYS_MS);
    const failed = row(t, id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 8, sentAt: null });
    expect(failed.lastError).toMatch(/Try later/);

    smtp.refuse = null;
    t.clock.advance(7 * 24 * 3600_000);
    await t.app.mail.flush();
    expect(row(t, id)).toMatchObject({ status: 'failed', attempts: 8 });
    expect(smtp.received).toEqual([]);
  });

  it('tries each message once at a time, however many runs are asked for at once', async () => {
    const smtp = await smtpServer();
    smtp.delayMs = 30;
    const t = await mailApp({ SMTP_URL: smtp.url() });
    const ids = [1, 2, 3, 4].map((n) => queue(t, { ...MESSAGE, subject: `Message ${n}` }));
    t.app.mail.kick();
    await Promise.all([t.app.mail.flush(), t.app.mail.flush(), t.app.mail.flush()]);
    t.app.mail.kick();
    await t.app.mail.flush();
    expect(smtp.received.map((r) => r.mail.subject).sort()).toEqual([
      'Message 1',
      'Message 2',
      'Message 3',
      'Message 4',
    ]);
    for (const id of ids) expect(row(t, id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('delivers soon after kick(), without waiting for the next poll', async () => {
    const smtp = await smtpServer();
    const t = await mailApp({ SMTP_URL: smtp.url() });
    const id = queue(t);
    t.app.mail.kick();
    await vi.waitFor(() => expect(row(t, id).status).toBe('sent'), { timeout: 3000, interval: 20 });
    expect(smtp.received).toHaveLength(1);
  });
});

describe('the outbox across restarts', () => {
  it('delivers at start what was queued while the server was down', async () => {
    const smtp = await smtpServer();
    const db = openDatabase(':memory:');
    const id = queueMail(db, MESSAGE, new Date('2026-03-01T18:00:00Z'));
    const t = await mailApp({ SMTP_URL: smtp.url() }, { db });
    // No flush: starting the app is enough.
    await vi.waitFor(() => expect(row(t, id).status).toBe('sent'), { timeout: 3000, interval: 20 });
    expect(smtp.received).toHaveLength(1);
  });

  it('tries again a message whose try was cut off by a crash, once its claim has run out', async () => {
    const smtp = await smtpServer();
    const db = openDatabase(':memory:');
    const start = new Date('2026-03-02T09:00:00Z');
    // As a crashed server left it: claimed (its try counted, its next try moved on), never marked.
    const id = queueMail(db, MESSAGE, start);
    db.update(outbox)
      .set({ attempts: 1, nextAttemptAt: new Date(start.getTime() + CLAIM_MS) })
      .where(eq(outbox.id, id))
      .run();
    const t = await mailApp({ SMTP_URL: smtp.url() }, { db, start });
    await t.app.mail.flush();
    expect(row(t, id)).toMatchObject({ status: 'queued', attempts: 1 });
    t.clock.advance(CLAIM_MS);
    await t.app.mail.flush();
    expect(row(t, id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.received).toHaveLength(1);
  });

  it('finishes the message being sent before the database is closed', async () => {
    const smtp = await smtpServer();
    smtp.delayMs = 300;
    const file = path.join(tmp, 'closing.sqlite');
    const db = openDatabase(file);
    const log = collectingLog();
    const t = await buildMailApp({ SMTP_URL: smtp.url(), LOG_LEVEL: 'error' }, { db, logStream: log.stream });
    const id = queue(t);
    t.app.mail.kick();
    await vi.waitFor(() => expect(smtp.received).toHaveLength(1), { timeout: 3000, interval: 5 });
    await t.app.close();
    expect(db.$client.open).toBe(false);
    const reopened = openDatabase(file);
    expect(reopened.select().from(outbox).where(eq(outbox.id, id)).get()).toMatchObject({ status: 'sent' });
    closeDatabase(reopened);
    expect(log.lines).toEqual([]);
  });
});

describe('mail without SMTP_URL', () => {
  it('writes each message to the log at info level and marks it logged', async () => {
    const log = collectingLog();
    const t = await mailApp({ LOG_LEVEL: 'info' }, { logStream: log.stream });
    expect(t.app.mail.transport).toBe('log');
    const id = queue(t);
    await t.app.mail.flush();
    expect(row(t, id)).toMatchObject({ status: 'logged', attempts: 1, messageId: null, sentAt: t.clock.now() });
    const line = log.lines.find((l) => l.outboxId === id);
    expect(line).toMatchObject({
      level: 30,
      kind: 'question_acknowledged',
      to: 'asker@example.org',
      subject: 'We have received your question',
      text: MESSAGE.text,
      msg: 'mail written to the log, not sent (SMTP_URL is not set)',
    });
  });

  it('warns at start in production that mail is only written to the log', async () => {
    const log = collectingLog();
    const { app } = await buildTestApp({ env: { NODE_ENV: 'production', LOG_LEVEL: 'warn' }, logStream: log.stream });
    await app.close();
    expect(log.lines.filter((l) => l.level === 40).map((l) => l.msg)).toEqual([
      'SMTP_URL is not set: mail is only written to the log, not sent',
    ]);

    const quiet = collectingLog();
    const withSmtp = await buildTestApp({
      env: { NODE_ENV: 'production', LOG_LEVEL: 'warn', SMTP_URL: 'smtp://127.0.0.1:2525' },
      logStream: quiet.stream,
    });
    await withSmtp.app.close();
    expect(quiet.lines).toEqual([]);
    // Nor in development, where the log is the expected place.
    const dev = collectingLog();
    const development = await buildTestApp({
      env: { NODE_ENV: 'development', LOG_LEVEL: 'warn' },
      logStream: dev.stream,
    });
    await development.app.close();
    expect(dev.lines).toEqual([]);
  });
});

describe('retryDelay', () => {
  it('waits 1 min, 5 min, 30 min, 2 h, 6 h, 12 h, then a day', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelay(n) / 60_000)).toEqual([1, 5, 30, 120, 360, 720, 1440, 1440]);
  });
});
