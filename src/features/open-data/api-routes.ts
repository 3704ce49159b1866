import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { dateParam, ERRORS, int, oneOf, pageOf, query, slugParam } from '../../lib/api-schemas';
import {
  ACTION_STATUSES,
  RECOMMENDATION_STATUSES,
  type ActionStatus,
  type RecommendationStatus,
} from '../../lib/enums';
import { PUBLIC_PAGE } from '../../lib/route-options';
import { baseUrlOf } from '../../plugins/views';
import * as resources from './resources';
import type { Listed, Paging } from './resources';

type Filters<T> = { Querystring: T & Paging };

/** The route's documentation and schemas: a summary, its query, and a page of these records. */
const listed = (
  tag: string,
  summary: string,
  description: string,
  of: string,
  filters: Parameters<typeof query>[0],
) => ({
  ...PUBLIC_PAGE,
  schema: { tags: [tag], summary, description, querystring: query(filters), response: { 200: pageOf(of), ...ERRORS } },
});

/**
 * The open-data API's lists and documents (see ./api.ts for what every one
 * shares): each reads through src/features/open-data/resources.ts, which
 * reads only what the public pages show.
 */
export const resourceRoutes: FastifyPluginAsync = async (app) => {
  const context = (request: FastifyRequest): resources.Context => ({
    db: app.db,
    base: baseUrlOf(request),
    installationId: app.installationId,
    now: app.now(),
  });
  const page = <T>(request: FastifyRequest<Filters<object>>, list: Listed<T>) => ({
    meta: resources.pageMeta(new URL(request.url, baseUrlOf(request)), request.query, list.total),
    results: list.rows,
  });
  const committeeFilter = { committee: { ...slugParam, description: "Only this committee's (its slug)" } };

  app.get<Filters<object>>(
    '/committees',
    listed('committees', 'Committees', 'The active committees, as OCD Organizations.', 'Organization', {}),
    async (request) => page(request, resources.committees(context(request), request.query)),
  );

  app.get<{ Params: { slug: string } }>(
    '/committees/:slug',
    {
      ...PUBLIC_PAGE,
      schema: {
        tags: ['committees'],
        summary: 'A committee',
        description: 'A committee with every membership, past and present.',
        params: { type: 'object', properties: { slug: slugParam }, required: ['slug'] },
        querystring: { type: 'object', properties: {}, additionalProperties: false },
        response: { 200: { $ref: 'CommitteeDetail#' }, ...ERRORS },
      },
    },
    async (request, reply) => resources.committee(context(request), request.params.slug) ?? reply.callNotFound(),
  );

  app.get<Filters<object>>(
    '/organisations',
    listed(
      'organisations',
      'Organisations',
      'The organisations in the directory (NHS bodies, the council, Healthwatch …), as OCD Organizations.',
      'Organization',
      {},
    ),
    async (request) => page(request, resources.organisations(context(request), request.query)),
  );

  app.get<Filters<{ committee?: string }>>(
    '/people',
    listed(
      'people',
      'People',
      'Everyone who sits or sat on a committee, with their memberships (OCD Person and Membership).',
      'Person',
      committeeFilter,
    ),
    async (request) =>
      page(
        request,
        resources.people(context(request), { committeeSlug: request.query.committee ?? null }, request.query),
      ),
  );

  app.get<Filters<{ committee?: string; from?: string; to?: string }>>(
    '/meetings',
    listed('meetings', 'Meetings', 'Meetings, earliest first, as OCD Events.', 'EventSummary', {
      ...committeeFilter,
      from: dateParam('Meetings on or after this London date (YYYY-MM-DD)'),
      to: dateParam('Meetings on or before this London date'),
    }),
    async (request) => page(request, resources.meetings(context(request), request.query, request.query)),
  );

  app.get<Filters<{ committee?: string; status?: ActionStatus; meeting?: number; overdue?: boolean }>>(
    '/actions',
    listed('actions', 'Actions', 'Actions from published minutes (never of an exempt item), by reference.', 'Action', {
      ...committeeFilter,
      status: oneOf(ACTION_STATUSES, 'Only actions with this status'),
      meeting: { ...int, minimum: 1, description: 'Only actions from this meeting (its id)' },
      overdue: { type: 'boolean', description: 'Only actions past their due date and not done' },
    }),
    async (request) => page(request, resources.actions(context(request), request.query, request.query)),
  );

  app.get<Filters<{ committee?: string; status?: RecommendationStatus }>>(
    '/recommendations',
    listed(
      'recommendations',
      'Recommendations',
      'Recommendations sent to the executive, the NHS and others, with their responses; newest sent first.',
      'Recommendation',
      {
        ...committeeFilter,
        status: oneOf(
          RECOMMENDATION_STATUSES.filter((s) => s !== 'draft'),
          'Only recommendations at this stage',
        ),
      },
    ),
    async (request) => page(request, resources.recommendations(context(request), request.query, request.query)),
  );

  app.get<Filters<{ committee?: string; meeting?: number }>>(
    '/questions',
    listed(
      'questions',
      'Public questions',
      'Accepted public questions, with their answers once published; latest meeting first. Never an email address.',
      'Question',
      { ...committeeFilter, meeting: { ...int, minimum: 1, description: 'Only questions to this meeting (its id)' } },
    ),
    async (request) => page(request, resources.questions(context(request), request.query, request.query)),
  );
};
