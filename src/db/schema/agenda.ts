import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { frozenJson, instant, oneOf, timestamps } from '../columns';
import { AGENDA_ITEM_KINDS, PACK_STATUSES, type AgendaItemKind, type DocumentKind } from '../../lib/enums';
import { meetings } from './meetings';
import { people } from './people';

/**
 * An item of business on a meeting's agenda. Its number is its place in the
 * order (`position`); its minute text is written during and after the meeting.
 */
export const agendaItems = sqliteTable(
  'agenda_items',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    meetingId: integer()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    kind: text({ enum: AGENDA_ITEM_KINDS }).notNull().default('business'),
    title: text().notNull(),
    /** What the committee is asked to do or will hear (shown under the title). */
    purpose: text().notNull().default(''),
    /** Planned start as London wall-clock time on the meeting day, 'HH:MM'. */
    plannedStart: text(),
    durationMinutes: integer(),
    /** Paragraph 1–7 of Schedule 12A when the item is exempt; null when open. */
    exemptParagraph: integer(),
    /** Why the public interest favours withholding the information. */
    exemptReason: text(),
    /** Added after the notice deadline: the special circumstances, agreed by the chairman. */
    lateReason: text(),
    /** For a "minutes of the previous meeting" item: the meeting whose minutes it confirms. */
    confirmsMinutesOfMeetingId: integer().references(() => meetings.id, { onDelete: 'set null' }),
    /** The minute of this item (a safe Markdown subset). */
    minuteText: text().notNull().default(''),
    /** Raised on every save of the minute text, so a save from a stale screen cannot overwrite a newer one. */
    minuteRevision: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [
    index('agenda_items_meeting_position_idx').on(t.meetingId, t.position),
    index('agenda_items_confirms_idx').on(t.confirmsMinutesOfMeetingId),
    check('agenda_items_kind_check', oneOf(t.kind, AGENDA_ITEM_KINDS)),
    check('agenda_items_exempt_check', sql`${t.exemptParagraph} is null or (${t.exemptParagraph} between 1 and 7)`),
    check(
      'agenda_items_planned_start_check',
      sql`${t.plannedStart} is null or ${t.plannedStart} glob '[0-2][0-9]:[0-5][0-9]'`,
    ),
  ],
);

/** Someone presenting an item, from the directory or, failing that, by name ("All Committee Members"). */
export const agendaItemPresenters = sqliteTable(
  'agenda_item_presenters',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    agendaItemId: integer()
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    personId: integer().references(() => people.id, { onDelete: 'restrict' }),
    name: text(),
    /** In what capacity they present: "Chief Executive, Healthwatch Bucks". */
    capacity: text(),
    position: integer().notNull().default(0),
  },
  (t) => [
    index('agenda_item_presenters_item_idx').on(t.agendaItemId, t.position),
    index('agenda_item_presenters_person_idx').on(t.personId),
    check('agenda_item_presenters_who_check', sql`${t.personId} is not null or ${t.name} is not null`),
  ],
);

/**
 * A published version of an agenda. Version 1 is the agenda; later versions
 * are supplements. The snapshot is what was published, frozen: public pages
 * read it, never the draft being edited.
 */
export const agendaVersions = sqliteTable(
  'agenda_versions',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    meetingId: integer()
      .notNull()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    version: integer().notNull(),
    publishedAt: instant().notNull(),
    /** For a supplement: what changed since the previous version. */
    changeSummary: text(),
    /** Published after the statutory deadline: the special circumstances ... */
    lateReason: text(),
    /** ... and the chairman's agreement to it. */
    chairmanAgreement: text(),
    snapshot: frozenJson<AgendaSnapshot>().notNull(),
    /** Who published it (null for the demo loader and the command line). */
    publishedByUserId: integer(),
    /** The agenda pack PDF of this version: built in the background after publishing. */
    packStatus: text({ enum: PACK_STATUSES }).notNull().default('pending'),
    /** 0–100 while building. */
    packProgress: integer().notNull().default(0),
    packError: text(),
    /** Pages of the front sheet; the open papers follow it. */
    packFrontPages: integer(),
    /** Public pack (open papers only): file name under the files folder, size, pages. */
    packFile: text(),
    packBytes: integer(),
    packPages: integer(),
    /** Members' pack: the public pack with the exempt papers after it. */
    fullPackFile: text(),
    fullPackBytes: integer(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('agenda_versions_meeting_version_unique').on(t.meetingId, t.version),
    index('agenda_versions_pack_status_idx').on(t.packStatus),
    // No CHECK on pack_status: adding one would rebuild the table; the code writes only PACK_STATUSES.
    check('agenda_versions_version_check', sql`${t.version} >= 1`),
  ],
);

/**
 * What a published agenda version froze. It holds exempt content too, for
 * members and clerks; public reads go through `toPublicAgenda()`, which removes it.
 * Never holds a questioner's email address.
 */
export interface AgendaSnapshot {
  items: AgendaSnapshotItem[];
  questions: AgendaSnapshotQuestion[];
  /**
   * The action log: the committee's actions still open from earlier meetings,
   * as they stood when the agenda was published, shown under the minutes item
   * (absent in agendas from before it was kept).
   */
  actionLog?: AgendaSnapshotAction[];
}

/** An open action as the action log froze it: only actions already public (published minutes, open items). */
export interface AgendaSnapshotAction {
  reference: string;
  description: string;
  owners: string[];
  dueDate: string | null;
  status: 'open' | 'in_progress';
  /** The meeting it came from, ISO 8601. */
  meetingStartsAt: string;
}

export interface AgendaSnapshotItem {
  id: number;
  number: number;
  kind: AgendaItemKind;
  title: string;
  purpose: string;
  plannedStart: string | null;
  exemptParagraph: number | null;
  exemptReason: string | null;
  lateReason: string | null;
  confirmsMinutesOfMeetingId: number | null;
  presenters: AgendaSnapshotPresenter[];
  papers: AgendaSnapshotPaper[];
}

export interface AgendaSnapshotPresenter {
  personId: number | null;
  name: string;
  capacity: string | null;
}

export interface AgendaSnapshotPaper {
  documentId: number;
  title: string;
  kind: DocumentKind;
  exemptParagraph: number | null;
  pageCount: number | null;
  packStartPage: number | null;
  packEndPage: number | null;
  byteSize: number | null;
}

export interface AgendaSnapshotQuestion {
  id: number;
  number: number;
  itemId: number | null;
  askerName: string;
  askerOrganisation: string | null;
  text: string;
  answerKind: 'written' | 'oral' | null;
  answerText: string | null;
}
