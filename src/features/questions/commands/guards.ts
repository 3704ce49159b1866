import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { recordAudit, type Actor } from '../../audit/commands';
import { publicQuestions } from '../../../db/schema';
import { questionMeeting, type QuestionMeeting, type QuestionRow } from '../queries';
import type { MessageMeeting, MessageQuestion } from '../messages';

/** Where the links in a question's emails go (absolute: they leave the site). */
export interface QuestionLinks {
  status(token: string): string;
  answer(token: string): string;
  manage(meetingId: number, questionId: number): string;
  meeting(meetingId: number): string;
}

export function linksFrom(base: string): QuestionLinks {
  return {
    status: (token) => `${base}/questions/${token}`,
    answer: (token) => `${base}/questions/answer/${token}`,
    manage: (meetingId, questionId) => `${base}/manage/meetings/${meetingId}/questions/${questionId}`,
    meeting: (meetingId) => `${base}/meetings/${meetingId}#public-questions`,
  };
}

/**
 * A question as the audit trail keeps it: the asker's email and the link
 * tokens left out, since the trail is never erased and an email must be.
 */
export function auditable(q: QuestionRow | undefined): Record<string, unknown> | undefined {
  if (!q) return undefined;
  const { askerEmail, statusTokenHash: _s, answerTokenHash: _a, ...rest } = q;
  return { ...rest, askerEmail: askerEmail === null ? null : '(given)' };
}

export function messageQuestion(q: QuestionRow): MessageQuestion {
  return {
    reference: q.reference,
    kind: q.kind,
    askerName: q.askerName,
    askerOrganisation: q.askerOrganisation,
    text: q.text,
    late: q.late,
  };
}

export function messageMeeting(m: QuestionMeeting): MessageMeeting {
  return { committeeName: m.committee.name, startsAt: m.startsAt, contactEmail: m.committee.contactEmail };
}

/** A question of the meeting, with its meeting; a question that is not there throws (its route found it). */
export function loadQuestion(db: Db, questionId: number, now: Date): { q: QuestionRow; meeting: QuestionMeeting } {
  const q = db.select().from(publicQuestions).where(eq(publicQuestions.id, questionId)).get();
  const meeting = q ? questionMeeting(db, q.meetingId, now) : null;
  if (!q || !meeting) throw new Error(`No question ${questionId}`);
  return { q, meeting };
}

/** Changes a question and records it in the audit trail (its asker's email address redacted). */
export function saveQuestion(
  tx: Db,
  actor: Actor,
  action: string,
  before: QuestionRow,
  set: Partial<typeof publicQuestions.$inferInsert>,
  now: Date,
): QuestionRow {
  const after = tx.update(publicQuestions).set(set).where(eq(publicQuestions.id, before.id)).returning().get();
  recordAudit(tx, actor, {
    action,
    recordType: 'public_question',
    recordId: before.id,
    before: auditable(before),
    after: auditable(after),
    at: now,
  });
  return after;
}
