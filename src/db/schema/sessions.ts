import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { instant } from '../columns';
import { users } from './users';

/**
 * Server-side sessions. The id is the SHA-256 of the session id in the
 * cookie, so a copy of the database does not hand out live sessions.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text().primaryKey(),
    userId: integer().references(() => users.id, { onDelete: 'cascade' }),
    data: text().notNull(),
    expiresAt: instant().notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);
