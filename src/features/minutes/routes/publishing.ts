import type { FastifyPluginAsync } from 'fastify';
import { AMENDMENT_FIELDS } from '../../../lib/fields';
import { fields } from '../../../lib/validation';
import { actorOf } from '../../../plugins/auth';
import {
  AMENDMENTS_REGION,
  AMENDMENT_FORM,
  AmendmentsRegion,
} from '../../../../views/minutes/regions/AmendmentsRegion';
import { PUBLISH_FORM, PUBLISH_REGION, PublishRegion } from '../../../../views/minutes/regions/PublishRegion';
import { recordAmendment } from '../commands/approval';
import { publishMinutes } from '../commands/publishing';
import { answerRegion, manage, meetingIdOf, type MeetingParams } from './screen';

/** The publishing region, and amendments to approved minutes. */
export const publishingRoutes: FastifyPluginAsync = async (app) => {
  app.post<MeetingParams>('/meetings/:meetingId/minutes/publish', manage, async (request, reply) => {
    const values = fields(request.body, ['changeSummary'] as const);
    const result = publishMinutes(
      app.db,
      { meetingId: meetingIdOf(request), publishedAt: app.now(), changeSummary: values.changeSummary },
      actorOf(request),
    );
    return answerRegion(app, request, reply, {
      result,
      form: PUBLISH_FORM,
      values,
      region: PublishRegion,
      anchor: PUBLISH_REGION,
      confirmation: result.ok
        ? `Version ${result.value.version} of the minutes is published, as a draft until approved`
        : '',
    });
  });

  app.post<MeetingParams>('/meetings/:meetingId/minutes/amendments', manage, async (request, reply) => {
    const values = fields(request.body, AMENDMENT_FIELDS);
    return answerRegion(app, request, reply, {
      result: recordAmendment(app.db, actorOf(request), meetingIdOf(request), values, app.now()),
      form: AMENDMENT_FORM,
      values,
      region: AmendmentsRegion,
      anchor: AMENDMENTS_REGION,
      confirmation: 'Amendment recorded',
    });
  });
};
