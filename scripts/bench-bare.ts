/**
 * The bench's yardstick: a bare Fastify server answering each URL with the
 * bytes the app served for it (its body and its response headers), from
 * memory (see scripts/bench-http.ts).
 */
import fs from 'node:fs';
import Fastify from 'fastify';

const bodies = JSON.parse(fs.readFileSync(process.env.BODIES ?? '', 'utf8')) as Record<
  string,
  { type: string; body: string; headers: Record<string, string> }
>;
const app = Fastify();
app.get('/*', async (request, reply) => {
  const page = bodies[request.url];
  return page ? reply.headers(page.headers).type(page.type).send(page.body) : reply.code(404).send('');
});
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
