import { and, eq, getTableColumns, ne } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Db } from '../../db/client';
import { dateFromParts, optionalText, parseTime, requiredText, wholeNumber, type DateParts } from '../../lib/forms';
import { formatCalendarDate } from '../../lib/dates';
import { MEMBERSHIP_ROLE_LABELS } from '../../lib/labels';
import { invalid, valid, validate, type FieldErrors, type Validated } from '../../lib/validation';
import { recordAudit, type Actor } from '../audit/commands';
import { people, userCommittees, committees, memberships } from '../../db/schema';
import { COMMITTEE_KINDS, COMMITTEE_STATUSES, MEMBERSHIP_ROLES } from '../../lib/enums';
import { COMMITTEE_FIELDS } from '../../lib/fields';

/** Words that are pages under /manage/committees, so cannot be slugs. */
const RESERVED_SLUGS = new Set(['new', 'edit']);

/** A new committee's form: the table's own defaults (five clear days' notice, questions at noon …), a select committee. */
export const DEFAULT_COMMITTEE_VALUES: Record<(typeof COMMITTEE_FIELDS)[number], string> = {
  ...(Object.fromEntries(
    COMMITTEE_FIELDS.map((f) => {
      const value: unknown = getTableColumns(committees)[f].default;
      return [f, typeof value === 'string' || typeof value === 'number' ? String(value) : ''];
    }),
  ) as Record<(typeof COMMITTEE_FIELDS)[number], string>),
  kind: 'select',
  speakingRequests: 'no',
};

const personId = (message: string) =>
  z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : Number(v)))
    .refine((v) => v === null || Number.isSafeInteger(v), message);

const committeeSchema = z.object({
  name: requiredText(200, 'Enter the name of the committee', 'Name'),
  slug: z
    .string()
    .trim()
    .min(1, 'Enter a short name for web addresses, like health-and-adult-social-care')
    .max(100, 'Web address name must be 100 characters or fewer')
    .regex(
      /^[a-z0-9][a-z0-9-]*$/,
      'Web address name must use only lower-case letters, numbers and hyphens, and start with a letter or number',
    )
    .refine((v) => !RESERVED_SLUGS.has(v), 'That web address name is reserved: choose another'),
  kind: z.enum(COMMITTEE_KINDS, { message: 'Select the kind of committee' }),
  remit: z.string().trim().max(5000, 'Remit must be 5,000 characters or fewer'),
  clerkPersonId: personId('Select the clerk from the list'),
  contactEmail: z
    .string()
    .trim()
    .max(254, 'Email address must be 254 characters or fewer')
    .refine(
      (v) => v === '' || z.email().safeParse(v).success,
      'Enter an email address in the correct format, like democracy@example.gov.uk',
    )
    .transform((v) => (v === '' ? null : v)),
  contactPhone: optionalText(40, 'Telephone'),
  noticeClearDays: wholeNumber('Notice period', 0, 60),
  questionCutoffTime: z
    .string()
    .transform((v) => parseTime(v))
    .refine((v): v is string => v !== null, 'Enter the time questions close, like 12:00 or 5pm'),
  questionCutoffClearDays: wholeNumber('Working days before the meeting that questions close', 0, 30),
  questionWordLimit: wholeNumber('Word limit for a question', 10, 2000),
  questionsPerPerson: wholeNumber('Questions per person', 1, 20),
  questionsOpenDaysBefore: z
    .string()
    .trim()
    .refine(
      (v) => v === '' || (/^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= 365),
      'Days before the meeting that questions open must be a whole number from 1 to 365, or left empty',
    )
    .transform((v) => (v === '' ? null : Number(v))),
  // Not chosen is "no": a form from before the setting existed keeps its meaning.
  speakingRequests: z
    .enum(['yes', 'no', ''], { message: 'Select whether the public may ask to speak' })
    .transform((v) => v === 'yes'),
  askerEmailMonths: wholeNumber('Months an asker’s email address is kept', 1, 24),
  minutesDueWorkingDays: wholeNumber('Working days to publish draft minutes', 1, 60),
  responseDueMonths: wholeNumber('Months for a response to a recommendation', 1, 12),
});

const committeeUpdateSchema = committeeSchema.extend({
  status: z.enum(COMMITTEE_STATUSES, { message: 'Select whether the committee is active or dissolved' }),
});

function checkClerk(db: Db, id: number | null): FieldErrors | null {
  if (id !== null && !db.select({ id: people.id }).from(people).where(eq(people.id, id)).get()) {
    return { clerkPersonId: 'Select the clerk from the list' };
  }
  return null;
}

function slugTaken(db: Db, slug: string, exceptId: number | null): boolean {
  return Boolean(
    db
      .select({ id: committees.id })
      .from(committees)
      .where(
        exceptId === null ? eq(committees.slug, slug) : and(eq(committees.slug, slug), ne(committees.id, exceptId)),
      )
      .get(),
  );
}

/**
 * Sets up a committee from its form. The clerk who creates it is assigned to
 * it, so they can manage it at once.
 */
export function createCommittee(
  db: Db,
  actor: Actor,
  form: Record<string, unknown>,
  assignUserId: number | null,
): Validated<{ id: number; slug: string }> {
  const checked = validate(committeeSchema, form);
  if (!checked.ok) return checked;
  const value = checked.value;
  return inTransaction(db, (tx): Validated<{ id: number; slug: string }> => {
    if (slugTaken(tx, value.slug, null))
      return invalid({ slug: 'Another committee already uses this web address name' });
    const clerkProblem = checkClerk(tx, value.clerkPersonId);
    if (clerkProblem) return invalid(clerkProblem);
    const created = tx.insert(committees).values(value).returning().get();
    if (assignUserId !== null)
      tx.insert(userCommittees).values({ userId: assignUserId, committeeId: created.id }).run();
    recordAudit(tx, actor, {
      action: 'committee.create',
      recordType: 'committee',
      recordId: created.id,
      after: created,
    });
    return valid({ id: created.id, slug: created.slug });
  });
}

/** Edits a committee's details and settings. */
export function updateCommittee(
  db: Db,
  actor: Actor,
  id: number,
  form: Record<string, unknown>,
  today: string,
): Validated<{ id: number; slug: string }> {
  const checked = validate(committeeUpdateSchema, form);
  if (!checked.ok) return checked;
  const value = checked.value;
  return inTransaction(db, (tx): Validated<{ id: number; slug: string }> => {
    const before = tx.select().from(committees).where(eq(committees.id, id)).get();
    if (!before) throw new Error(`No committee ${id}`);
    if (slugTaken(tx, value.slug, id)) return invalid({ slug: 'Another committee already uses this web address name' });
    const clerkProblem = checkClerk(tx, value.clerkPersonId);
    if (clerkProblem) return invalid(clerkProblem);
    const dissolvedOn = value.status === 'dissolved' ? (before.dissolvedOn ?? today) : null;
    const after = tx
      .update(committees)
      .set({ ...value, dissolvedOn })
      .where(eq(committees.id, id))
      .returning()
      .get();
    recordAudit(tx, actor, { action: 'committee.update', recordType: 'committee', recordId: id, before, after });
    return valid({ id, slug: after.slug });
  });
}

export interface MembershipForm {
  personId: string;
  role: string;
  voting: string;
  representing: string;
  from: DateParts;
  to: DateParts;
}

const membershipSchema = z.object({
  personId: z
    .string()
    .trim()
    .min(1, 'Select the person')
    .transform(Number)
    .refine((v) => Number.isSafeInteger(v) && v > 0, 'Select the person'),
  role: z.enum(MEMBERSHIP_ROLES, { message: 'Select the role' }),
  voting: z.enum(['yes', 'no'], { message: 'Select whether they can vote' }).transform((v) => v === 'yes'),
  representing: optionalText(200, 'Representing'),
});

function overlaps(aFrom: string | null, aTo: string | null, bFrom: string | null, bTo: string | null): boolean {
  return (aFrom === null || bTo === null || aFrom <= bTo) && (bFrom === null || aTo === null || bFrom <= aTo);
}

function span(from: string | null, to: string | null): string {
  return `${from ? `from ${formatCalendarDate(from)}` : 'from the start'} ${to ? `to ${formatCalendarDate(to)}` : 'with no end date'}`;
}

/** Roles a committee has one of at a time. */
const SINGLE_HOLDER = new Set(['chairman', 'vice_chairman']);

/**
 * Adds (no membershipId) or edits a membership. A person cannot hold the same
 * role twice over the same dates, and a committee has one chairman and one
 * vice-chairman at a time.
 */
export function saveMembership(
  db: Db,
  actor: Actor,
  committeeId: number,
  membershipId: number | null,
  form: MembershipForm,
): Validated<{ id: number }> {
  const errors: FieldErrors = {};
  const checked = validate(membershipSchema, form);
  if (!checked.ok) Object.assign(errors, checked.errors);
  const from = form.from.day || form.from.month || form.from.year ? dateFromParts(form.from, 'Start date') : null;
  const to = form.to.day || form.to.month || form.to.year ? dateFromParts(form.to, 'End date') : null;
  if (from && !from.ok) errors.from = from.error;
  if (to && !to.ok) errors.to = to.error;
  const fromDate = from?.ok ? from.value : null;
  const toDate = to?.ok ? to.value : null;
  if (fromDate && toDate && toDate < fromDate) errors.to = 'End date must be the same as or after the start date';
  if (!checked.ok || Object.keys(errors).length > 0) return invalid(errors);
  const value = checked.value;

  return inTransaction(db, (tx): Validated<{ id: number }> => {
    if (!tx.select({ id: people.id }).from(people).where(eq(people.id, value.personId)).get()) {
      return invalid({ personId: 'Select the person' });
    }
    const others = tx
      .select({
        id: memberships.id,
        personId: memberships.personId,
        role: memberships.role,
        fromDate: memberships.fromDate,
        toDate: memberships.toDate,
        name: people.name,
      })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .where(eq(memberships.committeeId, committeeId))
      .all()
      .filter((m) => m.id !== membershipId && overlaps(m.fromDate, m.toDate, fromDate, toDate));
    const same = others.find((m) => m.personId === value.personId && m.role === value.role);
    if (same) {
      return invalid({
        role: `${same.name} is already ${MEMBERSHIP_ROLE_LABELS[value.role].toLowerCase()} ${span(same.fromDate, same.toDate)}`,
      });
    }
    const holder = SINGLE_HOLDER.has(value.role) ? others.find((m) => m.role === value.role) : undefined;
    if (holder) {
      return invalid({
        role: `${holder.name} is ${MEMBERSHIP_ROLE_LABELS[value.role].toLowerCase()} ${span(holder.fromDate, holder.toDate)}: end that first`,
      });
    }
    const row = { ...value, committeeId, fromDate, toDate };
    if (membershipId === null) {
      const created = tx.insert(memberships).values(row).returning().get();
      recordAudit(tx, actor, {
        action: 'membership.create',
        recordType: 'committee',
        recordId: committeeId,
        after: created,
      });
      return valid({ id: created.id });
    }
    const before = tx.select().from(memberships).where(eq(memberships.id, membershipId)).get();
    if (!before || before.committeeId !== committeeId)
      throw new Error(`No membership ${membershipId} on committee ${committeeId}`);
    const after = tx.update(memberships).set(row).where(eq(memberships.id, membershipId)).returning().get();
    recordAudit(tx, actor, {
      action: 'membership.update',
      recordType: 'committee',
      recordId: committeeId,
      before,
      after,
    });
    return valid({ id: membershipId });
  });
}
