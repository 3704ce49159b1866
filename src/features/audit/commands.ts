import { createHash } from 'node:crypto';
import { desc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema';

/** Who did something: a signed-in user, or the system (command line, demo loader). */
export interface Actor {
  userId: number | null;
  /** The user's email at the time, or "system:<what>". */
  email: string | null;
  ip: string | null;
}

export const systemActor = (what: string): Actor => ({ userId: null, email: `system:${what}`, ip: null });

export interface AuditEntry {
  /** "meeting.update", "auth.sign_in", "permission.refused" … */
  action: string;
  recordType?: string | null;
  recordId?: string | number | null;
  before?: unknown;
  after?: unknown;
  at?: Date;
}

/** The hash the chain starts from. */
export const GENESIS_HASH = '0'.repeat(64);

export interface HashedContent {
  id: number;
  at: Date;
  userId: number | null;
  userEmail: string | null;
  ip: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  before: string | null;
  after: string | null;
}

/** SHA-256 of the previous row's hash and this row's content, in a fixed order. */
export function chainHash(prevHash: string, row: HashedContent): string {
  const content = JSON.stringify([
    row.id,
    row.at.toISOString(),
    row.userId,
    row.userEmail,
    row.ip,
    row.action,
    row.recordType,
    row.recordId,
    row.before,
    row.after,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

function toJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value);
}

/**
 * Appends one entry to the audit trail. Call it inside the transaction that
 * makes the change, so the change and its record stand or fall together.
 */
export function recordAudit(db: Db, actor: Actor, entry: AuditEntry): void {
  const last = db
    .select({ id: auditLog.id, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(1)
    .get();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row: HashedContent = {
    id: (last?.id ?? 0) + 1,
    at: entry.at ?? new Date(),
    userId: actor.userId,
    userEmail: actor.email,
    ip: actor.ip,
    action: entry.action,
    recordType: entry.recordType ?? null,
    recordId: entry.recordId === undefined || entry.recordId === null ? null : String(entry.recordId),
    before: toJson(entry.before),
    after: toJson(entry.after),
  };
  db.insert(auditLog)
    .values({ ...row, prevHash, hash: chainHash(prevHash, row) })
    .run();
}
