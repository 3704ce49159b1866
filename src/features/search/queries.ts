import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { SEARCH_KINDS, type SearchKind } from '../../db/schema';
import { MARK_END, MARK_START } from '../../lib/search-marks';

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
export function ftsQuery(typed: string): { fts: string; terms: string[] } {
  const terms: string[] = [];
  const parts: string[] = [];
  const wordsOf = (s: string) => s.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
  const quote = (words: string[]) => `"${words.join(' ').replaceAll('"', '""')}"`;
  const re = /"([^"]*)"?|(\S+)/g;
  for (const m of typed.slice(0, MAX_QUERY_LENGTH).matchAll(re)) {
    if (parts.length >= MAX_TERMS) break;
    if (m[1] !== undefined) {
      const words = wordsOf(m[1]);
      if (words.length) {
        parts.push(quote(words));
        terms.push(words.join(' '));
      }
    } else {
      const raw = m[2] ?? '';
      const prefix = /[\p{L}\p{N}]\*$/u.test(raw);
      for (const w of wordsOf(raw)) {
        if (parts.length >= MAX_TERMS) break;
        parts.push(quote([w]) + (prefix && raw.endsWith(`${w}*`) ? '*' : ''));
        terms.push(w);
      }
    }
  }
  return { fts: parts.join(' '), terms };
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

function filtersSql(f: SearchFilters): SQL {
  const parts: SQL[] = [];
  if (f.committeeId !== null) parts.push(sql`e.committee_id = ${f.committeeId}`);
  if (f.kind !== null) parts.push(sql`e.kind = ${f.kind}`);
  if (f.from !== null) parts.push(sql`e.on_date >= ${f.from}`);
  if (f.to !== null) parts.push(sql`e.on_date <= ${f.to}`);
  return parts.length ? sql` and ${sql.join(parts, sql` and `)}` : sql``;
}

function matches(table: 'search_public' | 'search_restricted', fts: string, f: SearchFilters, scope: SearchScope): SQL {
  const allowed =
    table === 'search_restricted' && scope.restricted && scope.committeeIds !== null
      ? sql` and e.committee_id in (select value from json_each(${JSON.stringify(scope.committeeIds)}))`
      : sql``;
  // Title words weigh more than body words (bm25 is lower for better matches).
  return sql`select e.id, e.kind, e.url, e.on_date, e.marker, e.committee_id,
      highlight(${sql.identifier(table)}, 0, ${MARK_START}, ${MARK_END}) as title,
      snippet(${sql.identifier(table)}, 1, ${MARK_START}, ${MARK_END}, '…', 24) as snippet,
      bm25(${sql.identifier(table)}, 4.0, 1.0) as score
    from ${sql.identifier(table)} join search_entries e on e.id = ${sql.identifier(table)}.rowid
    where ${sql.identifier(table)} match ${fts}${filtersSql(f)}${allowed}`;
}

function countOf(table: 'search_public' | 'search_restricted', fts: string, f: SearchFilters, scope: SearchScope): SQL {
  const allowed =
    table === 'search_restricted' && scope.restricted && scope.committeeIds !== null
      ? sql` and e.committee_id in (select value from json_each(${JSON.stringify(scope.committeeIds)}))`
      : sql``;
  return sql`select e.id from ${sql.identifier(table)} join search_entries e on e.id = ${sql.identifier(table)}.rowid
    where ${sql.identifier(table)} match ${fts}${filtersSql(f)}${allowed}`;
}

/**
 * One page of results, best first (bm25), and how many there are (counted up
 * to COUNT_CAP and then "more than"). The public read only `search_public`;
 * signed-in users also their committees' drafts and exempt entries.
 */
export function search(
  db: Db,
  fts: string,
  f: SearchFilters,
  scope: SearchScope,
  page: number,
): { hits: SearchHit[]; total: number; capped: boolean } {
  if (!fts) return { hits: [], total: 0, capped: false };
  const restricted = scope.restricted;
  const all = restricted
    ? sql`${matches('search_public', fts, f, scope)} union all ${matches('search_restricted', fts, f, scope)}`
    : matches('search_public', fts, f, scope);
  const rows = db.all<{
    kind: SearchKind;
    url: string;
    on_date: string | null;
    marker: 'draft' | 'exempt' | null;
    title: string;
    snippet: string;
    slug: string;
    name: string;
  }>(
    sql`select r.kind, r.url, r.on_date, r.marker, r.title, r.snippet, c.slug, c.name
      from (${all}) r join committees c on c.id = r.committee_id
      order by r.score, r.on_date desc, r.id limit ${RESULTS_PER_PAGE} offset ${(page - 1) * RESULTS_PER_PAGE}`,
  );
  const counted = restricted
    ? sql`${countOf('search_public', fts, f, scope)} union all ${countOf('search_restricted', fts, f, scope)}`
    : countOf('search_public', fts, f, scope);
  const total =
    db.get<{ n: number }>(sql`select count(*) as n from (select 1 from (${counted}) limit ${COUNT_CAP + 1})`)?.n ?? 0;
  return {
    hits: rows.map((r) => ({
      kind: r.kind,
      url: r.url,
      title: r.title,
      snippet: r.snippet,
      onDate: r.on_date,
      committee: { slug: r.slug, name: r.name },
      marker: r.marker,
    })),
    total: Math.min(total, COUNT_CAP),
    capped: total > COUNT_CAP,
  };
}

export function isSearchKind(value: string): value is SearchKind {
  return (SEARCH_KINDS as readonly string[]).includes(value);
}
