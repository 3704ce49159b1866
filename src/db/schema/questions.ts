import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { instant, oneOf, timestamps } from '../columns';
import { QUESTION_STATUSES, ANSWER_KINDS } from '../../lib/enums';
import { agendaItems } from './agenda';
import { meetings } from './meetings';

/**
 * A question from a member of the public under the committee's scheme.
 * The asker's email is for the clerk only: it is never published.
 */
export const publicQuestions = sqliteTable(
  'public_questions',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    meetingId: integer()
      .notNull()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    agendaItemId: integer().references(() => agendaItems.id, { onDelete: 'set null' }),
    /** Order within the meeting: Q1, Q2 … */
    position: integer().notNull().default(0),
    askerName: text().notNull(),
    askerOrganisation: text(),
    askerEmail: text(),
    text: text().notNull(),
    submittedAt: instant(),
    late: integer({ mode: 'boolean' }).notNull().default(false),
    status: text({ enum: QUESTION_STATUSES }).notNull().default('received'),
    rejectionReason: text(),
    answerKind: text({ enum: ANSWER_KINDS }),
    answerText: text(),
    answeredBy: text(),
    answeredAt: instant(),
    supplementaryQuestion: text(),
    supplementaryAnswer: text(),
    ...timestamps,
  },
  (t) => [
    index('public_questions_meeting_idx').on(t.meetingId, t.position),
    index('public_questions_status_idx').on(t.status),
    check('public_questions_status_check', oneOf(t.status, QUESTION_STATUSES)),
  ],
);
