import { and, asc, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Db } from '../../db/client';
import { meetings, workProgrammeEntries } from '../../db/schema';
import { WORK_PROGRAMME_STATUSES } from '../../lib/enums';
import type { WORK_PROGRAMME_FIELDS } from '../../lib/fields';
import { invalid, valid, validate, type Validated } from '../../lib/validation';
import { recordAudit, type Actor } from '../audit/commands';

export type WorkProgrammeForm = Record<(typeof WORK_PROGRAMME_FIELDS)[number], string>;

const entrySchema = z
  .object({
    topic: z.string().trim().min(1, 'Enter the topic').max(300, 'The topic must be 300 characters or fewer'),
    purpose: z.string().trim().max(4000, 'The purpose must be 4,000 characters or fewer'),
    leadPresenters: z.string().trim().max(1000, 'Lead presenters must be 1,000 characters or fewer'),
    contributors: z.string().trim().max(1000, 'Contributors must be 1,000 characters or fewer'),
    plannedMeetingId: z
      .string()
      .trim()
      .regex(/^(\d{1,9})?$/, 'Select a meeting, or “To be scheduled”'),
    status: z.enum(WORK_PROGRAMME_STATUSES, { message: 'Select the status' }),
    note: z.string().trim().max(2000, 'The note must be 2,000 characters or fewer'),
  })
  .strip();

/**
 * Adds (no entryId) or changes a topic of a committee's work programme. A
 * topic planned for a meeting must be one of the committee's; one marked
 * scheduled needs a meeting.
 */
export function saveEntry(
  db: Db,
  actor: Actor,
  committeeId: number,
  entryId: number | null,
  form: WorkProgrammeForm,
  now: Date,
): Validated<{ id: number }> {
  const checked = validate(entrySchema, form);
  if (!checked.ok) return checked;
  const { plannedMeetingId: meetingText, note, ...value } = checked.value;
  const plannedMeetingId = meetingText === '' ? null : Number(meetingText);
  return inTransaction(db, (tx): Validated<{ id: number }> => {
    if (plannedMeetingId !== null) {
      const meeting = tx
        .select({ id: meetings.id })
        .from(meetings)
        .where(and(eq(meetings.id, plannedMeetingId), eq(meetings.committeeId, committeeId)))
        .get();
      if (!meeting) return invalid({ plannedMeetingId: 'Select one of this committee’s meetings' });
    }
    if (value.status === 'scheduled' && plannedMeetingId === null) {
      return invalid({ plannedMeetingId: 'Select the meeting it is scheduled for, or change its status' });
    }
    const row = { ...value, note: note || null, plannedMeetingId, updatedAt: now };
    if (entryId === null) {
      const position =
        (tx
          .select({ p: max(workProgrammeEntries.position) })
          .from(workProgrammeEntries)
          .where(eq(workProgrammeEntries.committeeId, committeeId))
          .get()?.p ?? 0) + 1;
      const created = tx
        .insert(workProgrammeEntries)
        .values({ ...row, committeeId, position, createdAt: now })
        .returning()
        .get();
      recordAudit(tx, actor, {
        action: 'work_programme.create',
        recordType: 'work_programme_entry',
        recordId: created.id,
        after: created,
        at: now,
      });
      return valid({ id: created.id });
    }
    const before = tx.select().from(workProgrammeEntries).where(eq(workProgrammeEntries.id, entryId)).get();
    if (!before || before.committeeId !== committeeId) return invalid({ _form: 'That topic is not in this programme' });
    // Moved to another meeting: its old agenda item stays on that agenda, and is no longer this topic's.
    const agendaItemId = before.plannedMeetingId === plannedMeetingId ? before.agendaItemId : null;
    const after = tx
      .update(workProgrammeEntries)
      .set({ ...row, agendaItemId })
      .where(eq(workProgrammeEntries.id, entryId))
      .returning()
      .get();
    recordAudit(tx, actor, {
      action: 'work_programme.update',
      recordType: 'work_programme_entry',
      recordId: entryId,
      before,
      after,
      at: now,
    });
    return valid({ id: entryId });
  });
}

/** Moves a topic one place up or down the committee's programme. */
export function moveEntry(
  db: Db,
  actor: Actor,
  committeeId: number,
  entryId: number,
  direction: string,
  now: Date,
): Validated<{ id: number }> {
  if (direction !== 'up' && direction !== 'down') return invalid({ _form: 'Choose to move the topic up or down' });
  return inTransaction(db, (tx) => {
    const entries = tx
      .select({ id: workProgrammeEntries.id })
      .from(workProgrammeEntries)
      .where(eq(workProgrammeEntries.committeeId, committeeId))
      .orderBy(asc(workProgrammeEntries.position), asc(workProgrammeEntries.id))
      .all()
      .map((e) => e.id);
    const at = entries.indexOf(entryId);
    if (at < 0) return invalid({ _form: 'That topic is not in this programme' });
    const to = direction === 'up' ? at - 1 : at + 1;
    if (to < 0 || to >= entries.length) return valid({ id: entryId });
    [entries[at], entries[to]] = [entries[to] ?? entryId, entryId];
    entries.forEach((id, i) =>
      tx
        .update(workProgrammeEntries)
        .set({ position: i + 1 })
        .where(eq(workProgrammeEntries.id, id))
        .run(),
    );
    recordAudit(tx, actor, {
      action: 'work_programme.move',
      recordType: 'work_programme_entry',
      recordId: entryId,
      before: { position: at + 1 },
      after: { position: to + 1 },
      at: now,
    });
    return valid({ id: entryId });
  });
}
