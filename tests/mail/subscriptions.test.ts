import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { Client } from '../helpers/client';
import { parse } from '../helpers/html';
import { createAgendaItem, createCommittee, createMeeting } from '../helpers/factories';
import { buildMailApp, TestSmtpServer, type MailTestApp, type Received } from './helpers';
import { auditLog, outbox, subscriptions } from '../../src/db/schema';
import { getOutboxMessage, listOutbox } from '../../src/features/mail/queries';
import { publishAgenda } from '../../src/features/agenda/commands/publishing';
import { sendSubscriptions } from '../../src/features/subscriptions/commands';

/**
 * Email alerts through a real SMTP server in this process: double opt-in, what
 * each kind of subscription is sent, the digest, and the one-click unsubscribe.
 */
let smtp: TestSmtpServer;
let t: MailTestApp;
let ids: { health: number; economy: number; discharge: number; parks: number; later: number; laterEconomy: number };
const BASE = 'https://democracy.example.gov.uk';

beforeAll(async () => {
  smtp = await TestSmtpServer.start();
  // Monday 2 March 2026, 9am.
  t = await buildMailApp({ SMTP_URL: smtp.url(), PUBLIC_URL: BASE });
  const health = createCommittee(t.db, { slug: 'health', name: 'Health Select Committee' });
  const economy = createCommittee(t.db, { slug: 'economy', name: 'Economy Select Committee' });
  const discharge = createMeeting(t.db, health.id, { date: '2026-03-26' });
  createAgendaItem(t.db, discharge.id, {
    title: 'Hospital discharge',
    purpose: 'How patients leave hospital: delayed discharge and care at home.',
  });
  const parks = createMeeting(t.db, economy.id, { date: '2026-03-27' });
  createAgendaItem(t.db, parks.id, { title: 'Parks and open spaces', purpose: 'The state of the parks.' });
  const later = createMeeting(t.db, health.id, { date: '2026-04-23' });
  createAgendaItem(t.db, later.id, { title: 'Dentistry', purpose: 'Access to NHS dentists.' });
  const laterEconomy = createMeeting(t.db, economy.id, { date: '2026-04-24' });
  createAgendaItem(t.db, laterEconomy.id, { title: 'High streets', purpose: 'Empty shops.' });
  ids = {
    health: health.id,
    economy: economy.id,
    discharge: discharge.id,
    parks: parks.id,
    later: later.id,
    laterEconomy: laterEconomy.id,
  };
});
afterAll(async () => {
  await t.app.close();
  await smtp.close();
});
afterEach(() => {
  smtp.received.length = 0;
});

const to = (r: Received) => r.envelope.to[0];
const received = (address: string) => smtp.received.filter((r) => to(r) === address);
const linkIn = (r: Received | undefined, path: string) => {
  const match = new RegExp(`${BASE}${path}[A-Za-z0-9_-]{43}`).exec(r?.mail.text ?? '');
  if (!match) throw new Error(`no ${path} link in ${r?.mail.text ?? '(no message)'}`);
  return match[0].slice(BASE.length);
};

/** Asks for emails through the form, as a visitor would, and returns the confirmation link's path. */
async function subscribe(form: Record<string, string>): Promise<string> {
  const visitor = new Client(t.app);
  const res = await visitor.submit('/subscribe', form, '/subscribe');
  expect(res.statusCode).toBe(303);
  expect(res.headers.location).toBe('/subscribe/check-your-email');
  await t.app.mail.flush();
  const messages = received(form.email ?? '');
  expect(messages.map((m) => m.mail.subject)).toEqual(['Confirm your email alerts']);
  const link = linkIn(messages[0], '/subscriptions/confirm/');
  smtp.received.length = 0;
  return link;
}

async function confirm(path: string) {
  const visitor = new Client(t.app);
  const page = await visitor.get(path);
  expect(page.statusCode).toBe(200);
  expect(page.headers['cache-control']).toBe('private, no-store');
  return visitor.submit(path, {}, path);
}

async function publish(meetingId: number) {
  t.clock.advance(60_000);
  const result = publishAgenda(t.db, { meetingId, publishedAt: t.clock.now(), changeSummary: 'Papers added' });
  expect(result.ok ? {} : result.errors).toEqual({});
}

async function sweep(): Promise<number> {
  t.clock.advance(60_000);
  const queued = sendSubscriptions(t.app.db, t.clock.now(), { base: BASE });
  await t.app.mail.flush();
  return queued;
}

describe('subscribing', () => {
  it('asks for the address to be confirmed, sends nothing else until it is, and never records the address', async () => {
    const address = 'resident.one@example.org';
    const auditBefore = t.db.select().from(auditLog).all().length;
    const link = await subscribe({
      email: address,
      scope: 'committee',
      committee: 'health',
      q: '',
      frequency: 'immediate',
    });
    const check = await new Client(t.app).get('/subscribe/check-your-email');
    expect(check.body).not.toContain(address);

    // Published before confirmation: not sent.
    await publish(ids.discharge);
    expect(await sweep()).toBe(0);
    expect(received(address)).toEqual([]);

    const confirmed = await confirm(link);
    expect(confirmed.statusCode).toBe(200);
    expect(parse(confirmed.body)('h1').text()).toBe('Your emails are on');
    expect(confirmed.body).toContain('Health Select Committee');
    // The link used twice says so, opened or sent.
    expect(parse((await new Client(t.app).get(link)).body)('h1').text()).toBe('Already confirmed');
    const again = await new Client(t.app).submit(link, {}, '/subscribe');
    expect(parse(again.body)('h1').text()).toBe('Already confirmed');

    const audit = t.db
      .select()
      .from(auditLog)
      .all()
      .slice(auditBefore)
      .filter((a) => a.action.startsWith('subscription.'));
    expect(audit.map((a) => a.action)).toEqual(['subscription.request', 'subscription.confirm']);
    expect(JSON.stringify(audit)).not.toContain(address);

    // Now the committee's publications come, with links to stop them in the body and the headers.
    await publish(ids.later);
    await publish(ids.laterEconomy);
    expect(await sweep()).toBeGreaterThan(0);
    const alerts = received(address);
    expect(alerts).toHaveLength(1);
    const alert = alerts[0];
    expect(alert?.mail.subject).toBe('Agenda published: Health Select Committee, Thursday 23 April 2026');
    expect(alert?.mail.text).toContain(`${BASE}/meetings/${ids.later}#agenda`);
    expect(alert?.mail.text).not.toContain('Economy');
    const unsubscribePath = linkIn(alert, '/unsubscribe/');
    // Long headers come folded: unfold them (RFC 5322).
    const lines = (alert?.mail.headerLines ?? []).map((h) => h.line.replace(/\r?\n[ \t]+/g, ' '));
    expect(lines).toContain(`List-Unsubscribe: <${BASE}${unsubscribePath}>`);
    expect(lines).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(alert?.mail.html).toContain(`href="${BASE}${unsubscribePath}"`);
    // Nothing new, nothing sent.
    expect(await sweep()).toBe(0);
  });

  it('follows a search: only what matches its words anywhere, papers and agendas included', async () => {
    const address = 'follower@example.org';
    const link = await subscribe({
      email: address,
      scope: 'search',
      committee: '',
      q: 'delayed discharge',
      frequency: 'immediate',
    });
    await confirm(link);
    // A supplement to the discharge meeting's agenda (it matches), and the parks meeting's (it does not).
    await publish(ids.discharge);
    await publish(ids.parks);
    await sweep();
    const alerts = received(address);
    expect(alerts.map((a) => a.mail.subject)).toEqual([
      'Agenda supplement 1 published: Health Select Committee, Thursday 26 March 2026',
    ]);
    expect(alerts[0]?.mail.text).toContain('new matches for “delayed discharge”');
  });

  it('sends a digest once a London day, from 7am, of everything since the last', async () => {
    const address = 'digest@example.org';
    await confirm(await subscribe({ email: address, scope: 'all', committee: '', q: '', frequency: 'daily' }));
    await publish(ids.parks);
    await publish(ids.later);
    await sweep();
    expect(received(address)).toEqual([]);
    // The next morning: nothing before 7am London time, then one digest of both.
    const day = t.clock.now();
    t.clock.advance(Date.parse('2026-03-03T06:50:00Z') - day.getTime());
    await sweep();
    expect(received(address)).toEqual([]);
    t.clock.advance(15 * 60_000);
    await sweep();
    const digests = received(address);
    expect(digests.map((d) => d.mail.subject)).toEqual([
      'Daily digest, Tuesday 3 March 2026: everything the committees publish',
    ]);
    expect(digests[0]?.mail.text).toContain('Economy Select Committee, Friday 27 March 2026');
    expect(digests[0]?.mail.text).toContain('Health Select Committee, Thursday 23 April 2026');
    await sweep();
    expect(received(address)).toHaveLength(1);
  });
});

describe('unsubscribing', () => {
  it('takes one POST from a mail program (no CSRF token), says so when used twice, and sends no more', async () => {
    const address = 'leaver@example.org';
    await confirm(
      await subscribe({ email: address, scope: 'committee', committee: 'economy', q: '', frequency: 'immediate' }),
    );
    await publish(ids.parks);
    await sweep();
    const path = linkIn(received(address)[0], '/unsubscribe/');

    // A person opening the link is asked first; nothing changes until they say yes.
    const page = await new Client(t.app).get(path);
    expect(parse(page.body)('h1').text()).toBe('Stop these emails?');
    expect(page.body).not.toContain(address);

    const oneClick = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    expect(parse(oneClick.body)('h1').text()).toBe('You have unsubscribed');
    // Sent again, as multipart (RFC 8058 allows either).
    const twice = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n',
    });
    expect(twice.statusCode).toBe(200);
    expect(parse(twice.body)('h1').text()).toBe('Already unsubscribed');

    smtp.received.length = 0;
    await publish(ids.laterEconomy);
    await sweep();
    expect(received(address)).toEqual([]);

    // The address is gone: from the subscription, and from the alerts the outbox kept.
    expect(t.db.select().from(subscriptions).where(eq(subscriptions.email, address)).all()).toEqual([]);
    expect(t.db.select().from(outbox).where(eq(outbox.to, address)).all()).toEqual([]);
  });

  it('never shows a subscriber’s address or links in the outbox administrators read', async () => {
    const address = 'private.person@example.org';
    await confirm(await subscribe({ email: address, scope: 'all', committee: '', q: '', frequency: 'immediate' }));
    await publish(ids.later);
    await sweep();
    expect(received(address).length).toBeGreaterThan(0);
    const mine = t.db.select().from(outbox).where(eq(outbox.to, address)).all();
    expect(mine.map((m) => m.kind).sort()).toEqual(['subscription_alert', 'subscription_confirm']);
    const listed = listOutbox(t.db, null).filter((m) => mine.some((x) => x.id === m.id));
    expect(listed.map((m) => m.to)).toEqual([
      'A subscriber (the address is not shown)',
      'A subscriber (the address is not shown)',
    ]);
    for (const m of mine) {
      const shown = getOutboxMessage(t.db, m.id);
      expect(shown?.to).not.toContain(address);
      expect(shown?.text).not.toMatch(/\/(unsubscribe|subscriptions\/confirm)\/[A-Za-z0-9_-]{43}/);
    }
  });

  it('answers a forged, mangled or unknown link with a clear page, never a 500', async () => {
    for (const path of [
      `/unsubscribe/${'A'.repeat(43)}`,
      '/unsubscribe/short',
      `/subscriptions/confirm/${'b'.repeat(43)}`,
      '/subscriptions/confirm/%22%3E%3Cscript%3E',
    ]) {
      const get = await t.app.inject(path);
      expect(get.statusCode, path).toBe(404);
      expect(parse(get.body)('h1').text(), path).toBe('This link does not work');
    }
    const forged = await t.app.inject({ method: 'POST', url: `/unsubscribe/${'A'.repeat(43)}`, payload: '' });
    expect(forged.statusCode).toBe(404);
  });

  it('refuses a form without a real address or choice, keeping what was typed', async () => {
    const visitor = new Client(t.app);
    const res = await visitor.submit(
      '/subscribe',
      { email: 'not an address', scope: 'search', committee: '', q: '"', frequency: 'weekly' },
      '/subscribe',
    );
    expect(res.statusCode).toBe(422);
    const $ = parse(res.body);
    expect(
      $('.govuk-error-summary li')
        .map((_i, e) => $(e).text().trim())
        .get(),
    ).toEqual([
      'Enter an email address in the correct format, like name@example.com',
      'Enter words or numbers to follow',
      'Select how often you want emails',
    ]);
    expect($('#email').attr('value')).toBe('not an address');
    expect(t.db.select().from(subscriptions).where(eq(subscriptions.email, 'not an address')).all()).toEqual([]);
  });
});
