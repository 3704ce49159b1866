import type { Db } from '../../db/client';
import { NO_FILTERS } from '../../lib/action-filters';
import { actionSlug, isOverdue } from '../../lib/action-rules';
import { fromLondon, isoLondon } from '../../lib/dates';
import type { ActionStatus, RecommendationStatus } from '../../lib/enums';
import { eventCore, MEMBERSHIP_LABELS, ocdId } from '../../lib/ocd';
import { isResponseOverdue, recommendationSlug } from '../../lib/recommendation-rules';
import { listActions } from '../actions/queries';
import {
  getCommitteeBySlug,
  listCommittees,
  publicMemberships,
  type CommitteeSummary,
  type PublicMembership,
} from '../committees/queries';
import { meetingsPage, type MeetingSummary } from '../meetings/queries';
import { listOrganisations } from '../organisations/queries';
import { publicQuestionsPage, type ListedPublicQuestion } from '../questions/queries';
import { recommendationsOf, type RecommendationSummary } from '../recommendations/queries';

/** Where a resource is read from and for: the site's address, this installation, the time. */
export interface Context {
  db: Db;
  base: string;
  installationId: string;
  now: Date;
}

export interface Paging {
  page: number;
  per_page: number;
}

/** A page of a list, and how many there are in all. */
export interface Listed<T> {
  rows: T[];
  total: number;
}

const offsetOf = (p: Paging) => ({ offset: (p.page - 1) * p.per_page, size: p.per_page });

/** A page cut from a list already in memory (the lists of a committee's size). */
function cut<T>(all: T[], p: Paging): Listed<T> {
  const { offset, size } = offsetOf(p);
  return { rows: all.slice(offset, offset + size), total: all.length };
}

/** The list's place for its `meta`: counts and the addresses of the pages either side. */
export function pageMeta(url: URL, p: Paging, total: number) {
  const maxPage = Math.max(1, Math.ceil(total / p.per_page));
  const at = (page: number) => {
    const next = new URL(url);
    next.searchParams.set('page', String(page));
    return next.toString();
  };
  return {
    page: p.page,
    per_page: p.per_page,
    total_count: total,
    max_page: maxPage,
    next_url: p.page < maxPage ? at(p.page + 1) : null,
    previous_url: p.page > 1 ? at(Math.min(p.page - 1, maxPage)) : null,
  };
}

export function committeeOrganization(c: CommitteeSummary & { status?: string }, x: Context) {
  const url = `${x.base}/committees/${c.slug}`;
  return {
    id: ocdId('organization', x.installationId, c.id),
    _type: 'organization' as const,
    name: c.name,
    classification: 'committee',
    parent_id: null,
    founding_date: null,
    dissolution_date: null,
    links: [
      { note: 'Committee page', url },
      { note: 'Meetings (iCalendar)', url: `${url}/meetings.ics` },
      { note: 'What is published (Atom)', url: `${url}/feed.atom` },
    ],
    sources: [{ note: 'Scrutineer', url: `${x.base}/api/v1/committees/${c.slug}` }],
    extras: { slug: c.slug, short_name: null, remit: c.remit, status: c.status ?? 'active' },
  };
}

function membershipOf(m: PublicMembership, x: Context) {
  return {
    organization_id: ocdId('organization', x.installationId, m.committeeId),
    organization_name: m.committeeName,
    committee_slug: m.committeeSlug,
    person_id: ocdId('person', x.installationId, m.personId),
    person_name: m.personName,
    role: m.role,
    label: MEMBERSHIP_LABELS[m.role],
    voting: m.voting,
    representing: m.representing,
    start_date: m.fromDate,
    end_date: m.toDate,
  };
}

export function committees(x: Context, p: Paging) {
  const all = listCommittees(x.db);
  const page = cut(all, p);
  return { ...page, rows: page.rows.map((c) => committeeOrganization(c, x)) };
}

/** A committee with every membership, past and present; null when there is no such committee. */
export function committee(x: Context, slug: string) {
  const c = getCommitteeBySlug(x.db, slug);
  if (!c) return null;
  return {
    ...committeeOrganization(c, x),
    memberships: publicMemberships(x.db, c.id).map((m) => membershipOf(m, x)),
  };
}

/** The directory's organisations (NHS trusts, the council …): names, kinds and websites; never an email address. */
export function organisations(x: Context, p: Paging) {
  const page = cut(listOrganisations(x.db), p);
  return {
    ...page,
    rows: page.rows.map((o) => ({
      id: ocdId('organization', x.installationId, `directory-${o.id}`),
      _type: 'organization' as const,
      name: o.name,
      classification: o.kind,
      parent_id: null,
      founding_date: null,
      dissolution_date: null,
      links: o.website ? [{ note: 'Website', url: o.website }] : [],
      sources: [{ note: 'Scrutineer', url: `${x.base}/api/v1/organisations` }],
      extras: { slug: null, short_name: o.shortName, remit: null, status: null },
    })),
  };
}

/**
 * The people who sit or sat on a committee, each with their memberships:
 * public membership data only (no contact details, no job titles, nobody
 * who is only in the directory).
 */
export function people(x: Context, filter: { committeeSlug: string | null }, p: Paging) {
  let committeeId: number | null = null;
  if (filter.committeeSlug !== null) {
    const c = getCommitteeBySlug(x.db, filter.committeeSlug);
    if (!c) return { rows: [], total: 0 };
    committeeId = c.id;
  }
  const byPerson = new Map<number, PublicMembership[]>();
  for (const m of publicMemberships(x.db, committeeId)) {
    const theirs = byPerson.get(m.personId);
    if (theirs) theirs.push(m);
    else byPerson.set(m.personId, [m]);
  }
  const page = cut([...byPerson.values()], p);
  return {
    ...page,
    rows: page.rows.map((ms) => ({
      id: ocdId('person', x.installationId, ms[0]?.personId ?? 0),
      _type: 'person' as const,
      name: ms[0]?.personName ?? '',
      memberships: ms.map((m) => membershipOf(m, x)),
    })),
  };
}

export function eventSummary(m: MeetingSummary, x: Context) {
  const { ocd_id, ...core } = eventCore(m, x.base, x.installationId, x.now);
  return {
    id: ocd_id,
    ...core,
    extras: {
      meeting_id: m.id,
      committee_slug: m.committee.slug,
      meeting_status: m.status,
      agenda_status: m.agendaStatus,
      minutes_status: m.minutesStatus,
    },
  };
}

/** A London date's first instant, and the first instant after another: a range of whole days. */
const dayStart = (d: string | undefined) => (d ? fromLondon(d, '00:00') : null);
const dayAfter = (d: string | undefined) => (d ? new Date(fromLondon(d, '23:59').getTime() + 60_000) : null);

export function meetings(x: Context, f: { committee?: string; from?: string; to?: string }, p: Paging) {
  const page = meetingsPage(
    x.db,
    { committeeSlug: f.committee ?? null, from: dayStart(f.from), until: dayAfter(f.to) },
    offsetOf(p),
  );
  return { ...page, rows: page.rows.map((m) => eventSummary(m, x)) };
}

/** A committee's id from its slug; null when named and not found (the list is then empty). */
function committeeIdOf(x: Context, slug: string | undefined): number | null | undefined {
  if (slug === undefined) return null;
  return getCommitteeBySlug(x.db, slug)?.id;
}

/** Published actions only (never one of an exempt item), by reference. */
export function actions(
  x: Context,
  f: { committee?: string; status?: ActionStatus; meeting?: number; overdue?: boolean },
  p: Paging,
) {
  const committeeId = committeeIdOf(x, f.committee);
  if (committeeId === undefined) return { rows: [], total: 0 };
  const { rows, total } = listActions(
    x.db,
    {
      ...NO_FILTERS,
      committeeId,
      statuses: f.status ? [f.status] : [],
      meetingId: f.meeting ?? null,
      overdue: f.overdue ?? false,
      publishedOnly: true,
      sort: 'reference',
    },
    { number: p.page, size: p.per_page },
    x.now,
  );
  return {
    total,
    rows: rows.map((a) => ({
      id: a.reference ?? `action-${a.id}`,
      description: a.description,
      owners: a.owners,
      status: a.status,
      due_date: a.dueDate,
      overdue: isOverdue(a, x.now),
      committee_slug: a.committee.slug,
      meeting_id: a.meetingId,
      meeting_start_date: isoLondon(a.meetingStartsAt),
      agenda_item: a.itemTitle,
      url: a.reference ? `${x.base}/actions/${actionSlug(a.reference)}` : `${x.base}/meetings/${a.meetingId}`,
    })),
  };
}

function recommendationOf(r: RecommendationSummary, x: Context) {
  return {
    id: r.reference ?? `recommendation-${r.id}`,
    text: r.text,
    addressed_to: r.addressedTo,
    status: r.status,
    sent_date: r.sentOn,
    response_due_date: r.responseDueOn,
    response_overdue: isResponseOverdue(r, x.now),
    response: r.decision,
    implementation_status: r.implementationStatus,
    target_date: r.targetDate,
    committee_slug: r.committee.slug,
    meeting_id: r.origin?.meetingId ?? null,
    agenda_item: r.origin?.itemTitle ?? null,
    inquiry: r.inquiry?.title ?? null,
    url: r.reference ? `${x.base}/recommendations/${recommendationSlug(r.reference)}` : null,
  };
}

/** Sent recommendations only (never a draft, never one made at an exempt item), newest sent first. */
export function recommendations(x: Context, f: { committee?: string; status?: RecommendationStatus }, p: Paging) {
  const committeeId = committeeIdOf(x, f.committee);
  if (committeeId === undefined) return { rows: [], total: 0 };
  const of = committeeId === null ? listCommittees(x.db).map((c) => c.id) : [committeeId];
  const all = of
    .flatMap((id) => recommendationsOf(x.db, id, { publicOnly: true }))
    .filter((r) => !f.status || r.status === f.status)
    .sort((a, b) => (b.sentOn ?? '').localeCompare(a.sentOn ?? '') || b.id - a.id);
  const page = cut(all, p);
  return { ...page, rows: page.rows.map((r) => recommendationOf(r, x)) };
}

function questionOf(q: ListedPublicQuestion, x: Context) {
  const answered = q.answerText !== null || q.answerDocument !== null;
  return {
    id: q.reference,
    kind: q.kind,
    asker_name: q.askerName,
    asker_organisation: q.askerOrganisation,
    text: q.text,
    about_item: q.aboutItemTitle,
    meeting_id: q.meeting.id,
    meeting_start_date: isoLondon(q.meeting.startsAt),
    committee_slug: q.meeting.committeeSlug,
    answer: answered
      ? {
          kind: q.answerKind,
          text: q.answerText,
          answeredBy: q.answeredBy,
          paperUrl: q.answerDocument ? `${x.base}/documents/${q.answerDocument.id}` : null,
          supplementaryQuestion: q.supplementaryQuestion,
          supplementaryAnswer: q.supplementaryAnswer,
        }
      : null,
    url: `${x.base}/meetings/${q.meeting.id}#public-questions`,
  };
}

/** Accepted questions, with their answers once published: never an email address. Latest meeting first. */
export function questions(x: Context, f: { committee?: string; meeting?: number }, p: Paging) {
  const committeeId = committeeIdOf(x, f.committee);
  if (committeeId === undefined) return { rows: [], total: 0 };
  const page = publicQuestionsPage(x.db, { committeeId, meetingId: f.meeting ?? null }, offsetOf(p));
  return { ...page, rows: page.rows.map((q) => questionOf(q, x)) };
}
