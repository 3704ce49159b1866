import { preparedOnce } from '../../db/prepared';
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../../db/client';
import {
  agendaItems,
  agendaVersions,
  committees,
  documents,
  meetings,
  organisations,
  people,
  publicQuestions,
  userCommittees,
  users,
} from '../../db/schema';
import { LONDON } from '../../lib/dates';
import type { AnswerKind, MeetingStatus, QuestionChannel, QuestionKind, QuestionStatus } from '../../lib/enums';
import {
  LIKELY_DUPLICATE,
  emailErasedAfter,
  questionWindow,
  similarity,
  type QuestionWindow,
  type SchemeRules,
} from '../../lib/question-scheme';
import { hashToken } from './commands/tokens';

/** What a question's pages need to know of its meeting and the committee's scheme. */
export interface QuestionMeeting {
  id: number;
  startsAt: Date;
  status: MeetingStatus;
  committee: {
    id: number;
    slug: string;
    name: string;
    contactEmail: string | null;
    contactPhone: string | null;
    rules: SchemeRules;
  };
  window: QuestionWindow;
}

const questionMeetingRow = preparedOnce((db) =>
  db
    .select({
      id: meetings.id,
      startsAt: meetings.startsAt,
      status: meetings.status,
      committee: {
        id: committees.id,
        slug: committees.slug,
        name: committees.name,
        contactEmail: committees.contactEmail,
        contactPhone: committees.contactPhone,
      },
      rules: {
        questionCutoffClearDays: committees.questionCutoffClearDays,
        questionCutoffTime: committees.questionCutoffTime,
        questionWordLimit: committees.questionWordLimit,
        questionsPerPerson: committees.questionsPerPerson,
        questionsOpenDaysBefore: committees.questionsOpenDaysBefore,
        speakingRequests: committees.speakingRequests,
        askerEmailMonths: committees.askerEmailMonths,
      },
    })
    .from(meetings)
    .innerJoin(committees, eq(committees.id, meetings.committeeId))
    .where(eq(meetings.id, sql.placeholder('id')))
    .prepare(),
);

export function questionMeeting(db: Db, meetingId: number, now: Date): QuestionMeeting | null {
  const row = questionMeetingRow(db).get({ id: meetingId });
  if (!row) return null;
  const { rules, committee, ...meeting } = row;
  return { ...meeting, committee: { ...committee, rules }, window: questionWindow(meeting, rules, now) };
}

export interface ItemChoice {
  id: number;
  number: number;
  title: string;
}

/**
 * The items a question may be about: the published agenda's open business
 * items, or while it is a draft, the draft's. Procedural items (apologies,
 * declarations, minutes …) are left out, and exempt ones are never offered.
 */
export function itemsToAskAbout(db: Db, meetingId: number): ItemChoice[] {
  const published = db
    .select({ snapshot: agendaVersions.snapshot })
    .from(agendaVersions)
    .where(eq(agendaVersions.meetingId, meetingId))
    .orderBy(desc(agendaVersions.version))
    .limit(1)
    .get();
  if (published) {
    return published.snapshot.items
      .filter((i) => i.kind === 'business' && i.exemptParagraph === null)
      .map((i) => ({ id: i.id, number: i.number, title: i.title }));
  }
  return db
    .select({
      id: agendaItems.id,
      kind: agendaItems.kind,
      title: agendaItems.title,
      exempt: agendaItems.exemptParagraph,
    })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id))
    .all()
    .map((i, index) => ({ ...i, number: index + 1 }))
    .filter((i) => i.kind === 'business' && i.exempt === null)
    .map(({ id, number, title }) => ({ id, number, title }));
}

const COUNTED: QuestionStatus[] = ['received', 'accepted', 'answered'];

/** How many questions this person (by email) or their organisation has put to the meeting, not counting rejected, withdrawn or combined ones. */
export function questionsAskedBy(db: Db, meetingId: number, email: string, organisation: string | null): number {
  const sameOrganisation =
    organisation === null
      ? undefined
      : sql`lower(trim(${publicQuestions.askerOrganisation})) = ${organisation.trim().toLowerCase()}`;
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(publicQuestions)
      .where(
        and(
          eq(publicQuestions.meetingId, meetingId),
          inArray(publicQuestions.status, COUNTED),
          eq(publicQuestions.suspectedSpam, false),
          or(sql`lower(${publicQuestions.askerEmail}) = ${email.toLowerCase()}`, sameOrganisation),
        ),
      )
      .get()?.n ?? 0
  );
}

/** How many questions the meeting has had, of every status: the next one's place in its reference. */
export function questionCount(db: Db, meetingId: number): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(publicQuestions)
      .where(eq(publicQuestions.meetingId, meetingId))
      .get()?.n ?? 0
  );
}

/** A question as its clerk sees it in the queue. */
export interface QueuedQuestion {
  id: number;
  reference: string | null;
  kind: QuestionKind;
  status: QuestionStatus;
  askerName: string;
  askerOrganisation: string | null;
  hasEmail: boolean;
  text: string;
  submittedAt: Date | null;
  channel: QuestionChannel;
  late: boolean;
  suspectedSpam: boolean;
  position: number;
  answerKind: AnswerKind | null;
  answerPublished: boolean;
  answerDueOn: string | null;
  answerReceived: boolean;
}

/** Every question of a meeting, in the order they will be taken (accepted ones first by their order), then as received. */
export function moderationQueue(db: Db, meetingId: number): QueuedQuestion[] {
  return db
    .select({
      id: publicQuestions.id,
      reference: publicQuestions.reference,
      kind: publicQuestions.kind,
      status: publicQuestions.status,
      askerName: publicQuestions.askerName,
      askerOrganisation: publicQuestions.askerOrganisation,
      askerEmail: publicQuestions.askerEmail,
      text: publicQuestions.text,
      submittedAt: publicQuestions.submittedAt,
      channel: publicQuestions.channel,
      late: publicQuestions.late,
      suspectedSpam: publicQuestions.suspectedSpam,
      position: publicQuestions.position,
      answerKind: publicQuestions.answerKind,
      answerPublishedAt: publicQuestions.answerPublishedAt,
      answerDueOn: publicQuestions.answerDueOn,
      answerReceivedAt: publicQuestions.answerReceivedAt,
    })
    .from(publicQuestions)
    .where(eq(publicQuestions.meetingId, meetingId))
    .orderBy(asc(publicQuestions.position), asc(publicQuestions.submittedAt), asc(publicQuestions.id))
    .all()
    .map(({ askerEmail, answerPublishedAt, answerReceivedAt, ...q }) => ({
      ...q,
      hasEmail: askerEmail !== null,
      answerPublished: answerPublishedAt !== null,
      answerReceived: answerReceivedAt !== null,
    }));
}

export type QuestionRow = typeof publicQuestions.$inferSelect;

export function questionRow(db: Db, questionId: number): QuestionRow | null {
  return db.select().from(publicQuestions).where(eq(publicQuestions.id, questionId)).get() ?? null;
}

/** A question with the names of what it points at, for its clerk's page. */
export interface QuestionDetail extends QuestionRow {
  aboutItem: { id: number; title: string } | null;
  answererName: string | null;
  mergedInto: { id: number; reference: string | null } | null;
  mergedFrom: { id: number; reference: string | null; askerName: string }[];
  answerDocument: { id: number; title: string } | null;
}

export function questionDetail(db: Db, questionId: number): QuestionDetail | null {
  const q = questionRow(db, questionId);
  if (!q) return null;
  const about =
    q.aboutItemId === null
      ? null
      : (db
          .select({ id: agendaItems.id, title: agendaItems.title })
          .from(agendaItems)
          .where(eq(agendaItems.id, q.aboutItemId))
          .get() ?? null);
  const person =
    q.answererPersonId === null
      ? null
      : db.select({ name: people.name }).from(people).where(eq(people.id, q.answererPersonId)).get();
  const organisation =
    q.answererOrganisationId === null
      ? null
      : db
          .select({ name: organisations.name })
          .from(organisations)
          .where(eq(organisations.id, q.answererOrganisationId))
          .get();
  const mergedInto =
    q.mergedIntoId === null
      ? null
      : (db
          .select({ id: publicQuestions.id, reference: publicQuestions.reference })
          .from(publicQuestions)
          .where(eq(publicQuestions.id, q.mergedIntoId))
          .get() ?? null);
  const mergedFrom = db
    .select({ id: publicQuestions.id, reference: publicQuestions.reference, askerName: publicQuestions.askerName })
    .from(publicQuestions)
    .where(eq(publicQuestions.mergedIntoId, q.id))
    .orderBy(asc(publicQuestions.id))
    .all();
  const answerDocument =
    q.answerDocumentId === null
      ? null
      : (db
          .select({ id: documents.id, title: documents.title })
          .from(documents)
          .where(eq(documents.id, q.answerDocumentId))
          .get() ?? null);
  const answererName = [person?.name, organisation?.name].filter(Boolean).join(', ') || null;
  return { ...q, aboutItem: about, answererName, mergedInto, mergedFrom, answerDocument };
}

/** The open papers of a meeting, any of which may be given as a written answer. */
export function answerPapers(db: Db, meetingId: number): { id: number; title: string }[] {
  return db
    .select({ id: documents.id, title: documents.title })
    .from(documents)
    .where(and(eq(documents.meetingId, meetingId), isNull(documents.exemptParagraph)))
    .orderBy(asc(documents.position), asc(documents.id))
    .all();
}

export interface LikelyDuplicate {
  id: number;
  reference: string | null;
  meetingId: number;
  meetingStartsAt: Date;
  askerName: string;
  text: string;
  status: QuestionStatus;
  /** 0 to 1. */
  likeness: number;
}

/**
 * Questions put to the same committee in the six months before this one's
 * meeting (and at the meeting itself) that read much like it, most alike first:
 * for the "substantially the same as a question in the last six months" ground,
 * and for combining duplicates.
 */
export function likelyDuplicates(db: Db, question: QuestionRow, limit = 5): LikelyDuplicate[] {
  const meeting = db
    .select({ startsAt: meetings.startsAt, committeeId: meetings.committeeId })
    .from(meetings)
    .where(eq(meetings.id, question.meetingId))
    .get();
  if (!meeting) return [];
  const since = DateTime.fromJSDate(meeting.startsAt, { zone: LONDON }).minus({ months: 6 }).toJSDate();
  return db
    .select({
      id: publicQuestions.id,
      reference: publicQuestions.reference,
      meetingId: meetings.id,
      meetingStartsAt: meetings.startsAt,
      askerName: publicQuestions.askerName,
      text: publicQuestions.text,
      status: publicQuestions.status,
    })
    .from(publicQuestions)
    .innerJoin(meetings, eq(meetings.id, publicQuestions.meetingId))
    .where(
      and(
        eq(meetings.committeeId, meeting.committeeId),
        gte(meetings.startsAt, since),
        lt(meetings.startsAt, new Date(meeting.startsAt.getTime() + 1)),
        ne(publicQuestions.id, question.id),
        inArray(publicQuestions.status, ['received', 'accepted', 'answered']),
        eq(publicQuestions.suspectedSpam, false),
      ),
    )
    .all()
    .map((q) => ({ ...q, likeness: similarity(question.text, q.text) }))
    .filter((q) => q.likeness >= LIKELY_DUPLICATE)
    .sort((a, b) => b.likeness - a.likeness)
    .slice(0, limit);
}

/** Meetings with questions waiting for their clerk's decision, for the clerk's home. */
export function questionsAwaitingDecision(
  db: Db,
  committeeIds: number[] | null,
): { meetingId: number; startsAt: Date; committeeName: string; waiting: number; late: number }[] {
  if (committeeIds !== null && committeeIds.length === 0) return [];
  return db
    .select({
      meetingId: meetings.id,
      startsAt: meetings.startsAt,
      committeeName: committees.name,
      waiting: sql<number>`count(*)`,
      late: sql<number>`sum(${publicQuestions.late})`,
    })
    .from(publicQuestions)
    .innerJoin(meetings, eq(meetings.id, publicQuestions.meetingId))
    .innerJoin(committees, eq(committees.id, meetings.committeeId))
    .where(
      and(
        eq(publicQuestions.status, 'received'),
        eq(publicQuestions.suspectedSpam, false),
        committeeIds === null ? undefined : inArray(meetings.committeeId, committeeIds),
      ),
    )
    .groupBy(meetings.id)
    .orderBy(asc(meetings.startsAt))
    .all();
}

/** Who hears of a new question: the committee's clerks (users assigned to it), or its contact address when it has none. */
export function clerkAddresses(db: Db, committeeId: number): string[] {
  const clerks = db
    .select({ email: users.email })
    .from(users)
    .innerJoin(userCommittees, eq(userCommittees.userId, users.id))
    .where(and(eq(userCommittees.committeeId, committeeId), eq(users.role, 'clerk'), eq(users.disabled, false)))
    .all()
    .map((u) => u.email);
  const contact = db
    .select({ email: committees.contactEmail })
    .from(committees)
    .where(eq(committees.id, committeeId))
    .get()?.email;
  if (clerks.length > 0) return [...new Set(clerks)];
  return contact ? [contact.toLowerCase()] : [];
}

/** A question as the public see it: no email, no moderation notes; an answer once the clerk publishes it. */
export interface PublicQuestionView {
  number: number;
  reference: string | null;
  kind: QuestionKind;
  askerName: string;
  askerOrganisation: string | null;
  text: string;
  /** The item it is taken under (null: the meeting's public questions item). */
  agendaItemId: number | null;
  aboutItemTitle: string | null;
  answerKind: AnswerKind | null;
  answerText: string | null;
  answeredBy: string | null;
  answerDocument: { id: number; title: string } | null;
  supplementaryQuestion: string | null;
  supplementaryAnswer: string | null;
}

/** What the public may see of public questions: accepted (or answered), and not held back as suspected spam. */
export function publicQuestionsOnly(): SQL {
  return and(
    inArray(publicQuestions.status, ['accepted', 'answered']),
    eq(publicQuestions.suspectedSpam, false),
  ) as SQL;
}

/** Only what the public may be shown of a question (never the asker's email), and no more to read and map. */
const PUBLIC_COLUMNS = {
  q: {
    reference: publicQuestions.reference,
    kind: publicQuestions.kind,
    askerName: publicQuestions.askerName,
    askerOrganisation: publicQuestions.askerOrganisation,
    text: publicQuestions.text,
    agendaItemId: publicQuestions.agendaItemId,
    answerKind: publicQuestions.answerKind,
    answerText: publicQuestions.answerText,
    answeredBy: publicQuestions.answeredBy,
    answerDocumentId: publicQuestions.answerDocumentId,
    answerPublishedAt: publicQuestions.answerPublishedAt,
    supplementaryQuestion: publicQuestions.supplementaryQuestion,
    supplementaryAnswer: publicQuestions.supplementaryAnswer,
  },
  aboutItemTitle: agendaItems.title,
  aboutItemExempt: agendaItems.exemptParagraph,
  documentTitle: documents.title,
  documentExempt: documents.exemptParagraph,
};

const publicQuestionRows = preparedOnce((db) =>
  db
    .select(PUBLIC_COLUMNS)
    .from(publicQuestions)
    .leftJoin(agendaItems, eq(agendaItems.id, publicQuestions.aboutItemId))
    .leftJoin(documents, eq(documents.id, publicQuestions.answerDocumentId))
    .where(and(eq(publicQuestions.meetingId, sql.placeholder('id')), publicQuestionsOnly()))
    .orderBy(asc(publicQuestions.position), asc(publicQuestions.id))
    .prepare(),
);

type PublicRow = ReturnType<ReturnType<typeof publicQuestionRows>['all']>[number];

/** A row as the public may see it: the answer only once the clerk publishes it, never an exempt title or paper. */
function toPublicView(
  { q, aboutItemTitle, aboutItemExempt, documentTitle, documentExempt }: PublicRow,
  number: number,
): PublicQuestionView {
  const published = q.answerPublishedAt !== null;
  return {
    number,
    reference: q.reference,
    kind: q.kind,
    askerName: q.askerName,
    askerOrganisation: q.askerOrganisation,
    text: q.text,
    agendaItemId: q.agendaItemId,
    aboutItemTitle: aboutItemExempt === null ? aboutItemTitle : null,
    // How it will be answered is no secret; the answer is, until the clerk publishes it.
    answerKind: q.answerKind,
    answerText: published ? q.answerText : null,
    answeredBy: published ? q.answeredBy : null,
    answerDocument:
      published && q.answerDocumentId !== null && documentTitle !== null && documentExempt === null
        ? { id: q.answerDocumentId, title: documentTitle }
        : null,
    supplementaryQuestion: published ? q.supplementaryQuestion : null,
    supplementaryAnswer: published ? q.supplementaryAnswer : null,
  };
}

/** The accepted questions of a meeting, numbered in the order they will be taken. */
export function publicQuestionsOf(db: Db, meetingId: number): PublicQuestionView[] {
  return publicQuestionRows(db)
    .all({ id: meetingId })
    .map((row, i) => toPublicView(row, i + 1));
}

export interface ListedPublicQuestion extends PublicQuestionView {
  meeting: { id: number; startsAt: Date; committeeSlug: string };
}

/** One page of the public questions of every meeting (or one committee's, or one meeting's), latest meeting first. */
export function publicQuestionsPage(
  db: Db,
  filter: { committeeId: number | null; meetingId: number | null },
  page: { offset: number; size: number },
): { rows: ListedPublicQuestion[]; total: number } {
  const where = and(
    publicQuestionsOnly(),
    filter.committeeId === null ? undefined : eq(meetings.committeeId, filter.committeeId),
    filter.meetingId === null ? undefined : eq(publicQuestions.meetingId, filter.meetingId),
  );
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(publicQuestions)
      .innerJoin(meetings, eq(meetings.id, publicQuestions.meetingId))
      .where(where)
      .get()?.n ?? 0;
  const rows = db
    .select({
      ...PUBLIC_COLUMNS,
      meeting: { id: meetings.id, startsAt: meetings.startsAt, committeeSlug: committees.slug },
    })
    .from(publicQuestions)
    .innerJoin(meetings, eq(meetings.id, publicQuestions.meetingId))
    .innerJoin(committees, eq(committees.id, meetings.committeeId))
    .leftJoin(agendaItems, eq(agendaItems.id, publicQuestions.aboutItemId))
    .leftJoin(documents, eq(documents.id, publicQuestions.answerDocumentId))
    .where(where)
    .orderBy(desc(meetings.startsAt), asc(publicQuestions.position), asc(publicQuestions.id))
    .limit(page.size)
    .offset(page.offset)
    .all();
  return { rows: rows.map((row) => ({ ...toPublicView(row, 0), meeting: row.meeting })), total };
}

/** What an asker sees at their status link. */
export interface AskerView {
  id: number;
  reference: string | null;
  kind: QuestionKind;
  status: QuestionStatus;
  askerName: string;
  text: string;
  late: boolean;
  submittedAt: Date | null;
  rejectionReason: string | null;
  rejectionNote: string | null;
  answerKind: AnswerKind | null;
  answerText: string | null;
  answerPublished: boolean;
  mergedIntoReference: string | null;
  meeting: QuestionMeeting;
}

export function questionByStatusToken(db: Db, token: string, now: Date): AskerView | null {
  const q = db
    .select()
    .from(publicQuestions)
    .where(eq(publicQuestions.statusTokenHash, hashToken(token)))
    .get();
  if (!q) return null;
  const meeting = questionMeeting(db, q.meetingId, now);
  if (!meeting) return null;
  const mergedInto =
    q.mergedIntoId === null
      ? null
      : db
          .select({ reference: publicQuestions.reference })
          .from(publicQuestions)
          .where(eq(publicQuestions.id, q.mergedIntoId))
          .get();
  const published = q.answerPublishedAt !== null;
  return {
    id: q.id,
    reference: q.reference,
    kind: q.kind,
    status: q.status,
    askerName: q.askerName,
    text: q.text,
    late: q.late,
    submittedAt: q.submittedAt,
    rejectionReason: q.rejectionReason,
    rejectionNote: q.rejectionNote,
    answerKind: published ? q.answerKind : null,
    answerText: published ? q.answerText : null,
    answerPublished: published,
    mergedIntoReference: mergedInto?.reference ?? null,
    meeting,
  };
}

/** What an answerer sees at the link sent to them. */
export interface AnswererView {
  id: number;
  reference: string | null;
  askerName: string;
  askerOrganisation: string | null;
  text: string;
  answerDueOn: string | null;
  answerReceivedAt: Date | null;
  answerText: string | null;
  answeredBy: string | null;
  meeting: QuestionMeeting;
}

export function questionByAnswerToken(db: Db, token: string, now: Date): AnswererView | null {
  const q = db
    .select()
    .from(publicQuestions)
    .where(and(eq(publicQuestions.answerTokenHash, hashToken(token)), isNotNull(publicQuestions.answerTokenHash)))
    .get();
  if (!q) return null;
  const meeting = questionMeeting(db, q.meetingId, now);
  if (!meeting) return null;
  return {
    id: q.id,
    reference: q.reference,
    askerName: q.askerName,
    askerOrganisation: q.askerOrganisation,
    text: q.text,
    answerDueOn: q.answerDueOn,
    answerReceivedAt: q.answerReceivedAt,
    answerText: q.answerText,
    answeredBy: q.answeredBy,
    meeting,
  };
}

/** A committee's upcoming meetings that are taking questions now. */
export function meetingsOpenForQuestions(
  db: Db,
  committeeId: number,
  now: Date,
): { id: number; startsAt: Date; closesAt: Date }[] {
  return db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.committeeId, committeeId), eq(meetings.status, 'scheduled'), gte(meetings.startsAt, now)))
    .orderBy(asc(meetings.startsAt))
    .all()
    .flatMap(({ id }) => {
      const m = questionMeeting(db, id, now);
      return m && m.window.state === 'open' ? [{ id, startsAt: m.startsAt, closesAt: m.window.closesAt }] : [];
    });
}

/** Questions whose asker's email is past keeping: their meeting was more than the committee's months ago. */
export function emailsPastKeeping(db: Db, now: Date): { id: number; email: string }[] {
  return db
    .select({
      id: publicQuestions.id,
      email: publicQuestions.askerEmail,
      startsAt: meetings.startsAt,
      months: committees.askerEmailMonths,
    })
    .from(publicQuestions)
    .innerJoin(meetings, eq(meetings.id, publicQuestions.meetingId))
    .innerJoin(committees, eq(committees.id, meetings.committeeId))
    .where(and(isNotNull(publicQuestions.askerEmail), lt(meetings.startsAt, now)))
    .all()
    .filter((q) => emailErasedAfter(q.startsAt, q.months) <= now)
    .map((q) => ({ id: q.id, email: q.email ?? '' }));
}
