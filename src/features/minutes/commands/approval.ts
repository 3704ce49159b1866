import { desc, eq, max } from 'drizzle-orm';
import { inTransaction, tryOut, type Db } from '../../../db/client';
import { formatCalendarDate, londonDate } from '../../../lib/dates';
import { invalid, valid, type FieldErrors, type Validated } from '../../../lib/validation';
import type { Actor } from '../../audit/commands';
import { meetings, minutesAmendments, minutesVersions, resolutions } from '../../../db/schema';
import { buildMinutesSnapshot, sameMinutes } from '../queries';
import { outcomeOf } from '../import/parse';
import { APPROVAL_FIELDS, AMENDMENT_FIELDS } from '../../../lib/fields';

import { writableItem, begun, audit } from './guards';

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
  const text = form.text.trim();
  const amendments = amendmentsIn(form.amendments);
  const errors: FieldErrors = {};
  if (text === '')
    errors.text =
      'Enter the resolution, like “The minutes of the meeting held on 5 November 2020 were AGREED as an accurate record.”';
  else if (text.length > 5000) errors.text = 'The resolution must be 5,000 characters or fewer';
  if (amendments.some((a) => a.text.length > 5000))
    errors.amendments = 'Each amendment must be 5,000 characters or fewer';
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
        amendments: `The minutes have no item ${unknown.itemNumber}: start an amendment with the number of the item it corrects, like “Item 3:”`,
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
  if (text === '') errors.text = 'Enter the correction, as the minutes should read';
  else if (text.length > 5000) errors.text = 'The correction must be 5,000 characters or fewer';
  if (reason === '') errors.reason = 'Enter why the minutes are corrected, and on whose authority';
  else if (reason.length > 2000) errors.reason = 'The reason must be 2,000 characters or fewer';
  const itemNumber =
    form.itemNumber.trim() === ''
      ? null
      : /^\d{1,3}$/.test(form.itemNumber.trim())
        ? Number(form.itemNumber.trim())
        : NaN;
  if (Number.isNaN(itemNumber)) errors.itemNumber = 'Select an item from the list';
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
      return invalid({ itemNumber: 'Select an item from the list' });
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

/** Whether recording the approval would be refused, and why, without recording it: checked before asking. */
export function checkApproveMinutes(
  db: Db,
  actor: Actor,
  itemId: number,
  form: Record<(typeof APPROVAL_FIELDS)[number], string>,
  now: Date,
): Validated<unknown> {
  return tryOut(db, (tx) => approveMinutes(tx, actor, itemId, form, now));
}
