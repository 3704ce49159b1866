import { and, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Db } from '../../db/client';
import { documents, inquiries, inquiryMembers, inquirySessions, meetings, memberships } from '../../db/schema';
import { INQUIRY_KINDS, INQUIRY_STATUSES } from '../../lib/enums';
import type { INQUIRY_FIELDS } from '../../lib/fields';
import { isCalendarDate } from '../../lib/recommendation-rules';
import { invalid, valid, validate, type Validated } from '../../lib/validation';
import { recordAudit, type Actor } from '../audit/commands';

export type InquiryForm = Record<
  Exclude<(typeof INQUIRY_FIELDS)[number], 'memberIds' | 'sessionMeetingIds'>,
  string
> & {
  memberIds: string[];
  sessionMeetingIds: string[];
};

const optionalDate = (message: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || isCalendarDate(v), message)
    .transform((v) => v || null);

const ids = z
  .array(z.string().regex(/^\d{1,9}$/, 'Select from the list'))
  .transform((a) => [...new Set(a.map(Number))]);

const inquirySchema = z
  .object({
    title: z.string().trim().min(1, 'Enter the inquiry’s title').max(200, 'The title must be 200 characters or fewer'),
    kind: z.enum(INQUIRY_KINDS, { message: 'Select the kind of inquiry' }),
    status: z.enum(INQUIRY_STATUSES, { message: 'Select where the inquiry is' }),
    summary: z.string().trim().max(4000, 'The summary must be 4,000 characters or fewer'),
    termsOfReference: z.string().trim().max(10_000, 'The terms of reference must be 10,000 characters or fewer'),
    startedOn: optionalDate('Enter a real start date, e.g. 1 10 2018'),
    reportedOn: optionalDate('Enter a real date for the report, e.g. 1 3 2019'),
    memberIds: ids,
    chairId: z
      .string()
      .trim()
      .regex(/^(\d{1,9})?$/, 'Select the chair from the members')
      .transform((v) => (v === '' ? null : Number(v))),
    sessionMeetingIds: ids,
    reportDocumentId: z
      .string()
      .trim()
      .regex(/^(\d{1,9})?$/, 'Select the report from the papers, or none')
      .transform((v) => (v === '' ? null : Number(v))),
  })
  .strip()
  .refine((v) => v.reportedOn === null || v.startedOn === null || v.reportedOn >= v.startedOn, {
    path: ['reportedOn'],
    message: 'The report cannot come before the inquiry started',
  })
  .refine((v) => v.chairId === null || v.memberIds.includes(v.chairId), {
    path: ['chairId'],
    message: 'The chair must be one of the members you selected',
  });

/** A web address name from a title ("Support for carers": support-for-carers). */
export function inquirySlug(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'inquiry'
  );
}

/**
 * Starts (no id) or changes an inquiry: its details, members (from the
 * committee's), evidence sessions (its meetings) and report (one of its papers).
 */
export function saveInquiry(
  db: Db,
  actor: Actor,
  committeeId: number,
  inquiryId: number | null,
  form: InquiryForm,
  now: Date,
): Validated<{ id: number; slug: string }> {
  const checked = validate(inquirySchema, form);
  if (!checked.ok) return checked;
  const { memberIds, chairId, sessionMeetingIds, reportDocumentId, ...value } = checked.value;
  return inTransaction(db, (tx): Validated<{ id: number; slug: string }> => {
    if (memberIds.length > 0) {
      const known = tx
        .selectDistinct({ id: memberships.personId })
        .from(memberships)
        .where(and(eq(memberships.committeeId, committeeId), inArray(memberships.personId, memberIds)))
        .all();
      if (known.length !== memberIds.length) return invalid({ memberIds: 'Select members of this committee' });
    }
    if (sessionMeetingIds.length > 0) {
      const known = tx
        .select({ id: meetings.id })
        .from(meetings)
        .where(and(eq(meetings.committeeId, committeeId), inArray(meetings.id, sessionMeetingIds)))
        .all();
      if (known.length !== sessionMeetingIds.length)
        return invalid({ sessionMeetingIds: 'Select this committee’s meetings' });
    }
    if (reportDocumentId !== null) {
      const paper = tx
        .select({ id: documents.id })
        .from(documents)
        .innerJoin(meetings, eq(meetings.id, documents.meetingId))
        .where(and(eq(documents.id, reportDocumentId), eq(meetings.committeeId, committeeId)))
        .get();
      if (!paper) return invalid({ reportDocumentId: 'Select one of this committee’s papers' });
    }
    let id = inquiryId;
    let slug: string;
    let before: typeof inquiries.$inferSelect | undefined;
    if (id === null) {
      const base = inquirySlug(value.title);
      slug = base;
      for (
        let n = 2;
        tx
          .select({ id: inquiries.id })
          .from(inquiries)
          .where(and(eq(inquiries.committeeId, committeeId), eq(inquiries.slug, slug)))
          .get();
        n++
      )
        slug = `${base}-${n}`;
      id = tx
        .insert(inquiries)
        .values({ ...value, slug, committeeId, createdAt: now, updatedAt: now })
        .returning({ id: inquiries.id })
        .get().id;
    } else {
      before = tx.select().from(inquiries).where(eq(inquiries.id, id)).get();
      if (!before || before.committeeId !== committeeId)
        return invalid({ _form: 'That inquiry is not this committee’s' });
      slug = before.slug;
      tx.update(inquiries)
        .set({ ...value, updatedAt: now })
        .where(eq(inquiries.id, id))
        .run();
    }
    const inquiry = id;
    tx.delete(inquiryMembers).where(eq(inquiryMembers.inquiryId, inquiry)).run();
    for (const personId of memberIds)
      tx.insert(inquiryMembers)
        .values({ inquiryId: inquiry, personId, role: personId === chairId ? 'chair' : 'member', createdAt: now })
        .run();
    tx.delete(inquirySessions).where(eq(inquirySessions.inquiryId, inquiry)).run();
    for (const meetingId of sessionMeetingIds)
      tx.insert(inquirySessions).values({ inquiryId: inquiry, meetingId, createdAt: now }).run();
    // The report: the chosen paper becomes the inquiry's report; a paper that was its report before no longer is.
    const reportCondition = eq(documents.inquiryId, inquiry);
    tx.update(documents)
      .set({ inquiryId: null })
      .where(reportDocumentId === null ? reportCondition : and(reportCondition, ne(documents.id, reportDocumentId)))
      .run();
    if (reportDocumentId !== null)
      tx.update(documents).set({ inquiryId: inquiry }).where(eq(documents.id, reportDocumentId)).run();
    recordAudit(tx, actor, {
      action: inquiryId === null ? 'inquiry.create' : 'inquiry.update',
      recordType: 'inquiry',
      recordId: inquiry,
      before: before ?? null,
      after: { ...value, slug, memberIds, chairId, sessionMeetingIds, reportDocumentId },
      at: now,
    });
    return valid({ id: inquiry, slug });
  });
}
