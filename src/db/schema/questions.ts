import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { instant, oneOf, timestamps } from '../columns';
import { QUESTION_STATUSES, ANSWER_KINDS, QUESTION_KINDS, QUESTION_CHANNELS } from '../../lib/enums';
import { agendaItems } from './agenda';
import { documents } from './documents';
import { meetings } from './meetings';
import { organisations } from './organisations';
import { people } from './people';

/**
 * A question (or a request to speak) from a member of the public under the
 * committee's scheme. The asker's email is for the clerk only: it is never
 * published, and it is erased some months after the meeting. Tokens are kept
 * as SHA-256 hashes: the links themselves exist only in the emails sent.
 */
export const publicQuestions = sqliteTable(
  'public_questions',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    meetingId: integer()
      .notNull()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    /** "Q-2021-01-07-003": the meeting's date and the order it arrived in. */
    reference: text(),
    kind: text({ enum: QUESTION_KINDS }).notNull().default('question'),
    /** The item it is taken under; null: the meeting's public questions item. */
    agendaItemId: integer().references(() => agendaItems.id, { onDelete: 'set null' }),
    /** The agenda item the asker says it relates to. */
    aboutItemId: integer().references(() => agendaItems.id, { onDelete: 'set null' }),
    /** Order within the meeting: Q1, Q2 … */
    position: integer().notNull().default(0),
    askerName: text().notNull(),
    askerOrganisation: text(),
    askerEmail: text(),
    askerEmailErasedAt: instant(),
    text: text().notNull(),
    /** When it reached the council (for one sent by post or email, when it arrived there). */
    submittedAt: instant(),
    channel: text({ enum: QUESTION_CHANNELS }).notNull().default('online'),
    late: integer({ mode: 'boolean' }).notNull().default(false),
    /** The form's trap field was filled in: kept for the clerk to look at, nobody emailed. */
    suspectedSpam: integer({ mode: 'boolean' }).notNull().default(false),
    statusTokenHash: text(),
    status: text({ enum: QUESTION_STATUSES }).notNull().default('received'),
    decidedAt: instant(),
    /** A ground from the scheme (REJECTION_GROUNDS), and the clerk's note to the asker. */
    rejectionReason: text(),
    rejectionNote: text(),
    mergedIntoId: integer().references((): AnySQLiteColumn => publicQuestions.id, { onDelete: 'set null' }),
    /** Who is asked for the answer, where the request went, and by when it is due. */
    answererPersonId: integer().references(() => people.id, { onDelete: 'set null' }),
    answererOrganisationId: integer().references(() => organisations.id, { onDelete: 'set null' }),
    answererEmail: text(),
    answerDueOn: text(),
    answerTokenHash: text(),
    answerRequestedAt: instant(),
    answerReceivedAt: instant(),
    answerKind: text({ enum: ANSWER_KINDS }),
    answerText: text(),
    answeredBy: text(),
    answeredAt: instant(),
    /** A written answer is public from this moment. */
    answerPublishedAt: instant(),
    /** A written answer given as a paper of the meeting. */
    answerDocumentId: integer().references(() => documents.id, { onDelete: 'set null' }),
    supplementaryQuestion: text(),
    supplementaryAnswer: text(),
    ...timestamps,
  },
  (t) => [
    index('public_questions_meeting_idx').on(t.meetingId, t.position),
    index('public_questions_status_idx').on(t.status),
    uniqueIndex('public_questions_reference_unique').on(t.reference),
    uniqueIndex('public_questions_status_token_unique').on(t.statusTokenHash),
    uniqueIndex('public_questions_answer_token_unique').on(t.answerTokenHash),
    check('public_questions_status_check', oneOf(t.status, QUESTION_STATUSES)),
    check('public_questions_kind_check', oneOf(t.kind, QUESTION_KINDS)),
    check('public_questions_channel_check', oneOf(t.channel, QUESTION_CHANNELS)),
  ],
);
