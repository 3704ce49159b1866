import { eq, max } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { meetings } from '../meetings/schema';
import { agendaVersions } from './schema';
import { buildAgendaSnapshot } from './queries';

export interface PublishAgendaInput {
  meetingId: number;
  publishedAt: Date;
  changeSummary?: string | null;
  lateReason?: string | null;
  chairmanAgreement?: string | null;
}

/**
 * Freezes the agenda as it stands into a new published version (1 for the
 * agenda, 2, 3 … for supplements) and marks the meeting's agenda published.
 */
export function publishAgenda(db: Db, input: PublishAgendaInput): { version: number } {
  return db.transaction((tx) => {
    const snapshot = buildAgendaSnapshot(tx, input.meetingId);
    const current = tx
      .select({ v: max(agendaVersions.version) })
      .from(agendaVersions)
      .where(eq(agendaVersions.meetingId, input.meetingId))
      .get();
    const version = (current?.v ?? 0) + 1;
    tx.insert(agendaVersions)
      .values({
        meetingId: input.meetingId,
        version,
        publishedAt: input.publishedAt,
        changeSummary: input.changeSummary ?? null,
        lateReason: input.lateReason ?? null,
        chairmanAgreement: input.chairmanAgreement ?? null,
        snapshot,
      })
      .run();
    tx.update(meetings).set({ agendaStatus: 'published' }).where(eq(meetings.id, input.meetingId)).run();
    return { version };
  });
}
