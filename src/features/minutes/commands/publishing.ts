import { desc, eq } from 'drizzle-orm';
import { inTransaction, type Db } from '../../../db/client';
import { invalid, valid, type Validated } from '../../../lib/validation';
import { systemActor, type Actor } from '../../audit/commands';
import { meetings, minutesVersions } from '../../../db/schema';
import { changeMeetingStatus } from '../../meetings/commands';
import { buildMinutesSnapshot, sameMinutes } from '../queries';

import { writable, audit } from './guards';
import { numberActions, publishActions } from '../../actions/commands';

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
    numberActions(tx, input.meetingId);
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
          changeSummary: 'Say what was corrected, so readers can see why there is a new version',
        });
    }
    if (summary.length > 2000) return invalid({ changeSummary: 'The summary must be 2,000 characters or fewer' });
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
    publishActions(tx, input.meetingId, input.publishedAt);
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
