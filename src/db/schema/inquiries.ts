import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { oneOf, timestamps } from '../columns';
import { INQUIRY_KINDS, INQUIRY_STATUSES } from '../../lib/enums';
import { committees } from './committees';

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
