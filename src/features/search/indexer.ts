import { and, asc, eq, inArray } from 'drizzle-orm';
import type SQLite from 'better-sqlite3';
import type { Database, Db } from '../../db/client';
import { preparedOnce } from '../../db/prepared';
import { actionUpdates, documentPages, meetings, recommendations, searchStale, type SearchKind } from '../../db/schema';
import { NO_FILTERS } from '../../lib/action-filters';
import { actionSlug } from '../../lib/action-rules';
import { formatDate, londonDate } from '../../lib/dates';
import { minutesArePublic } from '../../lib/enums';
import { recommendationSlug } from '../../lib/recommendation-rules';
import { allActions } from '../actions/queries';
import { buildAgendaSnapshot, getPublicAgenda } from '../agenda/queries';
import { getPublicMeetingRow } from '../meetings/queries';
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

/** Where an entry belongs: the same for every entry of a meeting. */
type Place = Pick<IndexEntry, 'committeeId' | 'meetingId' | 'onDate'>;
/** What an entry says and where it is read. */
type Found = Pick<IndexEntry, 'kind' | 'url' | 'title' | 'body'>;

const itemFound = (item: { number: number; title: string }, url: string, body: string): Found => ({
  kind: 'item',
  url,
  title: `Item ${item.number}: ${item.title}`,
  body,
});

/** An item's minute and its resolutions, as two entries (either left out when empty). */
function minutesFound(
  item: { number: number; title: string; minuteText: string; resolutions: readonly { text: string }[] },
  url: string,
): Found[] {
  const out: Found[] = [];
  if (item.minuteText.trim())
    out.push({ kind: 'minutes', url, title: `Minutes, item ${item.number}: ${item.title}`, body: item.minuteText });
  if (item.resolutions.length)
    out.push({
      kind: 'resolution',
      url,
      title: `Resolved, item ${item.number}: ${item.title}`,
      body: lines(...item.resolutions.map((r) => r.text)),
    });
  return out;
}

/** Each page of some papers (by id, with their titles) that has text, as an entry linking to that page. */
function pagesFound(db: Db, titles: Map<number, string>, at: string): (Found & { documentId: number })[] {
  if (titles.size === 0) return [];
  return db
    .select({ documentId: documentPages.documentId, page: documentPages.page, text: documentPages.text })
    .from(documentPages)
    .where(inArray(documentPages.documentId, [...titles.keys()]))
    .orderBy(asc(documentPages.documentId), asc(documentPages.page))
    .all()
    .map((p) => ({
      documentId: p.documentId,
      kind: 'paper',
      url: `${at}/${p.documentId}#page=${p.page}`,
      title: `${titles.get(p.documentId) ?? 'Paper'}, page ${p.page}`,
      body: p.text,
    }));
}

/**
 * What the public may find of a meeting: read through the same queries as
 * its public page (src/features/meetings/public.ts), so search shows nothing
 * that page does not: the published agenda without exempt items' content or
 * exempt papers, published minutes without withheld items, accepted
 * questions with published answers only, published actions with their
 * public notes.
 */
function publicEntries(db: Db, meetingId: number, place: Place): IndexEntry[] {
  const row = getPublicMeetingRow(db, meetingId);
  if (!row) return [];
  const agenda = row.agendaStatus === 'published' ? getPublicAgenda(db, meetingId) : null;
  const minutes = minutesArePublic(row.minutesStatus) ? getPublicMinutes(db, meetingId) : null;
  const page = `/meetings/${meetingId}`;
  const found: Found[] = [
    {
      kind: 'meeting',
      url: page,
      title: `${row.committee.name}, ${formatDate(row.startsAt)}`,
      body: lines(row.venue, row.statusReason),
    },
  ];
  const papers = new Map<number, string>();
  for (const item of agenda?.items ?? []) {
    // An exempt item's title is public; nothing else of it is.
    if (item.exempt) {
      found.push(itemFound(item, `${page}#item-${item.number}`, ''));
      continue;
    }
    const body = lines(item.purpose, ...item.presenters.map((p) => p.name), ...item.papers.map((p) => p.title));
    found.push(itemFound(item, `${page}#item-${item.number}`, body));
    for (const p of item.papers) papers.set(p.documentId, p.title);
  }
  found.push(...pagesFound(db, papers, '/documents'));
  for (const item of minutes?.items ?? [])
    if (!item.withheld) found.push(...minutesFound(item, `${page}#minute-${item.number}`));
  for (const q of publicQuestionsOf(db, meetingId))
    found.push({
      kind: 'question',
      url: `${page}#question-${q.number}`,
      title: `Question ${q.number}, from ${q.askerName}${q.askerOrganisation ? ` (${q.askerOrganisation})` : ''}`,
      body: lines(q.text, q.answerText, q.supplementaryQuestion, q.supplementaryAnswer),
    });
  found.push(...publicActionsFound(db, meetingId));
  return found.map((f) => ({ ...place, ...f, scope: 'public', marker: null }));
}

/**
 * The meeting's published actions (never one of an exempt item: publishing
 * skips them, and making an item exempt clears it, migration 0010), read as
 * the public actions list reads them, with their public notes only.
 */
function publicActionsFound(db: Db, meetingId: number): Found[] {
  const list = [
    ...allActions(db, { ...NO_FILTERS, meetingId, publishedOnly: true, sort: 'reference' }, new Date()),
  ].flat();
  if (list.length === 0) return [];
  const notes = db
    .select({ actionId: actionUpdates.actionId, note: actionUpdates.note })
    .from(actionUpdates)
    .where(
      and(
        inArray(
          actionUpdates.actionId,
          list.map((a) => a.id),
        ),
        eq(actionUpdates.notePublic, true),
      ),
    )
    .all();
  return list.flatMap((a) =>
    a.reference
      ? [
          {
            kind: 'action' as const,
            url: `/actions/${actionSlug(a.reference)}`,
            title: `Action ${a.reference}`,
            body: lines(a.description, ...a.owners, ...notes.filter((n) => n.actionId === a.id).map((n) => n.note)),
          },
        ]
      : [],
  );
}

/**
 * What signed-in users of the committee may also find: the meeting's current
 * draft agenda and minutes, exempt items and exempt papers, where they say
 * something the public record does not. Each is marked draft or exempt.
 */
function restrictedEntries(db: Db, meetingId: number, place: Place, published: IndexEntry[]): IndexEntry[] {
  const key = (f: Found) => `${f.kind}\n${f.title}\n${f.body}`;
  const seen = new Set(published.map(key));
  const out: IndexEntry[] = [];
  const add = (f: Found, exempt: boolean) => {
    if (!seen.has(key(f))) out.push({ ...place, ...f, scope: 'restricted', marker: exempt ? 'exempt' : 'draft' });
  };
  const manage = `/manage/meetings/${meetingId}`;
  const papers = new Map<number, string>();
  const exemptPapers = new Set<number>();
  for (const item of buildAgendaSnapshot(db, meetingId).items) {
    const exempt = item.exemptParagraph !== null;
    const body = lines(
      item.purpose,
      exempt ? item.exemptReason : null,
      ...item.presenters.map((p) => p.name),
      ...item.papers.map((p) => p.title),
    );
    add(itemFound(item, manage, body), exempt);
    for (const p of item.papers) {
      papers.set(p.documentId, p.title);
      if (exempt || p.exemptParagraph !== null) exemptPapers.add(p.documentId);
    }
  }
  for (const p of pagesFound(db, papers, '/manage/documents')) add(p, exemptPapers.has(p.documentId));
  for (const item of buildMinutesSnapshot(db, meetingId).items)
    for (const f of minutesFound(item, `${manage}/minutes`)) add(f, item.exemptParagraph !== null);
  return out;
}

/** A recommendation: public once sent (and not made at an exempt item), else for signed-in users, marked. */
function recommendationEntries(db: Db, id: number): IndexEntry[] {
  const reference = db
    .select({ reference: recommendations.reference })
    .from(recommendations)
    .where(eq(recommendations.id, id))
    .get()?.reference;
  const open = reference ? publicRecommendation(db, reference) : null;
  const rec = open ?? getRecommendation(db, id);
  if (!rec) return [];
  const entry = {
    kind: 'recommendation' as const,
    committeeId: rec.committee.id,
    meetingId: rec.origin?.meetingId ?? null,
    onDate: rec.sentOn ?? (rec.origin ? londonDate(rec.origin.startsAt) : null),
    title: `Recommendation ${rec.reference ?? ''}`.trim(),
    body: lines(rec.text, rec.addressedTo, ...rec.responses.map((r) => lines(r.respondent, r.text))),
  };
  return [
    open?.reference
      ? { ...entry, scope: 'public', url: `/recommendations/${recommendationSlug(open.reference)}`, marker: null }
      : {
          ...entry,
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
  if (kind === 'recommendation') return recommendationEntries(db, id);
  if (kind !== 'meeting') return [];
  const meeting = db
    .select({ committeeId: meetings.committeeId, startsAt: meetings.startsAt })
    .from(meetings)
    .where(eq(meetings.id, id))
    .get();
  if (!meeting) return [];
  const place: Place = { committeeId: meeting.committeeId, meetingId: id, onDate: londonDate(meeting.startsAt) };
  const published = publicEntries(db, id, place);
  return [...published, ...restrictedEntries(db, id, place, published)];
}

/**
 * The statements that write the index, prepared once per database: a unit
 * is written with a few dozen of them, and building each with drizzle would
 * cost more than SQLite takes to run it.
 */
const writes = preparedOnce((c: SQLite.Database) => ({
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
}));

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
