import { eq, max } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { meetings } from '../meetings/schema';
import { minutesVersions } from './schema';
import { buildMinutesSnapshot } from './queries';

export interface PublishMinutesInput {
  meetingId: number;
  publishedAt: Date;
  changeSummary?: string | null;
}

/**
 * Publishes the minutes as they stand as a new version, labelled a draft
 * until a later meeting approves them.
 */
export function publishMinutes(db: Db, input: PublishMinutesInput): { version: number } {
  return db.transaction((tx) => {
    const meeting = tx.select().from(meetings).where(eq(meetings.id, input.meetingId)).get();
    if (!meeting) throw new Error(`No meeting ${input.meetingId}`);
    if (meeting.minutesStatus === 'approved') {
      throw new Error('Approved minutes are locked: record an amendment instead.');
    }
    const snapshot = buildMinutesSnapshot(tx, input.meetingId);
    const current = tx
      .select({ v: max(minutesVersions.version) })
      .from(minutesVersions)
      .where(eq(minutesVersions.meetingId, input.meetingId))
      .get();
    const version = (current?.v ?? 0) + 1;
    tx.insert(minutesVersions)
      .values({
        meetingId: input.meetingId,
        version,
        publishedAt: input.publishedAt,
        changeSummary: input.changeSummary ?? null,
        snapshot,
      })
      .run();
    tx.update(meetings).set({ minutesStatus: 'published' }).where(eq(meetings.id, input.meetingId)).run();
    return { version };
  });
}
