import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, outbox } from '../../src/db/schema';
import { queueMail } from '../../src/features/mail/commands';
import { Client } from '../helpers/client';
import { createCommittee, createUser, TEST_PASSWORD } from '../helpers/factories';
import { parse, tableRows, textOf } from '../helpers/html';
import { buildMailApp, TestSmtpServer, type MailTestApp } from './helpers';

const apps: MailTestApp[] = [];
const servers: TestSmtpServer[] = [];
afterEach(async () => {
  for (const { app } of apps.splice(0)) await app.close();
  for (const server of servers.splice(0)) await server.close();
});
afterAll(async () => {
  for (const server of servers) await server.close();
});

/** Each row of the page's summary list as "Key: value". */
function summary(html: string): string[] {
  const $ = parse(html);
  return $('.govuk-summary-list__row')
    .map((_, row) => {
      const value = $(row).find('.govuk-summary-list__value').text().replace(/\s+/g, ' ').trim();
      return `${$(row).find('.govuk-summary-list__key').text().trim()}: ${value}`;
    })
    .get();
}

async function signedIn(t: MailTestApp, role: 'admin' | 'clerk' | 'member'): Promise<Client> {
  const committee = createCommittee(t.db, { slug: `committee-${role}-${Math.random().toString(36).slice(2, 8)}` });
  const user = createUser(t.db, { role, committeeIds: role === 'admin' ? [] : [committee.id] });
  const client = new Client(t.app);
  expect((await client.signIn(user.email, TEST_PASSWORD)).statusCode).toBe(303);
  return client;
}

/** Three messages in three states, newest last. */
function seed(t: MailTestApp) {
  const now = t.clock.now();
  const sent = queueMail(
    t.db,
    { kind: 'question_acknowledged', to: 'one@example.org', subject: 'First', text: 'One' },
    now,
  );
  const failed = queueMail(
    t.db,
    {
      kind: 'question_decision',
      to: 'two@example.org',
      subject: 'Your question <b>was</b> accepted',
      text: 'Hello <script>alert(1)</script>\n\nSecond paragraph & more',
      html: '<p id="stored-html">Stored HTML</p>',
    },
    now,
  );
  const queued = queueMail(
    t.db,
    { kind: 'question_answer', to: 'three@example.org', subject: 'Third', text: 'Three' },
    now,
  );
  t.db
    .update(outbox)
    .set({ status: 'sent', attempts: 1, sentAt: now, messageId: '<abc@example.org>' })
    .where(eq(outbox.id, sent))
    .run();
  t.db
    .update(outbox)
    .set({ status: 'failed', attempts: 8, lastError: '550 5.1.1 <two@example.org>: Recipient address rejected' })
    .where(eq(outbox.id, failed))
    .run();
  return { sent, failed, queued };
}

describe('/manage/outbox', () => {
  it('lists the newest messages first with their status, tries and last error, filtered by status', async () => {
    const t = await buildMailApp({ SMTP_URL: 'smtp://127.0.0.1:1' });
    apps.push(t);
    // Delivery stopped: the messages stay as the test sets them.
    await t.app.mail.stop();
    const { failed } = seed(t);
    const admin = await signedIn(t, 'admin');

    const page = await admin.get('/manage/outbox');
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('private, no-store');
    const rows = tableRows(page.body);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^2 March 2026, 9am \| three@example.org \| .* \| Waiting to be sent \| 0 \| $/);
    expect(rows[1]).toMatch(/ \| two@example.org \| .* \| Failed \| 8 \| 550 5.1.1 <two@example.org>: Recipient/);
    expect(rows[2]).toMatch(/ \| one@example.org \| .* \| Sent \| 1 \| $/);
    const $ = parse(page.body);
    const texts = (selector: string) =>
      $(selector)
        .map((_, e) => $(e).text())
        .get();
    expect(texts('tbody td:nth-child(3) a')).toEqual(['Third', 'Your question <b>was</b> accepted', 'First']);
    expect(texts('tbody td:nth-child(3) .govuk-hint')).toEqual([
      'question_answer',
      'question_decision',
      'question_acknowledged',
    ]);
    expect($('table b')).toHaveLength(0);
    expect($(`a[href="/manage/outbox/${failed}"]`).text()).toBe('Your question <b>was</b> accepted');
    expect($('strong.govuk-tag.govuk-tag--red').text()).toBe('Failed');
    expect($('select#status option:selected').text()).toBe('All (3)');

    const onlyFailed = await admin.get('/manage/outbox?status=failed');
    expect(tableRows(onlyFailed.body)).toHaveLength(1);
    expect(parse(onlyFailed.body)('select#status option:selected').text()).toBe('Failed (1)');
    const none = await admin.get('/manage/outbox?status=logged');
    expect(textOf(none.body, 'main')).toContain('No messages have this status.');
    // An unknown filter shows everything.
    expect(tableRows((await admin.get('/manage/outbox?status=nonsense')).body)).toHaveLength(3);
  });

  it('shows a message’s whole text escaped, never its stored HTML', async () => {
    const t = await buildMailApp({});
    apps.push(t);
    await t.app.mail.stop();
    const { failed, sent } = seed(t);
    const admin = await signedIn(t, 'admin');
    const page = await admin.get(`/manage/outbox/${failed}`);
    expect(page.statusCode).toBe(200);
    const $ = parse(page.body);
    expect($('h1').text()).toBe('Your question <b>was</b> accepted');
    expect($('#stored-html')).toHaveLength(0);
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect($('.app-pre-line').text()).toBe('Hello <script>alert(1)</script>\n\nSecond paragraph & more');
    expect(summary(page.body)).toEqual([
      'To: two@example.org',
      'Kind: question_decision',
      'Status: Failed',
      expect.stringMatching(/^Queued: \w+day \d+ \w+ \d{4}, /),
      'Tries: 8',
      'Last error: 550 5.1.1 <two@example.org>: Recipient address rejected',
    ]);
    expect($('form[action$="/retry"] input[name="_csrf"]').attr('value')).toBeTruthy();

    const delivered = await admin.get(`/manage/outbox/${sent}`);
    expect(summary(delivered.body)).toContain('Message ID: <abc@example.org>');
    expect(summary(delivered.body)).toContain('Sent: Monday 2 March 2026, 9am');
    expect(parse(delivered.body)('form[action$="/retry"]')).toHaveLength(0);

    expect((await admin.get('/manage/outbox/999999')).statusCode).toBe(404);
    expect((await admin.get('/manage/outbox/abc')).statusCode).toBe(404);
  });

  it('is for administrators only', async () => {
    const t = await buildMailApp({});
    apps.push(t);
    await t.app.mail.stop();
    const { failed } = seed(t);
    for (const role of ['clerk', 'member'] as const) {
      const client = await signedIn(t, role);
      expect((await client.get('/manage/outbox')).statusCode).toBe(403);
      expect((await client.get(`/manage/outbox/${failed}`)).statusCode).toBe(403);
      expect((await client.submit(`/manage/outbox/${failed}/retry`, {}, '/manage')).statusCode).toBe(403);
    }
    const anonymous = new Client(t.app);
    const res = await anonymous.get('/manage/outbox');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/login?next=%2Fmanage%2Foutbox');
    expect(t.db.select().from(outbox).where(eq(outbox.id, failed)).get()?.status).toBe('failed');
  });

  it('links the outbox from the administrator’s home page only', async () => {
    const t = await buildMailApp({});
    apps.push(t);
    const admin = await signedIn(t, 'admin');
    expect(parse((await admin.get('/manage')).body)('a[href="/manage/outbox"]').text()).toBe('Outbox');
    const clerk = await signedIn(t, 'clerk');
    expect(parse((await clerk.get('/manage')).body)('a[href="/manage/outbox"]')).toHaveLength(0);
  });
});

describe('Try again now', () => {
  it('queues a failed message again, records it in the audit trail, and it is delivered', async () => {
    const smtp = await TestSmtpServer.start();
    servers.push(smtp);
    const t = await buildMailApp({ SMTP_URL: smtp.url() });
    apps.push(t);
    const { failed } = seed(t);
    await t.app.mail.flush();
    // The queued message went; the failed one waits for someone to ask.
    expect(smtp.received.map((r) => r.mail.subject)).toEqual(['Third']);
    const admin = await signedIn(t, 'admin');
    t.clock.advance(3600_000);

    const page = `/manage/outbox/${failed}`;
    const before = t.db.select().from(auditLog).all().length;
    const res = await admin.submit(`${page}/retry`, {}, page);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(page);
    const audit = t.db.select().from(auditLog).all().slice(before);
    expect(audit.map((a) => a.action)).toEqual(['mail.retry']);
    expect(audit[0]).toMatchObject({ recordType: 'outbox', recordId: String(failed) });
    expect(JSON.parse(audit[0]?.after ?? '{}')).toEqual({
      status: 'queued',
      nextAttemptAt: t.clock.now().toISOString(),
    });

    await t.app.mail.flush();
    const shown = await admin.get(page);
    expect(textOf(shown.body, '.govuk-notification-banner')).toContain('The message will be tried again now');
    expect(t.db.select().from(outbox).where(eq(outbox.id, failed)).get()).toMatchObject({
      status: 'sent',
      attempts: 9,
      lastError: null,
    });
    expect(smtp.received.map((r) => r.mail.subject)).toEqual(['Third', 'Your question <b>was</b> accepted']);
    expect(smtp.received[1]?.mail.html).toBe('<p id="stored-html">Stored HTML</p>');
  });

  it('makes a queued message due now', async () => {
    const t = await buildMailApp({});
    apps.push(t);
    await t.app.mail.stop();
    const { queued } = seed(t);
    const later = new Date(t.clock.now().getTime() + 3600_000);
    t.db
      .update(outbox)
      .set({ attempts: 2, lastError: 'timeout', nextAttemptAt: later })
      .where(eq(outbox.id, queued))
      .run();
    const admin = await signedIn(t, 'admin');
    const page = `/manage/outbox/${queued}`;
    expect(summary((await admin.get(page)).body)).toEqual(
      expect.arrayContaining([
        'Status: Retrying',
        'Tries: 2',
        'Next try: Monday 2 March 2026, 10am',
        'Last error: timeout',
      ]),
    );
    expect((await admin.submit(`${page}/retry`, {}, page)).statusCode).toBe(303);
    expect(t.db.select().from(outbox).where(eq(outbox.id, queued)).get()).toMatchObject({
      status: 'queued',
      attempts: 2,
      nextAttemptAt: t.clock.now(),
    });
    expect(summary((await admin.get(page)).body)).toContain('Next try: Now');
  });

  it('refuses a message already delivered, and needs the CSRF token', async () => {
    const t = await buildMailApp({});
    apps.push(t);
    await t.app.mail.stop();
    const { sent, failed } = seed(t);
    const admin = await signedIn(t, 'admin');
    const before = t.db.select().from(auditLog).all().length;
    const refused = await admin.submit(`/manage/outbox/${sent}/retry`, {}, '/manage');
    expect(refused.statusCode).toBe(409);
    expect(textOf(refused.body, '.govuk-error-summary')).toContain('This message has already been delivered');
    expect((await admin.submit('/manage/outbox/999999/retry', {}, '/manage')).statusCode).toBe(404);
    const forged = await admin.post(`/manage/outbox/${failed}/retry`, {});
    expect(forged.statusCode).toBe(403);
    expect(t.db.select().from(outbox).where(eq(outbox.id, failed)).get()?.status).toBe('failed');
    expect(
      t.db
        .select()
        .from(auditLog)
        .all()
        .slice(before)
        .filter((a) => a.action === 'mail.retry'),
    ).toEqual([]);
  });
});
