import type { FastifyPluginAsync } from 'fastify';
import { DECLARATION_FIELDS } from '../../../lib/fields';
import { parseId } from '../../../lib/params';
import { fields } from '../../../lib/validation';
import { actorOf } from '../../../plugins/auth';
import {
  DECLARATIONS_REGION,
  DECLARATION_FORM,
  DeclarationsRegion,
} from '../../../../views/minutes/regions/DeclarationsRegion';
import { addDeclaration, removeDeclaration } from '../commands/declarations';
import { answerRegion, manage, meetingIdOf, type MeetingParams } from './screen';

/** The declarations region: record a declaration of interest, or take one off. */
export const declarationRoutes: FastifyPluginAsync = async (app) => {
  const region = { region: DeclarationsRegion, anchor: DECLARATIONS_REGION, form: DECLARATION_FORM };

  app.post<MeetingParams>('/meetings/:meetingId/minutes/declarations', manage, async (request, reply) => {
    const values = fields(request.body, DECLARATION_FIELDS);
    return answerRegion(app, request, reply, {
      ...region,
      result: addDeclaration(app.db, actorOf(request), meetingIdOf(request), values),
      values,
      confirmation: 'Declaration recorded',
    });
  });

  app.post<{ Params: { meetingId: string; declarationId: string } }>(
    '/meetings/:meetingId/minutes/declarations/:declarationId/remove',
    manage,
    async (request, reply) =>
      answerRegion(app, request, reply, {
        ...region,
        result: removeDeclaration(app.db, actorOf(request), parseId(request.params.declarationId) ?? 0),
        values: {},
        confirmation: 'Declaration removed',
      }),
  );
};
