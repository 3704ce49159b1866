import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../helpers/app';
import { Client, DEMO_CLERK, DEMO_MEMBER } from '../helpers/client';

let app: FastifyInstance;
beforeAll(async () => {
  ({ app } = await buildTestApp({ demo: true }));
});
afterAll(() => app.close());

describe('what browsers and caches may keep', () => {
  it('keeps nothing of /manage, exempt papers and the members’ pack: private, no-store', async () => {
    const clerk = new Client(app);
    await clerk.signIn(DEMO_CLERK.email, DEMO_CLERK.password);
    const member = new Client(app);
    await member.signIn(DEMO_MEMBER.email, DEMO_MEMBER.password);
    const agenda = await clerk.get('/manage/meetings/2/agenda');
    const paperId = /href="\/manage\/documents\/(\d+)"/.exec(agenda.body)?.[1];
    for (const [who, url] of [
      [clerk, '/manage'],
      [clerk, '/manage/meetings/2/agenda'],
      [clerk, '/manage/meetings/1/minutes'],
      [member, '/manage'],
      [member, `/manage/documents/${paperId}`],
      [member, '/manage/meetings/2/agenda-pack.pdf'],
      [clerk, '/manage/meetings/2/agenda/pack-status'],
    ] as const) {
      const res = await who.get(url);
      expect(res.statusCode, url).toBeLessThan(600);
      expect(res.headers['cache-control'], url).toBe('private, no-store');
    }
    // Refusals too: a signed-out visit, a page not found.
    expect((await new Client(app).get('/manage')).headers['cache-control']).toBe('private, no-store');
    expect((await clerk.get('/manage/meetings/999/agenda')).headers['cache-control']).toBe('private, no-store');
  });

  it('keeps a public page drawn for a signed-in user private too', async () => {
    const clerk = new Client(app);
    await clerk.signIn(DEMO_CLERK.email, DEMO_CLERK.password);
    expect((await clerk.get('/meetings/2')).headers['cache-control']).toBe('private, no-store');
  });
});
