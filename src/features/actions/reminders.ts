import type { Db } from '../../db/client';
import { remindersSent } from '../../db/schema';
import { londonDate } from '../../lib/dates';
import { reminderDay } from '../../lib/action-rules';
import { queueMail } from '../mail/commands';
import { actionsDueBy } from './queries';
import { emailableOwners, issueOwnerLink, type ActionLinks } from './commands';
import { dueSoonMessage, overdueMessage } from './messages';

export interface ReminderRun {
  dueSoon: number;
  overdue: number;
}

/**
 * Emails each owner (with an address in the directory) of an open action a
 * week before it is due, and once it is overdue, each at most once per step:
 * a step is the action, the kind and the due date it was about (a new due
 * date is a new step), and the row that records it is written in the same
 * transaction as the email, under a unique index. So running this every hour,
 * or twice at once, never sends a step twice. An action already overdue when
 * first seen gets only the overdue email.
 */
export function sendReminders(db: Db, now: Date, links: ActionLinks): ReminderRun {
  const today = londonDate(now);
  const weekAhead = londonDate(new Date(now.getTime() + 8 * 86_400_000));
  const run: ReminderRun = { dueSoon: 0, overdue: 0 };
  for (const action of actionsDueBy(db, weekAhead)) {
    const due = action.dueDate;
    if (!due) continue;
    const kind = due < today ? 'action_overdue' : reminderDay(due) <= today ? 'action_due_soon' : null;
    if (!kind) continue;
    db.transaction(
      (tx) => {
        for (const owner of emailableOwners(tx, action.id)) {
          const claimed = tx
            .insert(remindersSent)
            .values({ kind, recordId: action.id, step: due, recipient: owner.email, sentAt: now })
            .onConflictDoNothing()
            .run();
          if (claimed.changes === 0) continue;
          const { token } = issueOwnerLink(tx, owner.ownerId, now);
          const update = `${links.base}/actions/update/${token}`;
          const message =
            kind === 'action_overdue'
              ? overdueMessage(owner, action, action.committee.name, update)
              : dueSoonMessage(owner, action, action.committee.name, update);
          queueMail(tx, message, now);
          run[kind === 'action_overdue' ? 'overdue' : 'dueSoon'] += 1;
        }
        // Immediate: it takes the write lock before reading, so two runs at once wait for each other
        // (busy_timeout) instead of one failing to upgrade its read to a write.
      },
      { behavior: 'immediate' },
    );
  }
  return run;
}
