import { asc, eq, max } from 'drizzle-orm';
import { inTransaction, tryOut, type Db } from '../../../db/client';
import { formatCalendarDate, formatDateTime, londonDate } from '../../../lib/dates';
import { dateFromParts, type DateParts } from '../../../lib/forms';
import { invalid, valid, type FieldErrors, type Validated } from '../../../lib/validation';
import type { Actor } from '../../audit/commands';
import {
  agendaItems,
  actionOwners,
  actionUpdates,
  actions,
  attendance,
  minutesVersions,
  resolutions,
} from '../../../db/schema';
import { RESOLUTION_OUTCOMES } from '../../../lib/enums';
import { meetingNameMatcher } from '../queries';
import { splitOwners } from '../names';
import { outcomeOf } from '../import/parse';
import { RESOLUTION_FIELDS, ACTION_FIELDS } from '../../../lib/fields';

import { writableItem, writableRecord, begun, audit, type Meeting } from './guards';
import { numberActions } from '../../actions/commands';

// ---------------------------------------------------------------- minute text

export type SaveTextResult =
  | { ok: true; revision: number; savedAt: Date }
  | { ok: false; errors: FieldErrors; conflict?: { text: string; revision: number; savedAt: Date } };

/**
 * Saves an item's minute text. `revision` is the revision the clerk's screen
 * started from: if someone saved since, nothing is overwritten and the newer
 * text comes back so both can be kept. Saving the same text twice (a retry
 * after a lost connection) is not a conflict.
 */
export function saveMinuteText(
  db: Db,
  actor: Actor,
  itemId: number,
  form: { minuteText: string; revision: string },
  now: Date,
): SaveTextResult {
  const text = form.minuteText.replace(/\r\n?/g, '\n');
  if (text.length > 100_000)
    return invalid({
      minuteText: 'The minute must be 100,000 characters or fewer: split it, or put the detail in a paper',
    });
  const base = /^\d+$/.test(form.revision.trim()) ? Number(form.revision.trim()) : null;
  return inTransaction(db, (tx): SaveTextResult => {
    const open = writableItem(tx, itemId);
    if (!open.ok) return open;
    const { item } = open;
    if (item.minuteText === text) return { ok: true, revision: item.minuteRevision, savedAt: item.updatedAt };
    if (base === null || base !== item.minuteRevision) {
      return {
        ok: false,
        errors: {
          minuteText: `This minute was changed elsewhere at ${formatDateTime(item.updatedAt)}. Your text is kept in the box and the newer text is shown below it: combine them, then save.`,
        },
        conflict: { text: item.minuteText, revision: item.minuteRevision, savedAt: item.updatedAt },
      };
    }
    const revision = item.minuteRevision + 1;
    tx.update(agendaItems)
      .set({ minuteText: text, minuteRevision: revision, updatedAt: now })
      .where(eq(agendaItems.id, itemId))
      .run();
    begun(tx, open.meeting);
    audit(
      tx,
      actor,
      item.meetingId,
      'minutes.text',
      { item: item.title, text: item.minuteText },
      { item: item.title, text },
      now,
    );
    return { ok: true, revision, savedAt: now };
  });
}

// ---------------------------------------------------------------- resolutions

/** Checks a resolution; the outcome, when not chosen, is the word in capitals in its text. */
function checkResolution(
  form: Record<(typeof RESOLUTION_FIELDS)[number], string>,
): Validated<{ text: string; outcome: (typeof RESOLUTION_OUTCOMES)[number] }> {
  const text = form.text.trim();
  const errors: FieldErrors = {};
  if (text === '') errors.text = 'Enter the text of the resolution, like “The Committee NOTED the report”';
  else if (text.length > 5000) errors.text = 'The resolution must be 5,000 characters or fewer';
  const chosen = form.outcome.trim();
  if (chosen !== '' && !(RESOLUTION_OUTCOMES as readonly string[]).includes(chosen))
    errors.outcome = 'Select an outcome from the list';
  const outcome = chosen !== '' ? (chosen as (typeof RESOLUTION_OUTCOMES)[number]) : outcomeOf(text);
  if (!errors.outcome && text !== '' && outcome === null) {
    errors.outcome = 'Select the outcome, or write it in capitals in the text, like NOTED or AGREED';
  }
  if (Object.keys(errors).length > 0 || outcome === null) return invalid(errors);
  return valid({ text, outcome });
}

export function addResolution(
  db: Db,
  actor: Actor,
  itemId: number,
  form: Record<(typeof RESOLUTION_FIELDS)[number], string>,
): Validated<{ resolutionId: number }> {
  const checked = checkResolution(form);
  if (!checked.ok) return checked;
  return inTransaction(db, (tx) => {
    const open = writableItem(tx, itemId);
    if (!open.ok) return open;
    const { item } = open;
    const position =
      (tx
        .select({ p: max(resolutions.position) })
        .from(resolutions)
        .where(eq(resolutions.agendaItemId, itemId))
        .get()?.p ?? 0) + 1;
    const row = tx
      .insert(resolutions)
      .values({ agendaItemId: itemId, position, ...checked.value })
      .returning()
      .get();
    begun(tx, open.meeting);
    audit(tx, actor, item.meetingId, 'minutes.resolution_add', null, { item: item.title, ...checked.value });
    return valid({ resolutionId: row.id });
  });
}

const APPROVING =
  'This resolution approved the minutes of an earlier meeting, which are locked by it: it cannot be changed or removed';

function approvesMinutes(tx: Db, resolutionId: number): boolean {
  return (
    tx
      .select({ id: minutesVersions.id })
      .from(minutesVersions)
      .where(eq(minutesVersions.approvingResolutionId, resolutionId))
      .get() !== undefined
  );
}

export function updateResolution(
  db: Db,
  actor: Actor,
  resolutionId: number,
  form: Record<(typeof RESOLUTION_FIELDS)[number], string>,
): Validated<null> {
  const checked = checkResolution(form);
  if (!checked.ok) return checked;
  return inTransaction(db, (tx) => {
    const open = writableRecord(
      tx,
      tx.select().from(resolutions).where(eq(resolutions.id, resolutionId)).get(),
      `resolution ${resolutionId}`,
    );
    if (!open.ok) return open;
    const { row, item } = open;
    if (approvesMinutes(tx, resolutionId)) return invalid({ _form: APPROVING });
    tx.update(resolutions).set(checked.value).where(eq(resolutions.id, resolutionId)).run();
    audit(
      tx,
      actor,
      item.meetingId,
      'minutes.resolution_change',
      { item: item.title, text: row.text, outcome: row.outcome },
      { item: item.title, ...checked.value },
    );
    return valid(null);
  });
}

export function removeResolution(db: Db, actor: Actor, resolutionId: number): Validated<null> {
  return inTransaction(db, (tx) => {
    const open = writableRecord(
      tx,
      tx.select().from(resolutions).where(eq(resolutions.id, resolutionId)).get(),
      `resolution ${resolutionId}`,
    );
    if (!open.ok) return open;
    const { row, item } = open;
    if (approvesMinutes(tx, resolutionId)) return invalid({ _form: APPROVING });
    tx.delete(resolutions).where(eq(resolutions.id, resolutionId)).run();
    audit(
      tx,
      actor,
      item.meetingId,
      'minutes.resolution_remove',
      { item: item.title, text: row.text, outcome: row.outcome },
      null,
    );
    return valid(null);
  });
}

// ---------------------------------------------------------------- actions

interface CheckedAction {
  owners: string[];
  description: string;
  dueDate: string | null;
}

function checkAction(
  meeting: Meeting,
  form: Record<(typeof ACTION_FIELDS)[number], string>,
  due: DateParts,
): Validated<CheckedAction> {
  const errors: FieldErrors = {};
  const owners = splitOwners(form.owners);
  if (owners.length === 0)
    errors.owners = 'Enter who owns the action, like Mr A Turner, or several as Mr A Turner/Ms F Cayley';
  else if (owners.some((o) => o.length > 120)) errors.owners = 'Each owner’s name must be 120 characters or fewer';
  else if (owners.length > 12) errors.owners = 'An action can have at most 12 owners';
  const description = form.description.trim();
  if (description === '') errors.description = 'Enter what is to be done';
  else if (description.length > 2000) errors.description = 'The action must be 2,000 characters or fewer';
  let dueDate: string | null = null;
  if (due.day || due.month || due.year) {
    const parsed = dateFromParts(due, 'Due date');
    if (!parsed.ok) errors.due = parsed.error;
    else if (parsed.value < londonDate(meeting.startsAt)) {
      errors.due = `Due date must be on or after the day of the meeting, ${formatCalendarDate(londonDate(meeting.startsAt))}`;
    } else dueDate = parsed.value;
  }
  if (Object.keys(errors).length > 0) return invalid(errors);
  return valid({ owners, description, dueDate });
}

/** Links each owner's name to the directory where it names one person clearly. */
function ownerRows(tx: Db, meeting: Meeting, actionId: number, owners: string[]) {
  const present = tx
    .select({ personId: attendance.personId })
    .from(attendance)
    .where(eq(attendance.meetingId, meeting.id))
    .all();
  const names = meetingNameMatcher(
    tx,
    meeting,
    present.map((p) => p.personId),
  );
  return owners.map((name, i) => {
    const match = names.match(name);
    // A surname alone is a guess: link only names that say who they are.
    const personId = match && match.how !== 'surname' ? match.id : null;
    return { actionId, personId, name, position: i + 1 };
  });
}

export function addAction(
  db: Db,
  actor: Actor,
  itemId: number,
  form: Record<(typeof ACTION_FIELDS)[number], string>,
  due: DateParts,
): Validated<{ actionId: number }> {
  return inTransaction(db, (tx) => {
    const open = writableItem(tx, itemId);
    if (!open.ok) return open;
    const { item } = open;
    const checked = checkAction(open.meeting, form, due);
    if (!checked.ok) return checked;
    const position =
      (tx
        .select({ p: max(actions.position) })
        .from(actions)
        .where(eq(actions.agendaItemId, itemId))
        .get()?.p ?? 0) + 1;
    const row = tx
      .insert(actions)
      .values({
        agendaItemId: itemId,
        position,
        description: checked.value.description,
        dueDate: checked.value.dueDate,
      })
      .returning()
      .get();
    tx.insert(actionOwners)
      .values(ownerRows(tx, open.meeting, row.id, checked.value.owners))
      .run();
    numberActions(tx, item.meetingId);
    begun(tx, open.meeting);
    audit(tx, actor, item.meetingId, 'minutes.action_add', null, { item: item.title, ...checked.value });
    return valid({ actionId: row.id });
  });
}

export function updateMinutedAction(
  db: Db,
  actor: Actor,
  actionId: number,
  form: Record<(typeof ACTION_FIELDS)[number], string>,
  due: DateParts,
): Validated<null> {
  return inTransaction(db, (tx) => {
    const open = writableRecord(
      tx,
      tx.select().from(actions).where(eq(actions.id, actionId)).get(),
      `action ${actionId}`,
    );
    if (!open.ok) return open;
    const { row, item } = open;
    const checked = checkAction(open.meeting, form, due);
    if (!checked.ok) return checked;
    const owners = tx
      .select({ name: actionOwners.name })
      .from(actionOwners)
      .where(eq(actionOwners.actionId, actionId))
      .orderBy(asc(actionOwners.position))
      .all();
    tx.update(actions)
      .set({ description: checked.value.description, dueDate: checked.value.dueDate })
      .where(eq(actions.id, actionId))
      .run();
    if (owners.map((o) => o.name).join('/') !== checked.value.owners.join('/')) {
      tx.delete(actionOwners).where(eq(actionOwners.actionId, actionId)).run();
      tx.insert(actionOwners)
        .values(ownerRows(tx, open.meeting, actionId, checked.value.owners))
        .run();
    }
    audit(
      tx,
      actor,
      item.meetingId,
      'minutes.action_change',
      { item: item.title, owners: owners.map((o) => o.name), description: row.description, dueDate: row.dueDate },
      { item: item.title, ...checked.value },
    );
    return valid(null);
  });
}

/** Removes an action minuted by mistake; one with progress recorded on it is kept. */
export function removeMinutedAction(db: Db, actor: Actor, actionId: number): Validated<null> {
  return inTransaction(db, (tx) => {
    const open = writableRecord(
      tx,
      tx.select().from(actions).where(eq(actions.id, actionId)).get(),
      `action ${actionId}`,
    );
    if (!open.ok) return open;
    const { row, item } = open;
    if (tx.select({ id: actionUpdates.id }).from(actionUpdates).where(eq(actionUpdates.actionId, actionId)).get()) {
      return invalid({
        _form: 'Progress has been recorded on this action, so it cannot be removed. Mark it as dropped instead.',
      });
    }
    tx.delete(actions).where(eq(actions.id, actionId)).run();
    audit(tx, actor, item.meetingId, 'minutes.action_remove', { item: item.title, description: row.description }, null);
    return valid(null);
  });
}

/** Whether removing a resolution would be refused, without removing it: checked before asking. */
export function checkRemoveResolution(db: Db, actor: Actor, resolutionId: number): Validated<unknown> {
  return tryOut(db, (tx) => removeResolution(tx, actor, resolutionId));
}

/** Whether removing an action would be refused, without removing it: checked before asking. */
export function checkRemoveMinutedAction(db: Db, actor: Actor, actionId: number): Validated<unknown> {
  return tryOut(db, (tx) => removeMinutedAction(tx, actor, actionId));
}
