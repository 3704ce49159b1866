import type { Db } from '../../db/client';
import { NO_FILTERS } from '../../lib/action-filters';
import { actionSlug, isOverdue } from '../../lib/action-rules';
import { csvRow } from '../../lib/csv';
import { isoLondon, londonDate } from '../../lib/dates';
import { isResponseOverdue, recommendationSlug } from '../../lib/recommendation-rules';
import { allActions } from '../actions/queries';
import { listCommitteeMeetings } from '../meetings/queries';
import { recommendationsOf } from '../recommendations/queries';

/** A table of public records: its column names, and one row of plain values per record. */
export interface Table {
  columns: readonly string[];
  rows: (string | number | boolean | null)[][];
}

export const DOWNLOADS = ['meetings', 'actions', 'recommendations'] as const;
export type Download = (typeof DOWNLOADS)[number];

/**
 * A committee's public records for download, whole: every meeting, every
 * published action (never one of an exempt item), every sent
 * recommendation (never a draft, never one made at an exempt item). The same
 * rows make the CSV and the JSON; each links to its public page.
 */
export function downloadTable(db: Db, committeeId: number, what: Download, base: string, now: Date): Table {
  switch (what) {
    case 'meetings':
      return {
        columns: [
          'id',
          'starts_at',
          'ends_at',
          'status',
          'status_reason',
          'venue',
          'agenda',
          'minutes',
          'url',
          'calendar',
        ],
        rows: listCommitteeMeetings(db, committeeId).map((m) => [
          m.id,
          isoLondon(m.startsAt),
          m.endsAt ? isoLondon(m.endsAt) : null,
          m.status,
          m.statusReason,
          m.venue,
          m.agendaStatus,
          m.minutesStatus,
          `${base}/meetings/${m.id}`,
          `${base}/meetings/${m.id}.ics`,
        ]),
      };
    case 'actions': {
      const rows: Table['rows'] = [];
      for (const batch of allActions(db, { ...NO_FILTERS, committeeId, publishedOnly: true, sort: 'reference' }, now))
        for (const a of batch)
          rows.push([
            a.reference,
            a.description,
            a.owners.join('; '),
            londonDate(a.meetingStartsAt),
            a.itemTitle,
            a.dueDate,
            a.status,
            isOverdue(a, now),
            a.reference ? `${base}/actions/${actionSlug(a.reference)}` : null,
          ]);
      return {
        columns: ['reference', 'action', 'owners', 'meeting_date', 'item', 'due_date', 'status', 'overdue', 'url'],
        rows,
      };
    }
    case 'recommendations':
      return {
        columns: [
          'reference',
          'recommendation',
          'addressed_to',
          'sent_on',
          'response_due_on',
          'status',
          'response',
          'response_overdue',
          'implementation',
          'target_date',
          'meeting_date',
          'inquiry',
          'url',
        ],
        rows: recommendationsOf(db, committeeId, { publicOnly: true }).map((r) => [
          r.reference,
          r.text,
          r.addressedTo,
          r.sentOn,
          r.responseDueOn,
          r.status,
          r.decision,
          isResponseOverdue(r, now),
          r.implementationStatus,
          r.targetDate,
          r.origin ? londonDate(r.origin.startsAt) : null,
          r.inquiry?.title ?? null,
          r.reference ? `${base}/recommendations/${recommendationSlug(r.reference)}` : null,
        ]),
      };
  }
}

/** The table as CSV (RFC 4180, formulas neutralised), with a byte-order mark for spreadsheets. */
export function tableCsv(table: Table): string {
  return `\uFEFF${csvRow([...table.columns])}${table.rows
    .map((row) => csvRow(row.map((v) => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : v))))
    .join('')}`;
}

/** The table as JSON: one object per record, named as the CSV's columns are. */
export function tableJson(table: Table, committee: { slug: string; name: string }, what: Download) {
  return {
    committee: { slug: committee.slug, name: committee.name },
    [what]: table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c, row[i] ?? null]))),
  };
}
