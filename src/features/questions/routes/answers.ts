import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ANSWER_FIELDS, ANSWERER_FIELDS } from '../../../lib/fields';
import { dateParts } from '../../../lib/forms';
import { parseId } from '../../../lib/params';
import { field, fields, type Validated } from '../../../lib/validation';
import { actorOf } from '../../../plugins/auth';
import { baseUrlOf } from '../../../plugins/views';
import { ConfirmPage } from '../../../../views/components/Confirm';
import { answerNotReady, askForAnswer, publishAnswer, recordAnswer } from '../commands/answers';
import { linksFrom } from '../commands/guards';
import { questionRow, type QuestionRow } from '../queries';
import { questionFieldId } from '../../../../views/questions/QuestionForms';
import { questionPage, type QuestionParams } from './render';

const MANAGE = { config: { access: 'committee_manage' as const } };

/** A question's answer, for its clerk: asking someone for it, recording it, publishing it. */
export const questionAnswerRoutes: FastifyPluginAsync = async (app) => {
  const back = (request: FastifyRequest<QuestionParams>) =>
    `/manage/meetings/${request.params.meetingId}/questions/${request.params.questionId}`;
  const answered = (
    request: FastifyRequest<QuestionParams>,
    reply: FastifyReply,
    form: string,
    values: Record<string, string>,
    result: Validated<QuestionRow>,
    confirmation: string,
  ) => {
    if (!result.ok) {
      const id = parseId(request.params.questionId) ?? 0;
      return questionPage(request, reply, id, { form, values, errors: result.errors }, 422);
    }
    app.mail.kick();
    return reply.seeOther(back(request), confirmation);
  };

  app.post<QuestionParams>('/meetings/:meetingId/questions/:questionId/answerer', MANAGE, async (request, reply) => {
    const values = fields(request.body, ANSWERER_FIELDS);
    const due = dateParts(request.body, questionFieldId('answerer', 'due'));
    const result = askForAnswer(
      app.db,
      actorOf(request),
      parseId(request.params.questionId) ?? 0,
      values,
      due,
      app.now(),
      linksFrom(baseUrlOf(request)),
    );
    const typed = { ...values, 'due-day': due.day, 'due-month': due.month, 'due-year': due.year };
    return answered(request, reply, 'answerer', typed, result, 'The request for a written answer has been emailed');
  });

  app.post<QuestionParams>('/meetings/:meetingId/questions/:questionId/answer', MANAGE, async (request, reply) => {
    const values = fields(request.body, ANSWER_FIELDS);
    const result = recordAnswer(app.db, actorOf(request), parseId(request.params.questionId) ?? 0, values, app.now());
    return answered(request, reply, 'answer', values, result, 'Answer saved. Publish it when it is ready.');
  });

  app.post<QuestionParams>('/meetings/:meetingId/questions/:questionId/publish', MANAGE, async (request, reply) => {
    const q = questionRow(app.db, parseId(request.params.questionId) ?? 0);
    if (!q) return reply.callNotFound();
    const notReady = answerNotReady(q);
    if (!notReady && field(request.body, 'confirmed') !== 'yes') {
      return reply.page({
        title: `Publish the answer to ${q.reference ?? 'the question'}?`,
        nav: 'manage',
        body: ConfirmPage({
          title: `Publish the answer to ${q.reference ?? 'the question'}?`,
          caption: q.askerName,
          paragraphs: [
            'The answer appears beside the question on the meeting’s public page, and in its open data.',
            q.askerEmail ? 'The asker is emailed a link to it.' : 'The asker gave no email address, so is not told.',
          ],
          warning: 'Once published it is public: a correction later is shown as a change.',
          action: `${back(request)}/publish`,
          values: {},
          confirmText: 'Yes, publish it',
          back: { text: 'No, not yet', href: back(request) },
          csrfToken: reply.csrfToken(),
        }),
      });
    }
    const result = publishAnswer(app.db, actorOf(request), q.id, app.now(), linksFrom(baseUrlOf(request)));
    return answered(request, reply, 'publish', {}, result, 'Answer published');
  });
};
