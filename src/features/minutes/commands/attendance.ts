import { eq } from 'drizzle-orm';
import { inTransaction, type Db } from '../../../db/client';
import { londonDate } from '../../../lib/dates';
import { invalid, valid, type FieldErrors, type Validated } from '../../../lib/validation';
import type { Actor } from '../../audit/commands';
import { attendance } from '../../../db/schema';
import { membersOn } from '../../committees/queries';
import { checkPersonChoice, personFromChoice } from '../../people/commands';
import { MEMBER_STATUSES, type MemberStatus } from '../../../lib/enums';
import { SUBSTITUTE_FIELDS, OTHER_FIELDS } from '../../../lib/fields';

import { writable, begun, audit } from './guards';

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
  const errors = checkPersonChoice(form, 'the substitute');
  if (form.forPersonId.trim() === '') errors.forPersonId = 'Select the member they attended for';
  if (Object.keys(errors).length > 0) return invalid(errors);
  return inTransaction(db, (tx) => {
    const open = writable(tx, meetingId);
    if (!open.ok) return open;
    const members = membersOn(tx, open.meeting.committeeId, londonDate(open.meeting.startsAt));
    const member = members.find((m) => String(m.personId) === form.forPersonId.trim());
    if (!member) return invalid({ forPersonId: 'Select the member they attended for' });
    const personId = personFromChoice(tx, actor, form, 'councillor');
    if (personId === null) return invalid({ personId: 'Select a person from the list' });
    if (personId === member.personId) return invalid({ personId: 'A member cannot substitute for themselves' });
    if (members.some((m) => m.personId === personId && m.role !== 'substitute')) {
      return invalid({ personId: 'They are a member of the committee: record them in the members’ list' });
    }
    const rows = tx.select().from(attendance).where(eq(attendance.meetingId, meetingId)).all();
    if (rows.some((a) => a.personId === personId))
      return invalid({ personId: 'They are already recorded at this meeting' });
    if (rows.some((a) => a.substituteForPersonId === member.personId)) {
      return invalid({ forPersonId: `A substitute for ${member.name} is already recorded` });
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
  const errors = checkPersonChoice(form);
  if (form.capacity.trim().length > 300) errors.capacity = 'Capacity must be 300 characters or fewer';
  if (Object.keys(errors).length > 0) return invalid(errors);
  return inTransaction(db, (tx) => {
    const open = writable(tx, meetingId);
    if (!open.ok) return open;
    const personId = personFromChoice(tx, actor, form, 'officer');
    if (personId === null) return invalid({ personId: 'Select a person from the list' });
    const members = membersOn(tx, open.meeting.committeeId, londonDate(open.meeting.startsAt));
    if (members.some((m) => m.personId === personId))
      return invalid({ personId: 'They are a member of the committee: record them in the members’ list' });
    const rows = tx.select().from(attendance).where(eq(attendance.meetingId, meetingId)).all();
    if (rows.some((a) => a.personId === personId))
      return invalid({ personId: 'They are already recorded at this meeting' });
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
