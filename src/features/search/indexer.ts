import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type SQLite from 'better-sqlite3';
import type { Database, Db } from '../../db/client';
import {
  actionOwners,
  actionUpdates,
  actions,
  agendaItems,
  documentPages,
  meetings,
  searchStale,
  type SearchKind,
} from '../../db/schema';
import { actionSlug } from '../../lib/action-rules';
import { formatDate, londonDate } from '../../lib/dates';
import { recommendationSlug } from '../../lib/recommendation-rules';
import { getPublicMeetingRow } from '../meetings/queries';
import { buildAgendaSnapshot, getPublicAgenda } from '../agenda/queries';
import { buildMinutesSnapshot, getPublicMinutes } from '../minutes/queries';
import { publicQuestionsOf } from '../questions/queries';
import { getRecommendation, publicRecommendation } from '../recommendations/queries';

/** One record as search knows it: where it belongs, where it is read, and its words. */
export interface IndexEntry {
  scope: 'public' | 'restricted';
  kind: SearchKind;
  committeeId: number;
  meetingId: number | null;
  onDate: string | null;
  url: string;
  marker: 'draft' | 'exempt' | null;
  title: string;
  body: string;
}

const lines = (...parts: (string | null | undefined)[]) => parts.filter((p) => p && p.trim()).join('\n');

function pagesOf(db: Db, documentIds: number[]) {
  if (documentIds.length === 0) return [];
  return db
    .select({ documentId: documentPages.documentId, page: documentPages.page, text: documentPages.text })
    .from(documentPages)
    .where(inArray(documentPages.documentId, documentIds))
    .orderBy(asc(documentPages.documentId), asc(documentPages.page))
    .all();
}

/**
 * What the public may find of a meeting: read through the same functions as
 * its public page (src/features/meetings/public.ts), so search shows nothing
 * that page does not: the published agenda without exempt items' content or
 * exempt papers, published minutes without withheld items, accepted
 * questions with published answers only, published actions of open items
 * with their public notes.
 */
function publicEntries(db: Db, meetingId: number): IndexEntry[] {
  const row = getPublicMeetingRow(db, meetingId);
  if (!row) return [];
  const meeting = {
    ...row,
    agenda: row.agendaStatus === 'published' ? getPublicAgenda(db, meetingId) : null,
    minutes:
      row.minutesStatus === 'published' || row.minutesStatus === 'approved' ? getPublicMinutes(db, meetingId) : null,
    questions: publicQuestionsOf(db, meetingId),
  };
  const base = {
    scope: 'public' as const,
    committeeId: meeting.committee.id,
    meetingId,
    onDate: londonDate(meeting.startsAt),
    marker: null,
  };
  const page = `/meetings/${meetingId}`;
  const out: IndexEntry[] = [
    {
      ...base,
      kind: 'meeting',
      url: page,
      title: `${meeting.committee.name}, ${formatDate(meeting.startsAt)}`,
      body: lines(meeting.venue, meeting.statusReason),
    },
  ];
  const papers: { documentId: number; title: string }[] = [];
  for (const item of meeting.agenda?.items ?? []) {
    if (item.exempt) {
      // An exempt item's title is public; nothing else of it is.
      out.push({
        ...base,
        kind: 'item',
        url: `${page}#item-${item.number}`,
        title: `Item ${item.number}: ${item.title}`,
        body: '',
      });
      continue;
    }
    out.push({
      ...base,
      kind: 'item',
      url: `${page}#item-${item.number}`,
      title: `Item ${item.number}: ${item.title}`,
      body: lines(item.purpose, ...item.presenters.map((p) => p.name), ...item.papers.map((p) => p.title)),
    });
    papers.push(...item.papers.map((p) => ({ documentId: p.documentId, title: p.title })));
  }
  const titles = new Map(papers.map((p) => [p.documentId, p.title]));
  for (const p of pagesOf(db, [...titles.keys()])) {
    out.push({
      ...base,
      kind: 'paper',
      url: `/documents/${p.documentId}#page=${p.page}`,
      title: `${titles.get(p.documentId) ?? 'Paper'}, page ${p.page}`,
      body: p.text,
    });
  }
  for (const item of meeting.minutes?.items ?? []) {
    if (item.withheld) continue;
    const url = `${page}#minute-${item.number}`;
    if (item.minuteText.trim())
      out.push({
        ...base,
        kind: 'minutes',
        url,
        title: `Minutes, item ${item.number}: ${item.title}`,
        body: item.minuteText,
      });
    if (item.resolutions.length)
      out.push({
        ...base,
        kind: 'resolution',
        url,
        title: `Resolved, item ${item.number}: ${item.title}`,
        body: lines(...item.resolutions.map((r) => r.text)),
      });
  }
  for (const q of meeting.questions) {
    out.push({
      ...base,
      kind: 'question',
      url: `${page}#question-${q.number}`,
      title: `Question ${q.number}, from ${q.askerName}${q.askerOrganisation ? ` (${q.askerOrganisation})` : ''}`,
      body: lines(q.text, q.answerText, q.supplementaryQuestion, q.supplementaryAnswer),
    });
  }
  for (const a of publicActionsOf(db, meetingId)) {
    out.push({
      ...base,
      kind: 'action',
      url: `/actions/${actionSlug(a.reference)}`,
      title: `Action ${a.reference}`,
      body: lines(a.description, ...a.owners, ...a.notes),
    });
  }
  return out;
}

/** The published actions of a meeting's open items, with their owners and public notes only. */
function publicActionsOf(db: Db, meetingId: number) {
  const rows = db
    .select({ id: actions.id, reference: actions.reference, description: actions.description })
    .from(actions)
    .innerJoin(agendaItems, eq(agendaItems.id, actions.agendaItemId))
    .where(
      and(
        eq(agendaItems.meetingId, meetingId),
        isNotNull(actions.publishedAt),
        isNotNull(actions.reference),
        sql`${agendaItems.exemptParagraph} is null`,
      ),
    )
    .orderBy(asc(agendaItems.position), asc(actions.position))
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const owners = db
    .select({ actionId: actionOwners.actionId, name: actionOwners.name })
    .from(actionOwners)
    .where(inArray(actionOwners.actionId, ids))
    .all();
  const notes = db
    .select({ actionId: actionUpdates.actionId, note: actionUpdates.note })
    .from(actionUpdates)
    .where(and(inArray(actionUpdates.actionId, ids), eq(actionUpdates.notePublic, true)))
    .all();
  return rows.map((r) => ({
    reference: r.reference ?? '',
    description: r.description,
    owners: owners.filter((o) => o.actionId === r.id).map((o) => o.name),
    notes: notes.filter((n) => n.actionId === r.id).map((n) => n.note),
  }));
}

/**
 * What signed-in users of the committee may also find: the meeting's current
 * draft agenda and minutes, exempt items and exempt papers, where they say
 * something the public record does not. Each is marked draft or exempt.
 */
function restrictedEntries(db: Db, meetingId: number, published: IndexEntry[]): IndexEntry[] {
  const meeting = db
    .select({ committeeId: meetings.committeeId, startsAt: meetings.startsAt })
    .from(meetings)
    .where(eq(meetings.id, meetingId))
    .get();
  if (!meeting) return [];
  const seen = new Set(published.map((e) => `${e.kind}\n${e.title}\n${e.body}`));
  const base = {
    scope: 'restricted' as const,
    committeeId: meeting.committeeId,
    meetingId,
    onDate: londonDate(meeting.startsAt),
  };
  const out: IndexEntry[] = [];
  const add = (e: Omit<IndexEntry, keyof typeof base>) => {
    if (!seen.has(`${e.kind}\n${e.title}\n${e.body}`)) out.push({ ...base, ...e });
  };
  const manage = `/manage/meetings/${meetingId}`;
  const agenda = buildAgendaSnapshot(db, meetingId);
  const paperTitles = new Map<number, { title: string; exempt: boolean }>();
  for (const item of agenda.items) {
    const exempt = item.exemptParagraph !== null;
    add({
      kind: 'item',
      url: manage,
      marker: exempt ? 'exempt' : 'draft',
      title: `Item ${item.number}: ${item.title}`,
      body: lines(
        item.purpose,
        exempt ? item.exemptReason : null,
        ...item.presenters.map((p) => p.name),
        ...item.papers.map((p) => p.title),
      ),
    });
    for (const p of item.papers)
      paperTitles.set(p.documentId, { title: p.title, exempt: exempt || p.exemptParagraph !== null });
  }
  for (const p of pagesOf(db, [...paperTitles.keys()])) {
    const paper = paperTitles.get(p.documentId);
    add({
      kind: 'paper',
      url: `/manage/documents/${p.documentId}#page=${p.page}`,
      marker: paper?.exempt ? 'exempt' : 'draft',
      title: `${paper?.title ?? 'Paper'}, page ${p.page}`,
      body: p.text,
    });
  }
  const minutes = buildMinutesSnapshot(db, meetingId);
  for (const item of minutes.items) {
    const marker = item.exemptParagraph !== null ? 'exempt' : 'draft';
    const url = `${manage}/minutes`;
    if (item.minuteText.trim())
      add({
        kind: 'minutes',
        url,
        marker,
        title: `Minutes, item ${item.number}: ${item.title}`,
        body: item.minuteText,
      });
    if (item.resolutions.length)
      add({
        kind: 'resolution',
        url,
        marker,
        title: `Resolved, item ${item.number}: ${item.title}`,
        body: lines(...item.resolutions.map((r) => r.text)),
      });
  }
  return out;
}

function recommendationEntries(db: Db, id: number): IndexEntry[] {
  const rec = getRecommendation(db, id);
  if (!rec) return [];
  const open = rec.reference ? publicRecommendation(db, rec.reference) : null;
  const body = lines(rec.text, rec.addressedTo, ...(open ?? rec).responses.map((r) => lines(r.respondent, r.text)));
  const title = `Recommendation ${rec.reference ?? ''}`.trim();
  const common = {
    kind: 'recommendation' as const,
    committeeId: rec.committee.id,
    meetingId: rec.origin?.meetingId ?? null,
    onDate: rec.sentOn ?? (rec.origin ? londonDate(rec.origin.startsAt) : null),
    title,
    body,
  };
  if (open && open.reference)
    return [
      { ...common, scope: 'public', url: `/recommendations/${recommendationSlug(open.reference)}`, marker: null },
    ];
  return [
    {
      ...common,
      scope: 'restricted',
      url: `/manage/committees/${rec.committee.slug}/recommendations/${rec.id}`,
      marker: rec.status === 'draft' ? 'draft' : 'exempt',
    },
  ];
}

/** Every entry of a unit ('meeting:12', 'recommendation:5'), as of now. */
export function entriesOf(db: Db, unit: string): IndexEntry[] {
  const [kind, raw] = unit.split(':');
  const id = Number(raw);
  if (!Number.isInteger(id)) return [];
  if (kind === 'meeting') {
    const published = publicEntries(db, id);
    return [...published, ...restrictedEntries(db, id, published)];
  }
  if (kind === 'recommendation') return recommendationEntries(db, id);
  return [];
}

/**
 * The statements that write the index, prepared once per database: a unit
 * is written with a few dozen of them, and building each with drizzle would
 * cost more than SQLite takes to run it.
 */
const prepared = new WeakMap<SQLite.Database, ReturnType<typeof prepare>>();
const writes = (c: SQLite.Database) => {
  let w = prepared.get(c);
  if (!w) prepared.set(c, (w = prepare(c)));
  return w;
};
function prepare(c: SQLite.Database) {
  return {
    old: c.prepare<[string], { id: number; scope: 'public' | 'restricted' }>(
      'select id, scope from search_entries where unit = ?',
    ),
    forget: {
      public: c.prepare<[number]>('delete from search_public where rowid = ?'),
      restricted: c.prepare<[number]>('delete from search_restricted where rowid = ?'),
    },
    forgetUnit: c.prepare<[string]>('delete from search_entries where unit = ?'),
    entry: c.prepare<
      [string, string, string, number, number | null, string | null, string, string | null],
      { id: number }
    >(
      'insert into search_entries (unit, scope, kind, committee_id, meeting_id, on_date, url, marker) values (?, ?, ?, ?, ?, ?, ?, ?) returning id',
    ),
    text: {
      public: c.prepare<[number, string, string]>('insert into search_public (rowid, title, body) values (?, ?, ?)'),
      restricted: c.prepare<[number, string, string]>(
        'insert into search_restricted (rowid, title, body) values (?, ?, ?)',
      ),
    },
    done: c.prepare<[string]>('delete from search_stale where unit = ?'),
  };
}

/** Replaces a unit's entries in the index (inside the caller's transaction). */
function reindexUnit(db: Database, unit: string): number {
  const w = writes(db.$client);
  for (const old of w.old.all(unit)) w.forget[old.scope].run(old.id);
  w.forgetUnit.run(unit);
  const entries = entriesOf(db, unit);
  for (const e of entries) {
    const row = w.entry.get(unit, e.scope, e.kind, e.committeeId, e.meetingId, e.onDate, e.url, e.marker);
    if (row) w.text[e.scope].run(row.id, e.title, e.body);
  }
  w.done.run(unit);
  return entries.length;
}

const BULK = 500;

/**
 * Brings the index up to date: indexes again every unit written to since it
 * was last indexed (the triggers of migration 0016 name them), a batch per
 * transaction. Cheap when nothing has changed (one look-up). Returns how many
 * units were indexed.
 */
export function catchUp(db: Database, batch = 100): number {
  let done = 0;
  for (;;) {
    const units = db.select({ unit: searchStale.unit }).from(searchStale).limit(batch).all();
    if (units.length === 0) {
      // After a build of the whole index (a new installation's first search), its segments are merged
      // into one: a second's work once, and searches a fifth faster after. Small changes merge as they go.
      if (done >= BULK)
        for (const table of ['search_public', 'search_restricted'])
          db.$client.prepare(`insert into ${table} (${table}) values ('optimize')`).run();
      return done;
    }
    // The writes go through the connection's own statements, inside this transaction.
    db.transaction(() => {
      for (const { unit } of units) reindexUnit(db, unit);
    });
    done += units.length;
  }
}
