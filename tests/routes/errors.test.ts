import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../helpers/app';
import { parse } from '../helpers/html';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

function withFailingRoutes(instance: FastifyInstance) {
  instance.get('/test/boom', async () => {
    throw new Error('secret internal detail');
  });
  instance.get('/api/v1/test/boom', async () => {
    throw new Error('secret internal detail');
  });
  instance.post('/test/echo', async (request) => ({ size: JSON.stringify(request.body).length }));
}

describe('errors', () => {
  it('shows the 500 page without the error or its stack outside development', async () => {
    ({ app } = await buildTestApp({ extend: withFailingRoutes }));
    const res = await app.inject('/test/boom');
    expect(res.statusCode).toBe(500);
    const $ = parse(res.body);
    expect($('h1').text()).toBe('Sorry, there is a problem with the service');
    expect($('.govuk-generic-header')).toHaveLength(1);
    expect(res.body).not.toContain('secret internal detail');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('keeps the stack out of the page in development too, unless SHOW_ERROR_DETAILS=true asks for it', async () => {
    // Development is the default NODE_ENV: a 500 page there is seen by whoever can reach the server.
    ({ app } = await buildTestApp({
      extend: withFailingRoutes,
      env: { NODE_ENV: 'development', LOG_LEVEL: 'silent' },
    }));
    const hidden = await app.inject('/test/boom');
    expect(hidden.statusCode).toBe(500);
    expect(hidden.body).not.toContain('secret internal detail');
    expect(hidden.body).not.toMatch(/at .*\.ts:\d+/);
    await app.close();

    ({ app } = await buildTestApp({
      extend: withFailingRoutes,
      env: { NODE_ENV: 'development', LOG_LEVEL: 'silent', SHOW_ERROR_DETAILS: 'true' },
    }));
    const shown = await app.inject('/test/boom');
    expect(shown.statusCode).toBe(500);
    expect(parse(shown.body)('pre').text()).toContain('secret internal detail');
  });

  it('answers JSON routes with JSON that hides the detail', async () => {
    ({ app } = await buildTestApp({ extend: withFailingRoutes }));
    const res = await app.inject('/api/v1/test/boom');
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: 'Internal server error', statusCode: 500 });
  });

  it('refuses an oversized body with 413 and a page that says so', async () => {
    ({ app } = await buildTestApp({ extend: withFailingRoutes }));
    const res = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `text=${'x'.repeat(1024 * 1024 + 10)}`,
    });
    expect(res.statusCode).toBe(413);
    const $ = parse(res.body);
    expect($('h1').text()).toBe('What you sent is too large');
  });
});
