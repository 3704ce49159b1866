import { sql } from 'drizzle-orm';
import { rankFunction, statementOf, type Db } from '../../db/client';
import { SEARCH_KINDS, type SearchKind } from '../../db/schema';
import { MARK_END, MARK_START } from '../../lib/search-marks';
import { isDate, one, wholeNumber } from '../../lib/query-params';

/** The most terms a query may have, and the longest it may be: enough for any real question. */
export const MAX_TERMS = 12;
export const MAX_QUERY_LENGTH = 200;
/** Results are counted up to this, then said to be "more than" it. */
export const COUNT_CAP = 1000;
export const RESULTS_PER_PAGE = 20;

/**
 * A query as typed, read as words and "quoted phrases" that must all appear
 * (a word ending in * matches its beginning), and written as an FTS5 query in
 * which every term is quoted: nothing typed is read as FTS5 syntax (NEAR,
 * OR, -, parentheses, column filters), so no query can break the search.
 */
export function ftsQuery(typed: string): string {
  const parts: string[] = [];
  const wordsOf = (s: string) => s.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
  const quote = (words: string[]) => `"${words.join(' ').replaceAll('"', '""')}"`;
  for (const m of typed.slice(0, MAX_QUERY_LENGTH).matchAll(/"([^"]*)"?|(\S+)/g)) {
    if (m[1] !== undefined) {
      const words = wordsOf(m[1]);
      if (words.length) parts.push(quote(words));
    } else {
      const raw = m[2] ?? '';
      for (const w of wordsOf(raw)) parts.push(quote([w]) + (raw.endsWith(`${w}*`) ? '*' : ''));
    }
  }
  return parts.slice(0, MAX_TERMS).join(' ');
}

export interface SearchFilters {
  committeeId: number | null;
  kind: SearchKind | null;
  from: string | null;
  to: string | null;
}

export interface SearchHit {
  kind: SearchKind;
  url: string;
  title: string;
  /** Text with the matched words between \u0002 and \u0003 (escaped and marked up by the view). */
  snippet: string;
  onDate: string | null;
  committee: { slug: string; name: string };
  marker: 'draft' | 'exempt' | null;
}

/** Who is searching: the public, or a signed-in user who may also see some committees' restricted entries. */
export type SearchScope = { restricted: false } | { restricted: true; committeeIds: number[] | null };

/** The search form's fields as typed, to fill it in again. */
export interface SearchValues {
  q: string;
  committee: string;
  kind: string;
  from: string;
  to: string;
}
export const SEARCH_PARAMS = ['q', 'committee', 'kind', 'from', 'to'] as const;

/** Past this page the results are not shown: the count stops at COUNT_CAP. */
export const MAX_PAGE = Math.ceil(COUNT_CAP / RESULTS_PER_PAGE);

export interface ParsedSearch {
  values: SearchValues;
  /** By field: what is wrong with it, in words. */
  errors: Partial<Record<keyof SearchValues | 'page', string>>;
  /** The FTS5 query, or null when nothing was asked yet (the form alone) or something is wrong. */
  fts: string | null;
  filters: SearchFilters;
  page: number;
}

/**
 * Reads /search's query string. A value that is not one of the choices, a
 * date that is not a date, a page that is not a page: each is a message
 * naming the field; unknown parameters are ignored.
 */
export function parseSearch(query: unknown, committees: { id: number; slug: string }[]): ParsedSearch {
  const q = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const values = Object.fromEntries(SEARCH_PARAMS.map((p) => [p, one(q[p])])) as unknown as SearchValues;
  const errors: ParsedSearch['errors'] = {};
  const committee = values.committee ? committees.find((c) => c.slug === values.committee) : null;
  if (committee === undefined) errors.committee = 'Select a committee from the list';
  const kind = isSearchKind(values.kind) ? values.kind : null;
  if (values.kind && !kind) errors.kind = 'Select a kind of record from the list';
  for (const name of ['from', 'to'] as const)
    if (values[name] && !isDate(values[name]))
      errors[name] = `Enter the ${name === 'from' ? 'first' : 'last'} date like 2021-01-31`;
  if (!errors.from && !errors.to && values.from && values.to && values.from > values.to)
    errors.to = 'The last date must be on or after the first';
  const pageText = one(q.page);
  const page = pageText ? (wholeNumber(pageText) ?? 0) : 1;
  if (page < 1) errors.page = 'The page must be a whole number from 1';
  else if (page > MAX_PAGE)
    errors.page = `Only the first ${COUNT_CAP.toLocaleString('en-GB')} results can be shown: search with more words`;
  const fts = ftsQuery(values.q);
  if (values.q.length > MAX_QUERY_LENGTH) errors.q = `Enter ${MAX_QUERY_LENGTH} characters or fewer`;
  else if ('q' in q && !fts) errors.q = values.q ? 'Enter words or numbers to search for' : 'Enter words to search for';
  return {
    values,
    errors,
    fts: 'q' in q && Object.keys(errors).length === 0 ? fts : null,
    filters: { committeeId: committee?.id ?? null, kind, from: values.from || null, to: values.to || null },
    page,
  };
}

/** The query string of a search, with another page. */
export function searchQuery(values: SearchValues, page?: number): string {
  const params = new URLSearchParams({ q: values.q });
  for (const p of SEARCH_PARAMS) if (p !== 'q' && values[p]) params.set(p, values[p]);
  if (page) params.set('page', String(page));
  return `?${params.toString()}`;
}

type Table = 'search_public' | 'search_restricted';

/** Conditions in SQL with `?` for their values, and the values in order. */
interface Conditions {
  text: string[];
  values: (string | number)[];
}

/** The conditions on a table's entries beyond the words: the filters, and for restricted entries the user's committees. */
function conditions(table: Table, f: SearchFilters, scope: SearchScope): Conditions {
  const c: Conditions = { text: [], values: [] };
  const add = (text: string, value: string | number) => {
    c.text.push(text);
    c.values.push(value);
  };
  if (f.committeeId !== null) add('e.committee_id = ?', f.committeeId);
  if (f.kind !== null) add('e.kind = ?', f.kind);
  if (f.from !== null) add('e.on_date >= ?', f.from);
  if (f.to !== null) add('e.on_date <= ?', f.to);
  if (table === 'search_restricted' && scope.restricted && scope.committeeIds !== null)
    add('e.committee_id in (select value from json_each(?))', JSON.stringify(scope.committeeIds));
  return c;
}

/*
 * The two queries of a search are SQL written here, not built by drizzle:
 * each is prepared once per connection and shape (the filters given;
 * statementOf), where building and preparing them anew would cost a search a
 * tenth of its time. The table's name is one of two known here; every value is
 * bound.
 */

/**
 * The best `limit` entries of one table by bm25 (lower is better; a title
 * word weighs four times a body word), and how many match, in one pass over
 * the index: the newest COUNT_CAP + 1 matches (by rowid, which FTS5 walks in
 * order) are scored and counted, so a word found almost everywhere costs no
 * more than a rare one. Under the cap that is every match, ranked; over it,
 * the best of the newest, and the count says "more than". Only the rank is
 * computed here: the snippets are made for the page's 20 alone (`details`).
 * The entries table is joined only when there are conditions on it.
 */
function ranked(
  db: Db,
  table: Table,
  fts: string,
  c: Conditions,
  limit: number,
): { rows: { id: number; score: number }[]; matches: number } {
  const where = c.text.length
    ? `from ${table} join search_entries e on e.id = ${table}.rowid where ${table} match ? and ${c.text.join(' and ')}`
    : `from ${table} where ${table} match ?`;
  const rows = statementOf(
    db,
    `select id, score, count(*) over () as matches from (
        select ${table}.rowid as id, ${rankFunction(db)}(${table}, 4.0, 1.0) as score ${where}
        order by ${table}.rowid desc limit ${COUNT_CAP + 1})
      order by score, id limit ?`,
  ).all(fts, ...c.values, limit) as { id: number; score: number; matches: number }[];
  return { rows: rows.map(({ id, score }) => ({ id, score })), matches: rows[0]?.matches ?? 0 };
}

interface Details {
  kind: SearchKind;
  url: string;
  on_date: string | null;
  marker: 'draft' | 'exempt' | null;
  title: string;
  snippet: string;
  slug: string;
  name: string;
}

/**
 * The marked title and snippet of an entry of a table, and what the entry is.
 * One entry at a time: FTS5 finds a row by rowid and words at once only for
 * `rowid = ?` (for a list of rowids it reads every match, as long as a rare
 * phrase's whole search).
 */
function details(db: Db, table: Table, fts: string, id: number): Details | undefined {
  return statementOf(
    db,
    `select e.kind, e.url, e.on_date, e.marker, c.slug, c.name,
        highlight(${table}, 0, ?, ?) as title, snippet(${table}, 1, ?, ?, '…', 24) as snippet
      from ${table} join search_entries e on e.id = ${table}.rowid join committees c on c.id = e.committee_id
      where ${table} match ? and ${table}.rowid = cast(? as integer)`,
  ).get(MARK_START, MARK_END, MARK_START, MARK_END, fts, id) as Details | undefined;
}

/** What one search asks for: its FTS5 query, filters, who asks and which page. */
export interface SearchRequest {
  fts: string;
  filters: SearchFilters;
  scope: SearchScope;
  page: number;
}

export interface SearchResults {
  hits: SearchHit[];
  total: number;
  capped: boolean;
}

/**
 * One page of results, best first (bm25), and how many there are (counted up
 * to COUNT_CAP and then "more than"). The public read only `search_public`;
 * signed-in users also their committees' drafts and exempt entries.
 */
export function search(db: Db, fts: string, f: SearchFilters, scope: SearchScope, page: number): SearchResults {
  const tables: Table[] = scope.restricted ? ['search_public', 'search_restricted'] : ['search_public'];
  const offset = (page - 1) * RESULTS_PER_PAGE;
  const perTable = tables.map((table) => ({
    table,
    ...ranked(db, table, fts, conditions(table, f, scope), offset + RESULTS_PER_PAGE),
  }));
  const best = perTable
    .flatMap(({ table, rows }) => rows.map((r) => ({ ...r, table })))
    .sort((a, b) => a.score - b.score || a.id - b.id)
    .slice(offset, offset + RESULTS_PER_PAGE);
  const total = perTable.reduce((n, t) => n + t.matches, 0);
  return {
    hits: best.flatMap((b) => {
      const r = details(db, b.table, fts, b.id);
      return r
        ? [
            {
              kind: r.kind,
              url: r.url,
              title: r.title,
              snippet: r.snippet,
              onDate: r.on_date,
              committee: { slug: r.slug, name: r.name },
              marker: r.marker,
            },
          ]
        : [];
    }),
    total: Math.min(total, COUNT_CAP),
    capped: total > COUNT_CAP,
  };
}

function isSearchKind(value: string): value is SearchKind {
  return (SEARCH_KINDS as readonly string[]).includes(value);
}

/**
 * Which of these units ('meeting:12', 'recommendation:5') have public entries
 * matching an FTS5 query: what a followed search finds in what was just
 * published. Only the public index is read.
 */
export function unitsMatching(db: Db, fts: string, units: string[]): Set<string> {
  if (units.length === 0 || !fts) return new Set();
  const rows = db.all<{ unit: string }>(
    sql`select distinct e.unit from search_public join search_entries e on e.id = search_public.rowid
      where search_public match ${fts} and e.scope = 'public'
        and e.unit in (select value from json_each(${JSON.stringify([...new Set(units)])}))`,
  );
  return new Set(rows.map((r) => r.unit));
}
