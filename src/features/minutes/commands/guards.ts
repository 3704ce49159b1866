import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { formatDateTime } from '../../../lib/dates';
import { LockedError } from '../../../lib/errors';
import { invalid, type FieldErrors } from '../../../lib/validation';
import { recordAudit, type Actor } from '../../audit/commands';
import { agendaItems, meetings, minutesVersions } from '../../../db/schema';

export type Meeting = typeof meetings.$inferSelect;
export type Item = typeof agendaItems.$inferSelect;

/**
 * The meeting, when its minutes may still be written. Approved minutes are a
 * legal record: changing them is refused with LockedError (answered 409),
 * the one way every locked record refuses. A cancelled meeting has no minutes.
 */
export function writable(
  tx: Db,
  meetingId: number,
): { ok: true; meeting: Meeting } | { ok: false; errors: FieldErrors } {
  const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) throw new Error(`No meeting ${meetingId}`);
  if (meeting.minutesStatus === 'approved') {
    const approved = tx
      .select({ at: minutesVersions.approvedAt })
      .from(minutesVersions)
      .where(eq(minutesVersions.meetingId, meetingId))
      .orderBy(desc(minutesVersions.version))
      .get();
    const when = approved?.at ? ` on ${formatDateTime(approved.at)}` : '';
    throw new LockedError(
      `These minutes were approved${when} and are now a legal record: they cannot be changed. Record an amendment instead.`,
    );
  }
  if (meeting.status === 'cancelled' || meeting.status === 'postponed') {
    return invalid({ _form: `This meeting was ${meeting.status}, so it has no minutes.` });
  }
  return { ok: true, meeting };
}

/** The first thing written makes the minutes a draft. */
export function begun(tx: Db, meeting: Meeting): void {
  if (meeting.minutesStatus === 'none')
    tx.update(meetings).set({ minutesStatus: 'draft' }).where(eq(meetings.id, meeting.id)).run();
}

export function itemOf(tx: Db, itemId: number): Item {
  const item = tx.select().from(agendaItems).where(eq(agendaItems.id, itemId)).get();
  if (!item) throw new Error(`No item ${itemId}`);
  return item;
}

/** An item, when its meeting's minutes may still be written. */
export function writableItem(
  tx: Db,
  itemId: number,
): { ok: true; item: Item; meeting: Meeting } | { ok: false; errors: FieldErrors } {
  const item = itemOf(tx, itemId);
  const open = writable(tx, item.meetingId);
  return open.ok ? { ok: true, item, meeting: open.meeting } : open;
}

/** A resolution or an action with its item, when its minutes may still be written. */
export function writableRecord<T extends { agendaItemId: number }>(
  tx: Db,
  row: T | undefined,
  what: string,
): { ok: true; row: T; item: Item; meeting: Meeting } | { ok: false; errors: FieldErrors } {
  if (!row) throw new Error(`No ${what}`);
  const open = writableItem(tx, row.agendaItemId);
  return open.ok ? { ...open, row } : open;
}

export function audit(
  tx: Db,
  actor: Actor,
  meetingId: number,
  action: string,
  before: unknown,
  after: unknown,
  at?: Date,
): void {
  recordAudit(tx, actor, { action, recordType: 'meeting', recordId: meetingId, before, after, at });
}
