import type { FastifyReply, FastifyRequest } from 'fastify';
import { londonDate } from '../../../lib/dates';
import { partsOf } from '../../../lib/forms';
import { canManageCommittee } from '../../../lib/permissions';
import { defaultAnswerDue } from '../../../lib/question-scheme';
import type { FormState } from '../../../../views/components/Live';
import { QuestionPage } from '../../../../views/questions/QuestionPage';
import { questionFieldId } from '../../../../views/questions/QuestionForms';
import { recordHistory } from '../../audit/queries';
import { listOrganisations } from '../../organisations/queries';
import { listPeople } from '../../people/queries';
import { answerPapers, likelyDuplicates, moderationQueue, questionDetail, questionMeeting } from '../queries';

export type QuestionParams = { Params: { meetingId: string; questionId: string } };

/** One question's page for its clerk, with a refused form's state in it when there is one. */
export function questionPage(
  request: FastifyRequest,
  reply: FastifyReply,
  questionId: number,
  state?: FormState,
  status?: number,
): FastifyReply {
  const { db } = request.server;
  const now = request.server.now();
  const q = questionDetail(db, questionId);
  const meeting = q ? questionMeeting(db, q.meetingId, now) : null;
  if (!q || !meeting || !request.user) {
    reply.callNotFound();
    return reply;
  }
  const others = moderationQueue(db, q.meetingId)
    .filter((o) => o.id !== q.id && ['received', 'accepted', 'answered'].includes(o.status) && !o.suspectedSpam)
    .map((o) => ({ id: o.id, reference: o.reference, askerName: o.askerName }));
  const due = defaultAnswerDue(meeting.startsAt);
  return reply.page({
    title: `${state ? 'Error: ' : ''}${q.reference ?? `Question ${q.id}`}`,
    nav: 'manage',
    status,
    // A refused form: the keyboard goes to its message, or its first field in error.
    focus: state
      ? [`${state.form}-error`, ...Object.keys(state.errors).map((f) => questionFieldId(state.form, f))]
      : [],
    body: QuestionPage({
      q,
      meeting,
      duplicates: q.status === 'received' || q.status === 'accepted' ? likelyDuplicates(db, q) : [],
      others,
      people: listPeople(db).map((p) => ({
        id: p.id,
        name: p.organisation ? `${p.name} (${p.organisation})` : p.name,
      })),
      organisations: listOrganisations(db).map((o) => ({ id: o.id, name: o.name })),
      papers: answerPapers(db, q.meetingId),
      defaultDue: partsOf(due < londonDate(now) ? londonDate(now) : due),
      history: recordHistory(db, 'public_question', q.id),
      csrfToken: reply.csrfToken(),
      canManage: canManageCommittee(request.user, meeting.committee.id),
      state,
    }),
  });
}
