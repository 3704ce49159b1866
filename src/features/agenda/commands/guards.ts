import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { LockedError } from '../../../lib/errors';
import { meetings, agendaItems } from '../../../db/schema';

export type Meeting = typeof meetings.$inferSelect;

/** The meeting, while its agenda may change: once its minutes are approved, the agenda is part of that record. */
export function openAgenda(db: Db, meetingId: number): Meeting {
  const meeting = db.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) throw new Error(`No meeting ${meetingId}`);
  if (meeting.minutesStatus === 'approved') {
    throw new LockedError(
      'The minutes of this meeting are approved, so its agenda is part of the record and cannot be changed.',
    );
  }
  return meeting;
}

/** An item, while its agenda may change. */
export function openItem(db: Db, itemId: number): typeof agendaItems.$inferSelect {
  const item = db.select().from(agendaItems).where(eq(agendaItems.id, itemId)).get();
  if (!item) throw new Error(`No item ${itemId}`);
  openAgenda(db, item.meetingId);
  return item;
}

/** Renumbers a meeting's items 1…n in their current order. */
export function renumber(db: Db, meetingId: number): void {
  const items = db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id))
    .all();
  items.forEach((item, i) =>
    db
      .update(agendaItems)
      .set({ position: i + 1 })
      .where(eq(agendaItems.id, item.id))
      .run(),
  );
}

/** The items that close an agenda, in the standard order: new business goes before them. */
const CLOSING_KINDS: readonly string[] = ['work_programme', 'next_meeting'];

/**
 * Where a new item goes: at the end of the business, before the closing
 * standard items (the work programme, the date of the next meeting), which
 * move down one place to make room. On an agenda without them, at the end.
 */
export function placeForNewItem(db: Db, meetingId: number): number {
  const items = db
    .select({ id: agendaItems.id, kind: agendaItems.kind })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id))
    .all();
  let first = items.length;
  while (first > 0 && CLOSING_KINDS.includes(items[first - 1]?.kind ?? '')) first--;
  items.slice(first).forEach((item, i) =>
    db
      .update(agendaItems)
      .set({ position: first + i + 2 })
      .where(eq(agendaItems.id, item.id))
      .run(),
  );
  return first + 1;
}
