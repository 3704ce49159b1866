import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { oneOf, timestamps } from '../columns';
import { COMMITTEE_KINDS, COMMITTEE_STATUSES, MEMBERSHIP_ROLES } from '../../lib/enums';
import { people } from './people';

/**
 * A select committee, joint scrutiny committee or board, with the rules of its
 * meetings: the notice period and its public question scheme.
 */
export const committees = sqliteTable(
  'committees',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    slug: text().notNull(),
    name: text().notNull(),
    kind: text({ enum: COMMITTEE_KINDS }).notNull(),
    remit: text().notNull().default(''),
    status: text({ enum: COMMITTEE_STATUSES }).notNull().default('active'),
    dissolvedOn: text(),
    /** The clerk (committee and governance adviser) as a person in the directory. */
    clerkPersonId: integer().references(() => people.id, { onDelete: 'set null' }),
    contactEmail: text(),
    contactPhone: text(),
    /** Clear working days between publishing the agenda and the meeting. */
    noticeClearDays: integer().notNull().default(5),
    /** Public questions close at this London time ... */
    questionCutoffTime: text().notNull().default('12:00'),
    /** ... this many clear working days before the meeting. */
    questionCutoffClearDays: integer().notNull().default(3),
    questionWordLimit: integer().notNull().default(250),
    /** At most this many questions per person, and per organisation, at one meeting. */
    questionsPerPerson: integer().notNull().default(1),
    /** Questions open this many days before the meeting; null: as soon as it is scheduled. */
    questionsOpenDaysBefore: integer(),
    /** Whether the scheme lets the public ask to speak (a deputation or a statement). */
    speakingRequests: integer({ mode: 'boolean' }).notNull().default(false),
    /** Askers' email addresses are erased this many months after the meeting. */
    askerEmailMonths: integer().notNull().default(6),
    /** Draft minutes are due this many working days after the meeting. */
    minutesDueWorkingDays: integer().notNull().default(10),
    /** Responses to recommendations are due this many months after sending. */
    responseDueMonths: integer().notNull().default(2),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('committees_slug_unique').on(t.slug),
    index('committees_status_idx').on(t.status),
    check('committees_kind_check', oneOf(t.kind, COMMITTEE_KINDS)),
    check('committees_status_check', oneOf(t.status, COMMITTEE_STATUSES)),
    check('committees_notice_check', sql`${t.noticeClearDays} between 0 and 60`),
    check('committees_slug_check', sql`${t.slug} glob '[a-z0-9]*' and ${t.slug} not glob '*[^a-z0-9-]*'`),
  ],
);

/** A person's seat on a committee, with its role and dates ('YYYY-MM-DD', London). */
export const memberships = sqliteTable(
  'memberships',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    committeeId: integer()
      .notNull()
      .references(() => committees.id, { onDelete: 'cascade' }),
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    role: text({ enum: MEMBERSHIP_ROLES }).notNull(),
    voting: integer({ mode: 'boolean' }).notNull().default(true),
    /** Who nominated a co-opted member, e.g. "Healthwatch Bucks". */
    representing: text(),
    fromDate: text(),
    toDate: text(),
    ...timestamps,
  },
  (t) => [
    index('memberships_committee_idx').on(t.committeeId, t.toDate),
    index('memberships_person_idx').on(t.personId),
    check('memberships_role_check', oneOf(t.role, MEMBERSHIP_ROLES)),
    check('memberships_dates_check', sql`${t.fromDate} is null or ${t.toDate} is null or ${t.fromDate} <= ${t.toDate}`),
  ],
);
