import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { instant, oneOf, timestamps } from '../columns';
import { MAIL_STATUSES } from '../../lib/enums';

/**
 * Every email the app sends, written in the same transaction as the change
 * it tells of, then delivered (SMTP, or the log when none is set). A failed
 * try is retried later; a message is never deleted.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** What the message is ("question_acknowledged"), for the outbox page and tests. */
    kind: text().notNull(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    /** Extra headers, as JSON (a subscription's List-Unsubscribe). */
    headers: text({ mode: 'json' }).$type<Record<string, string>>(),
    status: text({ enum: MAIL_STATUSES }).notNull().default('queued'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: instant().notNull(),
    lastError: text(),
    sentAt: instant(),
    /** The SMTP server's message id, when sent by SMTP. */
    messageId: text(),
    ...timestamps,
  },
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    check('outbox_status_check', oneOf(t.status, MAIL_STATUSES)),
  ],
);
