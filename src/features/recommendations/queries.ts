import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { ID_LIST, preparedOnce } from '../../db/prepared';
import {
  actions,
  agendaItems,
  committees,
  documents,
  inquiries,
  meetings,
  organisations,
  people,
  publicQuestions,
  recommendationResponses,
  recommendations,
  recommendationTargetChanges,
  workProgrammeEntries,
} from '../../db/schema';
import type {
  ImplementationStatus,
  RecommendationStatus,
  ResponseDecision,
  WorkProgrammeStatus,
} from '../../lib/enums';
import { IMPLEMENTATION_STATUSES, RESPONSE_DECISIONS } from '../../lib/enums';
import { londonDate } from '../../lib/dates';
import { publicQuestionsOnly } from '../questions/queries';

export interface RecommendationSummary {
  id: number;
  reference: string | null;
  text: string;
  addressedTo: string;
  sentOn: string | null;
  responseDueOn: string | null;
  status: RecommendationStatus;
  implementationStatus: ImplementationStatus;
  targetDate: string | null;
  /** The latest response's decision, when one has come. */
  decision: ResponseDecision | null;
  /** How many times its target date has been set or changed. */
  targetChangeCount: number;
  committee: { id: number; slug: string; name: string };
  origin: { meetingId: number; startsAt: Date; itemId: number; itemTitle: string } | null;
  inquiry: { id: number; slug: string; title: string } | null;
}

/**
 * What the public may see of recommendations: sent (not drafts), and never
 * one made at an exempt item.
 */
export function publicRecommendationsOnly(): SQL {
  return and(ne(recommendations.status, 'draft'), isNull(agendaItems.exemptParagraph)) as SQL;
}

const latestDecision = sql<ResponseDecision | null>`(
  select ${recommendationResponses.decision} from ${recommendationResponses}
  where ${recommendationResponses.recommendationId} = ${recommendations.id}
  order by ${recommendationResponses.receivedOn} desc, ${recommendationResponses.id} desc limit 1)`;

function summarySelect(db: Db) {
  return db
    .select({
      id: recommendations.id,
      reference: recommendations.reference,
      text: recommendations.text,
      addressedTo: recommendations.addressedTo,
      sentOn: recommendations.sentOn,
      responseDueOn: recommendations.responseDueOn,
      status: recommendations.status,
      implementationStatus: recommendations.implementationStatus,
      targetDate: recommendations.targetDate,
      decision: latestDecision,
      targetChangeCount: sql<number>`(select count(*) from ${recommendationTargetChanges}
        where ${recommendationTargetChanges.recommendationId} = ${recommendations.id})`,
      committeeId: committees.id,
      committeeSlug: committees.slug,
      committeeName: committees.name,
      meetingId: meetings.id,
      startsAt: meetings.startsAt,
      itemId: agendaItems.id,
      itemTitle: agendaItems.title,
      inquiryId: inquiries.id,
      inquirySlug: inquiries.slug,
      inquiryTitle: inquiries.title,
    })
    .from(recommendations)
    .innerJoin(committees, eq(committees.id, recommendations.committeeId))
    .leftJoin(agendaItems, eq(agendaItems.id, recommendations.agendaItemId))
    .leftJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .leftJoin(inquiries, eq(inquiries.id, recommendations.inquiryId))
    .$dynamic();
}

const SUMMARY_ORDER = [desc(sql`coalesce(${recommendations.sentOn}, '9999')`), desc(recommendations.id)];

/** The public recommendations made at some items, built once (every meeting page asks). */
const publicAtItems = preparedOnce((db) =>
  summarySelect(db)
    .where(and(inArray(recommendations.agendaItemId, ID_LIST), publicRecommendationsOnly()))
    .orderBy(...SUMMARY_ORDER)
    .prepare(),
);

type SummaryRow = ReturnType<ReturnType<typeof publicAtItems>['all']>[number];

function summaries(db: Db, where: SQL | undefined): RecommendationSummary[] {
  return toSummaries(
    summarySelect(db)
      .where(where)
      .orderBy(...SUMMARY_ORDER)
      .all(),
  );
}

function toSummaries(rows: SummaryRow[]): RecommendationSummary[] {
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    text: r.text,
    addressedTo: r.addressedTo,
    sentOn: r.sentOn,
    responseDueOn: r.responseDueOn,
    status: r.status,
    implementationStatus: r.implementationStatus,
    targetDate: r.targetDate,
    decision: r.decision,
    targetChangeCount: r.targetChangeCount,
    committee: { id: r.committeeId, slug: r.committeeSlug, name: r.committeeName },
    origin:
      r.meetingId !== null && r.startsAt !== null && r.itemId !== null
        ? { meetingId: r.meetingId, startsAt: r.startsAt, itemId: r.itemId, itemTitle: r.itemTitle ?? '' }
        : null,
    inquiry: r.inquiryId !== null ? { id: r.inquiryId, slug: r.inquirySlug ?? '', title: r.inquiryTitle ?? '' } : null,
  }));
}

/** A committee's recommendations, newest sent first (drafts first of all); the public see only sent ones. */
export function recommendationsOf(
  db: Db,
  committeeId: number,
  options: { publicOnly: boolean; inquiryId?: number },
): RecommendationSummary[] {
  return summaries(
    db,
    and(
      eq(recommendations.committeeId, committeeId),
      options.inquiryId === undefined ? undefined : eq(recommendations.inquiryId, options.inquiryId),
      options.publicOnly ? publicRecommendationsOnly() : undefined,
    ),
  );
}

/** The recommendations made at some agenda items (for the items' own pages): public ones only. */
export function publicRecommendationsAt(db: Db, itemIds: number[]): RecommendationSummary[] {
  if (itemIds.length === 0) return [];
  return toSummaries(publicAtItems(db).all({ ids: JSON.stringify(itemIds) }));
}

/** Responses overdue on some committees (all when null): awaiting a response past its due date, oldest first. */
export function overdueResponses(db: Db, committeeIds: number[] | null, now: Date): RecommendationSummary[] {
  return summaries(
    db,
    and(
      committeeIds === null
        ? undefined
        : inArray(recommendations.committeeId, committeeIds.length ? committeeIds : [-1]),
      eq(recommendations.status, 'awaiting_response'),
      lt(recommendations.responseDueOn, londonDate(now)),
    ),
  ).sort((a, b) => (a.responseDueOn ?? '').localeCompare(b.responseDueOn ?? ''));
}

export interface ResponseRow {
  id: number;
  receivedOn: string;
  decision: ResponseDecision;
  text: string;
  respondent: string | null;
  document: { id: number; title: string } | null;
}

export interface ReviewPoint {
  entryId: number;
  reviewDueOn: string | null;
  status: WorkProgrammeStatus;
  meeting: { id: number; startsAt: Date } | null;
  agendaItemId: number | null;
}

export interface RecommendationDetail extends RecommendationSummary {
  addresseeOrganisation: { id: number; name: string } | null;
  contact: { id: number; name: string; email: string | null } | null;
  agendaItemId: number | null;
  inquiryId: number | null;
  contactPersonId: number | null;
  addresseeOrganisationId: number | null;
  responses: ResponseRow[];
  targetChanges: {
    fromDate: string | null;
    toDate: string | null;
    reason: string;
    authorName: string | null;
    at: Date;
  }[];
  reviewPoints: ReviewPoint[];
}

function detail(db: Db, summary: RecommendationSummary | undefined): RecommendationDetail | null {
  if (!summary) return null;
  const row = db
    .select({
      agendaItemId: recommendations.agendaItemId,
      inquiryId: recommendations.inquiryId,
      contactPersonId: recommendations.contactPersonId,
      addresseeOrganisationId: recommendations.addresseeOrganisationId,
      orgName: organisations.name,
      contactName: people.name,
      contactEmail: people.email,
    })
    .from(recommendations)
    .leftJoin(organisations, eq(organisations.id, recommendations.addresseeOrganisationId))
    .leftJoin(people, eq(people.id, recommendations.contactPersonId))
    .where(eq(recommendations.id, summary.id))
    .get();
  if (!row) return null;
  const responses = db
    .select({
      id: recommendationResponses.id,
      receivedOn: recommendationResponses.receivedOn,
      decision: recommendationResponses.decision,
      text: recommendationResponses.text,
      respondent: recommendationResponses.respondent,
      documentId: documents.id,
      documentTitle: documents.title,
    })
    .from(recommendationResponses)
    .leftJoin(documents, eq(documents.id, recommendationResponses.documentId))
    .where(eq(recommendationResponses.recommendationId, summary.id))
    .orderBy(asc(recommendationResponses.receivedOn), asc(recommendationResponses.id))
    .all()
    .map(({ documentId, documentTitle, ...r }) => ({
      ...r,
      document: documentId !== null ? { id: documentId, title: documentTitle ?? '' } : null,
    }));
  const targetChanges = db
    .select({
      fromDate: recommendationTargetChanges.fromDate,
      toDate: recommendationTargetChanges.toDate,
      reason: recommendationTargetChanges.reason,
      authorName: recommendationTargetChanges.authorName,
      at: recommendationTargetChanges.createdAt,
    })
    .from(recommendationTargetChanges)
    .where(eq(recommendationTargetChanges.recommendationId, summary.id))
    .orderBy(asc(recommendationTargetChanges.createdAt), asc(recommendationTargetChanges.id))
    .all();
  const reviewPoints = db
    .select({
      entryId: workProgrammeEntries.id,
      reviewDueOn: workProgrammeEntries.reviewDueOn,
      status: workProgrammeEntries.status,
      agendaItemId: workProgrammeEntries.agendaItemId,
      meetingId: meetings.id,
      startsAt: meetings.startsAt,
    })
    .from(workProgrammeEntries)
    .leftJoin(meetings, eq(meetings.id, workProgrammeEntries.plannedMeetingId))
    .where(eq(workProgrammeEntries.recommendationId, summary.id))
    .orderBy(asc(sql`coalesce(${workProgrammeEntries.reviewDueOn}, '9999')`), asc(workProgrammeEntries.id))
    .all()
    .map(({ meetingId, startsAt, ...r }) => ({
      ...r,
      meeting: meetingId !== null && startsAt !== null ? { id: meetingId, startsAt } : null,
    }));
  return {
    ...summary,
    agendaItemId: row.agendaItemId,
    inquiryId: row.inquiryId,
    contactPersonId: row.contactPersonId,
    addresseeOrganisationId: row.addresseeOrganisationId,
    addresseeOrganisation:
      row.addresseeOrganisationId !== null ? { id: row.addresseeOrganisationId, name: row.orgName ?? '' } : null,
    contact:
      row.contactPersonId !== null
        ? { id: row.contactPersonId, name: row.contactName ?? '', email: row.contactEmail }
        : null,
    responses,
    targetChanges,
    reviewPoints,
  };
}

export function getRecommendation(db: Db, id: number): RecommendationDetail | null {
  return detail(db, summaries(db, eq(recommendations.id, id))[0]);
}

/** A recommendation as the public may see it (sent, and not from an exempt item), by its reference. */
export function publicRecommendation(db: Db, reference: string): RecommendationDetail | null {
  return detail(db, summaries(db, and(eq(recommendations.reference, reference), publicRecommendationsOnly()))[0]);
}

export interface RecommendationFigures {
  total: number;
  /** Each outcome: awaiting (on time), awaiting (late), and each decision of the latest response. */
  outcomes: { key: string; label: string; count: number }[];
  /** Implementation of the accepted and partly accepted ones, by RAG status. */
  implementation: Record<ImplementationStatus, number>;
}

/** The sent recommendations of some committees (all when null), counted by outcome and implementation. */
export function recommendationFigures(db: Db, committeeIds: number[] | null, now: Date): RecommendationFigures {
  const today = londonDate(now);
  const rows = db
    .select({
      status: recommendations.status,
      late: sql<number>`${recommendations.status} = 'awaiting_response' and ${recommendations.responseDueOn} < ${today}`,
      decision: latestDecision,
      implementation: recommendations.implementationStatus,
      count: sql<number>`count(*)`,
    })
    .from(recommendations)
    .where(
      and(
        ne(recommendations.status, 'draft'),
        committeeIds === null
          ? undefined
          : inArray(recommendations.committeeId, committeeIds.length ? committeeIds : [-1]),
      ),
    )
    .groupBy(sql`1`, sql`2`, sql`3`, sql`4`)
    .all();
  const outcomes = new Map<string, number>();
  const implementation = Object.fromEntries(IMPLEMENTATION_STATUSES.map((s) => [s, 0])) as Record<
    ImplementationStatus,
    number
  >;
  let total = 0;
  for (const r of rows) {
    total += r.count;
    const key = r.decision ?? (r.late ? 'late' : 'awaiting');
    outcomes.set(key, (outcomes.get(key) ?? 0) + r.count);
    if (r.decision === 'accepted' || r.decision === 'partly_accepted') implementation[r.implementation] += r.count;
  }
  const LABELS: Record<string, string> = {
    awaiting: 'Awaiting response (not yet due)',
    late: 'Response overdue',
    accepted: 'Accepted',
    partly_accepted: 'Partly accepted',
    rejected: 'Rejected',
    noted: 'Noted',
  };
  return {
    total,
    outcomes: ['awaiting', 'late', ...RESPONSE_DECISIONS].map((key) => ({
      key,
      label: LABELS[key] ?? key,
      count: outcomes.get(key) ?? 0,
    })),
    implementation,
  };
}

/** Recommendations awaiting a response due on or before a day, with their contact's address. */
export function responsesDueBy(db: Db, lastDay: string) {
  return db
    .select({
      id: recommendations.id,
      reference: recommendations.reference,
      text: recommendations.text,
      addressedTo: recommendations.addressedTo,
      sentOn: recommendations.sentOn,
      responseDueOn: recommendations.responseDueOn,
      contactName: people.name,
      contactEmail: people.email,
      committeeName: committees.name,
      committeeEmail: committees.contactEmail,
    })
    .from(recommendations)
    .innerJoin(committees, eq(committees.id, recommendations.committeeId))
    .innerJoin(people, eq(people.id, recommendations.contactPersonId))
    .where(
      and(
        eq(recommendations.status, 'awaiting_response'),
        sql`${recommendations.responseDueOn} <= ${lastDay}`,
        sql`${people.email} is not null and ${people.email} <> ''`,
      ),
    )
    .orderBy(asc(recommendations.responseDueOn))
    .all();
}

/** What a recommendation's form offers: the committee's items (open ones, newest meetings first), inquiries, organisations, people. */
export function recommendationFormOptions(db: Db, committeeId: number) {
  const items = db
    .select({ id: agendaItems.id, title: agendaItems.title, startsAt: meetings.startsAt })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(eq(meetings.committeeId, committeeId))
    .orderBy(desc(meetings.startsAt), asc(agendaItems.position))
    .all();
  return {
    items,
    inquiries: db
      .select({ id: inquiries.id, title: inquiries.title })
      .from(inquiries)
      .where(eq(inquiries.committeeId, committeeId))
      .orderBy(asc(inquiries.title))
      .all(),
    organisations: db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .orderBy(asc(organisations.name))
      .all(),
    people: db
      .select({ id: people.id, name: people.name, email: people.email })
      .from(people)
      .orderBy(asc(people.name))
      .all(),
  };
}

/** The papers of a committee's meetings, newest first: a response or an inquiry's report may be one. */
export function committeePapers(db: Db, committeeId: number) {
  return db
    .select({ id: documents.id, title: documents.title, kind: documents.kind, startsAt: meetings.startsAt })
    .from(documents)
    .innerJoin(meetings, eq(meetings.id, documents.meetingId))
    .where(and(eq(meetings.committeeId, committeeId), isNull(documents.exemptParagraph)))
    .orderBy(desc(meetings.startsAt), asc(documents.position))
    .all();
}

/**
 * What else came from the item a recommendation was made at: its published
 * actions and the accepted public questions asked at it.
 */
export function itemTrail(db: Db, itemId: number | null) {
  if (itemId === null) return { actions: [], questions: [] };
  const found = db
    .select({
      reference: actions.reference,
      description: actions.description,
      status: actions.status,
    })
    .from(actions)
    .where(and(eq(actions.agendaItemId, itemId), isNotNull(actions.publishedAt), isNotNull(actions.reference)))
    .orderBy(asc(actions.position))
    .all()
    .map((a) => ({ ...a, reference: a.reference ?? '' }));
  const questions = db
    .select({ meetingId: publicQuestions.meetingId, askerName: publicQuestions.askerName, text: publicQuestions.text })
    .from(publicQuestions)
    .where(
      and(or(eq(publicQuestions.agendaItemId, itemId), eq(publicQuestions.aboutItemId, itemId)), publicQuestionsOnly()),
    )
    .orderBy(asc(publicQuestions.position))
    .all();
  return { actions: found, questions };
}

export type TrailRef = { reference: string; text: string };
/** Recommendations made at an item, and those it reviews, by item: the matter's trail to its own pages. */
export type ItemTrail = Record<number, { made: TrailRef[]; reviewed: TrailRef[] }>;

const reviewedAtItems = preparedOnce((db) =>
  db
    .select({
      itemId: workProgrammeEntries.agendaItemId,
      reference: recommendations.reference,
      text: recommendations.text,
    })
    .from(workProgrammeEntries)
    .innerJoin(recommendations, eq(recommendations.id, workProgrammeEntries.recommendationId))
    .leftJoin(agendaItems, eq(agendaItems.id, recommendations.agendaItemId))
    .where(and(inArray(workProgrammeEntries.agendaItemId, ID_LIST), publicRecommendationsOnly()))
    .prepare(),
);

/** For a meeting's public agenda: the recommendations made at its items, and those its items review. */
export function recommendationsByItem(db: Db, itemIds: number[]) {
  const made = new Map<number, { reference: string; text: string }[]>();
  const reviewed = new Map<number, { reference: string; text: string }[]>();
  if (itemIds.length === 0) return { made, reviewed };
  for (const r of publicRecommendationsAt(db, itemIds)) {
    if (!r.origin || !r.reference) continue;
    made.set(r.origin.itemId, [...(made.get(r.origin.itemId) ?? []), { reference: r.reference, text: r.text }]);
  }
  const reviews = reviewedAtItems(db).all({ ids: JSON.stringify(itemIds) });
  for (const r of reviews) {
    if (r.itemId === null || !r.reference) continue;
    reviewed.set(r.itemId, [...(reviewed.get(r.itemId) ?? []), { reference: r.reference, text: r.text }]);
  }
  return { made, reviewed };
}
