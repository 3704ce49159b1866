import type { Db } from '../../db/client';
import { remindersSent } from '../../db/schema';
import { formatCalendarDay, londonDate } from '../../lib/dates';
import { reminderDay } from '../../lib/action-rules';
import { addDays } from '../../lib/deadlines';
import { recommendationSlug } from '../../lib/recommendation-rules';
import { queueMail, type MailMessage } from '../mail/commands';
import { responsesDueBy } from './queries';

export interface ResponseReminderRun {
  dueSoon: number;
  late: number;
}

type Due = ReturnType<typeof responsesDueBy>[number];

function message(rec: Due, kind: 'response_due' | 'response_late', base: string): MailMessage {
  const due = formatCalendarDay(rec.responseDueOn ?? '');
  const page = rec.reference ? `${base}/recommendations/${recommendationSlug(rec.reference)}` : null;
  const reply = rec.committeeEmail
    ? `Please send the response to ${rec.committeeEmail}.`
    : `Please send the response to the clerk of the ${rec.committeeName}.`;
  return {
    kind: `recommendation_${kind}`,
    to: rec.contactEmail ?? '',
    subject:
      kind === 'response_late'
        ? `Response overdue: ${rec.reference ?? 'a recommendation'} from the ${rec.committeeName}`
        : `Response due by ${due}: ${rec.reference ?? 'a recommendation'} from the ${rec.committeeName}`,
    text: [
      `Dear ${rec.contactName},`,
      kind === 'response_late'
        ? `The ${rec.committeeName} has not yet received a response to this recommendation to ${rec.addressedTo}, which was due by ${due}:`
        : `A response to this recommendation from the ${rec.committeeName} to ${rec.addressedTo} is due by ${due}:`,
      `> ${rec.reference ? `${rec.reference}: ` : ''}${rec.text}`,
      `Say whether it is accepted, partly accepted, rejected or noted, and how and by when it will be done. ${reply}`,
      page ? `Anyone can follow the recommendation at ${page}` : '',
    ]
      .filter(Boolean)
      .join('\n\n'),
  };
}

/**
 * Emails the addressee's contact of each recommendation awaiting a response
 * a week before the response is due, and once it is late, each at most once
 * per step (the due date it was about), recorded in reminders_sent in the
 * same immediate transaction as the email: safe every hour and twice at once.
 */
export function sendResponseReminders(db: Db, now: Date, links: { base: string }): ResponseReminderRun {
  const today = londonDate(now);
  const run: ResponseReminderRun = { dueSoon: 0, late: 0 };
  for (const rec of responsesDueBy(db, addDays(today, 8))) {
    const due = rec.responseDueOn;
    if (!due || !rec.contactEmail) continue;
    // The same week-before rule as an action's reminders.
    const kind = due < today ? 'response_late' : reminderDay(due) <= today ? 'response_due' : null;
    if (!kind) continue;
    const email = rec.contactEmail;
    db.transaction(
      (tx) => {
        const claimed = tx
          .insert(remindersSent)
          .values({ kind: `recommendation_${kind}`, recordId: rec.id, step: due, recipient: email, sentAt: now })
          .onConflictDoNothing()
          .run();
        if (claimed.changes === 0) return;
        queueMail(tx, message(rec, kind, links.base), now);
        run[kind === 'response_late' ? 'late' : 'dueSoon'] += 1;
      },
      { behavior: 'immediate' },
    );
  }
  return run;
}
