import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { londonDate } from '../../lib/dates';
import { agendaPublishBy, deadlineState } from '../../lib/deadlines';
import { getMeetingWithCommittee } from '../meetings/queries';
import {
  people,
  documents,
  workProgrammeEntries,
  agendaItemPresenters,
  agendaItems,
  agendaVersions,
} from '../../db/schema';
import type { PackStatus } from '../../lib/enums';
import { agendaVersionRow, buildAgendaSnapshot } from './queries';
import { effectiveStarts } from './times';
import type { AgendaSnapshot } from '../../db/schema';

export interface EditorItem {
  id: number;
  number: number;
  kind: typeof agendaItems.$inferSelect.kind;
  title: string;
  purpose: string;
  plannedStart: string | null;
  start: string | null;
  startDerived: boolean;
  durationMinutes: number | null;
  exemptParagraph: number | null;
  exemptReason: string | null;
  lateReason: string | null;
  confirmsMinutesOfMeetingId: number | null;
  presenters: { id: number; name: string; capacity: string | null }[];
  papers: {
    id: number;
    title: string;
    kind: typeof documents.$inferSelect.kind;
    pageCount: number | null;
    byteSize: number | null;
    exemptParagraph: number | null;
  }[];
}

export interface PackState {
  versionId: number;
  version: number;
  status: PackStatus;
  progress: number;
  error: string | null;
  pages: number | null;
  bytes: number | null;
  fullBytes: number | null;
}

export interface AgendaEditorData {
  meeting: { id: number; startsAt: Date; status: string; committee: { id: number; slug: string; name: string } };
  items: EditorItem[];
  published: { version: number; publishedAt: Date; pack: PackState } | null;
  /** The draft differs from the last published version. */
  unpublishedChanges: boolean;
  deadline: { date: string; late: boolean; daysRemaining: number };
  plannedTopics: { id: number; topic: string; purpose: string }[];
  people: { id: number; name: string }[];
  /** The meeting's minutes are approved: its agenda is part of that record and no longer changes. */
  locked: boolean;
}

/** Strips what publishing adds (page ranges) so a draft can be compared with a published version. */
function comparable(snapshot: AgendaSnapshot): string {
  return JSON.stringify(
    snapshot.items.map((i) => ({
      ...i,
      lateReason: null,
      papers: i.papers.map((p) => ({ ...p, packStartPage: null, packEndPage: null })),
    })),
  );
}

function packState(row: typeof agendaVersions.$inferSelect): PackState {
  return {
    versionId: row.id,
    version: row.version,
    status: row.packStatus,
    progress: row.packProgress,
    error: row.packError,
    pages: row.packPages,
    bytes: row.packBytes,
    fullBytes: row.fullPackBytes,
  };
}

/** Everything the agenda editor shows, in a fixed number of statements. */
export function getAgendaEditor(db: Db, meetingId: number, now: Date): AgendaEditorData | null {
  const row = getMeetingWithCommittee(db, meetingId);
  if (!row) return null;
  const { meeting, committee } = row;

  const items = db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id))
    .all();
  const ids = items.map((i) => i.id);
  const presenters =
    ids.length === 0
      ? []
      : db
          .select({
            id: agendaItemPresenters.id,
            itemId: agendaItemPresenters.agendaItemId,
            name: agendaItemPresenters.name,
            personName: people.name,
            capacity: agendaItemPresenters.capacity,
          })
          .from(agendaItemPresenters)
          .leftJoin(people, eq(people.id, agendaItemPresenters.personId))
          .where(inArray(agendaItemPresenters.agendaItemId, ids))
          .orderBy(asc(agendaItemPresenters.position), asc(agendaItemPresenters.id))
          .all();
  const papers =
    ids.length === 0
      ? []
      : db
          .select()
          .from(documents)
          .where(inArray(documents.agendaItemId, ids))
          .orderBy(asc(documents.position), asc(documents.id))
          .all();
  const starts = effectiveStarts(items);

  const latest = agendaVersionRow(db, meetingId);
  const deadlineDate = agendaPublishBy(londonDate(meeting.startsAt), committee.noticeClearDays);
  const state = deadlineState(deadlineDate, londonDate(now), false);

  return {
    meeting: {
      id: meeting.id,
      startsAt: meeting.startsAt,
      status: meeting.status,
      committee: { id: committee.id, slug: committee.slug, name: committee.name },
    },
    locked: meeting.minutesStatus === 'approved',
    items: items.map((item, i) => ({
      id: item.id,
      number: i + 1,
      kind: item.kind,
      title: item.title,
      purpose: item.purpose,
      plannedStart: item.plannedStart,
      start: starts[i]?.time ?? null,
      startDerived: starts[i]?.derived ?? false,
      durationMinutes: item.durationMinutes,
      exemptParagraph: item.exemptParagraph,
      exemptReason: item.exemptReason,
      lateReason: item.lateReason,
      confirmsMinutesOfMeetingId: item.confirmsMinutesOfMeetingId,
      presenters: presenters
        .filter((p) => p.itemId === item.id)
        .map((p) => ({ id: p.id, name: p.personName ?? p.name ?? '', capacity: p.capacity })),
      papers: papers
        .filter((d) => d.agendaItemId === item.id)
        .map((d) => ({
          id: d.id,
          title: d.title,
          kind: d.kind,
          pageCount: d.pageCount,
          byteSize: d.byteSize,
          exemptParagraph: d.exemptParagraph,
        })),
    })),
    published: latest ? { version: latest.version, publishedAt: latest.publishedAt, pack: packState(latest) } : null,
    unpublishedChanges: latest
      ? comparable(buildAgendaSnapshot(db, meetingId)) !== comparable(latest.snapshot)
      : items.length > 0,
    deadline: { date: deadlineDate, late: state.daysRemaining < 0, daysRemaining: state.daysRemaining },
    plannedTopics: db
      .select({ id: workProgrammeEntries.id, topic: workProgrammeEntries.topic, purpose: workProgrammeEntries.purpose })
      .from(workProgrammeEntries)
      .where(and(eq(workProgrammeEntries.plannedMeetingId, meetingId), isNull(workProgrammeEntries.agendaItemId)))
      .orderBy(asc(workProgrammeEntries.position))
      .all(),
    people: db.select({ id: people.id, name: people.name }).from(people).orderBy(asc(people.name)).all(),
  };
}

/** The pack of a meeting's latest published version: polled while it builds, so only the pack's columns. */
export function latestPack(db: Db, meetingId: number): PackState | null {
  return (
    db
      .select({
        versionId: agendaVersions.id,
        version: agendaVersions.version,
        status: agendaVersions.packStatus,
        progress: agendaVersions.packProgress,
        error: agendaVersions.packError,
        pages: agendaVersions.packPages,
        bytes: agendaVersions.packBytes,
        fullBytes: agendaVersions.fullPackBytes,
      })
      .from(agendaVersions)
      .where(eq(agendaVersions.meetingId, meetingId))
      .orderBy(desc(agendaVersions.version))
      .limit(1)
      .get() ?? null
  );
}
