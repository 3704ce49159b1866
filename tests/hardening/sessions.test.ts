import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../helpers/app';
import { Client, DEMO_CLERK } from '../helpers/client';
import type { Database } from '../../src/db/client';
import { sessions } from '../../src/db/schema';

let app: FastifyInstance;
let db: Database;
beforeAll(async () => {
  ({ app, db } = await buildTestApp({ demo: true }));
});
afterAll(() => app.close());

const rows = () => db.select().from(sessions).all().length;

describe('sessions', () => {
  it('keeps none for visitors who have not signed in: 200 visits to /login store no row', async () => {
    const before = rows();
    for (let i = 0; i < 200; i++) {
      const res = await new Client(app).get('/login');
      expect(res.statusCode).toBe(200);
      expect(res.cookies.some((c) => c.name === 'scrutineer')).toBe(false);
    }
    // Nor do public pages, or a refused sign-in.
    await new Client(app).get('/meetings/1');
    const refused = new Client(app);
    await refused.signIn(DEMO_CLERK.email, 'not the password at all');
    expect(rows()).toBe(before);
  });

  it('protects the sign-in form without one: a signed double-submit cookie', async () => {
    const client = new Client(app);
    const page = await client.get('/login');
    const csrf = page.cookies.find((c) => c.name === 'scrutineer-csrf');
    expect(csrf).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    // Signed: the value carries a signature after its last dot.
    expect(decodeURIComponent(csrf?.value ?? '')).toMatch(/\.[A-Za-z0-9+/=_-]+$/);
    const forged = new Client(app);
    forged.cookies.set('scrutineer-csrf', 'made-up-secret');
    const res = await forged.post('/login', {
      _csrf: 'made-up-token',
      email: DEMO_CLERK.email,
      password: DEMO_CLERK.password,
    });
    expect(res.statusCode).toBe(403);
  });

  it('makes the session at sign-in, and a new CSRF secret with it', async () => {
    const before = rows();
    const client = new Client(app);
    const token = await client.csrfToken('/login');
    const res = await client.post('/login', { _csrf: token, email: DEMO_CLERK.email, password: DEMO_CLERK.password });
    expect(res.statusCode).toBe(303);
    expect(rows()).toBe(before + 1);
    expect(res.cookies.find((c) => c.name === 'scrutineer-csrf')?.value).toBe('');
    // The token of the sign-in page no longer works once signed in.
    const stale = await client.post('/logout', { _csrf: token });
    expect(stale.statusCode).toBe(403);
  });
});
