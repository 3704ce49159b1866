import { relations } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { oneOf, timestamps } from '../../db/columns';
import { committees } from '../committees/schema';
import { meetings } from '../meetings/schema';
import { agendaItems } from '../agenda/schema';
import { inquiries } from '../inquiries/schema';

/** proposed → scheduled (an agenda item) → done, or dropped. */
export const WORK_PROGRAMME_STATUSES = ['proposed', 'scheduled', 'done', 'dropped'] as const;
export type WorkProgrammeStatus = (typeof WORK_PROGRAMME_STATUSES)[number];

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

export const workProgrammeEntriesRelations = relations(workProgrammeEntries, ({ one }) => ({
  committee: one(committees, { fields: [workProgrammeEntries.committeeId], references: [committees.id] }),
  plannedMeeting: one(meetings, { fields: [workProgrammeEntries.plannedMeetingId], references: [meetings.id] }),
  agendaItem: one(agendaItems, { fields: [workProgrammeEntries.agendaItemId], references: [agendaItems.id] }),
  inquiry: one(inquiries, { fields: [workProgrammeEntries.inquiryId], references: [inquiries.id] }),
}));
