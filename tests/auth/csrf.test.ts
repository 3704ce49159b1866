import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../helpers/app';
import { Client, DEMO_MEMBER } from '../helpers/client';
import { parse } from '../helpers/html';
import type { Database } from '../../src/db/client';
import { actionUpdates, actions, actionOwners, users } from '../../src/db/schema';
import { eq } from 'drizzle-orm';

let app: FastifyInstance;
let db: Database;
let actionId: number;

beforeAll(async () => {
  ({ app, db } = await buildTestApp({ demo: true }));
  const member = db.select().from(users).where(eq(users.email, DEMO_MEMBER.email)).get();
  const owned = db
    .select()
    .from(actionOwners)
    .where(eq(actionOwners.personId, member?.personId ?? 0))
    .get();
  actionId = owned?.actionId ?? 0;
});
afterAll(() => app.close());

const count = () => db.select().from(actionUpdates).all().length;

describe('CSRF protection', () => {
  it('refuses a sign-in without a token with a 403 page that says nothing was saved', async () => {
    const res = await new Client(app).post('/login', { email: DEMO_MEMBER.email, password: DEMO_MEMBER.password });
    expect(res.statusCode).toBe(403);
    const $ = parse(res.body);
    expect($('h1').text()).toBe('This form could not be sent');
    expect($('main').text()).toContain('Nothing was saved');
    expect(res.cookies.find((c) => c.name === 'scrutineer' && c.value)).toBeUndefined();
  });

  it('refuses a change without a token, and with a wrong one, writing nothing', async () => {
    const client = new Client(app);
    await client.signIn(DEMO_MEMBER.email, DEMO_MEMBER.password);
    const before = count();
    const status = db.select().from(actions).where(eq(actions.id, actionId)).get()?.status;

    const missing = await client.post(`/manage/actions/${actionId}/updates`, { status: 'done', note: 'Finished' });
    expect(missing.statusCode).toBe(403);
    const wrong = await client.post(`/manage/actions/${actionId}/updates`, {
      _csrf: 'forged-token',
      status: 'done',
      note: 'Finished',
    });
    expect(wrong.statusCode).toBe(403);
    // A token from another session is no good either.
    const other = new Client(app);
    const foreignToken = await other.csrfToken('/login');
    const foreign = await client.post(`/manage/actions/${actionId}/updates`, {
      _csrf: foreignToken,
      status: 'done',
      note: 'x',
    });
    expect(foreign.statusCode).toBe(403);

    expect(count()).toBe(before);
    expect(db.select().from(actions).where(eq(actions.id, actionId)).get()?.status).toBe(status);
  });

  it('accepts the same change with the page’s token, as a form or as htmx with the header', async () => {
    const client = new Client(app);
    await client.signIn(DEMO_MEMBER.email, DEMO_MEMBER.password);
    const before = count();
    const page = `/manage/actions/${actionId}`;
    const form = await client.submit(
      `${page}/updates`,
      { status: 'in_progress', note: 'Meeting the LAG next week' },
      page,
    );
    expect(form.statusCode).toBe(303);
    const token = await client.csrfToken(page);
    const htmx = await client.post(
      `${page}/updates`,
      { status: 'in_progress', note: 'Met the LAG' },
      { 'hx-request': 'true', 'x-csrf-token': token },
    );
    expect(htmx.statusCode).toBe(200);
    expect(count()).toBe(before + 2);
  });

  it('puts the token on every signed-in page for htmx requests, and none on public pages for the public', async () => {
    const client = new Client(app);
    await client.signIn(DEMO_MEMBER.email, DEMO_MEMBER.password);
    const res = await client.get('/manage');
    const headers = JSON.parse(parse(res.body)('body').attr('hx-headers:inherited') ?? '{}') as Record<string, string>;
    expect(headers['x-csrf-token']).toBeTruthy();
    const anon = await new Client(app).get('/');
    expect(parse(anon.body)('body').attr('hx-headers:inherited')).toBeUndefined();
    expect(anon.cookies).toHaveLength(0);
  });
});

describe('security headers', () => {
  it('sends a Content-Security-Policy with no inline scripts, and framing refused', async () => {
    const res = await new Client(app).get('/');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('sends the same headers on every kind of answer: a page from memory, a signed-in page, a file, a 404, a redirect', async () => {
    const visitor = new Client(app);
    await visitor.get('/');
    const fromMemory = await visitor.get('/');
    const member = new Client(app);
    await member.signIn(DEMO_MEMBER.email, DEMO_MEMBER.password);
    const answers = [
      fromMemory,
      await member.get('/manage/my-actions'),
      await visitor.get('/static/build/app.css'),
      await visitor.get('/no-such-page'),
      await visitor.get('/manage'),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 404, 302]);
    for (const res of answers) {
      expect(res.headers['content-security-policy']).toBe(fromMemory.headers['content-security-policy']);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      // Served over plain HTTP here: no HSTS (it is sent when COOKIE_SECURE says the site is HTTPS).
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});
