import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../helpers/app';
import { Client, DEMO_CLERK } from '../helpers/client';
import { safeNext } from '../../src/features/auth/redirects';

let app: FastifyInstance;
beforeAll(async () => {
  ({ app } = await buildTestApp({ demo: true }));
});
afterAll(() => app.close());

/** Forms of "next" that look local but that a browser, after normalising, would read as another site. */
const HOSTILE = [
  '/.//evil.example',
  '/./\\evil.example',
  '/%2e%2e//evil.example',
  '/%2E%2E//evil.example/x',
  '/manage/../..//evil.example',
  '/manage/..//evil.example',
  '/a/b/../../..//evil.example',
  '/././/evil.example',
  '//evil.example',
  '///evil.example',
  '/\\evil.example',
  '/%5cevil.example',
  '/%5C%5Cevil.example',
  'https://evil.example',
  'http:/evil.example',
  '\\\\evil.example',
  ' //evil.example',
  '/\t/evil.example',
  'javascript:alert(1)',
];

/** What a browser does with a Location header: where would it go? */
const landsOn = (location: string) => new URL(location, 'https://council.example/').host;

describe('where sign-in goes next', () => {
  it('never leaves the site, however the path is written', () => {
    for (const next of HOSTILE) {
      const out = safeNext(next);
      expect(landsOn(out), `${next} → ${out}`).toBe('council.example');
      expect(out, next).toMatch(/^\/(?![/\\])/);
    }
  });

  it('keeps local paths as they are', () => {
    expect(safeNext('/manage/meetings/2/agenda?x=1')).toBe('/manage/meetings/2/agenda?x=1');
    expect(safeNext('/manage/./meetings')).toBe('/manage/meetings');
  });

  it('answers POST /login and a signed-in GET /login with a same-site Location for each hostile form', async () => {
    const signedIn = new Client(app);
    await signedIn.signIn(DEMO_CLERK.email, DEMO_CLERK.password);
    for (const next of HOSTILE) {
      const post = await new Client(app).signIn(DEMO_CLERK.email, DEMO_CLERK.password, next);
      expect(post.statusCode, next).toBe(303);
      expect(landsOn(String(post.headers.location)), `POST ${next} → ${post.headers.location}`).toBe('council.example');
      const get = await signedIn.get(`/login?next=${encodeURIComponent(next)}`);
      expect(get.statusCode, next).toBe(303);
      expect(landsOn(String(get.headers.location)), `GET ${next} → ${get.headers.location}`).toBe('council.example');
    }
  });
});
