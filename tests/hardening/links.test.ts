import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../helpers/app';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const evil = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

/** Every absolute link the public can be handed: a meeting's calendar, a committee's, the open data, the committee page. */
async function links(instance: FastifyInstance): Promise<string> {
  const answers = await Promise.all(
    [
      '/meetings/1.ics',
      '/committees/health-and-adult-social-care/meetings.ics',
      '/api/v1/meetings/1',
      '/committees/health-and-adult-social-care',
    ].map((url) => instance.inject({ url, headers: evil })),
  );
  for (const a of answers) expect(a.statusCode).toBe(200);
  return answers.map((a) => a.body).join('\n');
}

describe('absolute links', () => {
  it('never take their host from the request: the Host header names evil.example, the links do not', async () => {
    ({ app } = await buildTestApp({ demo: true, env: { HOST: '127.0.0.1', PORT: '4567' } }));
    const body = await links(app);
    expect(body).not.toContain('evil.example');
    expect(body).toContain('http://127.0.0.1:4567/meetings/1');
  });

  it('use PUBLIC_URL when it is set', async () => {
    ({ app } = await buildTestApp({ demo: true, env: { PUBLIC_URL: 'https://democracy.example.gov.uk' } }));
    const body = await links(app);
    expect(body).not.toContain('evil.example');
    expect(body).toContain('https://democracy.example.gov.uk/meetings/1');
  });

  it('use the port the server really listens on (PORT=0 picks one)', async () => {
    ({ app } = await buildTestApp({ demo: true, env: { HOST: '127.0.0.1', PORT: '0' } }));
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = address && typeof address === 'object' ? address.port : 0;
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/meetings/1`, { headers: { host: 'evil.example' } });
    const json = (await res.json()) as { url: string };
    expect(json.url).toBe(`http://127.0.0.1:${port}/meetings/1`);
  });
});
