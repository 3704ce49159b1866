import { eq } from 'drizzle-orm';
import { inTransaction, tryOut, type Db } from '../../../db/client';
import { londonDate } from '../../../lib/dates';
import { agendaPublishBy } from '../../../lib/deadlines';
import { invalid, valid, type FieldErrors, type Validated } from '../../../lib/validation';
import { recordAudit, systemActor, type Actor } from '../../audit/commands';
import { meetings, agendaItems, agendaVersions } from '../../../db/schema';
import { getMeetingWithCommittee } from '../../meetings/queries';
import { agendaVersionRow, buildAgendaSnapshot } from '../queries';
import { layoutPack } from '../pack';
import { packInputFor } from '../pack-input';

import { openAgenda } from './guards';

export interface PublishAgendaInput {
  meetingId: number;
  publishedAt: Date;
  changeSummary?: string | null;
  lateReason?: string | null;
  chairmanAgreement?: string | null;
  publishedByUserId?: number | null;
}

/** Whether publishing now is after the last day the law allows, under the committee's notice period. */
function isLate(db: Db, meetingId: number, at: Date): { late: boolean; deadline: string } {
  const row = getMeetingWithCommittee(db, meetingId);
  if (!row) throw new Error(`No meeting ${meetingId}`);
  const deadline = agendaPublishBy(londonDate(row.meeting.startsAt), row.committee.noticeClearDays);
  return { late: londonDate(at) > deadline, deadline };
}

/**
 * Publishes the agenda as it stands: freezes it into a new version (1 for
 * the agenda, 2, 3 … for supplements), lays out its pack so the page ranges
 * are fixed, and marks the pack for building. After the statutory deadline
 * the special circumstances and the chairman's agreement are required, and
 * items new in this version are marked as added late, with the reason.
 */
export function publishAgenda(
  db: Db,
  input: PublishAgendaInput,
  actor: Actor = systemActor('agenda'),
): Validated<{ versionId: number; version: number }> {
  const changeSummary = input.changeSummary?.trim() || null;
  const lateReason = input.lateReason?.trim() || null;
  const chairmanAgreement = input.chairmanAgreement?.trim() || null;
  return inTransaction(db, (tx) => {
    openAgenda(tx, input.meetingId);
    const items = tx
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, input.meetingId))
      .all();
    if (items.length === 0) return invalid({ _form: 'Add at least one item before publishing the agenda' });
    const previous = agendaVersionRow(tx, input.meetingId);
    const version = (previous?.version ?? 0) + 1;
    const { late, deadline } = isLate(tx, input.meetingId, input.publishedAt);
    const errors: FieldErrors = {};
    if (version > 1 && !changeSummary)
      errors.changeSummary = 'Say what has changed since the last version: the public agenda shows it';
    if (late && !lateReason)
      errors.lateReason =
        'Enter the special circumstances that make this publication late: the agenda and the minutes will state them';
    if (late && !chairmanAgreement) errors.chairmanAgreement = 'Record the chairman’s agreement: who agreed, and when';
    if ((changeSummary?.length ?? 0) > 2000) errors.changeSummary = 'Summary must be 2,000 characters or fewer';
    if ((lateReason?.length ?? 0) > 2000) errors.lateReason = 'Reason must be 2,000 characters or fewer';
    if ((chairmanAgreement?.length ?? 0) > 500) errors.chairmanAgreement = 'Agreement must be 500 characters or fewer';
    if (Object.keys(errors).length > 0) return invalid(errors);

    // Items new since the last version, published late, carry the reason. (A first agenda published late says so as a whole.)
    if (late && previous) {
      const before = new Set(previous?.snapshot.items.map((i) => i.id) ?? []);
      for (const item of items) {
        if (!before.has(item.id)) tx.update(agendaItems).set({ lateReason }).where(eq(agendaItems.id, item.id)).run();
      }
    }
    const snapshot = buildAgendaSnapshot(tx, input.meetingId);
    const layout = layoutPack(packInputFor(tx, input.meetingId, snapshot, version));
    for (const item of snapshot.items) {
      for (const paper of item.papers) {
        const range = layout.ranges.get(paper.documentId);
        paper.packStartPage = range?.start ?? null;
        paper.packEndPage = range?.end ?? null;
      }
    }
    const row = tx
      .insert(agendaVersions)
      .values({
        meetingId: input.meetingId,
        version,
        publishedAt: input.publishedAt,
        changeSummary,
        lateReason: late ? lateReason : null,
        chairmanAgreement: late ? chairmanAgreement : null,
        snapshot,
        publishedByUserId: input.publishedByUserId ?? null,
        packStatus: 'pending',
        packFrontPages: layout.frontPages,
      })
      .returning({ id: agendaVersions.id })
      .get();
    tx.update(meetings).set({ agendaStatus: 'published' }).where(eq(meetings.id, input.meetingId)).run();
    recordAudit(tx, actor, {
      action: 'agenda.publish',
      recordType: 'meeting',
      recordId: input.meetingId,
      after: {
        version,
        items: snapshot.items.length,
        late,
        deadline,
        lateReason: late ? lateReason : null,
        changeSummary,
      },
      at: input.publishedAt,
    });
    return valid({ versionId: row.id, version });
  });
}

/** Whether publishing now would be refused, and why, without publishing: checked before asking "are you sure?". */
export function checkPublishAgenda(db: Db, input: PublishAgendaInput, actor: Actor): Validated<unknown> {
  return tryOut(db, (tx) => publishAgenda(tx, input, actor));
}
