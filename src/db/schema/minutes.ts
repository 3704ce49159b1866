import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { frozenJson, instant, oneOf, timestamps } from '../columns';
import {
  ATTENDANCE_STATUSES,
  DECLARATION_KINDS,
  RESOLUTION_OUTCOMES,
  type AttendanceStatus,
  type DeclarationKind,
  type ResolutionOutcome,
} from '../../lib/enums';
import { agendaItems } from './agenda';
import { meetings } from './meetings';
import { people } from './people';

/**
 * Who was at a meeting and how: members present, apologies, absent; others
 * in attendance (officers, presenters, guests). A substitute names the member
 * they stood in for.
 */
export const attendance = sqliteTable(
  'attendance',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    meetingId: integer()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    status: text({ enum: ATTENDANCE_STATUSES }).notNull(),
    virtual: integer({ mode: 'boolean' }).notNull().default(false),
    substituteForPersonId: integer().references(() => people.id, { onDelete: 'restrict' }),
    note: text(),
    position: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('attendance_meeting_person_unique').on(t.meetingId, t.personId),
    index('attendance_person_idx').on(t.personId),
    check('attendance_status_check', oneOf(t.status, ATTENDANCE_STATUSES)),
  ],
);

/** A declaration of interest by a member, on an item, as minuted. */
export const declarations = sqliteTable(
  'declarations',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    meetingId: integer()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** The item the interest relates to, when it relates to one. */
    agendaItemId: integer().references(() => agendaItems.id, { onDelete: 'set null' }),
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    kind: text({ enum: DECLARATION_KINDS }).notNull(),
    nature: text().notNull().default(''),
    /** A sensitive interest: its nature is not published. */
    sensitive: integer({ mode: 'boolean' }).notNull().default(false),
    /** Left the room for the item. */
    withdrew: integer({ mode: 'boolean' }).notNull().default(false),
    dispensation: text(),
    position: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [
    index('declarations_meeting_idx').on(t.meetingId, t.position),
    index('declarations_person_idx').on(t.personId),
    check('declarations_kind_check', oneOf(t.kind, DECLARATION_KINDS)),
  ],
);

/** What the committee resolved on an item. */
export const resolutions = sqliteTable(
  'resolutions',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    agendaItemId: integer()
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    position: integer().notNull().default(0),
    text: text().notNull(),
    outcome: text({ enum: RESOLUTION_OUTCOMES }).notNull(),
    ...timestamps,
  },
  (t) => [
    index('resolutions_item_idx').on(t.agendaItemId, t.position),
    check('resolutions_outcome_check', oneOf(t.outcome, RESOLUTION_OUTCOMES)),
    check('resolutions_text_check', sql`length(trim(${t.text})) > 0`),
  ],
);

/**
 * A published version of a meeting's minutes. Published minutes are a draft
 * until a later meeting approves them; approval locks them.
 */
export const minutesVersions = sqliteTable(
  'minutes_versions',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    meetingId: integer()
      .notNull()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    version: integer().notNull(),
    publishedAt: instant().notNull(),
    changeSummary: text(),
    snapshot: frozenJson<MinutesSnapshot>().notNull(),
    approvedAt: instant(),
    /** The resolution of a later meeting that approved these minutes. */
    approvingResolutionId: integer().references(() => resolutions.id, { onDelete: 'restrict' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('minutes_versions_meeting_version_unique').on(t.meetingId, t.version),
    check('minutes_versions_version_check', sql`${t.version} >= 1`),
  ],
);

/**
 * A correction to approved minutes. Approved minutes are never edited: a
 * correction is recorded here, with why and on whose authority, and shown
 * with them. Append-only (triggers refuse UPDATE and DELETE).
 */
export const minutesAmendments = sqliteTable(
  'minutes_amendments',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    meetingId: integer()
      .notNull()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    /** The approved version it corrects. */
    minutesVersionId: integer()
      .notNull()
      .references(() => minutesVersions.id, { onDelete: 'restrict' }),
    /** The item it corrects, by its number in the minutes; null for the minutes as a whole. */
    itemNumber: integer(),
    /** The correction, as it should be read. */
    text: text().notNull(),
    /** Why: who noticed, what was wrong. */
    reason: text().notNull().default(''),
    /** The resolution that agreed it (the approval "subject to amendments", or a later one). */
    resolutionId: integer().references(() => resolutions.id, { onDelete: 'restrict' }),
    /** Like the audit trail, no foreign key: the record outlives the account. */
    recordedByUserId: integer(),
    recordedAt: instant().notNull(),
  },
  (t) => [
    index('minutes_amendments_meeting_idx').on(t.meetingId, t.recordedAt),
    check('minutes_amendments_text_check', sql`length(trim(${t.text})) > 0`),
  ],
);

/**
 * What a published version of the minutes froze. Holds exempt item text and
 * sensitive interests for members; public reads go through `publicMinutes()`.
 */
export interface MinutesSnapshot {
  /** ISO 8601 instants, as minuted. */
  startedAt: string | null;
  endedAt: string | null;
  venue: string | null;
  attendance: MinutesSnapshotAttendee[];
  declarations: MinutesSnapshotDeclaration[];
  items: MinutesSnapshotItem[];
}

export interface MinutesSnapshotAttendee {
  personId: number;
  name: string;
  status: AttendanceStatus;
  virtual: boolean;
  substituteFor: string | null;
  /** For members: whether they sit on the committee (others are "in attendance"). */
  isMember: boolean;
  note: string | null;
}

export interface MinutesSnapshotDeclaration {
  personId: number;
  name: string;
  itemNumber: number | null;
  itemTitle: string | null;
  kind: DeclarationKind;
  nature: string;
  sensitive: boolean;
  withdrew: boolean;
  dispensation: string | null;
}

export interface MinutesSnapshotItem {
  id: number;
  number: number;
  title: string;
  exemptParagraph: number | null;
  minuteText: string;
  resolutions: { text: string; outcome: ResolutionOutcome }[];
  actions: { reference: string | null; description: string; owners: string[]; dueDate: string | null }[];
  /** The public questions taken under the item, with their published answers (absent in minutes from before). */
  questions?: MinutesSnapshotQuestion[];
}

/** A public question as the minutes record it: never the asker's email address. */
export interface MinutesSnapshotQuestion {
  number: number;
  reference: string | null;
  askerName: string;
  askerOrganisation: string | null;
  text: string;
  answerKind: 'written' | 'oral' | null;
  answerText: string | null;
  answeredBy: string | null;
  supplementaryQuestion: string | null;
  supplementaryAnswer: string | null;
}
