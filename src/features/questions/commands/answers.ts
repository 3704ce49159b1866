import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Db } from '../../../db/client';
import { documents, organisations, people, publicQuestions } from '../../../db/schema';
import { formatDateTime, londonDate } from '../../../lib/dates';
import { ANSWER_KINDS, type AnswerKind } from '../../../lib/enums';
import type { ANSWER_FIELDS, ANSWERER_FIELDS, WRITTEN_ANSWER_FIELDS } from '../../../lib/fields';
import { dateFromParts, type DateParts } from '../../../lib/forms';
import { invalid, valid, type FieldErrors, type Validated } from '../../../lib/validation';
import type { Actor } from '../../audit/commands';
import { queueMail } from '../../mail/commands';
import { answerArrived, answerPublished, answerRequested } from '../messages';
import { clerkAddresses, type QuestionRow } from '../queries';
import { hashToken, newToken, statusToken } from './tokens';
import { saveQuestion, loadQuestion, messageMeeting, messageQuestion, type QuestionLinks } from './guards';

const MAX_ANSWER = 50_000;

export type AnswererForm = Record<(typeof ANSWERER_FIELDS)[number], string>;

/**
 * Asks a person or organisation from the directory for a written answer by a
 * date: they are emailed the question and a link to send the answer back with
 * no account. Asking again (someone else, or a new date) makes a new link; the
 * old one stops working.
 */
export function askForAnswer(
  db: Db,
  actor: Actor,
  questionId: number,
  form: AnswererForm,
  due: DateParts,
  now: Date,
  links: QuestionLinks,
): Validated<QuestionRow> {
  return inTransaction(db, (tx): Validated<QuestionRow> => {
    const { q, meeting } = loadQuestion(tx, questionId, now);
    if (q.status !== 'accepted' && q.status !== 'answered') {
      return invalid({ _form: 'Accept the question before asking for its answer.' });
    }
    const errors: FieldErrors = {};
    const personId = form.personId.trim() ? Number(form.personId) : null;
    const organisationId = form.organisationId.trim() ? Number(form.organisationId) : null;
    const person =
      personId === null || !Number.isSafeInteger(personId)
        ? null
        : (tx.select().from(people).where(eq(people.id, personId)).get() ?? null);
    const organisation =
      organisationId === null || !Number.isSafeInteger(organisationId)
        ? null
        : (tx.select().from(organisations).where(eq(organisations.id, organisationId)).get() ?? null);
    if (personId !== null && !person) errors.personId = 'Select the person from the list';
    if (organisationId !== null && !organisation) errors.organisationId = 'Select the organisation from the list';
    if (personId === null && organisationId === null) {
      errors.personId = 'Select who is to answer: a person, an organisation, or both';
    }
    const email = (form.email.trim() || person?.email || organisation?.email || '').trim();
    if (!email) errors.email = 'Enter the email address to send the question to';
    else if (email.length > 254 || !z.email().safeParse(email).success) {
      errors.email = 'Enter an email address in the correct format, like name@example.nhs.uk';
    }
    const day = dateFromParts(due, 'The date the answer is due');
    if (!day.ok) errors.due = day.error;
    else if (day.value < londonDate(now)) errors.due = 'The date the answer is due must be today or later';
    if (Object.keys(errors).length > 0 || !day.ok) return invalid(errors);
    const { token, hash } = newToken();
    const after = saveQuestion(
      tx,
      actor,
      'question.ask_for_answer',
      q,
      {
        answererPersonId: person?.id ?? null,
        answererOrganisationId: organisation?.id ?? null,
        answererEmail: email,
        answerDueOn: day.value,
        answerTokenHash: hash,
        answerRequestedAt: now,
        answerReceivedAt: null,
      },
      now,
    );
    queueMail(
      tx,
      answerRequested(email, messageQuestion(after), messageMeeting(meeting), day.value, {
        answer: links.answer(token),
      }),
      now,
    );
    return valid(after);
  });
}

export type WrittenAnswerForm = Record<(typeof WRITTEN_ANSWER_FIELDS)[number], string>;

/** The answer sent back through the link emailed to the answerer: once; a second try is told when the first arrived. */
export function sendWrittenAnswer(
  db: Db,
  actor: Actor,
  token: string,
  form: WrittenAnswerForm,
  now: Date,
  links: QuestionLinks,
): Validated<QuestionRow> {
  return inTransaction(db, (tx): Validated<QuestionRow> => {
    const q = tx
      .select()
      .from(publicQuestions)
      .where(eq(publicQuestions.answerTokenHash, hashToken(token)))
      .get();
    if (!q) return invalid({ _form: 'This link is not one we sent, or it has been replaced by a newer one.' });
    const { meeting } = loadQuestion(tx, q.id, now);
    if (q.answerReceivedAt) {
      return invalid({
        _form: `An answer was sent through this link on ${formatDateTime(q.answerReceivedAt)}. To change it, contact the clerk${meeting.committee.contactEmail ? ` at ${meeting.committee.contactEmail}` : ''}.`,
      });
    }
    if (q.status !== 'accepted' && q.status !== 'answered') {
      return invalid({ _form: 'This question has been withdrawn or combined with another, so no answer is needed.' });
    }
    const errors: FieldErrors = {};
    const text = form.answerText.trim();
    const by = form.answeredBy.trim();
    if (!text) errors.answerText = 'Enter the answer';
    else if (text.length > MAX_ANSWER) errors.answerText = 'The answer must be 50,000 characters or fewer';
    if (!by) errors.answeredBy = 'Enter your name and role, as the answer should be signed';
    else if (by.length > 300) errors.answeredBy = 'Name and role must be 300 characters or fewer';
    if (Object.keys(errors).length > 0) return invalid(errors);
    const after = saveQuestion(
      tx,
      actor,
      'question.answer_sent',
      q,
      {
        status: 'answered',
        answerKind: 'written',
        answerText: text,
        answeredBy: by,
        answeredAt: now,
        answerReceivedAt: now,
      },
      now,
    );
    for (const to of clerkAddresses(tx, meeting.committee.id)) {
      queueMail(
        tx,
        answerArrived(to, messageQuestion(after), messageMeeting(meeting), { manage: links.manage(meeting.id, q.id) }),
        now,
      );
    }
    return valid(after);
  });
}

export type AnswerForm = Record<(typeof ANSWER_FIELDS)[number], string>;

/** The clerk records the answer: in writing (text, a paper, or both) or given at the meeting, and any supplementary. */
export function recordAnswer(
  db: Db,
  actor: Actor,
  questionId: number,
  form: AnswerForm,
  now: Date,
): Validated<QuestionRow> {
  return inTransaction(db, (tx): Validated<QuestionRow> => {
    const { q } = loadQuestion(tx, questionId, now);
    if (q.status !== 'accepted' && q.status !== 'answered') {
      return invalid({ _form: 'Accept the question before recording its answer.' });
    }
    const errors: FieldErrors = {};
    const kind = (ANSWER_KINDS as readonly string[]).includes(form.answerKind) ? (form.answerKind as AnswerKind) : null;
    if (!kind) errors.answerKind = 'Select whether it was answered in writing or at the meeting';
    const text = form.answerText.trim();
    if (text.length > MAX_ANSWER) errors.answerText = 'The answer must be 50,000 characters or fewer';
    let documentId: number | null = null;
    if (form.answerDocumentId.trim()) {
      const id = Number(form.answerDocumentId);
      const paper = Number.isSafeInteger(id)
        ? tx
            .select({ id: documents.id })
            .from(documents)
            .where(and(eq(documents.id, id), eq(documents.meetingId, q.meetingId), isNull(documents.exemptParagraph)))
            .get()
        : undefined;
      if (!paper) errors.answerDocumentId = 'Select one of this meeting’s open papers, or none';
      else documentId = paper.id;
    }
    if (kind === 'written' && !text && documentId === null) {
      errors.answerText = 'Enter the written answer, or choose the paper that gives it';
    }
    const by = form.answeredBy.trim();
    if (by.length > 300) errors.answeredBy = 'Answered by must be 300 characters or fewer';
    const supplementaryQuestion = form.supplementaryQuestion.trim();
    const supplementaryAnswer = form.supplementaryAnswer.trim();
    if (supplementaryAnswer && !supplementaryQuestion) {
      errors.supplementaryQuestion = 'Enter the supplementary question the answer replies to';
    }
    if (supplementaryQuestion.length > 10_000) {
      errors.supplementaryQuestion = 'The supplementary question must be 10,000 characters or fewer';
    }
    if (supplementaryAnswer.length > MAX_ANSWER) {
      errors.supplementaryAnswer = 'The supplementary answer must be 50,000 characters or fewer';
    }
    if (Object.keys(errors).length > 0 || !kind) return invalid(errors);
    return valid(
      saveQuestion(
        tx,
        actor,
        'question.record_answer',
        q,
        {
          status: 'answered',
          answerKind: kind,
          answerText: text || null,
          answeredBy: by || null,
          answeredAt: q.answeredAt ?? now,
          answerDocumentId: documentId,
          supplementaryQuestion: supplementaryQuestion || null,
          supplementaryAnswer: supplementaryAnswer || null,
        },
        now,
      ),
    );
  });
}

/** Why an answer cannot be published yet, or null when it can. */
export function answerNotReady(q: QuestionRow): string | null {
  if (q.status !== 'answered') return 'Record the answer before publishing it.';
  if (q.answerPublishedAt) return `The answer was published on ${formatDateTime(q.answerPublishedAt)}.`;
  if (!q.answerText && q.answerDocumentId === null) return 'Record the answer before publishing it.';
  return null;
}

/** Publishes a recorded answer beside the question on the meeting's page, and tells the asker. */
export function publishAnswer(
  db: Db,
  actor: Actor,
  questionId: number,
  now: Date,
  links: QuestionLinks,
): Validated<QuestionRow> {
  return inTransaction(db, (tx): Validated<QuestionRow> => {
    const { q, meeting } = loadQuestion(tx, questionId, now);
    const notReady = answerNotReady(q);
    if (notReady) return invalid({ _form: notReady });
    const after = saveQuestion(tx, actor, 'question.publish_answer', q, { answerPublishedAt: now }, now);
    if (after.askerEmail) {
      queueMail(
        tx,
        answerPublished(after.askerEmail, messageQuestion(after), messageMeeting(meeting), {
          meeting: links.meeting(meeting.id),
          status: links.status(statusToken(tx, q.id).token),
        }),
        now,
      );
    }
    return valid(after);
  });
}
