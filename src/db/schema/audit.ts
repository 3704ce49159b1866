import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { instant } from '../columns';

/**
 * The audit trail: one row per change, sign-in and refusal, append-only.
 * Triggers (migration 0002) reject UPDATE and DELETE; each row's `hash` is the
 * SHA-256 of the previous row's hash and this row's content, so a row changed
 * by hand breaks the chain from there on (`npm run audit:verify`).
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: instant().notNull(),
    /** No foreign key: the trail outlives the accounts it names. */
    userId: integer(),
    userEmail: text(),
    ip: text(),
    action: text().notNull(),
    recordType: text(),
    recordId: text(),
    before: text(),
    after: text(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    index('audit_log_record_idx').on(t.recordType, t.recordId, t.id),
    index('audit_log_user_idx').on(t.userId, t.id),
    index('audit_log_action_idx').on(t.action, t.id),
  ],
);
