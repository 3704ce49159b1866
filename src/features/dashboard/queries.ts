import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { committees } from '../../db/schema';
import {
  listUpcomingMeetings,
  needingAttention,
  type MeetingSummary,
  dueAndMissed,
  type DueItem,
} from '../meetings/queries';
import { listActions, openActionsOwnedBy, type ActionSummary } from '../actions/queries';
import { NO_FILTERS } from '../../lib/action-filters';
import type { CurrentUser } from '../users/queries';
import { questionsAwaitingDecision } from '../questions/queries';
import { overdueResponses, type RecommendationSummary } from '../recommendations/queries';

export interface Dashboard {
  committees: { id: number; slug: string; name: string }[];
  dueSoon: DueItem[];
  missed: DueItem[];
  /** Past meetings still marked scheduled: to be marked held, or cancelled. */
  needsAttention: MeetingSummary[];
  upcoming: MeetingSummary[];
  actionsOwned: ActionSummary[];
  /** The overdue actions of the user's committees (clerks): the oldest due first, and how many in all. */
  committeeOverdue: { rows: ActionSummary[]; total: number };
  /** Meetings with public questions waiting for the clerk's decision. */
  questionsWaiting: ReturnType<typeof questionsAwaitingDecision>;
  /** Recommendations of the user's committees (clerks) whose response is late, the longest late first. */
  responsesOverdue: RecommendationSummary[];
}

/** A signed-in user's home: their committees, what is coming up, and the actions waiting on them. */
export function getDashboard(db: Db, user: CurrentUser, now: Date): Dashboard {
  const mine = db
    .select({ id: committees.id, slug: committees.slug, name: committees.name })
    .from(committees)
    .where(
      user.role === 'admin'
        ? eq(committees.status, 'active')
        : and(
            eq(committees.status, 'active'),
            inArray(committees.id, user.committeeIds.length ? user.committeeIds : [-1]),
          ),
    )
    .orderBy(asc(committees.name))
    .all();
  const ids = mine.map((c) => c.id);
  const clerk = user.role !== 'member';
  const { dueSoon, missed } = clerk ? dueAndMissed(db, ids, now) : { dueSoon: [], missed: [] };
  return {
    committees: mine,
    dueSoon,
    missed,
    needsAttention: clerk ? needingAttention(db, ids, now) : [],
    upcoming: ids.length === 0 ? [] : listUpcomingMeetings(db, now, 10, ids),
    actionsOwned: user.personId ? openActionsOwnedBy(db, user.personId) : [],
    committeeOverdue:
      user.role === 'member'
        ? { rows: [], total: 0 }
        : listActions(
            db,
            { ...NO_FILTERS, committeeIds: user.role === 'admin' ? null : ids, overdue: true, sort: 'due' },
            { number: 1, size: 10 },
            now,
          ),
    questionsWaiting: clerk ? questionsAwaitingDecision(db, ids) : [],
    responsesOverdue: clerk ? overdueResponses(db, user.role === 'admin' ? null : ids, now) : [],
  };
}
