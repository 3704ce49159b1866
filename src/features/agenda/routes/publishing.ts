import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { parseId } from '../../../lib/params';
import { fields } from '../../../lib/validation';
import { actorOf } from '../../../plugins/auth';
import { publishFragment } from '../../../../views/agenda/AgendaEditor';
import { AGENDA_FORMS } from '../../../../views/agenda/editor/parts';
import { ClientErrorPage } from '../../../../views/errors/ErrorPages';
import { publishAgenda } from '../commands/publishing';
import { agendaVersionRow } from '../queries';
import { answerEditor, manage, meetingIdOf, sendPdf, type MeetingParams } from './screen';

/** 503 while a pack is being built (or after it failed), with when to try again. */
export function packNotReady(reply: FastifyReply, status: string) {
  const building = status === 'pending' || status === 'building';
  const title = building ? 'The agenda pack is being prepared' : 'The agenda pack is not available';
  return reply
    .status(503)
    .header('retry-after', building ? '10' : '3600')
    .page({
      title,
      body: ClientErrorPage({
        title,
        message: building
          ? 'It is built when the agenda is published and is usually ready within a minute. Try again shortly; the agenda and each paper can be read on the meeting page meanwhile.'
          : 'It could not be built. The agenda and each paper can be read on the meeting page meanwhile.',
      }),
    });
}

/** Publishing a version (the pack is then built in the background), and the members' pack. */
export const publishingRoutes: FastifyPluginAsync = async (app) => {
  app.post<MeetingParams>('/meetings/:meetingId/agenda/publish', manage, async (request, reply) => {
    const values = fields(request.body, ['changeSummary', 'lateReason', 'chairmanAgreement'] as const);
    const result = publishAgenda(
      app.db,
      {
        meetingId: meetingIdOf(request),
        publishedAt: app.now(),
        ...values,
        publishedByUserId: request.user?.id ?? null,
      },
      actorOf(request),
    );
    if (result.ok) app.packs.enqueue(result.value.versionId);
    return answerEditor(app, request, reply, {
      result,
      form: AGENDA_FORMS.publish,
      values,
      anchor: '',
      confirmation: result.ok ? `Version ${result.value.version} published: the agenda pack is being built` : '',
      fragment: publishFragment,
    });
  });

  app.get<MeetingParams & { Querystring: { version?: string } }>(
    '/meetings/:meetingId/agenda-pack.pdf',
    { config: { access: 'committee_read' } },
    async (request, reply) => {
      const versionNo = request.query.version === undefined ? null : parseId(request.query.version);
      const version = agendaVersionRow(app.db, meetingIdOf(request), versionNo);
      if (!version) return reply.callNotFound();
      if (version.packStatus !== 'ready' || !version.fullPackFile) return packNotReady(reply, version.packStatus);
      return sendPdf(
        reply,
        app.files.packPath(version.fullPackFile),
        `members-agenda-pack-meeting-${version.meetingId}-v${version.version}.pdf`,
      );
    },
  );
};
