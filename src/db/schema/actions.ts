import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { instant, oneOf, timestamps } from '../columns';
import { ACTION_STATUSES } from '../../lib/enums';
import { agendaItems } from './agenda';
import { people } from './people';

/** An ACTION point minuted on an item, followed up until done. */
export const actions = sqliteTable(
  'actions',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    agendaItemId: integer()
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'restrict' }),
    position: integer().notNull().default(0),
    /**
     * A stable reference people quote in correspondence: the committee's code,
     * the meeting's London date and the action's number at that meeting,
     * "HASC/2020-11-05/3" (in URLs with dashes: /actions/HASC-2020-11-05-3).
     */
    reference: text(),
    description: text().notNull(),
    /** 'YYYY-MM-DD', London. */
    dueDate: text(),
    status: text({ enum: ACTION_STATUSES }).notNull().default('open'),
    /** When the minutes that record it were first published; null while only a draft has it, always for an exempt item. */
    publishedAt: instant(),
    /**
     * Its item's meeting and committee, kept by triggers (migration 0010) so
     * that lists of 100,000 actions filter and sort without joins.
     */
    meetingId: integer(),
    committeeId: integer(),
    ...timestamps,
  },
  (t) => [
    index('actions_item_idx').on(t.agendaItemId, t.position),
    index('actions_published_idx').on(t.publishedAt, t.status, t.dueDate),
    index('actions_committee_idx').on(t.committeeId, t.status, t.dueDate, t.publishedAt),
    index('actions_due_order_idx').on(sql`coalesce(${t.dueDate}, '9999-12-31')`, t.id),
    index('actions_committee_due_order_idx').on(t.committeeId, sql`coalesce(${t.dueDate}, '9999-12-31')`, t.id),
    index('actions_status_due_idx').on(t.status, t.dueDate),
    uniqueIndex('actions_reference_unique').on(t.reference),
    check('actions_status_check', oneOf(t.status, ACTION_STATUSES)),
  ],
);

/** An owner of an action: a person in the directory, or a name as minuted. */
export const actionOwners = sqliteTable(
  'action_owners',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    actionId: integer()
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    personId: integer().references(() => people.id, { onDelete: 'restrict' }),
    /** The owner as written in the minutes ("The Chairman", "Ms F Momem"). */
    name: text().notNull(),
    position: integer().notNull().default(0),
  },
  (t) => [
    index('action_owners_action_idx').on(t.actionId, t.position),
    index('action_owners_person_idx').on(t.personId),
    // Owners named only in words ("The Chairman"), for the owner search: few, so scanned quickly.
    index('action_owners_unlinked_idx')
      .on(t.name, t.actionId)
      .where(sql`${t.personId} is null`),
    check('action_owners_name_check', sql`length(trim(${t.name})) > 0`),
  ],
);

/** Every change to an action: who, when, the status it moved from and to, and a note, public or not. */
export const actionUpdates = sqliteTable(
  'action_updates',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    actionId: integer()
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    status: text({ enum: ACTION_STATUSES }).notNull(),
    /** The status before this update (null in updates from before it was kept). */
    fromStatus: text({ enum: ACTION_STATUSES }),
    note: text().notNull().default(''),
    /** Shown on the public action page; otherwise only members and clerks read it. */
    notePublic: integer({ mode: 'boolean' }).notNull().default(false),
    authorPersonId: integer().references(() => people.id, { onDelete: 'set null' }),
    /** Who wrote it, as shown: the signed-in user's name, or the owner who used their link. */
    authorName: text(),
    ...timestamps,
  },
  (t) => [
    index('action_updates_action_idx').on(t.actionId, t.createdAt),
    check('action_updates_status_check', oneOf(t.status, ACTION_STATUSES)),
  ],
);

/**
 * A link emailed to an owner without an account, to update the action
 * without signing in. Only a hash of its token is kept; it expires, and a
 * new one (the clerk's "send the link again") replaces the old.
 */
export const actionOwnerLinks = sqliteTable(
  'action_owner_links',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    actionOwnerId: integer()
      .notNull()
      .references(() => actionOwners.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull(),
    expiresAt: instant().notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('action_owner_links_token_unique').on(t.tokenHash),
    index('action_owner_links_owner_idx').on(t.actionOwnerId),
  ],
);

/**
 * A reminder sent: one row per record, kind and step (the due date it was
 * about), so a step is never sent twice, however often or concurrently the
 * reminders run.
 */
export const remindersSent = sqliteTable(
  'reminders_sent',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    kind: text().notNull(),
    recordId: integer().notNull(),
    /** What the reminder was about, e.g. the due date: a new date is a new step. */
    step: text().notNull(),
    recipient: text().notNull(),
    sentAt: instant().notNull(),
  },
  (t) => [uniqueIndex('reminders_sent_unique').on(t.kind, t.recordId, t.step, t.recipient)],
);
