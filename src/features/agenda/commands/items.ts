import { and, asc, desc, eq, gt, lt, ne, notInArray } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Db } from '../../../db/client';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { optionalText, parseTime, requiredText } from '../../../lib/forms';
import { paragraphFromForm } from '../../../lib/schedule12a';
import { invalid, valid, validate, type Validated } from '../../../lib/validation';
import { recordAudit, type Actor } from '../../audit/commands';
import { resolutions, actions, meetings, documents, workProgrammeEntries, agendaItems } from '../../../db/schema';
import { AGENDA_ITEM_KINDS, type AgendaItemKind } from '../../../lib/enums';

import { openAgenda, openItem, renumber, placeForNewItem } from './guards';

const itemSchema = z
  .object({
    title: requiredText(300, 'Enter the title of the item', 'Title'),
    purpose: z.string().trim().max(5000, 'Purpose must be 5,000 characters or fewer'),
    kind: z.enum(AGENDA_ITEM_KINDS, { message: 'Select the kind of item' }),
    plannedStart: z
      .string()
      .refine((v) => v.trim() === '' || parseTime(v) !== null, 'Start time must be a real time, like 10:05 or 2pm')
      .transform((v) => (v.trim() === '' ? null : parseTime(v))),
    durationMinutes: z
      .string()
      .trim()
      .refine((v) => v === '' || /^\d{1,3}$/.test(v), 'Duration must be a whole number of minutes, like 20')
      .transform((v) => (v === '' ? null : Number(v)))
      .refine((v) => v === null || (v >= 1 && v <= 600), 'Duration must be between 1 and 600 minutes'),
    exemptParagraph: z
      .string()
      .trim()
      .refine((v) => paragraphFromForm(v) !== null, 'Select a paragraph of Schedule 12A, from 1 to 7')
      .transform((v) => (v === '' ? null : Number(v))),
    exemptReason: optionalText(2000, 'Public interest reason'),
  })
  .superRefine((v, ctx) => {
    if (v.exemptParagraph !== null && !v.exemptReason) {
      ctx.addIssue({
        code: 'custom',
        path: ['exemptReason'],
        message:
          'Enter why the public interest in keeping the information private outweighs the interest in publishing it',
      });
    }
  });

function checkItem(form: Record<string, string>): Validated<z.output<typeof itemSchema>> {
  const checked = validate(itemSchema, form);
  if (!checked.ok) return checked;
  return valid({
    ...checked.value,
    exemptReason: checked.value.exemptParagraph === null ? null : checked.value.exemptReason,
  });
}

/** Adds an item at the end of a meeting's draft agenda. */
export function addItem(
  db: Db,
  actor: Actor,
  meetingId: number,
  form: Record<string, string>,
): Validated<{ itemId: number }> {
  return inTransaction(db, (tx) => {
    openAgenda(tx, meetingId);
    const checked = checkItem(form);
    if (!checked.ok) return checked;
    const item = tx
      .insert(agendaItems)
      .values({ meetingId, position: placeForNewItem(tx, meetingId), ...checked.value })
      .returning()
      .get();
    recordAudit(tx, actor, {
      action: 'agenda.item_add',
      recordType: 'meeting',
      recordId: meetingId,
      after: { item: item.title },
    });
    return valid({ itemId: item.id });
  });
}

/** Changes an item of the draft agenda. */
export function updateItem(
  db: Db,
  actor: Actor,
  itemId: number,
  form: Record<string, string>,
): Validated<{ itemId: number }> {
  return inTransaction(db, (tx) => {
    const before = openItem(tx, itemId);
    const checked = checkItem(form);
    if (!checked.ok) return checked;
    const after = tx.update(agendaItems).set(checked.value).where(eq(agendaItems.id, itemId)).returning().get();
    const pick = (i: typeof before) => ({
      item: i.title,
      purpose: i.purpose,
      kind: i.kind,
      plannedStart: i.plannedStart,
      durationMinutes: i.durationMinutes,
      exemptParagraph: i.exemptParagraph,
    });
    recordAudit(tx, actor, {
      action: 'agenda.item_change',
      recordType: 'meeting',
      recordId: before.meetingId,
      before: pick(before),
      after: pick(after),
    });
    return valid({ itemId });
  });
}

/**
 * Removes an item from the draft agenda; its papers stay on file (published
 * versions may show them). An item whose minute has been taken keeps it:
 * the minute, resolutions and actions are taken off on the minutes screen first.
 */
export function removeItem(db: Db, actor: Actor, itemId: number): Validated<null> {
  return inTransaction(db, (tx) => {
    const item = openItem(tx, itemId);
    const resolved = tx
      .select({ id: resolutions.id })
      .from(resolutions)
      .where(eq(resolutions.agendaItemId, itemId))
      .all().length;
    const actioned = tx.select({ id: actions.id }).from(actions).where(eq(actions.agendaItemId, itemId)).all().length;
    if (item.minuteText.trim() !== '' || resolved > 0 || actioned > 0) {
      return invalid({
        _form: `“${item.title}” has its minute recorded${resolved + actioned > 0 ? ` (${resolved} resolution${resolved === 1 ? '' : 's'}, ${actioned} action${actioned === 1 ? '' : 's'})` : ''}: removing it would lose them. Take them off on the minutes screen first.`,
      });
    }
    tx.update(documents).set({ agendaItemId: null }).where(eq(documents.agendaItemId, itemId)).run();
    tx.update(workProgrammeEntries)
      .set({ agendaItemId: null, status: 'proposed' })
      .where(eq(workProgrammeEntries.agendaItemId, itemId))
      .run();
    tx.delete(agendaItems).where(eq(agendaItems.id, itemId)).run();
    renumber(tx, item.meetingId);
    recordAudit(tx, actor, {
      action: 'agenda.item_remove',
      recordType: 'meeting',
      recordId: item.meetingId,
      before: { item: item.title },
    });
    return valid(null);
  });
}

/** Moves an item one place up or down. */
export function moveItem(db: Db, actor: Actor, itemId: number, direction: 'up' | 'down'): void {
  db.transaction((tx) => {
    const item = openItem(tx, itemId);
    renumber(tx, item.meetingId);
    const current = tx.select().from(agendaItems).where(eq(agendaItems.id, itemId)).get();
    if (!current) return;
    const neighbour = tx
      .select()
      .from(agendaItems)
      .where(
        and(
          eq(agendaItems.meetingId, item.meetingId),
          direction === 'up' ? lt(agendaItems.position, current.position) : gt(agendaItems.position, current.position),
        ),
      )
      .orderBy(direction === 'up' ? desc(agendaItems.position) : asc(agendaItems.position))
      .limit(1)
      .get();
    if (!neighbour) return;
    tx.update(agendaItems).set({ position: neighbour.position }).where(eq(agendaItems.id, current.id)).run();
    tx.update(agendaItems).set({ position: current.position }).where(eq(agendaItems.id, neighbour.id)).run();
    recordAudit(tx, actor, {
      action: 'agenda.item_move',
      recordType: 'meeting',
      recordId: item.meetingId,
      before: { item: item.title, number: current.position },
      after: { item: item.title, number: neighbour.position },
    });
  });
}

/**
 * Starts an empty agenda with the committee's standard items: apologies,
 * declarations, the previous meeting's minutes (linked to them), public
 * questions, the chairman's update, the work programme, the next meeting.
 */
export function startWithStandardItems(db: Db, actor: Actor, meetingId: number): Validated<{ count: number }> {
  return inTransaction(db, (tx) => {
    const meeting = openAgenda(tx, meetingId);
    if (tx.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).get()) {
      return invalid({ _form: 'This agenda already has items: the standard items are only for an empty agenda' });
    }
    const previous = tx
      .select()
      .from(meetings)
      .where(
        and(
          eq(meetings.committeeId, meeting.committeeId),
          lt(meetings.startsAt, meeting.startsAt),
          notInArray(meetings.status, ['cancelled', 'postponed']),
        ),
      )
      .orderBy(desc(meetings.startsAt))
      .limit(1)
      .get();
    const next = tx
      .select()
      .from(meetings)
      .where(
        and(
          eq(meetings.committeeId, meeting.committeeId),
          gt(meetings.startsAt, meeting.startsAt),
          ne(meetings.status, 'cancelled'),
        ),
      )
      .orderBy(asc(meetings.startsAt))
      .limit(1)
      .get();
    const standard: {
      kind: AgendaItemKind;
      title: string;
      purpose: string;
      confirmsMinutesOfMeetingId?: number | null;
    }[] = [
      { kind: 'apologies', title: 'Apologies for absence and changes in membership', purpose: '' },
      { kind: 'declarations', title: 'Declarations of interest', purpose: '' },
      {
        kind: 'minutes',
        title: 'Minutes',
        purpose: previous
          ? `To confirm the minutes of the meeting held on ${formatDate(previous.startsAt)}.`
          : 'To confirm the minutes of the previous meeting.',
        confirmsMinutesOfMeetingId: previous?.id ?? null,
      },
      { kind: 'public_questions', title: 'Public questions', purpose: '' },
      {
        kind: 'chairmans_update',
        title: 'Chairman’s update',
        purpose: 'For the Chairman to update members on activities since the last meeting.',
      },
      {
        kind: 'work_programme',
        title: 'Work programme',
        purpose: 'For the Committee to consider and agree its work programme.',
      },
      {
        kind: 'next_meeting',
        title: 'Date of next meeting',
        purpose: next ? `The next meeting is due to take place on ${formatDateTime(next.startsAt)}.` : '',
      },
    ];
    standard.forEach((item, i) =>
      tx
        .insert(agendaItems)
        .values({ meetingId, position: i + 1, ...item })
        .run(),
    );
    recordAudit(tx, actor, {
      action: 'agenda.standard_items',
      recordType: 'meeting',
      recordId: meetingId,
      after: { items: standard.length },
    });
    return valid({ count: standard.length });
  });
}

/** Puts a work programme entry planned for this meeting on its agenda. */
export function addFromWorkProgramme(
  db: Db,
  actor: Actor,
  meetingId: number,
  entryId: number,
): Validated<{ itemId: number }> {
  return inTransaction(db, (tx) => {
    openAgenda(tx, meetingId);
    const entry = tx.select().from(workProgrammeEntries).where(eq(workProgrammeEntries.id, entryId)).get();
    if (!entry || entry.plannedMeetingId !== meetingId)
      return invalid({ _form: 'That topic is not planned for this meeting' });
    if (entry.agendaItemId !== null) return invalid({ _form: 'That topic is already on the agenda' });
    const item = tx
      .insert(agendaItems)
      .values({
        meetingId,
        position: placeForNewItem(tx, meetingId),
        kind: 'business',
        title: entry.topic,
        purpose: entry.purpose,
      })
      .returning()
      .get();
    tx.update(workProgrammeEntries)
      .set({ agendaItemId: item.id, status: 'scheduled' })
      .where(eq(workProgrammeEntries.id, entryId))
      .run();
    recordAudit(tx, actor, {
      action: 'agenda.item_add',
      recordType: 'meeting',
      recordId: meetingId,
      after: { item: item.title, fromWorkProgramme: entryId },
    });
    return valid({ itemId: item.id });
  });
}

/**
 * Adds a presenter to an item: someone from the directory, or a new person
 * added to the directory there and then, with the capacity they present in.
 */
