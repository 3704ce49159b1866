import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { ASK_FIELDS, ASK_TRAP_FIELD, WRITTEN_ANSWER_FIELDS } from '../../../lib/fields';
import { parseId } from '../../../lib/params';
import { emailErasedAfter } from '../../../lib/question-scheme';
import { field, fields, type FieldErrors } from '../../../lib/validation';
import { actorOf } from '../../../plugins/auth';
import { baseUrlOf, privately } from '../../../plugins/views';
import { AskClosedPage, AskPage } from '../../../../views/questions/AskPage';
import { AnswerPage, StatusPage, UnknownLinkPage } from '../../../../views/questions/StatusPage';
import { ConfirmPage } from '../../../../views/components/Confirm';
import { askQuestion, type AskForm } from '../commands/ask';
import { sendWrittenAnswer } from '../commands/answers';
import { withdrawQuestion } from '../commands/moderate';
import { linksFrom } from '../commands/guards';
import { itemsToAskAbout, questionByAnswerToken, questionByStatusToken, questionMeeting } from '../queries';
import { looksLikeToken } from '../commands/tokens';

type MeetingParams = { Params: { id: string } };
type TokenParams = { Params: { token: string } };

/**
 * The public side of the question scheme: asking at /meetings/:id/questions/new,
 * the asker's page at the link emailed to them, and the answerer's page.
 */
export const questionPublicRoutes: FastifyPluginAsync = async (app) => {
  await app.register(rateLimit, { global: false });
  const perIp = app.createRateLimit({ max: app.config.questionsPerHour, timeWindow: 60 * 60_000 });

  const askForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    meetingId: number,
    values: AskForm,
    errors: FieldErrors,
    status: number,
  ) => {
    const meeting = questionMeeting(app.db, meetingId, app.now());
    if (!meeting) return reply.callNotFound();
    return reply.page({
      title: errors && Object.keys(errors).length ? 'Error: Ask a question' : 'Ask a question',
      status,
      body: AskPage({
        meeting,
        items: itemsToAskAbout(app.db, meetingId),
        values,
        errors,
        csrfToken: reply.csrfToken(),
        emailErasedOn: emailErasedAfter(meeting.startsAt, meeting.committee.rules.askerEmailMonths),
      }),
    });
  };

  app.get<MeetingParams>('/meetings/:id/questions/new', async (request, reply) => {
    const id = parseId(request.params.id);
    const meeting = id ? questionMeeting(app.db, id, app.now()) : null;
    if (!meeting || !id) return reply.callNotFound();
    if (meeting.window.state !== 'open') {
      return reply.page({ title: 'Questions for this meeting', body: AskClosedPage({ meeting }) });
    }
    return askForm(request, reply, id, fields({}, ASK_FIELDS), {}, 200);
  });

  app.post<MeetingParams>(
    '/meetings/:id/questions',
    {
      // A page left open too long (or cookies blocked) fails the CSRF check: the form comes back as typed.
      errorHandler: (error: FastifyError, request, reply) => {
        const id = parseId((request.params as { id?: string }).id);
        if (!error.code?.startsWith('FST_CSRF') || !id) throw error;
        const message =
          'Your question was not sent: the page had been open too long. Check it below and send it again.';
        return askForm(request, reply, id, fields(request.body, ASK_FIELDS), { _form: message }, 403);
      },
      preHandler: async (request, reply) => {
        const attempt = await perIp(request);
        if (attempt.isAllowed || !attempt.isExceeded) return;
        const id = parseId(request.params.id);
        if (!id) return reply.callNotFound();
        const minutes = Math.max(1, Math.ceil(attempt.ttlInSeconds / 60));
        reply.header('retry-after', String(Math.max(1, attempt.ttlInSeconds)));
        const message = `Too many questions have been sent from your connection. Your question has not been sent: try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or send it to the clerk by email.`;
        return askForm(request, reply, id, fields(request.body, ASK_FIELDS), { _form: message }, 429);
      },
    },
    async (request, reply) => {
      const id = parseId(request.params.id);
      if (!id || !questionMeeting(app.db, id, app.now())) return reply.callNotFound();
      const values = fields(request.body, ASK_FIELDS);
      const result = askQuestion(app.db, actorOf(request), {
        meetingId: id,
        form: values,
        trap: field(request.body, ASK_TRAP_FIELD),
        now: app.now(),
        links: linksFrom(baseUrlOf(request)),
      });
      if (!result.ok) return askForm(request, reply, id, values, result.errors, 422);
      app.mail.kick();
      return reply.seeOther(`/questions/${result.value.token}?sent=yes`);
    },
  );

  app.get<TokenParams & { Querystring: { sent?: string } }>('/questions/:token', async (request, reply) => {
    const { token } = request.params;
    const q = looksLikeToken(token) ? questionByStatusToken(app.db, token, app.now()) : null;
    privately(reply);
    if (!q)
      return reply.page({ title: 'This link does not work', status: 404, body: UnknownLinkPage({ what: 'question' }) });
    return reply.page({
      title: q.reference ?? 'Your question',
      body: StatusPage({ q, sent: request.query.sent === 'yes', csrfToken: reply.csrfToken(), token }),
    });
  });

  app.post<TokenParams>('/questions/:token/withdraw', async (request, reply) => {
    const { token } = request.params;
    const q = looksLikeToken(token) ? questionByStatusToken(app.db, token, app.now()) : null;
    privately(reply);
    if (!q)
      return reply.page({ title: 'This link does not work', status: 404, body: UnknownLinkPage({ what: 'question' }) });
    if (field(request.body, 'confirmed') !== 'yes') {
      return reply.page({
        title: 'Withdraw your question?',
        body: ConfirmPage({
          title: 'Withdraw your question?',
          caption: q.reference ?? undefined,
          paragraphs: ['It will not be taken at the meeting, and is no longer shown on the meeting’s page.'],
          warning: 'You cannot undo this: to ask again, you would send a new question (if questions are still open).',
          action: `/questions/${token}/withdraw`,
          values: {},
          confirmText: 'Yes, withdraw it',
          back: { text: 'No, keep it', href: `/questions/${token}` },
          csrfToken: reply.csrfToken(),
          destructive: true,
        }),
      });
    }
    const result = withdrawQuestion(app.db, actorOf(request), q.id, 'asker', app.now(), linksFrom(baseUrlOf(request)));
    if (!result.ok) {
      return reply.page({
        title: q.reference ?? 'Your question',
        status: 409,
        body: StatusPage({ q, sent: false, csrfToken: reply.csrfToken(), token }),
      });
    }
    return reply.seeOther(`/questions/${token}`);
  });

  const answerPage = (
    reply: FastifyReply,
    token: string,
    values: Record<string, string>,
    errors: FieldErrors,
    status = 200,
  ) => {
    const q = looksLikeToken(token) ? questionByAnswerToken(app.db, token, app.now()) : null;
    privately(reply);
    if (!q) {
      return reply.page({
        title: 'This link does not work',
        status: 404,
        body: UnknownLinkPage({ what: 'answer', typed: values.answerText }),
      });
    }
    return reply.page({
      title: 'Answer a public question',
      status,
      body: AnswerPage({
        q,
        token,
        csrfToken: reply.csrfToken(),
        values: { answerText: values.answerText ?? '', answeredBy: values.answeredBy ?? '' },
        errors,
      }),
    });
  };

  app.get<TokenParams>('/questions/answer/:token', async (request, reply) =>
    answerPage(reply, request.params.token, {}, {}),
  );

  app.post<TokenParams>('/questions/answer/:token', async (request, reply) => {
    const { token } = request.params;
    const values = fields(request.body, WRITTEN_ANSWER_FIELDS);
    if (!looksLikeToken(token)) return answerPage(reply, token, values, {}, 404);
    const result = sendWrittenAnswer(app.db, actorOf(request), token, values, app.now(), linksFrom(baseUrlOf(request)));
    if (!result.ok) return answerPage(reply, token, values, result.errors, result.errors._form ? 409 : 422);
    app.mail.kick();
    return reply.seeOther(`/questions/answer/${token}`);
  });
};
