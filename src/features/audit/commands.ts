import { createHash, createHmac } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { auditKeyOf, type Db } from '../../db/client';
import { auditHead, auditLog } from '../../db/schema';

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

function contentOf(row: HashedContent): string {
  return JSON.stringify([
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
}

/** SHA-256 of the previous row's hash and this row's content, in a fixed order: rows from before the key. */
export function chainHash(prevHash: string, row: HashedContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(contentOf(row)).digest('hex');
}

/** What marks a hash made with the key. */
export const KEYED = 'k1:';

/** HMAC-SHA256 under the audit key of the previous row's hash and this row's content. */
export function keyedHash(key: Buffer, prevHash: string, row: HashedContent): string {
  return KEYED + createHmac('sha256', key).update(prevHash).update('\n').update(contentOf(row)).digest('hex');
}

export interface AuditHead {
  lastId: number;
  lastHash: string;
  rows: number;
  keyedFrom: number;
}

/** The seal on the head: without the key, a head moved back to hide removed rows cannot be made to match. */
export function headMac(key: Buffer, head: AuditHead): string {
  return createHmac('sha256', key)
    .update(JSON.stringify([head.lastId, head.lastHash, head.rows, head.keyedFrom]))
    .digest('hex');
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
  const key = auditKeyOf(db);
  const hash = keyedHash(key, prevHash, row);
  db.insert(auditLog)
    .values({ ...row, prevHash, hash })
    .run();
  // The head moves on with the trail, in the same transaction.
  const before = db.select().from(auditHead).where(eq(auditHead.id, 1)).get();
  const head: AuditHead = {
    lastId: row.id,
    lastHash: hash,
    rows: (before?.rows ?? row.id - 1) + 1,
    keyedFrom: before?.keyedFrom ?? row.id,
  };
  const sealed = { ...head, mac: headMac(key, head) };
  if (before) db.update(auditHead).set(sealed).where(eq(auditHead.id, 1)).run();
  else
    db.insert(auditHead)
      .values({ id: 1, ...sealed })
      .run();
}
