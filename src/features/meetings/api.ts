import type { FastifyPluginAsync } from 'fastify';
import { ERRORS } from '../../lib/api-schemas';
import { PUBLIC_PAGE } from '../../lib/route-options';
import { baseUrlOf } from '../../plugins/views';
import { meetingJson } from './json';
import { getPublicMeeting } from './public';

/** The open-data document of a meeting, served inside the API (src/features/open-data/api.ts) at /api/v1/meetings/:id. */
export const meetingApiRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { id: number } }>(
    '/meetings/:id',
    {
      ...PUBLIC_PAGE,
      schema: {
        tags: ['meetings'],
        summary: 'A meeting',
        description:
          'A meeting with its deadlines, public questions, published agenda and minutes (exempt content removed), and its OCD Event fields.',
        params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] },
        querystring: { type: 'object', properties: {}, additionalProperties: false },
        response: { 200: { $ref: 'Meeting#' }, ...ERRORS },
      },
    },
    async (request, reply) => {
      const now = app.now();
      const meeting = getPublicMeeting(app.db, request.params.id, now);
      if (!meeting) return reply.callNotFound();
      return meetingJson(meeting, baseUrlOf(request), app.installationId, now);
    },
  );
};
