import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../helpers/app';
import { Client, DEMO_CLERK } from '../helpers/client';
import { parse } from '../helpers/html';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('sign-in rate limit', () => {
  it('allows 5 attempts a minute from one address, then says how long to wait', async () => {
    ({ app } = await buildTestApp({ demo: true, env: { LOGIN_ATTEMPTS_PER_MINUTE: '5' } }));
    const client = new Client(app, '10.0.0.1');
    for (let i = 0; i < 5; i++) {
      expect((await client.signIn(`someone${i}@example.org`, 'wrong-password')).statusCode).toBe(422);
    }
    const refused = await client.signIn('someone-else@example.org', 'wrong-password');
    expect(refused.statusCode).toBe(429);
    const text = parse(refused.body)('main').text();
    expect(text).toMatch(/Too many sign-in attempts\. Try again in \d+ seconds?\./);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password waits.
    expect((await client.signIn(DEMO_CLERK.email, DEMO_CLERK.password)).statusCode).toBe(429);
    // Another address is not affected.
    expect((await new Client(app, '10.0.0.2').signIn(DEMO_CLERK.email, DEMO_CLERK.password)).statusCode).toBe(303);
  });

  it('allows 5 attempts a minute at one email address, from any number of addresses', async () => {
    ({ app } = await buildTestApp({ demo: true, env: { LOGIN_ATTEMPTS_PER_MINUTE: '5' } }));
    for (let i = 0; i < 5; i++) {
      const res = await new Client(app, `10.1.0.${i + 1}`).signIn(DEMO_CLERK.email, 'wrong-password');
      expect(res.statusCode).toBe(422);
    }
    const refused = await new Client(app, '10.1.0.99').signIn(DEMO_CLERK.email.toUpperCase(), DEMO_CLERK.password);
    expect(refused.statusCode).toBe(429);
    expect(parse(refused.body)('main').text()).toMatch(/Try again in \d+ seconds?/);
    // Other accounts can still sign in.
    expect(
      (await new Client(app, '10.1.0.100').signIn('member@demo.scrutineer.invalid', 'demo-member-password')).statusCode,
    ).toBe(303);
  });
});
