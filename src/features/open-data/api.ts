import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { SHARED_SCHEMAS } from '../../lib/api-schemas';
import { clientAddress, rateHeaders, type RateWindow } from '../../lib/rate-window';
import { PUBLIC_PAGE } from '../../lib/route-options';
import { ApiPage } from '../../../views/open-data/ApiPage';
import { resourceRoutes } from './api-routes';

export interface OpenDataApiOptions {
  /** Requests each address may make: shared with the server in front, which counts what it answers from memory. */
  limit: RateWindow;
  /** Resources other features serve (the meeting document), registered with the API's schemas, limits and CORS. */
  resources: FastifyPluginAsync[];
}

/** Headers a browser script on another site may read. */
const EXPOSED = ['ETag', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After'];

export class RateLimitedError extends Error {
  readonly statusCode = 429;
  readonly code = 'RATE_LIMITED';
}

export class UnknownParameterError extends Error {
  readonly statusCode = 400;
  readonly code = 'UNKNOWN_PARAMETER';
}

/** A query parameter the route does not take is refused in words, never silently ignored. */
async function refuseUnknownParameters(request: FastifyRequest) {
  const schema = request.routeOptions.schema?.querystring as { properties?: Record<string, unknown> } | undefined;
  const known = Object.keys(schema?.properties ?? {});
  const unknown = Object.keys((request.query ?? {}) as Record<string, unknown>).filter((k) => !known.includes(k));
  if (unknown.length > 0)
    throw new UnknownParameterError(
      `Unknown parameter "${unknown[0]}": ${known.length ? `this takes ${known.join(', ')}` : 'this takes none'}`,
    );
}

/**
 * The open-data API at /api/v1/: Open Civic Data shaped resources, each route
 * validating its query and serialising its answer through the schemas in
 * src/lib/api-schemas.ts, from which @fastify/swagger makes the OpenAPI 3.1
 * document at /api/v1/openapi.json. Any site may read it (CORS, GET and
 * HEAD); each address may make so many requests a minute (`limit`), told in
 * the RateLimit headers; answers carry ETags and are kept in memory as public
 * pages are (src/plugins/page-cache.ts answers them after the limit is
 * counted).
 */
export const openDataApi: FastifyPluginAsync<OpenDataApiOptions> = async (app, options) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Scrutineer open data',
        version: '1.0.0',
        description:
          "A council select committee's public record: committees, meetings with their agendas and minutes, members, actions, recommendations and public questions. Shaped after the Open Civic Data model. Times are ISO 8601 with the London offset. Exempt (Schedule 12A) content, drafts and email addresses are never included.",
        license: {
          name: 'Open Government Licence v3.0',
          url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
        },
      },
      servers: [{ url: '/api/v1' }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `schema-${i}`) },
  });
  await app.register(cors, {
    origin: '*',
    methods: ['GET', 'HEAD'],
    allowedHeaders: ['If-None-Match'],
    exposedHeaders: EXPOSED,
    maxAge: 86400,
  });
  // Every request is counted, whoever answers it (a request answered from memory by the server in front was counted there).
  app.addHook('onRequest', async (request, reply) => {
    const count = options.limit.take(clientAddress(request.raw, app.config.trustProxy), app.now().getTime());
    for (const [name, value] of rateHeaders(count)) void reply.header(name, value);
    if (!count.allowed)
      throw new RateLimitedError(
        `Rate limit exceeded: ${count.limit} requests a minute from one address. Try again in ${count.reset} seconds.`,
      );
  });
  // Other sites may embed and read what the API answers (the site's pages stay same-origin).
  app.addHook('onRequest', async (_request, reply) => {
    void reply.header('cross-origin-resource-policy', 'cross-origin');
  });
  app.addHook('preValidation', refuseUnknownParameters);
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);

  await app.register(resourceRoutes);
  for (const resources of options.resources) await app.register(resources);

  app.get('/openapi.json', { ...PUBLIC_PAGE, schema: { hide: true } }, async (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(JSON.stringify(app.swagger())),
  );
  // The human page: what each address answers, from the same document.
  app.get('/docs', { ...PUBLIC_PAGE, schema: { hide: true } }, async (_request, reply) =>
    reply.page({ title: 'Open data API', nav: 'none', body: ApiPage({ document: app.swagger() as never }) }),
  );
};
