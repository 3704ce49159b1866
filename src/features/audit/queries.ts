import { and, asc, desc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema';
import { GENESIS_HASH, chainHash } from './commands';

/** The whole trail in pages of a thousand rows, so memory stays flat however long it grows. */
function* pages(db: Db) {
  let after = 0;
  for (;;) {
    const page = db.select().from(auditLog).where(gt(auditLog.id, after)).orderBy(asc(auditLog.id)).limit(1000).all();
    if (page.length === 0) return;
    yield* page;
    after = page[page.length - 1]?.id ?? after;
  }
}

export type ChainCheck =
  { ok: true; rows: number } | { ok: false; rows: number; brokenRowId: number; at: Date; reason: string };

/**
 * Walks the audit trail from the first row, recomputing each hash. Names the
 * first row whose content or link to the row before does not match.
 */
export function verifyAuditChain(db: Db): ChainCheck {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let rows = 0;
  for (const row of pages(db)) {
    rows++;
    if (row.id !== expectedId) {
      return { ok: false, rows, brokenRowId: row.id, at: row.at, reason: `row ${expectedId} is missing before it` };
    }
    if (row.prevHash !== prevHash) {
      return { ok: false, rows, brokenRowId: row.id, at: row.at, reason: 'it does not follow from the row before it' };
    }
    if (chainHash(prevHash, row) !== row.hash) {
      return { ok: false, rows, brokenRowId: row.id, at: row.at, reason: 'its content does not match its hash' };
    }
    prevHash = row.hash;
    expectedId++;
  }
  return { ok: true, rows };
}

export interface HistoryEntry {
  id: number;
  at: Date;
  who: string;
  action: string;
  changes: { field: string; before: unknown; after: unknown }[];
}

function parse(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  const value: unknown = JSON.parse(json);
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : { value };
}

/** Fields that are the database's bookkeeping, not something a person changed. */
const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt', 'calendarSequence', 'passwordHash']);

/** Fields whose value differs between two versions of a record, in a stable order. */
function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): { field: string; before: unknown; after: unknown }[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys
    .filter((k) => !BOOKKEEPING.has(k))
    .filter((k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after?.[k] ?? null))
    .map((k) => ({ field: k, before: before?.[k] ?? null, after: after?.[k] ?? null }));
}

/** The trail of one record, newest first: who, when, what changed. */
export function recordHistory(db: Db, recordType: string, recordId: string | number, limit = 50): HistoryEntry[] {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.recordType, recordType), eq(auditLog.recordId, String(recordId))))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all()
    .map((row) => ({
      id: row.id,
      at: row.at,
      who: row.userEmail ?? 'unknown',
      action: row.action,
      changes: changedFields(parse(row.before), parse(row.after)),
    }));
}
