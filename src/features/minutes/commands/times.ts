import { eq } from 'drizzle-orm';
import { inTransaction, type Db } from '../../../db/client';
import { fromLondon, londonDate } from '../../../lib/dates';
import { parseTime } from '../../../lib/forms';
import { invalid, valid, type FieldErrors, type Validated } from '../../../lib/validation';
import type { Actor } from '../../audit/commands';
import { meetings } from '../../../db/schema';
import { TIMES_FIELDS } from '../../../lib/fields';

import { writable, begun, audit } from './guards';

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
