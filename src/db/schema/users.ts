import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { instant, oneOf, timestamps } from '../columns';
import { USER_ROLES } from '../../lib/enums';
import { committees } from './committees';
import { people } from './people';

export const users = sqliteTable(
  'users',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** Stored lower-cased. */
    email: text().notNull(),
    displayName: text().notNull(),
    /** argon2id, PHC string. */
    passwordHash: text().notNull(),
    role: text({ enum: USER_ROLES }).notNull(),
    /** The person in the directory this user is (a member owning actions, a clerk). */
    personId: integer().references(() => people.id, { onDelete: 'set null' }),
    disabled: integer({ mode: 'boolean' }).notNull().default(false),
    /** An account of the demo data: never allowed in production. */
    demo: integer({ mode: 'boolean' }).notNull().default(false),
    lastSignInAt: instant(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    index('users_person_idx').on(t.personId),
    check('users_role_check', oneOf(t.role, USER_ROLES)),
    check('users_email_lower_check', sql`${t.email} = lower(${t.email})`),
  ],
);

/** The committees a clerk manages, or a member belongs to, for access. */
export const userCommittees = sqliteTable(
  'user_committees',
  {
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    committeeId: integer()
      .notNull()
      .references(() => committees.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.committeeId] }), index('user_committees_committee_idx').on(t.committeeId)],
);
