import { ID_LIST, keptOnce, preparedOnce } from '../../db/prepared';
import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agendaItems, agendaVersions, documents, meetings, publicQuestions } from '../../db/schema';
import { minutesArePublic, type PackStatus } from '../../lib/enums';
import type { AgendaSnapshot, AgendaSnapshotAction, AgendaSnapshotItem, AgendaSnapshotPaper } from '../../db/schema';
import { effectiveStarts } from './times';
import { actionLogFor } from '../actions/queries';

/**
 * The agenda as it stands now (the draft), frozen into the shape a published
 * version keeps. Items are numbered by their order.
 */
export function buildAgendaSnapshot(db: Db, meetingId: number): AgendaSnapshot {
  const items = db.query.agendaItems
    .findMany({
      where: eq(agendaItems.meetingId, meetingId),
      orderBy: [asc(agendaItems.position), asc(agendaItems.id)],
      with: {
        presenters: { with: { person: true }, orderBy: (p, { asc }) => [asc(p.position), asc(p.id)] },
        documents: { orderBy: (d, { asc }) => [asc(d.position), asc(d.id)] },
      },
    })
    .sync();

  const numberOf = new Map(items.map((item, i) => [item.id, i + 1]));
  const starts = effectiveStarts(items);

  const questions = db
    .select()
    .from(publicQuestions)
    .where(and(eq(publicQuestions.meetingId, meetingId), inArray(publicQuestions.status, ['accepted', 'answered'])))
    .orderBy(asc(publicQuestions.position), asc(publicQuestions.id))
    .all();

  const hasMinutesItem = items.some((item) => item.kind === 'minutes' && item.exemptParagraph === null);
  const actionLog = hasMinutesItem
    ? actionLogFor(db, meetingId).flatMap((a) =>
        a.reference && (a.status === 'open' || a.status === 'in_progress')
          ? [
              {
                reference: a.reference,
                description: a.description,
                owners: a.owners,
                dueDate: a.dueDate,
                status: a.status,
                meetingStartsAt: a.meetingStartsAt.toISOString(),
              },
            ]
          : [],
      )
    : [];

  return {
    actionLog,
    items: items.map((item, i): AgendaSnapshotItem => ({
      id: item.id,
      number: numberOf.get(item.id) ?? 0,
      kind: item.kind,
      title: item.title,
      purpose: item.purpose,
      plannedStart: starts[i]?.time ?? null,
      exemptParagraph: item.exemptParagraph,
      exemptReason: item.exemptReason,
      lateReason: item.lateReason,
      confirmsMinutesOfMeetingId: item.confirmsMinutesOfMeetingId,
      presenters: item.presenters.map((p) => ({
        personId: p.personId,
        name: p.person?.name ?? p.name ?? '',
        capacity: p.capacity,
      })),
      papers: item.documents.map((d): AgendaSnapshotPaper => ({
        documentId: d.id,
        title: d.title,
        kind: d.kind,
        exemptParagraph: d.exemptParagraph ?? item.exemptParagraph,
        pageCount: d.pageCount,
        packStartPage: d.packStartPage,
        packEndPage: d.packEndPage,
        byteSize: d.byteSize,
      })),
    })),
    // Email addresses are deliberately not copied: they are never published. A question not taken
    // at a particular item is taken under the (first) public questions item; an answer is frozen
    // only once the clerk has published it.
    questions: questions
      .filter((q) => !q.suspectedSpam)
      .map((q, i) => ({
        id: q.id,
        number: i + 1,
        itemId:
          q.agendaItemId !== null && numberOf.has(q.agendaItemId)
            ? q.agendaItemId
            : (items.find((item) => item.kind === 'public_questions')?.id ?? null),
        askerName: q.askerName,
        askerOrganisation: q.askerOrganisation,
        text: q.text,
        answerKind: q.answerKind,
        answerText: q.answerKind === 'written' && q.answerPublishedAt !== null ? q.answerText : null,
      })),
  };
}

export interface PublishedAgendaVersion {
  version: number;
  publishedAt: Date;
  changeSummary: string | null;
  lateReason: string | null;
  snapshot: AgendaSnapshot;
  /** The public agenda pack of this version, when built. */
  pack?: { status: PackStatus; pages: number | null; bytes: number | null };
}

/** A version's columns but its snapshot, which is read once per version (below). */
const { snapshot: _snapshot, ...versionColumns } = getTableColumns(agendaVersions);

const versionRows = preparedOnce((db) => ({
  latest: db
    .select(versionColumns)
    .from(agendaVersions)
    .where(eq(agendaVersions.meetingId, sql.placeholder('meetingId')))
    .orderBy(desc(agendaVersions.version))
    .limit(1)
    .prepare(),
  numbered: db
    .select(versionColumns)
    .from(agendaVersions)
    .where(
      and(
        eq(agendaVersions.meetingId, sql.placeholder('meetingId')),
        eq(agendaVersions.version, sql.placeholder('version')),
      ),
    )
    .limit(1)
    .prepare(),
  snapshot: db
    .select({ snapshot: agendaVersions.snapshot })
    .from(agendaVersions)
    .where(eq(agendaVersions.id, sql.placeholder('id')))
    .prepare(),
}));

/**
 * Each version's snapshot, by database and id: a published version never
 * changes (the trigger agenda_versions_frozen, migration 0015) and ids are
 * never reused, so the page that shows it reads and parses it once.
 */
const snapshotOf = keptOnce((db, id) => versionRows(db).snapshot.get({ id })?.snapshot);

/** A stored published version of a meeting's agenda: the one numbered, or the latest. */
export function agendaVersionRow(
  db: Db,
  meetingId: number,
  version: number | null = null,
): typeof agendaVersions.$inferSelect | null {
  const rows = versionRows(db);
  const row = version === null ? rows.latest.get({ meetingId }) : rows.numbered.get({ meetingId, version });
  const snapshot = row ? snapshotOf(db, row.id) : null;
  return row && snapshot ? { ...row, snapshot } : null;
}

/** A stored version as the agenda it published, exempt content included. */
export function publishedAgendaOf(row: typeof agendaVersions.$inferSelect): PublishedAgendaVersion {
  return {
    version: row.version,
    publishedAt: row.publishedAt,
    changeSummary: row.changeSummary,
    lateReason: row.lateReason,
    snapshot: row.snapshot,
    pack: { status: row.packStatus, pages: row.packPages, bytes: row.packBytes },
  };
}

/** The latest published version of a meeting's agenda, exempt content included. */
export function latestAgendaVersion(db: Db, meetingId: number): PublishedAgendaVersion | null {
  const row = agendaVersionRow(db, meetingId);
  return row ? publishedAgendaOf(row) : null;
}

/** An agenda item as the public may see it: an exempt item shows its title and paragraph only. */
export type PublicAgendaItem =
  | (Omit<AgendaSnapshotItem, 'exemptParagraph' | 'exemptReason'> & { exempt: false; questions: PublicQuestion[] })
  | { exempt: true; id: number; number: number; title: string; exemptParagraph: number; plannedStart: string | null };

export interface PublicQuestion {
  number: number;
  askerName: string;
  askerOrganisation: string | null;
  text: string;
  answerKind: 'written' | 'oral' | null;
  answerText: string | null;
}

export interface PublicAgenda {
  version: number;
  publishedAt: Date;
  changeSummary: string | null;
  lateReason: string | null;
  items: PublicAgendaItem[];
  pack: { status: PackStatus; pages: number | null; bytes: number | null } | null;
  /** The action log frozen with the agenda, shown under its minutes item. */
  actionLog: AgendaSnapshotAction[];
}

/**
 * The public items of a snapshot, made once per snapshot: a published
 * version's snapshot is kept (and never changes), so every page that shows
 * it shares one copy. Callers copy an item before adding to it.
 */
const publicItems = new WeakMap<AgendaSnapshot, PublicAgendaItem[]>();

function publicItemsOf(snapshot: AgendaSnapshot): PublicAgendaItem[] {
  let items = publicItems.get(snapshot);
  if (!items) {
    items = snapshot.items.map((item): PublicAgendaItem => {
      if (item.exemptParagraph !== null) {
        return {
          exempt: true,
          id: item.id,
          number: item.number,
          title: item.title,
          exemptParagraph: item.exemptParagraph,
          plannedStart: item.plannedStart,
        };
      }
      return {
        exempt: false,
        id: item.id,
        number: item.number,
        kind: item.kind,
        title: item.title,
        purpose: item.purpose,
        plannedStart: item.plannedStart,
        lateReason: item.lateReason,
        confirmsMinutesOfMeetingId: item.confirmsMinutesOfMeetingId,
        presenters: item.presenters,
        papers: item.papers.filter((p) => p.exemptParagraph === null),
        questions: snapshot.questions
          .filter((q) => q.itemId === item.id)
          .map((q) => ({
            number: q.number,
            askerName: q.askerName,
            askerOrganisation: q.askerOrganisation,
            text: q.text,
            answerKind: q.answerKind,
            answerText: q.answerText,
          })),
      };
    });
    publicItems.set(snapshot, items);
  }
  return items;
}

/** Removes from a published agenda everything exempt under Schedule 12A. */
export function toPublicAgenda(published: PublishedAgendaVersion): PublicAgenda {
  const { snapshot } = published;
  return {
    version: published.version,
    publishedAt: published.publishedAt,
    changeSummary: published.changeSummary,
    lateReason: published.lateReason,
    pack: published.pack ?? null,
    actionLog: snapshot.actionLog ?? [],
    items: publicItemsOf(snapshot),
  };
}

/** The published agenda of a meeting with exempt content removed, or null when none is published. */
export function getPublicAgenda(db: Db, meetingId: number): PublicAgenda | null {
  const published = latestAgendaVersion(db, meetingId);
  return published ? withMinutesToConfirm(db, toPublicAgenda(published)) : null;
}

const minutesStatusRows = preparedOnce((db) =>
  db
    .select({ id: meetings.id, status: meetings.minutesStatus, url: meetings.minutesUrl })
    .from(meetings)
    .where(inArray(meetings.id, ID_LIST))
    .prepare(),
);

/**
 * A "minutes of the previous meeting" item links to those minutes only when
 * they can be read: published here, or on another site. (The frozen agenda
 * names the meeting; whether its minutes are out yet is today's question.)
 */
export function withMinutesToConfirm(db: Db, agenda: PublicAgenda): PublicAgenda {
  const ids = agenda.items.flatMap((i) =>
    !i.exempt && i.confirmsMinutesOfMeetingId !== null ? [i.confirmsMinutesOfMeetingId] : [],
  );
  if (ids.length === 0) return agenda;
  const readable = new Set(
    minutesStatusRows(db)
      .all({ ids: JSON.stringify(ids) })
      .filter((m) => minutesArePublic(m.status) || m.url !== null)
      .map((m) => m.id),
  );
  return {
    ...agenda,
    items: agenda.items.map((i) =>
      i.exempt || i.confirmsMinutesOfMeetingId === null || readable.has(i.confirmsMinutesOfMeetingId)
        ? i
        : { ...i, confirmsMinutesOfMeetingId: null },
    ),
  };
}

/** A paper as stored (its file's hash and name), for the members' copy; null when there is none. */
export function paperFile(db: Db, documentId: number) {
  return (
    db
      .select({
        id: documents.id,
        meetingId: documents.meetingId,
        agendaItemId: documents.agendaItemId,
        fileHash: documents.fileHash,
        fileName: documents.fileName,
      })
      .from(documents)
      .where(eq(documents.id, documentId))
      .get() ?? null
  );
}

/**
 * A paper the public may read: one that appears as an open paper, on an open
 * item, in a published version of its meeting's agenda. Null otherwise.
 */
export function publicPaperFile(db: Db, documentId: number) {
  const doc = paperFile(db, documentId);
  if (!doc?.meetingId) return null;
  const published = db
    .select({ snapshot: agendaVersions.snapshot })
    .from(agendaVersions)
    .where(eq(agendaVersions.meetingId, doc.meetingId))
    .all()
    .some((v) =>
      v.snapshot.items.some(
        (item) =>
          item.exemptParagraph === null &&
          item.papers.some((p) => p.documentId === documentId && p.exemptParagraph === null),
      ),
    );
  return published ? doc : null;
}
