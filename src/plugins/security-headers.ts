import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The headers helmet sets with these options, worked out once: they are the
 * same on every response (no nonces), so a request pays for setting them,
 * not for helmet parsing its policy again (as @fastify/helmet does per
 * request). A header helmet would remove is removed too.
 */
export function helmetHeaders(options: Readonly<HelmetOptions>): { set: Record<string, string>; removed: string[] } {
  const set: Record<string, string> = {};
  const removed: string[] = [];
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      set[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      removed.push(name.toLowerCase());
    },
  };
  let failed: unknown;
  helmet(options)(
    { headers: {} } as IncomingMessage,
    response as unknown as ServerResponse,
    (error?: unknown) => (failed = error),
  );
  if (failed) throw failed;
  return { set, removed };
}

/** Security headers (CSP, HSTS where asked, nosniff, frame and referrer policies …) on every response. */
export default fp<{ helmet: HelmetOptions }>(
  async (app, options) => {
    const { set, removed } = helmetHeaders(options.helmet);
    app.addHook('onRequest', (_request, reply, done) => {
      void reply.headers(set);
      for (const name of removed) reply.raw.removeHeader(name);
      done();
    });
  },
  { name: 'security-headers' },
);
