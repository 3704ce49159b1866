import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { londonDate, londonTime } from '../../../lib/dates';
import { MERGE_FIELDS, RECEIVED_QUESTION_FIELDS, REJECT_FIELDS } from '../../../lib/fields';
import { dateParts, partsOf, type DateParts } from '../../../lib/forms';
import { parseId } from '../../../lib/params';
import { canManageCommittee } from '../../../lib/permissions';
import { field, fields, type FieldErrors, type Validated } from '../../../lib/validation';
import { actorOf } from '../../../plugins/auth';
import { baseUrlOf } from '../../../plugins/views';
import { AddQuestionPage } from '../../../../views/questions/AddQuestionPage';
import { ModerationPage } from '../../../../views/questions/ModerationPage';
import { ConfirmPage } from '../../../../views/components/Confirm';
import { addReceivedQuestion } from '../commands/ask';
import { linksFrom, type QuestionLinks } from '../commands/guards';
import { acceptQuestion, mergeQuestion, moveQuestion, rejectQuestion, withdrawQuestion } from '../commands/moderate';
import { itemsToAskAbout, moderationQueue, questionDetail, questionMeeting, type QuestionRow } from '../queries';
import { questionPage, type QuestionParams } from './render';
import { questionAnswerRoutes } from './answers';

type MeetingParams = { Params: { meetingId: string } };
const MANAGE = { config: { access: 'committee_manage' as const } };

/**
 * /manage/meetings/:meetingId/questions: the clerk's queue, a question received
 * another way, and each question's decision (accept, reject, combine, withdraw,
 * order). Its answer is in ./answers.ts.
 */
export const questionManageRoutes: FastifyPluginAsync = async (app) => {
  await app.register(questionAnswerRoutes);

  app.get<MeetingParams>('/meetings/:meetingId/questions', MANAGE, async (request, reply) => {
    const id = parseId(request.params.meetingId) ?? 0;
    const meeting = questionMeeting(app.db, id, app.now());
    if (!meeting || !request.user) return reply.callNotFound();
    return reply.page({
      title: 'Public questions',
      nav: 'manage',
      body: ModerationPage({
        meeting,
        queue: moderationQueue(app.db, id),
        csrfToken: reply.csrfToken(),
        canManage: canManageCommittee(request.user, meeting.committee.id),
      }),
    });
  });

  const addForm = (
    reply: FastifyReply,
    meetingId: number,
    values: Record<(typeof RECEIVED_QUESTION_FIELDS)[number], string>,
    received: DateParts,
    errors: FieldErrors = {},
    status?: number,
  ) => {
    const meeting = questionMeeting(app.db, meetingId, app.now());
    if (!meeting) return reply.callNotFound();
    return reply.page({
      title: `${status ? 'Error: ' : ''}Add a question received by post, email or in person`,
      nav: 'manage',
      status,
      body: AddQuestionPage({
        meeting,
        items: itemsToAskAbout(app.db, meetingId),
        values,
        received,
        errors,
        csrfToken: reply.csrfToken(),
      }),
    });
  };

  app.get<MeetingParams>('/meetings/:meetingId/questions/new', MANAGE, async (request, reply) => {
    const now = app.now();
    const values = { ...fields({}, RECEIVED_QUESTION_FIELDS), kind: 'question', receivedTime: londonTime(now) };
    return addForm(reply, parseId(request.params.meetingId) ?? 0, values, partsOf(londonDate(now)));
  });

  app.post<MeetingParams>('/meetings/:meetingId/questions', MANAGE, async (request, reply) => {
    const meetingId = parseId(request.params.meetingId) ?? 0;
    const values = fields(request.body, RECEIVED_QUESTION_FIELDS);
    const received = dateParts(request.body, 'received');
    const result = addReceivedQuestion(app.db, actorOf(request), {
      meetingId,
      form: values,
      received,
      now: app.now(),
      links: linksFrom(baseUrlOf(request)),
    });
    if (!result.ok) return addForm(reply, meetingId, values, received, result.errors, 422);
    app.mail.kick();
    return reply.seeOther(
      `/manage/meetings/${meetingId}/questions/${result.value.id}`,
      `Added ${result.value.reference}${result.value.late ? ' (late)' : ''}`,
    );
  });

  app.get<QuestionParams>('/meetings/:meetingId/questions/:questionId', MANAGE, async (request, reply) =>
    questionPage(request, reply, parseId(request.params.questionId) ?? 0),
  );

  /** A decision's answer: the question again with the refused form (422), or back to it with a banner. */
  const decided = (
    request: FastifyRequest<QuestionParams>,
    reply: FastifyReply,
    form: string,
    values: Record<string, string>,
    result: Validated<QuestionRow>,
    confirmation: string,
  ) => {
    const questionId = parseId(request.params.questionId) ?? 0;
    if (!result.ok) return questionPage(request, reply, questionId, { form, values, errors: result.errors }, 422);
    app.mail.kick();
    return reply.seeOther(`/manage/meetings/${request.params.meetingId}/questions/${questionId}`, confirmation);
  };
  const ids = (request: FastifyRequest<QuestionParams>) => parseId(request.params.questionId) ?? 0;
  const links = (request: FastifyRequest): QuestionLinks => linksFrom(baseUrlOf(request));

  app.post<QuestionParams>('/meetings/:meetingId/questions/:questionId/accept', MANAGE, async (request, reply) => {
    const result = acceptQuestion(app.db, actorOf(request), ids(request), app.now(), links(request));
    return decided(
      request,
      reply,
      'accept',
      {},
      result,
      'Question accepted: it is on the meeting’s page, and the asker has been told',
    );
  });

  app.post<QuestionParams>('/meetings/:meetingId/questions/:questionId/reject', MANAGE, async (request, reply) => {
    const form = fields(request.body, REJECT_FIELDS);
    const result = rejectQuestion(app.db, actorOf(request), ids(request), form, app.now(), links(request));
    return decided(request, reply, 'reject', form, result, 'Question rejected: the asker has been told why');
  });

  app.post<QuestionParams>('/meetings/:meetingId/questions/:questionId/merge', MANAGE, async (request, reply) => {
    const form = fields(request.body, MERGE_FIELDS);
    const result = mergeQuestion(app.db, actorOf(request), ids(request), form, app.now(), links(request));
    return decided(request, reply, 'merge', form, result, 'Questions combined: the asker has been told');
  });

  app.post<QuestionParams>('/meetings/:meetingId/questions/:questionId/move', MANAGE, async (request, reply) => {
    const result = moveQuestion(app.db, actorOf(request), ids(request), field(request.body, 'direction'), app.now());
    if (!result.ok) return decided(request, reply, 'move', {}, result, '');
    return reply.seeOther(`/manage/meetings/${request.params.meetingId}/questions#question-${result.value.id}`);
  });

  app.post<QuestionParams>('/meetings/:meetingId/questions/:questionId/withdraw', MANAGE, async (request, reply) => {
    const q = questionDetail(app.db, ids(request));
    if (!q) return reply.callNotFound();
    if (field(request.body, 'confirmed') !== 'yes') {
      return reply.page({
        title: `Withdraw ${q.reference ?? 'the question'}?`,
        nav: 'manage',
        body: ConfirmPage({
          title: `Withdraw ${q.reference ?? 'the question'}?`,
          caption: q.askerName,
          paragraphs: [
            'Do this when the asker has asked you to. It is no longer published, and is not taken at the meeting.',
            q.askerEmail ? 'The asker is emailed to confirm it.' : 'The asker gave no email address, so is not told.',
          ],
          warning: 'This cannot be undone: the asker would have to send the question again.',
          action: `/manage/meetings/${request.params.meetingId}/questions/${q.id}/withdraw`,
          values: {},
          confirmText: 'Yes, withdraw it',
          back: { text: 'No, keep it', href: `/manage/meetings/${request.params.meetingId}/questions/${q.id}` },
          csrfToken: reply.csrfToken(),
          destructive: true,
        }),
      });
    }
    const result = withdrawQuestion(app.db, actorOf(request), q.id, 'clerk', app.now(), links(request));
    return decided(request, reply, 'withdraw', {}, result, 'Question withdrawn');
  });
};
