import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { oneOf, timestamps } from '../columns';
import { INQUIRY_KINDS, INQUIRY_MEMBER_ROLES, INQUIRY_STATUSES } from '../../lib/enums';
import { committees } from './committees';
import { meetings } from './meetings';
import { people } from './people';

/**
 * A review, one-day inquiry or task-and-finish group: its members, terms of
 * reference, evidence sessions, report (the paper whose inquiry it is) and
 * recommendations.
 */
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
    termsOfReference: text().notNull().default(''),
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

/** A councillor (or co-optee) on an inquiry's panel. */
export const inquiryMembers = sqliteTable(
  'inquiry_members',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    inquiryId: integer()
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    role: text({ enum: INQUIRY_MEMBER_ROLES }).notNull().default('member'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('inquiry_members_unique').on(t.inquiryId, t.personId),
    check('inquiry_members_role_check', oneOf(t.role, INQUIRY_MEMBER_ROLES)),
  ],
);

/** A meeting at which an inquiry heard evidence. */
export const inquirySessions = sqliteTable(
  'inquiry_sessions',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    inquiryId: integer()
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    meetingId: integer()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('inquiry_sessions_unique').on(t.inquiryId, t.meetingId),
    index('inquiry_sessions_meeting_idx').on(t.meetingId),
  ],
);
