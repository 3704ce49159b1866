import { and, eq, inArray, isNotNull, notInArray, sql } from 'drizzle-orm';
import { inTransaction, type Db } from '../../../db/client';
import { publicQuestions } from '../../../db/schema';
import { recordAudit, systemActor } from '../../audit/commands';
import { eraseRecipient } from '../../mail/commands';
import { emailsPastKeeping } from '../queries';

/**
 * Erases askers' email addresses the committee's months after their meeting
 * (the question and the asker's name stay, as published), and the same
 * addresses from the outbox once no question still keeps them. One audit entry
 * for the run, naming the questions, never the addresses.
 */
export function eraseExpiredAskerEmails(db: Db, now: Date): { ok: true; erased: number } {
  return inTransaction(db, (tx) => {
    const due = emailsPastKeeping(tx, now);
    if (due.length === 0) return { ok: true as const, erased: 0 };
    const ids = due.map((d) => d.id);
    tx.update(publicQuestions)
      .set({ askerEmail: null, askerEmailErasedAt: now })
      .where(inArray(publicQuestions.id, ids))
      .run();
    for (const address of new Set(due.map((d) => d.email.toLowerCase()))) {
      const stillKept = tx
        .select({ id: publicQuestions.id })
        .from(publicQuestions)
        .where(
          and(
            isNotNull(publicQuestions.askerEmail),
            notInArray(publicQuestions.id, ids),
            eq(sql`lower(${publicQuestions.askerEmail})`, address),
          ),
        )
        .get();
      if (!stillKept) eraseRecipient(tx, address);
    }
    recordAudit(tx, systemActor('retention'), {
      action: 'question.erase_emails',
      recordType: 'public_question',
      after: { questions: ids },
      at: now,
    });
    return { ok: true as const, erased: ids.length };
  });
}
