import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { oneOf, timestamps } from '../columns';
import { WORK_PROGRAMME_STATUSES } from '../../lib/enums';
import { agendaItems } from './agenda';
import { committees } from './committees';
import { inquiries } from './inquiries';
import { meetings } from './meetings';

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
    note: text(),
    position: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [
    index('work_programme_committee_idx').on(t.committeeId, t.status, t.position),
    index('work_programme_meeting_idx').on(t.plannedMeetingId),
    index('work_programme_inquiry_idx').on(t.inquiryId),
    check('work_programme_status_check', oneOf(t.status, WORK_PROGRAMME_STATUSES)),
  ],
);
