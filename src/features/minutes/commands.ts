import { and, asc, desc, eq, max, ne } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Db } from '../../db/client';
import { formatCalendarDate, formatDateTime, fromLondon, londonDate } from '../../lib/dates';
import { dateFromParts, optionalText, parseTime, requiredText, type DateParts } from '../../lib/forms';
import { invalid, valid, validate, type FieldErrors, type Validated } from '../../lib/validation';
import { recordAudit, systemActor, type Actor } from '../audit/commands';
import {
  meetings,
  agendaItems,
  actionOwners,
  actionUpdates,
  actions,
  attendance,
  declarations,
  minutesAmendments,
  minutesVersions,
  resolutions,
} from '../../db/schema';
import { changeMeetingStatus } from '../meetings/commands';
import { membersOn } from '../committees/queries';
import { checkPersonChoice, personFromChoice } from '../people/commands';
import { DECLARATION_KINDS, RESOLUTION_OUTCOMES, MEMBER_STATUSES, type MemberStatus } from '../../lib/enums';
import { buildMinutesSnapshot, meetingNameMatcher, sameMinutes } from './queries';
import { splitOwners } from './names';
import { outcomeOf } from './import/parse';
import {
  TIMES_FIELDS,
  SUBSTITUTE_FIELDS,
  OTHER_FIELDS,
  DECLARATION_FIELDS,
  RESOLUTION_FIELDS,
  ACTION_FIELDS,
  APPROVAL_FIELDS,
  AMENDMENT_FIELDS,
} from '../../lib/fields';

type Meeting = typeof meetings.$inferSelect;
type Item = typeof agendaItems.$inferSelect;

/** The key of the message given when the minutes are approved and so locked (the route answers 409). */
export const LOCKED = '_locked';

/** The meeting, when its minutes may still be written; otherwise why not. */
function writable(tx: Db, meetingId: number): { ok: true; meeting: Meeting } | { ok: false; errors: FieldErrors } {
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
    return invalid({
      [LOCKED]: `These minutes were approved${when} and are now a legal record: they cannot be changed. Record an amendment instead.`,
    });
  }
  if (meeting.status === 'cancelled' || meeting.status === 'postponed') {
    return invalid({ _form: `This meeting was ${meeting.status}, so it has no minutes.` });
  }
  return { ok: true, meeting };
}

/** The first thing written makes the minutes a draft. */
function begun(tx: Db, meeting: Meeting): void {
  if (meeting.minutesStatus === 'none')
    tx.update(meetings).set({ minutesStatus: 'draft' }).where(eq(meetings.id, meeting.id)).run();
}

function itemOf(tx: Db, itemId: number): Item {
  const item = tx.select().from(agendaItems).where(eq(agendaItems.id, itemId)).get();
  if (!item) throw new Error(`No item ${itemId}`);
  return item;
}

/** An item, when its meeting's minutes may still be written. */
function writableItem(
  tx: Db,
  itemId: number,
): { ok: true; item: Item; meeting: Meeting } | { ok: false; errors: FieldErrors } {
  const item = itemOf(tx, itemId);
  const open = writable(tx, item.meetingId);
  return open.ok ? { ok: true, item, meeting: open.meeting } : open;
}

/** A resolution or an action with its item, when its minutes may still be written. */
function writableRecord<T extends { agendaItemId: number }>(
  tx: Db,
  row: T | undefined,
  what: string,
): { ok: true; row: T; item: Item; meeting: Meeting } | { ok: false; errors: FieldErrors } {
  if (!row) throw new Error(`No ${what}`);
  const open = writableItem(tx, row.agendaItemId);
  return open.ok ? { ...open, row } : open;
}

function audit(
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

// ---------------------------------------------------------------- times

/** When the meeting began and ended, as minuted ("10am", "1.24pm"). */
export function saveTimes(
  db: Db,
  actor: Actor,
  meetingId: number,
  form: Record<(typeof TIMES_FIELDS)[number], string>,
): Validated<null> {
  const errors: FieldErrors = {};
  const started = form.startedAt.trim() === '' ? null : parseTime(form.startedAt);
  const ended = form.endedAt.trim() === '' ? null : parseTime(form.endedAt);
  if (started === null && form.startedAt.trim() !== '')
    errors.startedAt = 'Start time must be a real time, like 10am or 10:05';
  if (ended === null && form.endedAt.trim() !== '')
    errors.endedAt = 'End time must be a real time, like 1.24pm or 13:24';
  if (started && ended && ended <= started) errors.endedAt = 'End time must be after the start time';
  if (Object.keys(errors).length > 0) return invalid(errors);
  return inTransaction(db, (tx) => {
    const open = writable(tx, meetingId);
    if (!open.ok) return open;
    const day = londonDate(open.meeting.startsAt);
    const before = { startedAt: open.meeting.startedAt, endedAt: open.meeting.endedAt };
    const after = {
      startedAt: started ? fromLondon(day, started) : null,
      endedAt: ended ? fromLondon(day, ended) : null,
    };
    tx.update(meetings).set(after).where(eq(meetings.id, meetingId)).run();
    begun(tx, open.meeting);
    audit(tx, actor, meetingId, 'minutes.times', before, after);
    return valid(null);
  });
}

// ---------------------------------------------------------------- attendance

/**
 * The members' attendance, all at once: for each member of the committee on
 * the day, `status-<personId>` is present, virtual, apologies, absent, or ''
 * (not recorded yet). Substitutes and others in attendance are kept.
 */
export function saveMemberAttendance(
  db: Db,
  actor: Actor,
  meetingId: number,
  form: Record<string, string>,
): Validated<{ recorded: number }> {
  return inTransaction(db, (tx) => {
    const open = writable(tx, meetingId);
    if (!open.ok) return open;
    const existing = tx.select().from(attendance).where(eq(attendance.meetingId, meetingId)).all();
    // Someone recorded as standing in for a member is not in this list: their record is the substitute form's.
    const members = membersOn(tx, open.meeting.committeeId, londonDate(open.meeting.startsAt)).filter(
      (m) => !existing.some((a) => a.personId === m.personId && a.substituteForPersonId !== null),
    );
    const errors: FieldErrors = {};
    for (const m of members) {
      const value = (form[`status-${m.personId}`] ?? '').trim();
      if (value !== '' && !(MEMBER_STATUSES as readonly string[]).includes(value))
        errors[`status-${m.personId}`] = `Select how ${m.name} attended`;
    }
    if (Object.keys(errors).length > 0) return invalid(errors);
    const before: Record<string, string> = {};
    const after: Record<string, string> = {};
    members.forEach((m, i) => {
      const value = (form[`status-${m.personId}`] ?? '').trim() as MemberStatus | '';
      const row = existing.find((a) => a.personId === m.personId);
      const was = row ? (row.status === 'present' && row.virtual ? 'virtual' : row.status) : '';
      if (was === value) return;
      before[m.name] = was || 'not recorded';
      after[m.name] = value || 'not recorded';
      if (value === '') {
        if (row) tx.delete(attendance).where(eq(attendance.id, row.id)).run();
        return;
      }
      const set = {
        status: value === 'virtual' ? ('present' as const) : value,
        virtual: value === 'virtual',
        substituteForPersonId: null,
        position: i + 1,
      };
      if (row) tx.update(attendance).set(set).where(eq(attendance.id, row.id)).run();
      else
        tx.insert(attendance)
          .values({ meetingId, personId: m.personId, ...set })
          .run();
    });
    if (Object.keys(after).length > 0) {
      begun(tx, open.meeting);
      audit(tx, actor, meetingId, 'minutes.attendance', before, after);
    }
    return valid({ recorded: Object.keys(after).length });
  });
}

/** Someone who attended in a member's place; the member is recorded as sending apologies, if not recorded already. */
export function addSubstitute(
  db: Db,
  actor: Actor,
  meetingId: number,
  form: Record<(typeof SUBSTITUTE_FIELDS)[number], string>,
): Validated<null> {
  const ids = { personId: 'substitute-personId', newPersonName: 'substitute-newPersonName' };
  const errors = checkPersonChoice(form, ids, 'the substitute');
  if (form.forPersonId.trim() === '') errors['substitute-forPersonId'] = 'Select the member they attended for';
  if (Object.keys(errors).length > 0) return invalid(errors);
  return inTransaction(db, (tx) => {
    const open = writable(tx, meetingId);
    if (!open.ok) return open;
    const members = membersOn(tx, open.meeting.committeeId, londonDate(open.meeting.startsAt));
    const member = members.find((m) => String(m.personId) === form.forPersonId.trim());
    if (!member) return invalid({ 'substitute-forPersonId': 'Select the member they attended for' });
    const personId = personFromChoice(tx, actor, form, 'councillor');
    if (personId === null) return invalid({ [ids.personId]: 'Select a person from the list' });
    if (personId === member.personId) return invalid({ [ids.personId]: 'A member cannot substitute for themselves' });
    if (members.some((m) => m.personId === personId && m.role !== 'substitute')) {
      return invalid({ [ids.personId]: 'They are a member of the committee: record them in the members’ list' });
    }
    const rows = tx.select().from(attendance).where(eq(attendance.meetingId, meetingId)).all();
    if (rows.some((a) => a.personId === personId))
      return invalid({ [ids.personId]: 'They are already recorded at this meeting' });
    if (rows.some((a) => a.substituteForPersonId === member.personId)) {
      return invalid({ 'substitute-forPersonId': `A substitute for ${member.name} is already recorded` });
    }
    const position = rows.reduce((p, a) => Math.max(p, a.position), 0) + 1;
    tx.insert(attendance)
      .values({
        meetingId,
        personId,
        status: 'present',
        virtual: form.virtual === 'yes',
        substituteForPersonId: member.personId,
        position,
      })
      .run();
    const memberRow = rows.find((a) => a.personId === member.personId);
    if (!memberRow)
      tx.insert(attendance)
        .values({ meetingId, personId: member.personId, status: 'apologies', position: position + 1 })
        .run();
    begun(tx, open.meeting);
    audit(tx, actor, meetingId, 'minutes.substitute_add', null, { personId, substituteFor: member.name });
    return valid(null);
  });
}

/** Others in attendance: officers, presenters, guests. */
export function addOtherAttendee(
  db: Db,
  actor: Actor,
  meetingId: number,
  form: Record<(typeof OTHER_FIELDS)[number], string>,
): Validated<null> {
  const ids = { personId: 'other-personId', newPersonName: 'other-newPersonName' };
  const errors = checkPersonChoice(form, ids);
  if (form.capacity.trim().length > 300) errors['other-capacity'] = 'Capacity must be 300 characters or fewer';
  if (Object.keys(errors).length > 0) return invalid(errors);
  return inTransaction(db, (tx) => {
    const open = writable(tx, meetingId);
    if (!open.ok) return open;
    const personId = personFromChoice(tx, actor, form, 'officer');
    if (personId === null) return invalid({ [ids.personId]: 'Select a person from the list' });
    const members = membersOn(tx, open.meeting.committeeId, londonDate(open.meeting.startsAt));
    if (members.some((m) => m.personId === personId))
      return invalid({ [ids.personId]: 'They are a member of the committee: record them in the members’ list' });
    const rows = tx.select().from(attendance).where(eq(attendance.meetingId, meetingId)).all();
    if (rows.some((a) => a.personId === personId))
      return invalid({ [ids.personId]: 'They are already recorded at this meeting' });
    const position = rows.reduce((p, a) => Math.max(p, a.position), 0) + 1;
    tx.insert(attendance)
      .values({
        meetingId,
        personId,
        status: 'in_attendance',
        virtual: form.virtual === 'yes',
        note: form.capacity.trim() || null,
        position,
      })
      .run();
    begun(tx, open.meeting);
    audit(tx, actor, meetingId, 'minutes.attendee_add', null, { personId, capacity: form.capacity.trim() || null });
    return valid(null);
  });
}

/** Takes a substitute or someone in attendance off the record. */
export function removeAttendee(db: Db, actor: Actor, attendanceId: number): Validated<null> {
  return inTransaction(db, (tx) => {
    const row = tx.select().from(attendance).where(eq(attendance.id, attendanceId)).get();
    if (!row) throw new Error(`No attendance ${attendanceId}`);
    const open = writable(tx, row.meetingId);
    if (!open.ok) return open;
    tx.delete(attendance).where(eq(attendance.id, attendanceId)).run();
    audit(tx, actor, row.meetingId, 'minutes.attendee_remove', { personId: row.personId, status: row.status }, null);
    return valid(null);
  });
}

// ---------------------------------------------------------------- declarations

const declarationSchema = z.object({
  personId: z.string().trim().regex(/^\d+$/, 'Select the member who declared the interest').transform(Number),
  itemId: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d+$/.test(v), 'Select an item from the list')
    .transform((v) => (v === '' ? null : Number(v))),
  kind: z.enum(DECLARATION_KINDS, { message: 'Select the kind of interest' }),
  nature: requiredText(2000, 'Enter the nature of the interest, as declared', 'Nature of the interest'),
  sensitive: z.string().transform((v) => v === 'yes'),
  withdrew: z
    .enum(['left', 'stayed'], { message: 'Select whether they left the room for the item' })
    .transform((v) => v === 'left'),
  dispensation: optionalText(500, 'Dispensation'),
});

const prefixed = (prefix: string, errors: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.startsWith('_') ? k : `${prefix}-${k}`, v]));

/** A declaration of interest by a member (or a substitute at the meeting). */
export function addDeclaration(
  db: Db,
  actor: Actor,
  meetingId: number,
  form: Record<(typeof DECLARATION_FIELDS)[number], string>,
): Validated<null> {
  const checked = validate(declarationSchema, form);
  if (!checked.ok) return invalid(prefixed('declaration', checked.errors));
  const value = checked.value;
  return inTransaction(db, (tx) => {
    const open = writable(tx, meetingId);
    if (!open.ok) return open;
    const members = membersOn(tx, open.meeting.committeeId, londonDate(open.meeting.startsAt));
    const substitutes = tx
      .select({ personId: attendance.personId })
      .from(attendance)
      .where(and(eq(attendance.meetingId, meetingId), ne(attendance.status, 'in_attendance')))
      .all();
    if (
      !members.some((m) => m.personId === value.personId) &&
      !substitutes.some((s) => s.personId === value.personId)
    ) {
      return invalid({ 'declaration-personId': 'Select the member who declared the interest' });
    }
    if (
      value.itemId !== null &&
      !tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(and(eq(agendaItems.id, value.itemId), eq(agendaItems.meetingId, meetingId)))
        .get()
    ) {
      return invalid({ 'declaration-itemId': 'Select an item from the list' });
    }
    const position =
      (tx
        .select({ p: max(declarations.position) })
        .from(declarations)
        .where(eq(declarations.meetingId, meetingId))
        .get()?.p ?? 0) + 1;
    const row = tx
      .insert(declarations)
      .values({
        meetingId,
        personId: value.personId,
        agendaItemId: value.itemId,
        kind: value.kind,
        nature: value.nature,
        sensitive: value.sensitive,
        withdrew: value.withdrew,
        dispensation: value.dispensation,
        position,
      })
      .returning()
      .get();
    begun(tx, open.meeting);
    audit(tx, actor, meetingId, 'minutes.declaration_add', null, {
      personId: row.personId,
      itemId: row.agendaItemId,
      kind: row.kind,
      sensitive: row.sensitive,
      withdrew: row.withdrew,
    });
    return valid(null);
  });
}

export function removeDeclaration(db: Db, actor: Actor, declarationId: number): Validated<null> {
  return inTransaction(db, (tx) => {
    const row = tx.select().from(declarations).where(eq(declarations.id, declarationId)).get();
    if (!row) throw new Error(`No declaration ${declarationId}`);
    const open = writable(tx, row.meetingId);
    if (!open.ok) return open;
    tx.delete(declarations).where(eq(declarations.id, declarationId)).run();
    audit(tx, actor, row.meetingId, 'minutes.declaration_remove', { personId: row.personId, kind: row.kind }, null);
    return valid(null);
  });
}

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
  const field = `minute-${itemId}`;
  if (text.length > 100_000)
    return invalid({
      [field]: 'The minute must be 100,000 characters or fewer: split it, or put the detail in a paper',
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
          [field]: `This minute was changed elsewhere at ${formatDateTime(item.updatedAt)}. Your text is kept in the box and the newer text is shown below it: combine them, then save.`,
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
  prefix: string,
  form: Record<(typeof RESOLUTION_FIELDS)[number], string>,
): Validated<{ text: string; outcome: (typeof RESOLUTION_OUTCOMES)[number] }> {
  const text = form.text.trim();
  const errors: FieldErrors = {};
  if (text === '') errors[`${prefix}-text`] = 'Enter the text of the resolution, like “The Committee NOTED the report”';
  else if (text.length > 5000) errors[`${prefix}-text`] = 'The resolution must be 5,000 characters or fewer';
  const chosen = form.outcome.trim();
  if (chosen !== '' && !(RESOLUTION_OUTCOMES as readonly string[]).includes(chosen))
    errors[`${prefix}-outcome`] = 'Select an outcome from the list';
  const outcome = chosen !== '' ? (chosen as (typeof RESOLUTION_OUTCOMES)[number]) : outcomeOf(text);
  if (!errors[`${prefix}-outcome`] && text !== '' && outcome === null) {
    errors[`${prefix}-outcome`] = 'Select the outcome, or write it in capitals in the text, like NOTED or AGREED';
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
  const checked = checkResolution(`resolution-${itemId}`, form);
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
  const checked = checkResolution(`resolution-edit-${resolutionId}`, form);
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
  prefix: string,
  meeting: Meeting,
  form: Record<(typeof ACTION_FIELDS)[number], string>,
  due: DateParts,
): Validated<CheckedAction> {
  const errors: FieldErrors = {};
  const owners = splitOwners(form.owners);
  if (owners.length === 0)
    errors[`${prefix}-owners`] = 'Enter who owns the action, like Mr A Turner, or several as Mr A Turner/Ms F Cayley';
  else if (owners.some((o) => o.length > 120))
    errors[`${prefix}-owners`] = 'Each owner’s name must be 120 characters or fewer';
  else if (owners.length > 12) errors[`${prefix}-owners`] = 'An action can have at most 12 owners';
  const description = form.description.trim();
  if (description === '') errors[`${prefix}-description`] = 'Enter what is to be done';
  else if (description.length > 2000) errors[`${prefix}-description`] = 'The action must be 2,000 characters or fewer';
  let dueDate: string | null = null;
  if (due.day || due.month || due.year) {
    const parsed = dateFromParts(due, 'Due date');
    if (!parsed.ok) errors[`${prefix}-due`] = parsed.error;
    else if (parsed.value < londonDate(meeting.startsAt)) {
      errors[`${prefix}-due`] =
        `Due date must be on or after the day of the meeting, ${formatCalendarDate(londonDate(meeting.startsAt))}`;
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
    const checked = checkAction(`action-${itemId}`, open.meeting, form, due);
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
    const checked = checkAction(`action-edit-${actionId}`, open.meeting, form, due);
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

// ---------------------------------------------------------------- publishing

export interface PublishMinutesInput {
  meetingId: number;
  publishedAt: Date;
  changeSummary?: string | null;
}

/**
 * Publishes the minutes as they stand as a new version, a draft until a later
 * meeting approves them. A correction (version 2 onwards) says what changed;
 * publishing when nothing changed is refused. Publishing marks a scheduled
 * meeting as held.
 */
export function publishMinutes(
  db: Db,
  input: PublishMinutesInput,
  actor: Actor = systemActor('minutes'),
): Validated<{ version: number }> {
  return inTransaction(db, (tx) => {
    const open = writable(tx, input.meetingId);
    if (!open.ok) return open;
    const snapshot = buildMinutesSnapshot(tx, input.meetingId);
    const hasContent =
      snapshot.attendance.length > 0 ||
      snapshot.items.some((i) => i.minuteText.trim() !== '' || i.resolutions.length > 0 || i.actions.length > 0);
    if (!hasContent)
      return invalid({
        _form: 'There is nothing to publish yet: record the attendance and the minute of at least one item',
      });
    const latest = tx
      .select()
      .from(minutesVersions)
      .where(eq(minutesVersions.meetingId, input.meetingId))
      .orderBy(desc(minutesVersions.version))
      .get();
    const summary = input.changeSummary?.trim() ?? '';
    if (latest) {
      if (sameMinutes(latest.snapshot, snapshot))
        return invalid({ _form: `Nothing has changed since version ${latest.version} was published` });
      if (summary === '')
        return invalid({
          'publish-changeSummary': 'Say what was corrected, so readers can see why there is a new version',
        });
    }
    if (summary.length > 2000)
      return invalid({ 'publish-changeSummary': 'The summary must be 2,000 characters or fewer' });
    const version = (latest?.version ?? 0) + 1;
    tx.insert(minutesVersions)
      .values({
        meetingId: input.meetingId,
        version,
        publishedAt: input.publishedAt,
        changeSummary: summary || null,
        snapshot,
      })
      .run();
    tx.update(meetings).set({ minutesStatus: 'published' }).where(eq(meetings.id, input.meetingId)).run();
    // Minutes mean the meeting took place: record it held, as "Mark as held" does (calendars see it).
    if (open.meeting.status === 'scheduled' && open.meeting.startsAt <= input.publishedAt) {
      changeMeetingStatus(tx, actor, input.meetingId, 'held', '', input.publishedAt);
    }
    audit(
      tx,
      actor,
      input.meetingId,
      'minutes.publish',
      latest ? { version: latest.version } : null,
      { version, changeSummary: summary || null },
      input.publishedAt,
    );
    return valid({ version });
  });
}

// ---------------------------------------------------------------- approval and amendments

/**
 * The amendments agreed when approving, one per paragraph; one that starts
 * "Item 3:" belongs to that item (so one to an exempt item stays private).
 */
function amendmentsIn(text: string): { itemNumber: number | null; text: string }[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n|\n(?=\s*[-•*]\s)/)
    .map((p) => p.replace(/^\s*[-•*]\s*/, '').trim())
    .filter((p) => p !== '')
    .map((p) => {
      const item = /^item\s+(\d{1,3})\s*[:.\-–]\s*([\s\S]+)$/i.exec(p);
      return item?.[2] ? { itemNumber: Number(item[1]), text: item[2].trim() } : { itemNumber: null, text: p };
    });
}

/**
 * At a later meeting, the "minutes of the previous meeting" item records the
 * resolution that approves them ("AGREED as an accurate record", with any
 * amendments). The approved minutes are then locked.
 */
export function approveMinutes(
  db: Db,
  actor: Actor,
  itemId: number,
  form: Record<(typeof APPROVAL_FIELDS)[number], string>,
  now: Date,
): Validated<{ resolutionId: number }> {
  const prefix = `approve-${itemId}`;
  const text = form.text.trim();
  const amendments = amendmentsIn(form.amendments);
  const errors: FieldErrors = {};
  if (text === '')
    errors[`${prefix}-text`] =
      'Enter the resolution, like “The minutes of the meeting held on 5 November 2020 were AGREED as an accurate record.”';
  else if (text.length > 5000) errors[`${prefix}-text`] = 'The resolution must be 5,000 characters or fewer';
  if (amendments.some((a) => a.text.length > 5000))
    errors[`${prefix}-amendments`] = 'Each amendment must be 5,000 characters or fewer';
  if (Object.keys(errors).length > 0) return invalid(errors);
  return inTransaction(db, (tx) => {
    const open = writableItem(tx, itemId);
    if (!open.ok) return open;
    const { item } = open;
    const earlierId = item.confirmsMinutesOfMeetingId;
    if (earlierId === null) return invalid({ _form: 'This item does not confirm the minutes of an earlier meeting' });
    const earlier = tx.select().from(meetings).where(eq(meetings.id, earlierId)).get();
    if (!earlier) throw new Error(`No meeting ${earlierId}`);
    if (earlier.minutesStatus === 'approved') return invalid({ _form: 'Those minutes are already approved' });
    const latest = tx
      .select()
      .from(minutesVersions)
      .where(eq(minutesVersions.meetingId, earlierId))
      .orderBy(desc(minutesVersions.version))
      .get();
    if (!latest)
      return invalid({
        _form: 'Those minutes have not been published yet: the committee can only approve minutes it has been sent',
      });
    if (!sameMinutes(latest.snapshot, buildMinutesSnapshot(tx, earlierId))) {
      return invalid({
        _form: `The minutes of ${formatCalendarDate(londonDate(earlier.startsAt))} have changes that were never published. Publish them as a correction first, so the committee approves what it has read.`,
      });
    }
    const unknown = amendments.find(
      (a) => a.itemNumber !== null && !latest.snapshot.items.some((i) => i.number === a.itemNumber),
    );
    if (unknown)
      return invalid({
        [`${prefix}-amendments`]: `The minutes have no item ${unknown.itemNumber}: start an amendment with the number of the item it corrects, like “Item 3:”`,
      });
    const outcome = outcomeOf(text) ?? 'AGREED';
    const position =
      (tx
        .select({ p: max(resolutions.position) })
        .from(resolutions)
        .where(eq(resolutions.agendaItemId, itemId))
        .get()?.p ?? 0) + 1;
    const resolution = tx
      .insert(resolutions)
      .values({ agendaItemId: itemId, position, text, outcome })
      .returning()
      .get();
    tx.update(minutesVersions)
      .set({ approvedAt: now, approvingResolutionId: resolution.id })
      .where(eq(minutesVersions.id, latest.id))
      .run();
    tx.update(meetings).set({ minutesStatus: 'approved' }).where(eq(meetings.id, earlierId)).run();
    for (const amendment of amendments) {
      tx.insert(minutesAmendments)
        .values({
          meetingId: earlierId,
          minutesVersionId: latest.id,
          itemNumber: amendment.itemNumber,
          text: amendment.text,
          reason: `Agreed when the minutes were approved at the meeting of ${formatCalendarDate(londonDate(open.meeting.startsAt))}.`,
          resolutionId: resolution.id,
          recordedByUserId: actor.userId,
          recordedAt: now,
        })
        .run();
    }
    begun(tx, open.meeting);
    audit(
      tx,
      actor,
      earlierId,
      'minutes.approve',
      { minutesStatus: earlier.minutesStatus },
      { minutesStatus: 'approved', version: latest.version, resolution: text, atMeetingId: item.meetingId, amendments },
      now,
    );
    return valid({ resolutionId: resolution.id });
  });
}

/** A correction to approved minutes: recorded beside them, never written into them. */
export function recordAmendment(
  db: Db,
  actor: Actor,
  meetingId: number,
  form: Record<(typeof AMENDMENT_FIELDS)[number], string>,
  now: Date,
): Validated<{ amendmentId: number }> {
  const errors: FieldErrors = {};
  const text = form.text.trim();
  const reason = form.reason.trim();
  if (text === '') errors['amendment-text'] = 'Enter the correction, as the minutes should read';
  else if (text.length > 5000) errors['amendment-text'] = 'The correction must be 5,000 characters or fewer';
  if (reason === '') errors['amendment-reason'] = 'Enter why the minutes are corrected, and on whose authority';
  else if (reason.length > 2000) errors['amendment-reason'] = 'The reason must be 2,000 characters or fewer';
  const itemNumber =
    form.itemNumber.trim() === ''
      ? null
      : /^\d{1,3}$/.test(form.itemNumber.trim())
        ? Number(form.itemNumber.trim())
        : NaN;
  if (Number.isNaN(itemNumber)) errors['amendment-itemNumber'] = 'Select an item from the list';
  if (Object.keys(errors).length > 0) return invalid(errors);
  return inTransaction(db, (tx) => {
    const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
    if (!meeting) throw new Error(`No meeting ${meetingId}`);
    const approved = tx
      .select()
      .from(minutesVersions)
      .where(eq(minutesVersions.meetingId, meetingId))
      .orderBy(desc(minutesVersions.version))
      .get();
    if (meeting.minutesStatus !== 'approved' || !approved?.approvedAt) {
      return invalid({
        _form: 'Only approved minutes take amendments: until then, correct the draft and publish it again',
      });
    }
    if (itemNumber !== null && !approved.snapshot.items.some((i) => i.number === itemNumber))
      return invalid({ 'amendment-itemNumber': 'Select an item from the list' });
    const row = tx
      .insert(minutesAmendments)
      .values({
        meetingId,
        minutesVersionId: approved.id,
        itemNumber,
        text,
        reason,
        recordedByUserId: actor.userId,
        recordedAt: now,
      })
      .returning()
      .get();
    audit(tx, actor, meetingId, 'minutes.amend', null, { itemNumber, text, reason }, now);
    return valid({ amendmentId: row.id });
  });
}
