import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { instant } from '../columns';

/**
 * The audit trail: one row per change, sign-in and refusal, append-only.
 * Triggers (migration 0002) reject UPDATE and DELETE; each row's `hash` is an
 * HMAC-SHA256, under a key kept outside the database (AUDIT_KEY), of the
 * previous row's hash and this row's content ("k1:…"; rows written before
 * the key existed are plain SHA-256). A row changed by hand breaks the chain
 * from there on, and cannot be sealed again without the key
 * (`npm run audit:verify`).
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

/**
 * Where the audit trail ends, sealed with the same key: its last row, its
 * count, and from which row on it is keyed. Removing the newest rows leaves
 * the head pointing past the end, so a shortened trail is found out too.
 * One row (id 1), moved on by every audit entry in the same transaction.
 */
export const auditHead = sqliteTable('audit_head', {
  id: integer().primaryKey(),
  lastId: integer().notNull(),
  lastHash: text().notNull(),
  rows: integer().notNull(),
  /** The first row sealed with the key (earlier rows predate it). */
  keyedFrom: integer().notNull(),
  mac: text().notNull(),
});
