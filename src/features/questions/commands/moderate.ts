import { and, eq, inArray, sql } from 'drizzle-orm';
import { inTransaction, type Db } from '../../../db/client';
import { publicQuestions } from '../../../db/schema';
import { REJECTION_GROUNDS, type QuestionStatus, type RejectionGround } from '../../../lib/enums';
import type { MERGE_FIELDS, REJECT_FIELDS } from '../../../lib/fields';
import { QUESTION_STATUS_LABELS } from '../../../lib/labels';
import { invalid, valid, type FieldErrors, type Validated } from '../../../lib/validation';
import { recordAudit, type Actor } from '../../audit/commands';
import { queueMail } from '../../mail/commands';
import { accepted, merged, rejected, withdrawn } from '../messages';
import type { QuestionRow } from '../queries';
import { statusToken } from './tokens';
import { saveQuestion, loadQuestion, messageMeeting, messageQuestion, type QuestionLinks } from './guards';

const TAKEN: QuestionStatus[] = ['accepted', 'answered'];

/** Why a change cannot be made to a question in this state, or null when it can. */
function notFrom(q: QuestionRow, allowed: QuestionStatus[], doing: string): FieldErrors | null {
  if (allowed.includes(q.status)) return null;
  return { _form: `This question is ${QUESTION_STATUS_LABELS[q.status].toLowerCase()}, so it cannot be ${doing}.` };
}

/** The next place in the order the accepted questions are taken. */
function nextPosition(tx: Db, meetingId: number): number {
  return (
    (tx
      .select({ n: sql<number>`max(${publicQuestions.position})` })
      .from(publicQuestions)
      .where(and(eq(publicQuestions.meetingId, meetingId), inArray(publicQuestions.status, TAKEN)))
      .get()?.n ?? 0) + 1
  );
}

/** Accepts a question (a late one too, when the chairman agrees): it is published at once, last in the order. */
export function acceptQuestion(
  db: Db,
  actor: Actor,
  questionId: number,
  now: Date,
  links: QuestionLinks,
): Validated<QuestionRow> {
  return inTransaction(db, (tx): Validated<QuestionRow> => {
    const { q, meeting } = loadQuestion(tx, questionId, now);
    const refused = notFrom(q, ['received', 'rejected'], 'accepted');
    if (refused) return invalid(refused);
    const after = saveQuestion(
      tx,
      actor,
      'question.accept',
      q,
      {
        status: 'accepted',
        decidedAt: now,
        rejectionReason: null,
        rejectionNote: null,
        suspectedSpam: false,
        position: nextPosition(tx, q.meetingId),
      },
      now,
    );
    if (after.askerEmail) {
      const status = links.status(statusToken(tx, q.id).token);
      queueMail(tx, accepted(after.askerEmail, messageQuestion(after), messageMeeting(meeting), { status }), now);
    }
    return valid(after);
  });
}

export type RejectForm = Record<(typeof REJECT_FIELDS)[number], string>;

/** Rejects a question on one of the scheme's grounds, telling the asker why (and the clerk's note). */
export function rejectQuestion(
  db: Db,
  actor: Actor,
  questionId: number,
  form: RejectForm,
  now: Date,
  links: QuestionLinks,
): Validated<QuestionRow> {
  return inTransaction(db, (tx): Validated<QuestionRow> => {
    const { q, meeting } = loadQuestion(tx, questionId, now);
    const refused = notFrom(q, ['received', 'accepted'], 'rejected');
    if (refused) return invalid(refused);
    const errors: FieldErrors = {};
    const ground = (REJECTION_GROUNDS as readonly string[]).includes(form.reason)
      ? (form.reason as RejectionGround)
      : null;
    if (!ground) errors.reason = 'Select the reason, from the scheme, that the question cannot be taken';
    const note = form.note.trim();
    if (note.length > 5000) errors.note = 'The note must be 5,000 characters or fewer';
    if (!ground || Object.keys(errors).length > 0) return invalid(errors);
    const after = saveQuestion(
      tx,
      actor,
      'question.reject',
      q,
      { status: 'rejected', decidedAt: now, rejectionReason: ground, rejectionNote: note || null },
      now,
    );
    if (after.askerEmail) {
      const status = links.status(statusToken(tx, q.id).token);
      queueMail(
        tx,
        rejected(after.askerEmail, messageQuestion(after), messageMeeting(meeting), ground, note || null, { status }),
        now,
      );
    }
    return valid(after);
  });
}

/**
 * Withdraws a question: by the asker at their link, or by the clerk when the
 * asker asks some other way (the asker is then emailed). It is no longer
 * published, and no longer counts towards the asker's limit.
 */
export function withdrawQuestion(
  db: Db,
  actor: Actor,
  questionId: number,
  by: 'asker' | 'clerk',
  now: Date,
  links: QuestionLinks,
): Validated<QuestionRow> {
  return inTransaction(db, (tx): Validated<QuestionRow> => {
    const { q, meeting } = loadQuestion(tx, questionId, now);
    const refused = notFrom(q, ['received', 'accepted', 'answered'], 'withdrawn');
    if (refused) return invalid(refused);
    if (by === 'asker' && (meeting.window.state === 'over' || meeting.status === 'held')) {
      return invalid({ _form: 'The meeting has taken place, so the question can no longer be withdrawn.' });
    }
    const after = saveQuestion(
      tx,
      actor,
      by === 'asker' ? 'question.withdraw_by_asker' : 'question.withdraw',
      q,
      {
        status: 'withdrawn',
        decidedAt: now,
      },
      now,
    );
    if (by === 'clerk' && after.askerEmail) {
      const status = links.status(statusToken(tx, q.id).token);
      queueMail(tx, withdrawn(after.askerEmail, messageQuestion(after), messageMeeting(meeting), { status }), now);
    }
    return valid(after);
  });
}

export type MergeForm = Record<(typeof MERGE_FIELDS)[number], string>;

/** Combines a question with another of the same meeting that asks the same: that one's answer answers both. */
export function mergeQuestion(
  db: Db,
  actor: Actor,
  questionId: number,
  form: MergeForm,
  now: Date,
  links: QuestionLinks,
): Validated<QuestionRow> {
  return inTransaction(db, (tx): Validated<QuestionRow> => {
    const { q, meeting } = loadQuestion(tx, questionId, now);
    const refused = notFrom(q, ['received', 'accepted'], 'combined with another');
    if (refused) return invalid(refused);
    const intoId = Number(form.intoId);
    const into = Number.isSafeInteger(intoId)
      ? tx.select().from(publicQuestions).where(eq(publicQuestions.id, intoId)).get()
      : undefined;
    if (!into || into.meetingId !== q.meetingId || into.id === q.id) {
      return invalid({ intoId: 'Select the question, of this meeting, that it repeats' });
    }
    if (!['received', 'accepted', 'answered'].includes(into.status)) {
      return invalid({ intoId: 'Select a question that is still to be taken: that one is not' });
    }
    const after = saveQuestion(
      tx,
      actor,
      'question.merge',
      q,
      { status: 'merged', mergedIntoId: into.id, decidedAt: now },
      now,
    );
    if (after.askerEmail) {
      const status = links.status(statusToken(tx, q.id).token);
      queueMail(
        tx,
        merged(after.askerEmail, messageQuestion(after), messageMeeting(meeting), into.reference, { status }),
        now,
      );
    }
    return valid(after);
  });
}

/** Moves an accepted question one place earlier or later in the order they are taken (and numbered). */
export function moveQuestion(
  db: Db,
  actor: Actor,
  questionId: number,
  direction: string,
  now: Date,
): Validated<QuestionRow> {
  return inTransaction(db, (tx): Validated<QuestionRow> => {
    const { q } = loadQuestion(tx, questionId, now);
    if (direction !== 'up' && direction !== 'down') return invalid({ _form: 'Choose to move it up or down' });
    const refused = notFrom(q, TAKEN, 'moved in the order');
    if (refused) return invalid(refused);
    const order = tx
      .select()
      .from(publicQuestions)
      .where(and(eq(publicQuestions.meetingId, q.meetingId), inArray(publicQuestions.status, TAKEN)))
      .orderBy(publicQuestions.position, publicQuestions.id)
      .all();
    const at = order.findIndex((o) => o.id === q.id);
    const to = direction === 'up' ? at - 1 : at + 1;
    const other = order[to];
    if (!other) return invalid({ _form: `It is already ${direction === 'up' ? 'first' : 'last'}.` });
    [order[at], order[to]] = [other, q];
    order.forEach((o, i) => {
      tx.update(publicQuestions)
        .set({ position: i + 1 })
        .where(eq(publicQuestions.id, o.id))
        .run();
    });
    const after = tx.select().from(publicQuestions).where(eq(publicQuestions.id, q.id)).get() ?? q;
    recordAudit(tx, actor, {
      action: 'question.move',
      recordType: 'public_question',
      recordId: q.id,
      before: { position: at + 1 },
      after: { position: to + 1 },
      at: now,
    });
    return valid(after);
  });
}
