import { and, eq, inArray, sql } from 'drizzle-orm';
import { inTransaction, type Db } from '../../db/client';
import { outbox } from '../../db/schema';
import { invalid, valid, type Validated } from '../../lib/validation';
import { recordAudit, type Actor } from '../audit/commands';
import { mailHtml } from './html';

/** One email, as a feature asks for it. */
export interface MailMessage {
  /** What it is, in one word ("question_acknowledged"): the outbox page and tests tell messages apart by it. */
  kind: string;
  to: string;
  subject: string;
  /** The plain-text body; the HTML body is made from it unless given. */
  text: string;
  html?: string;
  /** Extra headers (List-Unsubscribe). */
  headers?: Record<string, string>;
}

/**
 * Puts a message in the outbox, in the caller's transaction: the message exists
 * exactly when the change it tells of does, and is delivered after (the outbox
 * keeps it until it is). Returns its id.
 */
export function queueMail(db: Db, message: MailMessage, now: Date): number {
  return db
    .insert(outbox)
    .values({
      kind: message.kind,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html ?? mailHtml(message.text),
      headers: message.headers ?? null,
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: outbox.id })
    .get().id;
}

/** Removes an address from the email alerts sent to it (the subscriber unsubscribed from all): other mail to it stays. */
export function eraseSubscriberMail(db: Db, address: string): number {
  const theirs = and(
    sql`lower(${outbox.to}) = ${address.toLowerCase()}`,
    inArray(outbox.kind, ['subscription_confirm', 'subscription_alert', 'subscription_digest']),
  );
  // What was still waiting to go is not sent after they asked to stop.
  db.update(outbox)
    .set({ status: 'failed', lastError: 'Not sent: the subscriber unsubscribed' })
    .where(and(theirs, eq(outbox.status, 'queued')))
    .run();
  return db
    .update(outbox)
    .set({ to: '(erased)' })
    .where(
      and(
        sql`lower(${outbox.to}) = ${address.toLowerCase()}`,
        inArray(outbox.kind, ['subscription_confirm', 'subscription_alert', 'subscription_digest']),
      ),
    )
    .run().changes;
}

/** Removes an address from the outbox (an asker's email, erased): the messages stay, their recipient does not. */
export function eraseRecipient(db: Db, address: string): number {
  return db
    .update(outbox)
    .set({ to: '(erased)' })
    .where(sql`lower(${outbox.to}) = ${address.toLowerCase()}`)
    .run().changes;
}

/**
 * "Try again now": a queued message is due at once, and a failed one is queued
 * again for one more try (a try that fails after its last retry fails it again).
 * A message already sent or logged is refused. Returns null when there is no such message.
 */
export function retryMail(db: Db, actor: Actor, messageId: number, now: Date): Validated<{ id: number }> | null {
  if (!db.select({ id: outbox.id }).from(outbox).where(eq(outbox.id, messageId)).get()) return null;
  return inTransaction(db, (tx) => {
    const before = tx.select().from(outbox).where(eq(outbox.id, messageId)).get();
    if (!before) throw new Error(`No message ${messageId} in the outbox`);
    if (before.status !== 'queued' && before.status !== 'failed') {
      return invalid({ _form: 'This message has already been delivered: there is nothing to try again' });
    }
    tx.update(outbox).set({ status: 'queued', nextAttemptAt: now }).where(eq(outbox.id, messageId)).run();
    recordAudit(tx, actor, {
      action: 'mail.retry',
      recordType: 'outbox',
      recordId: messageId,
      before: { status: before.status, nextAttemptAt: before.nextAttemptAt.toISOString() },
      after: { status: 'queued', nextAttemptAt: now.toISOString() },
      at: now,
    });
    return valid({ id: messageId });
  });
}
