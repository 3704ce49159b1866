import { and, asc, desc, eq, gt } from 'drizzle-orm';
import { auditKeyOf, type Db } from '../../db/client';
import { auditHead, auditLog } from '../../db/schema';
import { GENESIS_HASH, KEYED, chainHash, headMac, keyedHash } from './commands';

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
  | { ok: true; rows: number; head: AuditHeadLine | null; keyedFrom: number | null }
  | {
      ok: false;
      rows: number;
      brokenRowId: number | null;
      at: Date | null;
      reason: string;
      /** The first row sealed with the key: broken there, the key may be the wrong one. */
      keyedFrom: number | null;
    };

/** The head as audit:verify prints it: worth writing down elsewhere, to prove later that no row has gone since. */
export interface AuditHeadLine {
  lastId: number;
  lastHash: string;
}

/**
 * Walks the audit trail from the first row, recomputing each seal with the
 * key, and checks that it ends where its sealed head says. Names the first
 * row whose content or link to the row before does not match; says so when
 * rows were removed from the end, or the head was changed.
 */
export function verifyAuditChain(db: Db): ChainCheck {
  const key = auditKeyOf(db);
  const head = db.select().from(auditHead).where(eq(auditHead.id, 1)).get();
  const keyedFrom = head?.keyedFrom ?? null;
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let rows = 0;
  let lastId = 0;
  for (const row of pages(db)) {
    rows++;
    const broken = (reason: string): ChainCheck => ({
      ok: false,
      rows,
      brokenRowId: row.id,
      at: row.at,
      reason,
      keyedFrom,
    });
    if (row.id !== expectedId) return broken(`row ${expectedId} is missing before it`);
    if (row.prevHash !== prevHash) return broken('it does not follow from the row before it');
    const keyed = row.hash.startsWith(KEYED);
    // Once the key was in use, every row is sealed with it: a plain hash after that is a row re-made without it.
    if (!keyed && (keyedFrom === null ? false : row.id >= keyedFrom))
      return broken('it is not sealed with the audit key');
    if (keyed && keyedFrom === null) return broken('its seal has no head: the head of the trail was removed');
    const expected = keyed ? keyedHash(key, prevHash, row) : chainHash(prevHash, row);
    if (expected !== row.hash) {
      return broken('its content does not match its hash');
    }
    prevHash = row.hash;
    lastId = row.id;
    expectedId++;
  }
  if (!head) return { ok: true, rows, head: null, keyedFrom: null };
  const broken = (reason: string): ChainCheck => ({ ok: false, rows, brokenRowId: null, at: null, reason, keyedFrom });
  if (headMac(key, head) !== head.mac) return broken('the head of the trail does not match its seal: it was changed');
  if (head.lastId !== lastId || head.lastHash !== prevHash || head.rows !== rows) {
    return broken(
      head.lastId > lastId
        ? `the trail ends at row ${lastId} but its head says row ${head.lastId}: ${head.lastId - lastId} row${head.lastId - lastId === 1 ? '' : 's'} removed from the end`
        : `the trail does not end where its head says (row ${head.lastId})`,
    );
  }
  return { ok: true, rows, head: { lastId: head.lastId, lastHash: head.lastHash }, keyedFrom: head.keyedFrom };
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
