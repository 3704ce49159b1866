import { asc, eq, gt } from 'drizzle-orm';
import type { Database, Db } from '../../db/client';
import { preparedOnce } from '../../db/prepared';
import { committees, dataVersion, meetings } from '../../db/schema';
import { addDays } from '../../lib/deadlines';
import { fromLondon, londonDate } from '../../lib/dates';
import { questionWindow } from '../../lib/question-scheme';

// Read on every public request: a statement prepared once, its single value plucked, not a query built and mapped.
const versionRead = preparedOnce((db: Database) => {
  const query = db.select({ v: dataVersion.version }).from(dataVersion).where(eq(dataVersion.id, 1)).toSQL();
  const statement = db.$client.prepare(query.sql).pluck();
  return () => Number(statement.get(...query.params) ?? 0);
});

/**
 * What a cached public page depends on besides the clock: the data's version
 * (raised by triggers on every write to what the public can see) …
 */
export function dataVersionOf(db: Database): number {
  return versionRead(db)();
}

/**
 * … and the next instant at which a page could change with no write at all:
 * London midnight (an action or a response becomes overdue, a deadline's
 * days left change), a meeting starting (upcoming becomes past; questions
 * are over), or public questions opening or closing for a meeting.
 */
export function nextTimeChange(db: Db, now: Date): Date {
  let next = fromLondon(addDays(londonDate(now), 1), '00:00');
  const upcoming = db
    .select({
      startsAt: meetings.startsAt,
      status: meetings.status,
      questionCutoffClearDays: committees.questionCutoffClearDays,
      questionCutoffTime: committees.questionCutoffTime,
      questionsOpenDaysBefore: committees.questionsOpenDaysBefore,
    })
    .from(meetings)
    .innerJoin(committees, eq(committees.id, meetings.committeeId))
    .where(gt(meetings.startsAt, now))
    .orderBy(asc(meetings.startsAt))
    .limit(500)
    .all();
  for (const m of upcoming) {
    const window = questionWindow(m, m, now);
    for (const at of [m.startsAt, window.opensAt, window.closesAt]) if (at !== null && at > now && at < next) next = at;
  }
  return next;
}
