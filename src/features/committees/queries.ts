import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { preparedOnce } from '../../db/prepared';
import type { Db } from '../../db/client';
import { londonDate } from '../../lib/dates';
import { people, organisations, committees, memberships, meetings, attendance } from '../../db/schema';
import type { MembershipRole } from '../../lib/enums';
import { listCommitteeMeetings, type MeetingSummary } from '../meetings/queries';

export interface CommitteeSummary {
  id: number;
  slug: string;
  name: string;
  kind: typeof committees.$inferSelect.kind;
  remit: string;
}

const activeCommittees = preparedOnce((db) =>
  db
    .select({
      id: committees.id,
      slug: committees.slug,
      name: committees.name,
      kind: committees.kind,
      remit: committees.remit,
    })
    .from(committees)
    .where(eq(committees.status, 'active'))
    .orderBy(asc(committees.name))
    .prepare(),
);

/** Active committees, by name. */
export function listCommittees(db: Db): CommitteeSummary[] {
  return activeCommittees(db).all();
}

export interface CommitteeMember {
  personId: number;
  name: string;
  role: MembershipRole;
  voting: boolean;
  representing: string | null;
  fromDate: string | null;
  toDate: string | null;
}

export interface CommitteePage extends CommitteeSummary {
  status: typeof committees.$inferSelect.status;
  contactEmail: string | null;
  contactPhone: string | null;
  clerk: { name: string; jobTitle: string | null; organisation: string | null } | null;
  members: CommitteeMember[];
  upcoming: MeetingSummary[];
  past: MeetingSummary[];
}

const ROLE_ORDER: Record<MembershipRole, number> = {
  chairman: 0,
  vice_chairman: 1,
  member: 2,
  co_opted: 3,
  ex_officio: 4,
  substitute: 5,
};

export interface MemberOnDay {
  personId: number;
  name: string;
  fullName: string | null;
  role: MembershipRole;
  voting: boolean;
  representing: string | null;
  fromDate: string | null;
  toDate: string | null;
}

/** A membership's terms, as every list of members reads them. */
const MEMBERSHIP_TERMS = {
  role: memberships.role,
  voting: memberships.voting,
  representing: memberships.representing,
  fromDate: memberships.fromDate,
  toDate: memberships.toDate,
};

/** The committee's members on a London day, chairman first, then by surname as a front sheet lists them. */
export function membersOn(db: Db, committeeId: number, day: string): MemberOnDay[] {
  const seen = new Set<number>();
  return db
    .select({ personId: people.id, name: people.name, fullName: people.fullName, ...MEMBERSHIP_TERMS })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        eq(memberships.committeeId, committeeId),
        or(isNull(memberships.fromDate), lte(memberships.fromDate, day)),
        or(isNull(memberships.toDate), gte(memberships.toDate, day)),
      ),
    )
    .all()
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || surname(a.name).localeCompare(surname(b.name)))
    .filter((m) => !seen.has(m.personId) && seen.add(m.personId));
}

/** A committee's clerk as the directory has them, or null when it names none. */
export function clerkOf(db: Db, clerkPersonId: number | null) {
  if (clerkPersonId === null) return null;
  return (
    db
      .select({
        name: people.name,
        fullName: people.fullName,
        jobTitle: people.jobTitle,
        organisation: organisations.name,
      })
      .from(people)
      .leftJoin(organisations, eq(organisations.id, people.organisationId))
      .where(eq(people.id, clerkPersonId))
      .get() ?? null
  );
}

/** A committee with its current members (chairman first) and its meetings, or null. */
export function getCommitteePage(db: Db, slug: string, now: Date): CommitteePage | null {
  const committee = db.select().from(committees).where(eq(committees.slug, slug)).get();
  if (!committee) return null;

  const clerk = clerkOf(db, committee.clerkPersonId);

  const members = membersOn(db, committee.id, londonDate(now));

  const all = listCommitteeMeetings(db, committee.id);
  return {
    id: committee.id,
    slug: committee.slug,
    name: committee.name,
    kind: committee.kind,
    remit: committee.remit,
    status: committee.status,
    contactEmail: committee.contactEmail,
    contactPhone: committee.contactPhone,
    clerk: clerk
      ? { name: clerk.fullName ?? clerk.name, jobTitle: clerk.jobTitle, organisation: clerk.organisation }
      : null,
    members,
    upcoming: all.filter((m) => m.startsAt >= now),
    past: all.filter((m) => m.startsAt < now).reverse(),
  };
}

/** "Mr A Turner" → "Turner": members are listed by surname, as on a front sheet. */
function surname(name: string): string {
  const parts = name.trim().split(/\s+/);
  return parts[parts.length - 1] ?? name;
}

const committeeBySlug = preparedOnce((db) =>
  db
    .select()
    .from(committees)
    .where(eq(committees.slug, sql.placeholder('slug')))
    .prepare(),
);

/** The committee's stored record (for editing, and to find what a /manage address names). */
export function getCommitteeBySlug(db: Db, slug: string) {
  return committeeBySlug(db).get({ slug }) ?? null;
}

/** Every membership of a committee, past and present: current first, then by role and surname. */
export function listMemberships(db: Db, committeeId: number) {
  return db
    .select({
      id: memberships.id,
      personId: memberships.personId,
      name: people.name,
      role: memberships.role,
      voting: memberships.voting,
      representing: memberships.representing,
      fromDate: memberships.fromDate,
      toDate: memberships.toDate,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(eq(memberships.committeeId, committeeId))
    .all()
    .sort(
      (a, b) =>
        Number(a.toDate !== null) - Number(b.toDate !== null) ||
        ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
        surname(a.name).localeCompare(surname(b.name)),
    );
}

export function getMembership(db: Db, id: number) {
  return db.select().from(memberships).where(eq(memberships.id, id)).get() ?? null;
}

export interface AttendanceStat {
  personId: number;
  name: string;
  /** Meetings held while they were a member. */
  expected: number;
  present: number;
  apologies: number;
  /** Meetings where a substitute attended in their place. */
  substituted: number;
}

/**
 * Attendance of each current member at the committee's held meetings, counted
 * only while they were a member; cancelled and postponed meetings never count.
 */
export function attendanceStatistics(db: Db, committeeId: number, now: Date): AttendanceStat[] {
  const all = db
    .select({ personId: memberships.personId, fromDate: memberships.fromDate, toDate: memberships.toDate })
    .from(memberships)
    .where(eq(memberships.committeeId, committeeId))
    .all();
  const held = db
    .select({ id: meetings.id, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.committeeId, committeeId), eq(meetings.status, 'held')))
    .all()
    .map((m) => ({ id: m.id, date: londonDate(m.startsAt) }));
  const rows =
    held.length === 0
      ? []
      : db
          .select({
            meetingId: attendance.meetingId,
            personId: attendance.personId,
            status: attendance.status,
            substituteFor: attendance.substituteForPersonId,
          })
          .from(attendance)
          .where(
            inArray(
              attendance.meetingId,
              held.map((m) => m.id),
            ),
          )
          .all();

  // Today's members, each counted over every span of their membership.
  return membersOn(db, committeeId, londonDate(now)).map((member) => {
    const spans = all.filter((m) => m.personId === member.personId);
    const expected = new Set(
      held
        .filter((h) =>
          spans.some((s) => (s.fromDate === null || s.fromDate <= h.date) && (s.toDate === null || s.toDate >= h.date)),
        )
        .map((h) => h.id),
    );
    const mine = rows.filter((r) => expected.has(r.meetingId));
    return {
      personId: member.personId,
      name: member.name,
      expected: expected.size,
      present: mine.filter((r) => r.personId === member.personId && r.status === 'present').length,
      apologies: mine.filter((r) => r.personId === member.personId && r.status === 'apologies').length,
      substituted: mine.filter((r) => r.substituteFor === member.personId).length,
    };
  });
}

export interface PublicMembership {
  personId: number;
  personName: string;
  committeeId: number;
  committeeSlug: string;
  committeeName: string;
  role: MembershipRole;
  voting: boolean;
  representing: string | null;
  fromDate: string | null;
  toDate: string | null;
}

/**
 * Every membership of every committee, past and present, as the public may
 * know it (who sat on which committee, in what role, when): by person, then
 * committee, earliest first. Of one committee only, when given.
 */
export function publicMemberships(db: Db, committeeId: number | null = null): PublicMembership[] {
  return db
    .select({
      personId: people.id,
      personName: people.name,
      committeeId: committees.id,
      committeeSlug: committees.slug,
      committeeName: committees.name,
      ...MEMBERSHIP_TERMS,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .innerJoin(committees, eq(committees.id, memberships.committeeId))
    .where(committeeId === null ? undefined : eq(memberships.committeeId, committeeId))
    .orderBy(asc(people.name), asc(people.id), asc(committees.name), asc(memberships.fromDate), asc(memberships.id))
    .all();
}
