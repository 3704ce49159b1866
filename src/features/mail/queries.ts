import { count, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { outbox } from '../../db/schema';
import { MAIL_STATUSES, type MailStatus } from '../../lib/enums';

/** How many messages the outbox page lists at most, newest first. */
export const OUTBOX_PAGE_SIZE = 200;

/** A message as the outbox page lists it. */
export interface OutboxListing {
  id: number;
  kind: string;
  to: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  queuedAt: Date;
  nextAttemptAt: Date;
  sentAt: Date | null;
}

/** One message in full, but for its HTML body (shown only as the text it was made from). */
export interface OutboxMessage extends OutboxListing {
  text: string;
  messageId: string | null;
}

const listing = {
  id: outbox.id,
  kind: outbox.kind,
  to: outbox.to,
  subject: outbox.subject,
  status: outbox.status,
  attempts: outbox.attempts,
  lastError: outbox.lastError,
  queuedAt: outbox.createdAt,
  nextAttemptAt: outbox.nextAttemptAt,
  sentAt: outbox.sentAt,
};

/**
 * An email alert's recipient is never shown, nor its links (a confirmation
 * link would let whoever reads it confirm for the subscriber): the outbox
 * says only that it went to a subscriber.
 */
const SUBSCRIBER = 'A subscriber (the address is not shown)';
const LINK_TOKEN = /(\/(?:subscriptions\/confirm|unsubscribe)\/)[A-Za-z0-9_-]{43}/g;
function shown<T extends { kind: string; to: string; text?: string }>(m: T): T {
  if (!m.kind.startsWith('subscription_')) return m;
  return { ...m, to: SUBSCRIBER, ...(m.text === undefined ? {} : { text: m.text.replace(LINK_TOKEN, '$1…') }) };
}

/** The newest messages, of one status or all. */
export function listOutbox(db: Db, status: MailStatus | null, limit = OUTBOX_PAGE_SIZE): OutboxListing[] {
  return db
    .select(listing)
    .from(outbox)
    .where(status ? eq(outbox.status, status) : undefined)
    .orderBy(desc(outbox.id))
    .limit(limit)
    .all()
    .map(shown);
}

/** How many messages there are of each status. */
export function outboxCounts(db: Db): Record<MailStatus, number> {
  const counts = Object.fromEntries(MAIL_STATUSES.map((s) => [s, 0])) as Record<MailStatus, number>;
  for (const row of db.select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status).all()) {
    counts[row.status] = row.n;
  }
  return counts;
}

export function getOutboxMessage(db: Db, id: number): OutboxMessage | null {
  const row = db
    .select({ ...listing, text: outbox.text, messageId: outbox.messageId })
    .from(outbox)
    .where(eq(outbox.id, id))
    .get();
  return row ? shown(row) : null;
}
