import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../helpers/app';
import { Client, DEMO_CLERK } from '../helpers/client';
import { parse, textOf } from '../helpers/html';
import { createCommittee, createUser, TEST_PASSWORD } from '../helpers/factories';
import type { Database } from '../../src/db/client';
import { sessions, auditLog, users } from '../../src/db/schema';
import { setUserDisabled } from '../../src/features/users/commands';
import { systemActor } from '../../src/features/audit/commands';
import { safeNext } from '../../src/features/auth/redirects';

let app: FastifyInstance;
let db: Database;

beforeAll(async () => {
  ({ app, db } = await buildTestApp({ demo: true }));
});
afterAll(() => app.close());

const GENERIC = 'Enter the email address and password of an active account';

describe('signing in', () => {
  it('shows a sign-in form with its CSRF token', async () => {
    const res = await new Client(app).get('/login');
    expect(res.statusCode).toBe(200);
    const $ = parse(res.body);
    expect($('title').text()).toBe('Sign in – Scrutineer');
    expect($('form[action="/login"] input[name="_csrf"]').attr('value')).toBeTruthy();
    expect($('#email').attr('autocomplete')).toBe('username');
    expect($('#password').attr('type')).toBe('password');
  });

  it('signs the demo clerk in, to /manage, with a session cookie that is HttpOnly and SameSite=Lax', async () => {
    const client = new Client(app);
    const res = await client.signIn(DEMO_CLERK.email, DEMO_CLERK.password);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/manage');
    const cookie = res.cookies.find((c) => c.name === 'scrutineer');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const home = await client.get('/manage');
    expect(home.statusCode).toBe(200);
    expect(parse(home.body)('h1').text()).toBe('Your committees and what is due');
  });

  it('marks the cookie Secure (and __Host-) when COOKIE_SECURE=true', async () => {
    const { app: secureApp } = await buildTestApp({ demo: true, env: { COOKIE_SECURE: 'true', TRUST_PROXY: 'true' } });
    const client = new Client(secureApp);
    const res = await client.submit('/login', { email: DEMO_CLERK.email, password: DEMO_CLERK.password }, '/login', {
      'x-forwarded-proto': 'https',
    });
    const cookie = res.cookies.find((c) => c.name === '__Host-scrutineer');
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    await secureApp.close();
  });

  it('gives a new session id at sign-in, and the old one is no good afterwards', async () => {
    const client = new Client(app);
    await client.signIn(DEMO_CLERK.email, DEMO_CLERK.password);
    const first = client.sessionCookie();
    // Signing in again from a signed-in page (its form's token comes from /manage).
    await client.submit('/login', { email: DEMO_CLERK.email, password: DEMO_CLERK.password }, '/manage');
    const second = client.sessionCookie();
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(second).not.toBe(first);

    const replay = new Client(app);
    replay.cookies.set('scrutineer', first ?? '');
    const res = await replay.get('/manage');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/login?next=%2Fmanage');
  });

  it('does not adopt a session id planted before sign-in', async () => {
    const victim = new Client(app);
    await victim.get('/login'); // gets an anonymous session holding its CSRF secret
    const planted = victim.sessionCookie();
    await victim.signIn(DEMO_CLERK.email, DEMO_CLERK.password);
    expect(victim.sessionCookie()).not.toBe(planted);
    const attacker = new Client(app);
    attacker.cookies.set('scrutineer', planted ?? '');
    expect((await attacker.get('/manage')).statusCode).toBe(302);
  });

  it('signs out: the session ends and /manage asks for sign-in again', async () => {
    const client = new Client(app);
    await client.signIn(DEMO_CLERK.email, DEMO_CLERK.password);
    const sid = client.sessionCookie();
    const res = await client.submit('/logout', {}, '/manage');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    expect((await client.get('/manage')).statusCode).toBe(302);
    const replay = new Client(app);
    replay.cookies.set('scrutineer', sid ?? '');
    expect((await replay.get('/manage')).statusCode).toBe(302);
  });

  it('serves the stylesheet and scripts without reading or writing the session (a page asks for several)', async () => {
    const client = new Client(app);
    await client.signIn(DEMO_CLERK.email, DEMO_CLERK.password);
    const before = JSON.stringify(db.select().from(sessions).all());
    for (const asset of ['/static/build/app.css', '/static/js/app.js']) {
      const res = await client.get(asset);
      expect(res.statusCode).toBe(200);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect(JSON.stringify(db.select().from(sessions).all())).toBe(before);
    expect((await client.get('/static/no-such-file.css')).statusCode).toBe(404);
    // A page still keeps the session alive.
    expect((await client.get('/manage')).headers['set-cookie']).toBeDefined();
  });

  it('ends a session that has been idle past its expiry', async () => {
    const client = new Client(app);
    await client.signIn(DEMO_CLERK.email, DEMO_CLERK.password);
    db.update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .run();
    const res = await client.get('/manage');
    expect(res.statusCode).toBe(302);
  });

  it('ends the sessions of an account when it is disabled', async () => {
    const c = createCommittee(db);
    const user = createUser(db, { committeeIds: [c.id] });
    const client = new Client(app);
    await client.signIn(user.email, TEST_PASSWORD);
    expect((await client.get('/manage')).statusCode).toBe(200);
    setUserDisabled(db, systemActor('test'), user.id, true);
    expect((await client.get('/manage')).statusCode).toBe(302);
  });

  it.each([
    ['a wrong password', DEMO_CLERK.email, 'not-the-password'],
    ['an unknown email', 'nobody@example.org', DEMO_CLERK.password],
    ['a disabled account', 'disabled@example.org', TEST_PASSWORD],
  ])('refuses %s with the same generic message, keeping the email typed', async (_case, email, password) => {
    if (email === 'disabled@example.org') createUser(db, { email, disabled: true, role: 'admin' });
    const res = await new Client(app).signIn(email, password);
    expect(res.statusCode).toBe(422);
    const $ = parse(res.body);
    expect($('.govuk-error-summary__list a').text()).toBe(GENERIC);
    expect($('#email').attr('value')).toBe(email);
    expect($('#password').attr('value')).toBeUndefined();
    expect(res.body).not.toContain(password);
  });

  it('asks for both fields when they are blank', async () => {
    const res = await new Client(app).signIn('', '');
    expect(res.statusCode).toBe(422);
    expect(textOf(res.body, '.govuk-error-summary')).toContain('Enter your email address');
    expect(textOf(res.body, '.govuk-error-summary')).toContain('Enter your password');
  });

  it('records successes and failures in the audit trail', async () => {
    const before = db.select().from(auditLog).all().length;
    await new Client(app).signIn(DEMO_CLERK.email, 'wrong-password-here');
    await new Client(app).signIn(DEMO_CLERK.email, DEMO_CLERK.password);
    const rows = db.select().from(auditLog).all().slice(before);
    expect(rows.map((r) => r.action)).toEqual(['auth.sign_in_failed', 'auth.sign_in']);
    expect(rows[0]).toMatchObject({ userEmail: DEMO_CLERK.email, ip: '127.0.0.1' });
    expect(JSON.parse(rows[0]?.after ?? '{}')).toMatchObject({ reason: 'wrong password' });
  });

  it('goes back to the page that asked for sign-in, and only to a page of this site', async () => {
    const client = new Client(app);
    const asked = await client.get('/manage/committees/health-and-adult-social-care');
    expect(asked.headers.location).toBe('/login?next=%2Fmanage%2Fcommittees%2Fhealth-and-adult-social-care');
    const login = await client.get(asked.headers.location as string);
    expect(parse(login.body)('input[name="next"]').attr('value')).toBe(
      '/manage/committees/health-and-adult-social-care',
    );
    const res = await client.signIn(
      DEMO_CLERK.email,
      DEMO_CLERK.password,
      '/manage/committees/health-and-adult-social-care',
    );
    expect(res.headers.location).toBe('/manage/committees/health-and-adult-social-care');

    for (const evil of [
      '//evil.example/x',
      'https://evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      '/%0d%0aLocation:evil',
      '\\\\evil',
    ]) {
      const attempt = await new Client(app).signIn(DEMO_CLERK.email, DEMO_CLERK.password, evil);
      expect(attempt.headers.location, evil).toMatch(/^\/(?!\/|\\)/);
      expect(attempt.headers.location, evil).not.toContain('evil.example');
    }
  });

  it('keeps safeNext to local paths', () => {
    expect(safeNext('/manage/users?x=1')).toBe('/manage/users?x=1');
    expect(safeNext('//evil.example')).toBe('/manage');
    expect(safeNext('/\\evil.example')).toBe('/manage');
    expect(safeNext('https://evil.example/manage')).toBe('/manage');
    expect(safeNext('/login')).toBe('/manage');
    expect(safeNext(undefined)).toBe('/manage');
  });

  it('answers a signed-in visit to /login by going on', async () => {
    const client = new Client(app);
    await client.signIn(DEMO_CLERK.email, DEMO_CLERK.password);
    const res = await client.get('/login?next=/manage/users');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/manage/users');
  });

  it('refuses an oversized sign-in with 413', async () => {
    const res = await new Client(app).post('/login', { email: 'x'.repeat(1024 * 1024 + 1) });
    expect(res.statusCode).toBe(413);
  });

  it('records who signed in and when', async () => {
    const user = createUser(db, { role: 'admin' });
    await new Client(app).signIn(user.email, TEST_PASSWORD);
    expect(db.select().from(users).where(eq(users.id, user.id)).get()?.lastSignInAt).toBeInstanceOf(Date);
  });
});
