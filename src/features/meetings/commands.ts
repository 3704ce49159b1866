import { eq, sql } from 'drizzle-orm';
import { inTransaction, type Db } from '../../db/client';
import { fromLondon, londonDate } from '../../lib/dates';
import { dateFromParts, parseTime, type DateParts, optionalUrl } from '../../lib/forms';
import { invalid, valid, type FieldErrors, type Validated } from '../../lib/validation';
import { recordAudit, type Actor } from '../audit/commands';
import { meetings } from '../../db/schema';

export interface MeetingForm {
  date: DateParts;
  startTime: string;
  endTime: string;
  venue: string;
  onlineUrl: string;
  webcastUrl: string;
  minutesUrl: string;
}

interface MeetingValues {
  startsAt: Date;
  endsAt: Date | null;
  venue: string | null;
  onlineUrl: string | null;
  webcastUrl: string | null;
  minutesUrl: string | null;
}

/** Checks a meeting form: a real date, a start time, an end after the start, real web addresses. */
function checkMeeting(form: MeetingForm): Validated<MeetingValues> {
  const errors: FieldErrors = {};
  const date = dateFromParts(form.date, 'Date of the meeting');
  if (!date.ok) errors.date = date.error;
  const start = parseTime(form.startTime);
  if (!form.startTime.trim()) errors.startTime = 'Enter the time the meeting starts, like 10am or 14:30';
  else if (!start) errors.startTime = 'Start time must be a real time, like 10am or 14:30';
  const end = form.endTime.trim() ? parseTime(form.endTime) : null;
  if (form.endTime.trim() && !end) errors.endTime = 'Expected end must be a real time, like 1pm or 13:00';
  else if (start && end && end <= start) errors.endTime = 'Expected end must be after the start time';
  if (form.venue.trim().length > 300) errors.venue = 'Venue must be 300 characters or fewer';
  const online = optionalUrl('Online joining link').safeParse(form.onlineUrl);
  if (!online.success) errors.onlineUrl = online.error.issues[0]?.message ?? 'Enter a full web address';
  const webcast = optionalUrl('Webcast link').safeParse(form.webcastUrl);
  if (!webcast.success) errors.webcastUrl = webcast.error.issues[0]?.message ?? 'Enter a full web address';
  const minutes = optionalUrl('Where the minutes are published').safeParse(form.minutesUrl ?? '');
  if (!minutes.success) errors.minutesUrl = minutes.error.issues[0]?.message ?? 'Enter a full web address';
  if (Object.keys(errors).length > 0 || !date.ok || !start) return invalid(errors);
  return valid({
    startsAt: fromLondon(date.value, start),
    endsAt: end ? fromLondon(date.value, end) : null,
    venue: form.venue.trim() || null,
    onlineUrl: online.success ? online.data : null,
    webcastUrl: webcast.success ? webcast.data : null,
    minutesUrl: minutes.success ? minutes.data : null,
  });
}

/** Schedules a meeting of a committee. */
export function scheduleMeeting(
  db: Db,
  actor: Actor,
  committeeId: number,
  form: MeetingForm,
): Validated<{ id: number }> {
  const checked = checkMeeting(form);
  if (!checked.ok) return checked;
  return inTransaction(db, (tx) => {
    const created = tx
      .insert(meetings)
      .values({ committeeId, ...checked.value })
      .returning()
      .get();
    recordAudit(tx, actor, { action: 'meeting.create', recordType: 'meeting', recordId: created.id, after: created });
    return valid({ id: created.id });
  });
}

/** Changes a meeting's date, times, venue or links; calendar subscribers see a new version. */
export function updateMeeting(db: Db, actor: Actor, id: number, form: MeetingForm): Validated<{ id: number }> {
  const checked = checkMeeting(form);
  if (!checked.ok) return checked;
  return inTransaction(db, (tx) => {
    const before = tx.select().from(meetings).where(eq(meetings.id, id)).get();
    if (!before) throw new Error(`No meeting ${id}`);
    const after = tx
      .update(meetings)
      .set({ ...checked.value, calendarSequence: sql`${meetings.calendarSequence} + 1` })
      .where(eq(meetings.id, id))
      .returning()
      .get();
    recordAudit(tx, actor, { action: 'meeting.update', recordType: 'meeting', recordId: id, before, after });
    return valid({ id });
  });
}

export type StatusChange = 'cancel' | 'postpone' | 'held';

const NEW_STATUS = { cancel: 'cancelled', postpone: 'postponed', held: 'held' } as const;

/**
 * Cancels or postpones a meeting (with the reason the public will read), or
 * records that it was held. The meeting stays on every page and calendar.
 */
export function changeMeetingStatus(
  db: Db,
  actor: Actor,
  id: number,
  change: StatusChange,
  reason: string,
  now: Date,
): Validated<{ id: number }> {
  const text = reason.trim();
  if (change !== 'held') {
    if (!text) return invalid({ reason: `Enter why the meeting is ${NEW_STATUS[change]}: the public page shows it` });
    if (text.length > 1000) return invalid({ reason: 'Reason must be 1,000 characters or fewer' });
  }
  return inTransaction(db, (tx) => {
    const before = tx.select().from(meetings).where(eq(meetings.id, id)).get();
    if (!before) throw new Error(`No meeting ${id}`);
    if (change === 'held' && londonDate(before.startsAt) > londonDate(now)) {
      return invalid({ _form: 'A meeting cannot be marked as held before the day it takes place' });
    }
    if (before.status === NEW_STATUS[change])
      return invalid({ _form: `This meeting is already ${NEW_STATUS[change]}` });
    // Only a meeting still to happen changes status: a held meeting cannot be cancelled, nor a cancelled one held.
    if (before.status !== 'scheduled')
      return invalid({
        _form: `This meeting is ${before.status}: only a scheduled meeting can be ${NEW_STATUS[change]}`,
      });
    const after = tx
      .update(meetings)
      .set({
        status: NEW_STATUS[change],
        statusReason: change === 'held' ? null : text,
        calendarSequence: sql`${meetings.calendarSequence} + 1`,
      })
      .where(eq(meetings.id, id))
      .returning()
      .get();
    recordAudit(tx, actor, { action: `meeting.${change}`, recordType: 'meeting', recordId: id, before, after });
    return valid({ id });
  });
}
