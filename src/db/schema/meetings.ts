import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { instant, oneOf, timestamps } from '../columns';
import { MEETING_STATUSES, AGENDA_STATUSES, MINUTES_STATUSES } from '../../lib/enums';
import { committees } from './committees';

/**
 * A meeting of a committee. Its status, the state of its agenda and the state
 * of its minutes are separate fields: a held meeting may still have draft minutes.
 */
export const meetings = sqliteTable(
  'meetings',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    committeeId: integer()
      .notNull()
      .references(() => committees.id, { onDelete: 'restrict' }),
    /** Planned start, UTC. */
    startsAt: instant().notNull(),
    /** Expected end, UTC. */
    endsAt: instant(),
    venue: text(),
    onlineUrl: text(),
    webcastUrl: text(),
    status: text({ enum: MEETING_STATUSES }).notNull().default('scheduled'),
    /** Why it was cancelled or postponed (public). */
    statusReason: text(),
    agendaStatus: text({ enum: AGENDA_STATUSES }).notNull().default('draft'),
    minutesStatus: text({ enum: MINUTES_STATUSES }).notNull().default('none'),
    /** When the meeting actually began and ended, as minuted. */
    startedAt: instant(),
    endedAt: instant(),
    /**
     * Where the minutes are published when they are not kept here: a meeting
     * from before the committee used Scrutineer, its minutes on the previous
     * system. Their deadline is then met.
     */
    minutesUrl: text(),
    /** Raised on every change that a calendar subscriber should see. */
    calendarSequence: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [
    index('meetings_committee_starts_idx').on(t.committeeId, t.startsAt),
    index('meetings_starts_idx').on(t.startsAt),
    check('meetings_status_check', oneOf(t.status, MEETING_STATUSES)),
    check('meetings_agenda_status_check', oneOf(t.agendaStatus, AGENDA_STATUSES)),
    check('meetings_minutes_status_check', oneOf(t.minutesStatus, MINUTES_STATUSES)),
  ],
);
