import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { oneOf, timestamps } from '../columns';
import { WORK_PROGRAMME_STATUSES } from '../../lib/enums';
import { agendaItems } from './agenda';
import { committees } from './committees';
import { inquiries } from './inquiries';
import { meetings } from './meetings';
import { recommendations } from './recommendations';

/** A topic the committee plans to scrutinise, at a planned meeting or "TBC". */
export const workProgrammeEntries = sqliteTable(
  'work_programme_entries',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    committeeId: integer()
      .notNull()
      .references(() => committees.id, { onDelete: 'restrict' }),
    topic: text().notNull(),
    purpose: text().notNull().default(''),
    leadPresenters: text().notNull().default(''),
    contributors: text().notNull().default(''),
    /** Null means "TBC". */
    plannedMeetingId: integer().references(() => meetings.id, { onDelete: 'set null' }),
    status: text({ enum: WORK_PROGRAMME_STATUSES }).notNull().default('proposed'),
    /** The agenda item it became, once scheduled. */
    agendaItemId: integer().references(() => agendaItems.id, { onDelete: 'set null' }),
    /** An inquiry this topic follows up. */
    inquiryId: integer().references(() => inquiries.id, { onDelete: 'set null' }),
    /** A recommendation this topic reviews (a review point, e.g. six months after the response). */
    recommendationId: integer().references(() => recommendations.id, { onDelete: 'cascade' }),
    /** When that review is due, 'YYYY-MM-DD', while it waits for a meeting. */
    reviewDueOn: text(),
    note: text(),
    position: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [
    index('work_programme_committee_idx').on(t.committeeId, t.status, t.position),
    index('work_programme_meeting_idx').on(t.plannedMeetingId),
    index('work_programme_inquiry_idx').on(t.inquiryId),
    index('work_programme_recommendation_idx').on(t.recommendationId),
    check('work_programme_status_check', oneOf(t.status, WORK_PROGRAMME_STATUSES)),
  ],
);
