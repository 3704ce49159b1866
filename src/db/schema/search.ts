import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { documents } from './documents';
import { committees } from './committees';

/**
 * The text of each page of a paper, read from its PDF when it is uploaded
 * (src/lib/pdf-text.ts): what search finds inside papers, page by page.
 */
export const documentPages = sqliteTable(
  'document_pages',
  {
    documentId: integer()
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    /** From 1, as the PDF numbers its pages. */
    page: integer().notNull(),
    text: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.page] }), check('document_pages_page_check', sql`${t.page} >= 1`)],
);

export const SEARCH_SCOPES = ['public', 'restricted'] as const;
export const SEARCH_KINDS = [
  'meeting',
  'item',
  'minutes',
  'resolution',
  'action',
  'question',
  'paper',
  'recommendation',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * What each search result is: one row per indexed record, its text in one of
 * two full-text tables (migration 0016) under the same rowid.
 * `search_public` holds only what the public pages show (published, open);
 * `search_restricted` holds drafts and exempt material, for signed-in users.
 * A unit ('meeting:12', 'recommendation:5') is what is indexed again at once.
 */
export const searchEntries = sqliteTable(
  'search_entries',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    unit: text().notNull(),
    scope: text({ enum: SEARCH_SCOPES }).notNull(),
    kind: text({ enum: SEARCH_KINDS }).notNull(),
    committeeId: integer()
      .notNull()
      .references(() => committees.id, { onDelete: 'cascade' }),
    meetingId: integer(),
    /** The London date the record belongs to (its meeting's, or when it was sent), 'YYYY-MM-DD'. */
    onDate: text(),
    url: text().notNull(),
    /** For restricted entries: why the public cannot see it ('draft' or 'exempt'). */
    marker: text(),
  },
  (t) => [
    index('search_entries_unit_idx').on(t.unit),
    index('search_entries_committee_idx').on(t.committeeId, t.onDate),
    check('search_entries_scope_check', sql`${t.scope} in ('public', 'restricted')`),
  ],
);

/** Units written to since they were last indexed (triggers, migration 0016): indexed again before the next search. */
export const searchStale = sqliteTable('search_stale', {
  unit: text().primaryKey(),
});
