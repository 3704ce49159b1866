import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { oneOf, timestamps } from '../columns';
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
    /** A stable reference people quote in correspondence, e.g. "HASC-20201105-3.1". */
    reference: text(),
    description: text().notNull(),
    /** 'YYYY-MM-DD', London. */
    dueDate: text(),
    status: text({ enum: ACTION_STATUSES }).notNull().default('open'),
    ...timestamps,
  },
  (t) => [
    index('actions_item_idx').on(t.agendaItemId, t.position),
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
    check('action_owners_name_check', sql`length(trim(${t.name})) > 0`),
  ],
);

/** Every change to an action: who, when, the status it moved to, and a note. */
export const actionUpdates = sqliteTable(
  'action_updates',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    actionId: integer()
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    status: text({ enum: ACTION_STATUSES }).notNull(),
    note: text().notNull().default(''),
    authorPersonId: integer().references(() => people.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('action_updates_action_idx').on(t.actionId, t.createdAt),
    check('action_updates_status_check', oneOf(t.status, ACTION_STATUSES)),
  ],
);
