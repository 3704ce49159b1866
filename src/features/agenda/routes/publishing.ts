import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { parseId } from '../../../lib/params';
import { fields } from '../../../lib/validation';
import { actorOf } from '../../../plugins/auth';
import { publishFragment } from '../../../../views/agenda/AgendaEditor';
import { AGENDA_FORMS, STATUS_REGION } from '../../../../views/agenda/editor/parts';
import { ClientErrorPage } from '../../../../views/errors/ErrorPages';
import { checkPublishAgenda, publishAgenda } from '../commands/publishing';
import { agendaVersionRow } from '../queries';
import { answerEditor, editorPage, editorProps, manage, meetingIdOf, sendPdf, type MeetingParams } from './screen';
import { formatDate } from '../../../lib/dates';
import { focusFirst } from '../../../lib/focus';
import { wantsFragment } from '../../../plugins/views';
import { ConfirmPage } from '../../../../views/components/Confirm';
import { PUBLISH_QUESTION, publishQuestion } from '../../../../views/agenda/editor/PublishRegion';

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
    const { confirmed } = fields(request.body, ['confirmed'] as const);
    const input = {
      meetingId: meetingIdOf(request),
      publishedAt: app.now(),
      ...values,
      publishedByUserId: request.user?.id ?? null,
    };
    if (confirmed !== 'yes') {
      // Publishing cannot be undone: the form is checked, then the clerk is asked (or, on "Change", given it back).
      const checked = confirmed === 'no' ? { ok: true as const } : checkPublishAgenda(app.db, input, actorOf(request));
      if (!checked.ok) {
        return answerEditor(app, request, reply, {
          result: checked,
          form: AGENDA_FORMS.publish,
          values,
          anchor: '',
          confirmation: '',
          fragment: publishFragment,
        });
      }
      const asking = confirmed !== 'no';
      const props = editorProps(app, request, reply, {
        form: AGENDA_FORMS.publish,
        values,
        errors: {},
        confirming: asking,
      });
      if (!props) return reply.callNotFound();
      if (wantsFragment(request)) {
        const focus = asking ? [PUBLISH_QUESTION] : ['changeSummary', 'lateReason', 'publish-agenda'];
        return reply.header('vary', 'HX-Request').html(focusFirst(publishFragment(props), focus));
      }
      if (!asking) return reply.page(editorPage(props));
      const question = publishQuestion(props);
      return reply.page({
        title: question.title,
        nav: 'manage',
        body: ConfirmPage({
          ...question,
          enhance: undefined,
          caption: `${props.data.meeting.committee.name}, ${formatDate(props.data.meeting.startsAt)}`,
        }),
      });
    }
    const result = publishAgenda(app.db, input, actorOf(request));
    if (result.ok) app.packs.enqueue(result.value.versionId);
    return answerEditor(app, request, reply, {
      result,
      form: AGENDA_FORMS.publish,
      values,
      anchor: '',
      confirmation: result.ok ? `Version ${result.value.version} published: the agenda pack is being built` : '',
      fragment: publishFragment,
      focus: [STATUS_REGION],
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
