import { and, asc, eq, gte, ne } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Db } from '../../db/client';
import {
  agendaItems,
  committees,
  documents,
  inquiries,
  meetings,
  organisations,
  people,
  recommendationResponses,
  recommendations,
  recommendationTargetChanges,
  workProgrammeEntries,
} from '../../db/schema';
import { IMPLEMENTATION_STATUSES, RESPONSE_DECISIONS } from '../../lib/enums';
import type {
  PROGRESS_FIELDS,
  RECOMMENDATION_FIELDS,
  RESPONSE_FIELDS,
  REVIEW_POINT_FIELDS,
  SEND_RECOMMENDATION_FIELDS,
} from '../../lib/fields';
import { committeeCode } from '../../lib/action-rules';
import { formatCalendarDate, fromLondon, londonDate } from '../../lib/dates';
import { addMonths, isCalendarDate, recommendationReference, responseDueOn } from '../../lib/recommendation-rules';
import { invalid, valid, validate, type Validated } from '../../lib/validation';
import { recordAudit, type Actor } from '../audit/commands';
import { max } from 'drizzle-orm';

type Form<F extends readonly string[]> = Record<F[number], string>;
export type RecommendationForm = Form<typeof RECOMMENDATION_FIELDS>;
export type SendForm = Form<typeof SEND_RECOMMENDATION_FIELDS>;
export type ResponseForm = Form<typeof RESPONSE_FIELDS>;
export type ProgressForm = Form<typeof PROGRESS_FIELDS>;
export type ReviewPointForm = Form<typeof REVIEW_POINT_FIELDS>;

const optionalId = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^(\d{1,9})?$/, message)
    .transform((v) => (v === '' ? null : Number(v)));

const calendarDate = (empty: string, wrong: string) => z.string().trim().min(1, empty).refine(isCalendarDate, wrong);

const recommendationSchema = z
  .object({
    text: z
      .string()
      .trim()
      .min(1, 'Enter the recommendation')
      .max(4000, 'The recommendation must be 4,000 characters or fewer'),
    addressedTo: z
      .string()
      .trim()
      .min(1, 'Enter who it is addressed to, e.g. “Cabinet Member for Adult Social Care”')
      .max(300, 'Who it is addressed to must be 300 characters or fewer'),
    addresseeOrganisationId: optionalId('Select an organisation, or none'),
    contactPersonId: optionalId('Select a contact, or none'),
    agendaItemId: optionalId('Select the item it was made at, or none'),
    inquiryId: optionalId('Select the inquiry it came from, or none'),
  })
  .strip();

/** Makes a recommendation (no id) or changes one; it gets its reference ("HASC/R/3") when made. */
export function saveRecommendation(
  db: Db,
  actor: Actor,
  committeeId: number,
  recommendationId: number | null,
  form: RecommendationForm,
  now: Date,
): Validated<{ id: number; reference: string }> {
  const checked = validate(recommendationSchema, form);
  if (!checked.ok) return checked;
  const value = checked.value;
  return inTransaction(db, (tx): Validated<{ id: number; reference: string }> => {
    if (value.agendaItemId !== null) {
      const item = tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
        .where(and(eq(agendaItems.id, value.agendaItemId), eq(meetings.committeeId, committeeId)))
        .get();
      if (!item) return invalid({ agendaItemId: 'Select an item of one of this committee’s meetings' });
    }
    if (value.inquiryId !== null) {
      const inquiry = tx
        .select({ id: inquiries.id })
        .from(inquiries)
        .where(and(eq(inquiries.id, value.inquiryId), eq(inquiries.committeeId, committeeId)))
        .get();
      if (!inquiry) return invalid({ inquiryId: 'Select one of this committee’s inquiries' });
    }
    if (
      value.addresseeOrganisationId !== null &&
      !tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.id, value.addresseeOrganisationId))
        .get()
    )
      return invalid({ addresseeOrganisationId: 'Select an organisation from the list' });
    if (
      value.contactPersonId !== null &&
      !tx.select({ id: people.id }).from(people).where(eq(people.id, value.contactPersonId)).get()
    )
      return invalid({ contactPersonId: 'Select a person from the list' });

    if (recommendationId === null) {
      const committee = tx.select().from(committees).where(eq(committees.id, committeeId)).get();
      if (!committee) return invalid({ _form: 'That committee does not exist' });
      const code = committeeCode(committee.name, committee.slug);
      const taken = tx
        .select({ reference: recommendations.reference })
        .from(recommendations)
        .where(eq(recommendations.committeeId, committeeId))
        .all()
        .map((r) => Number(r.reference?.split('/').pop()) || 0);
      const reference = recommendationReference(code, Math.max(0, ...taken) + 1);
      const created = tx
        .insert(recommendations)
        .values({ ...value, committeeId, reference, createdAt: now, updatedAt: now })
        .returning()
        .get();
      recordAudit(tx, actor, {
        action: 'recommendation.create',
        recordType: 'recommendation',
        recordId: created.id,
        after: created,
        at: now,
      });
      return valid({ id: created.id, reference });
    }
    const before = tx.select().from(recommendations).where(eq(recommendations.id, recommendationId)).get();
    if (!before || before.committeeId !== committeeId)
      return invalid({ _form: 'That recommendation is not this committee’s' });
    const after = tx
      .update(recommendations)
      .set({ ...value, updatedAt: now })
      .where(eq(recommendations.id, recommendationId))
      .returning()
      .get();
    recordAudit(tx, actor, {
      action: 'recommendation.update',
      recordType: 'recommendation',
      recordId: recommendationId,
      before,
      after,
      at: now,
    });
    return valid({ id: recommendationId, reference: after.reference ?? '' });
  });
}

/**
 * Records that a draft recommendation was sent: from then it is public, and
 * its response is due the committee's response period later.
 */
export function sendRecommendation(
  db: Db,
  actor: Actor,
  recommendationId: number,
  form: SendForm,
  now: Date,
): Validated<{ responseDueOn: string }> {
  const checked = validate(
    z.object({ sentOn: calendarDate('Enter the date it was sent', 'Enter a real date, e.g. 27 3 2021') }).strip(),
    form,
  );
  if (!checked.ok) return checked;
  const { sentOn } = checked.value;
  if (sentOn > londonDate(now)) return invalid({ sentOn: 'The date it was sent must be today or in the past' });
  return inTransaction(db, (tx): Validated<{ responseDueOn: string }> => {
    const row = tx
      .select({ rec: recommendations, months: committees.responseDueMonths })
      .from(recommendations)
      .innerJoin(committees, eq(committees.id, recommendations.committeeId))
      .where(eq(recommendations.id, recommendationId))
      .get();
    if (!row) return invalid({ _form: 'That recommendation does not exist' });
    if (row.rec.status !== 'draft') return invalid({ sentOn: 'It has been sent already' });
    const due = responseDueOn(sentOn, row.months);
    tx.update(recommendations)
      .set({ sentOn, responseDueOn: due, status: 'awaiting_response', updatedAt: now })
      .where(eq(recommendations.id, recommendationId))
      .run();
    recordAudit(tx, actor, {
      action: 'recommendation.send',
      recordType: 'recommendation',
      recordId: recommendationId,
      before: { status: row.rec.status },
      after: { status: 'awaiting_response', sentOn, responseDueOn: due },
      at: now,
    });
    return valid({ responseDueOn: due });
  });
}

const responseSchema = z
  .object({
    receivedOn: calendarDate('Enter the date the response was received', 'Enter a real date, e.g. 27 3 2021'),
    decision: z.enum(RESPONSE_DECISIONS, {
      message: 'Select the response: accepted, partly accepted, rejected or noted',
    }),
    text: z.string().trim().max(20_000, 'The response must be 20,000 characters or fewer'),
    respondent: z.string().trim().max(300, 'Who responded must be 300 characters or fewer'),
    documentId: optionalId('Select a paper, or none'),
  })
  .strip();

/** Records the response (its decision, its words or a paper); it cannot come before the recommendation was sent. */
export function recordResponse(
  db: Db,
  actor: Actor,
  recommendationId: number,
  form: ResponseForm,
  now: Date,
): Validated<{ id: number }> {
  const checked = validate(responseSchema, form);
  if (!checked.ok) return checked;
  const value = checked.value;
  if (value.text === '' && value.documentId === null)
    return invalid({ text: 'Enter the response, or select the paper that is the response' });
  if (value.receivedOn > londonDate(now))
    return invalid({ receivedOn: 'The date received must be today or in the past' });
  return inTransaction(db, (tx): Validated<{ id: number }> => {
    const rec = tx.select().from(recommendations).where(eq(recommendations.id, recommendationId)).get();
    if (!rec) return invalid({ _form: 'That recommendation does not exist' });
    if (rec.status === 'draft' || !rec.sentOn)
      return invalid({ receivedOn: 'Record when the recommendation was sent before its response' });
    if (value.receivedOn < rec.sentOn)
      return invalid({
        receivedOn: `The response cannot be received before the recommendation was sent, on ${formatCalendarDate(rec.sentOn)}`,
      });
    if (value.documentId !== null) {
      const paper = tx
        .select({ id: documents.id })
        .from(documents)
        .innerJoin(meetings, eq(meetings.id, documents.meetingId))
        .where(and(eq(documents.id, value.documentId), eq(meetings.committeeId, rec.committeeId)))
        .get();
      if (!paper) return invalid({ documentId: 'Select one of this committee’s papers' });
    }
    const created = tx
      .insert(recommendationResponses)
      .values({
        recommendationId,
        receivedOn: value.receivedOn,
        decision: value.decision,
        text: value.text,
        respondent: value.respondent || null,
        documentId: value.documentId,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    const status = rec.status === 'complete' ? 'complete' : 'responded';
    tx.update(recommendations).set({ status, updatedAt: now }).where(eq(recommendations.id, recommendationId)).run();
    recordAudit(tx, actor, {
      action: 'recommendation.response',
      recordType: 'recommendation',
      recordId: recommendationId,
      before: { status: rec.status },
      after: { status, response: created },
      at: now,
    });
    return valid({ id: created.id });
  });
}

const progressSchema = z
  .object({
    implementationStatus: z.enum(IMPLEMENTATION_STATUSES, { message: 'Select how implementing it is going' }),
    targetDate: z
      .string()
      .trim()
      .refine((v) => v === '' || isCalendarDate(v), 'Enter a real target date, e.g. 31 3 2021'),
    reason: z.string().trim().max(2000, 'The reason must be 2,000 characters or fewer'),
  })
  .strip();

/**
 * Updates how implementing a recommendation is going. Every change of its
 * target date needs a reason, and is kept; "complete" completes it.
 */
export function updateProgress(
  db: Db,
  actor: Actor & { name: string },
  recommendationId: number,
  form: ProgressForm,
  now: Date,
): Validated<{ id: number }> {
  const checked = validate(progressSchema, form);
  if (!checked.ok) return checked;
  const { implementationStatus, reason } = checked.value;
  const targetDate = checked.value.targetDate || null;
  return inTransaction(db, (tx): Validated<{ id: number }> => {
    const rec = tx.select().from(recommendations).where(eq(recommendations.id, recommendationId)).get();
    if (!rec) return invalid({ _form: 'That recommendation does not exist' });
    if (rec.status === 'draft')
      return invalid({ _form: 'Record when the recommendation was sent before its progress' });
    const moved = targetDate !== rec.targetDate;
    if (moved && reason === '')
      return invalid({
        reason: rec.targetDate
          ? `Say why the target date changes from ${formatCalendarDate(rec.targetDate)}`
          : 'Say why the target date is set, e.g. “Given in the Cabinet Member’s response”',
      });
    if (moved) {
      tx.insert(recommendationTargetChanges)
        .values({
          recommendationId,
          fromDate: rec.targetDate,
          toDate: targetDate,
          reason,
          authorName: actor.name,
          createdAt: now,
          updatedAt: now,
        })
        .run();
    }
    const status =
      implementationStatus === 'complete' ? 'complete' : rec.status === 'complete' ? 'responded' : rec.status;
    const after = tx
      .update(recommendations)
      .set({ implementationStatus, targetDate, status, updatedAt: now })
      .where(eq(recommendations.id, recommendationId))
      .returning()
      .get();
    recordAudit(tx, actor, {
      action: 'recommendation.progress',
      recordType: 'recommendation',
      recordId: recommendationId,
      before: { implementationStatus: rec.implementationStatus, targetDate: rec.targetDate, status: rec.status },
      after: { implementationStatus, targetDate, status: after.status, ...(moved ? { reason } : {}) },
      at: now,
    });
    return valid({ id: recommendationId });
  });
}

/**
 * Adds a review point: a topic on the committee's work programme that
 * reviews the recommendation, at a chosen meeting, or some months after its
 * response (or its sending) at the first meeting on or after that day. The
 * work programme offers it to that meeting's agenda, and links the item.
 */
export function addReviewPoint(
  db: Db,
  actor: Actor,
  recommendationId: number,
  form: ReviewPointForm,
  now: Date,
): Validated<{ entryId: number; meetingId: number | null }> {
  const checked = validate(
    z
      .object({
        afterMonths: z
          .string()
          .trim()
          .regex(/^(\d{1,2})?$/, 'Enter a number of months, e.g. 6'),
        meetingId: optionalId('Select a meeting, or enter after how many months'),
      })
      .strip(),
    form,
  );
  if (!checked.ok) return checked;
  const months = checked.value.afterMonths === '' ? null : Number(checked.value.afterMonths);
  if (months === null && checked.value.meetingId === null)
    return invalid({ afterMonths: 'Enter after how many months it is reviewed, or select a meeting' });
  if (months !== null && (months < 1 || months > 60)) return invalid({ afterMonths: 'Enter between 1 and 60 months' });
  return inTransaction(db, (tx): Validated<{ entryId: number; meetingId: number | null }> => {
    const rec = tx.select().from(recommendations).where(eq(recommendations.id, recommendationId)).get();
    if (!rec) return invalid({ _form: 'That recommendation does not exist' });
    if (!rec.sentOn) return invalid({ afterMonths: 'Record when the recommendation was sent before its reviews' });
    const response = tx
      .select({ receivedOn: recommendationResponses.receivedOn })
      .from(recommendationResponses)
      .where(eq(recommendationResponses.recommendationId, recommendationId))
      .orderBy(asc(recommendationResponses.receivedOn))
      .get();
    const from = response?.receivedOn ?? rec.sentOn;
    const dueOn = months === null ? null : addMonths(from, months);
    let meetingId = checked.value.meetingId;
    if (meetingId !== null) {
      const meeting = tx
        .select({ id: meetings.id })
        .from(meetings)
        .where(and(eq(meetings.id, meetingId), eq(meetings.committeeId, rec.committeeId)))
        .get();
      if (!meeting) return invalid({ meetingId: 'Select one of this committee’s meetings' });
    } else if (dueOn !== null) {
      meetingId =
        tx
          .select({ id: meetings.id })
          .from(meetings)
          .where(
            and(
              eq(meetings.committeeId, rec.committeeId),
              ne(meetings.status, 'cancelled'),
              gte(meetings.startsAt, fromLondon(dueOn, '00:00')),
            ),
          )
          .orderBy(asc(meetings.startsAt))
          .get()?.id ?? null;
    }
    const position =
      (tx
        .select({ p: max(workProgrammeEntries.position) })
        .from(workProgrammeEntries)
        .where(eq(workProgrammeEntries.committeeId, rec.committeeId))
        .get()?.p ?? 0) + 1;
    const entry = tx
      .insert(workProgrammeEntries)
      .values({
        committeeId: rec.committeeId,
        topic: `Review of recommendation ${rec.reference ?? ''}`.trim(),
        purpose: `${months === null ? 'To review' : `To review, ${months} months on,`} progress on the committee’s recommendation to ${rec.addressedTo}: ${rec.text}`,
        plannedMeetingId: meetingId,
        status: meetingId === null ? 'proposed' : 'scheduled',
        recommendationId,
        reviewDueOn: dueOn,
        inquiryId: rec.inquiryId,
        position,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    recordAudit(tx, actor, {
      action: 'recommendation.review_point',
      recordType: 'recommendation',
      recordId: recommendationId,
      after: { workProgrammeEntryId: entry.id, reviewDueOn: dueOn, meetingId },
      at: now,
    });
    return valid({ entryId: entry.id, meetingId });
  });
}
