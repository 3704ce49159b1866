import { relations } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { oneOf, timestamps } from '../../db/columns';
import { committees } from '../committees/schema';
import { documents } from '../documents/schema';
import { recommendations } from '../recommendations/schema';
import { workProgrammeEntries } from '../work-programme/schema';

export const INQUIRY_KINDS = ['one_day', 'task_and_finish', 'review'] as const;
export type InquiryKind = (typeof INQUIRY_KINDS)[number];

export const INQUIRY_STATUSES = ['planned', 'active', 'reported', 'closed'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

/** A review, one-day inquiry or task-and-finish group, with its report and recommendations. */
export const inquiries = sqliteTable(
  'inquiries',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    committeeId: integer()
      .notNull()
      .references(() => committees.id, { onDelete: 'restrict' }),
    slug: text().notNull(),
    title: text().notNull(),
    kind: text({ enum: INQUIRY_KINDS }).notNull(),
    status: text({ enum: INQUIRY_STATUSES }).notNull().default('planned'),
    summary: text().notNull().default(''),
    /** 'YYYY-MM-DD' where known. */
    startedOn: text(),
    reportedOn: text(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('inquiries_committee_slug_unique').on(t.committeeId, t.slug),
    index('inquiries_status_idx').on(t.status),
    check('inquiries_kind_check', oneOf(t.kind, INQUIRY_KINDS)),
    check('inquiries_status_check', oneOf(t.status, INQUIRY_STATUSES)),
  ],
);

export const inquiriesRelations = relations(inquiries, ({ one, many }) => ({
  committee: one(committees, { fields: [inquiries.committeeId], references: [committees.id] }),
  documents: many(documents),
  recommendations: many(recommendations),
  workProgrammeEntries: many(workProgrammeEntries),
}));
