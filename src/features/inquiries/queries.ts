import { ID_LIST, preparedOnce } from '../../db/prepared';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { documents, inquiries, inquiryMembers, inquirySessions, meetings, memberships, people } from '../../db/schema';
import type { InquiryMemberRole } from '../../lib/enums';

export function inquiriesOf(db: Db, committeeId: number) {
  return db
    .select()
    .from(inquiries)
    .where(eq(inquiries.committeeId, committeeId))
    .orderBy(desc(inquiries.startedOn), asc(inquiries.title))
    .all();
}

export function getInquiry(db: Db, committeeId: number, id: number) {
  return (
    db
      .select()
      .from(inquiries)
      .where(and(eq(inquiries.id, id), eq(inquiries.committeeId, committeeId)))
      .get() ?? null
  );
}

export function inquiryBySlug(db: Db, committeeId: number, slug: string) {
  return (
    db
      .select()
      .from(inquiries)
      .where(and(eq(inquiries.slug, slug), eq(inquiries.committeeId, committeeId)))
      .get() ?? null
  );
}

export interface InquiryParts {
  members: { personId: number; name: string; role: InquiryMemberRole }[];
  sessions: { meetingId: number; startsAt: Date; status: string }[];
  /** Its report: the paper (or papers) whose inquiry it is. */
  reports: { id: number; title: string; meetingId: number | null; exempt: boolean }[];
}

/** An inquiry's members (chair first), evidence sessions (in order) and report. */
export function inquiryParts(db: Db, inquiryId: number): InquiryParts {
  const members = db
    .select({ personId: people.id, name: people.name, role: inquiryMembers.role })
    .from(inquiryMembers)
    .innerJoin(people, eq(people.id, inquiryMembers.personId))
    .where(eq(inquiryMembers.inquiryId, inquiryId))
    .orderBy(asc(inquiryMembers.role), asc(people.name))
    .all();
  const sessions = db
    .select({ meetingId: meetings.id, startsAt: meetings.startsAt, status: meetings.status })
    .from(inquirySessions)
    .innerJoin(meetings, eq(meetings.id, inquirySessions.meetingId))
    .where(eq(inquirySessions.inquiryId, inquiryId))
    .orderBy(asc(meetings.startsAt))
    .all();
  const reports = db
    .select({
      id: documents.id,
      title: documents.title,
      meetingId: documents.meetingId,
      exemptParagraph: documents.exemptParagraph,
    })
    .from(documents)
    .where(eq(documents.inquiryId, inquiryId))
    .orderBy(asc(documents.id))
    .all()
    .map(({ exemptParagraph, ...d }) => ({ ...d, exempt: exemptParagraph !== null }));
  return { members, sessions, reports };
}

/** Who can sit on an inquiry: the committee's members, past and present, by name. */
export function inquiryMemberChoices(db: Db, committeeId: number) {
  return db
    .selectDistinct({ id: people.id, name: people.name })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(eq(memberships.committeeId, committeeId))
    .orderBy(asc(people.name))
    .all();
}

/** The committee's meetings, for evidence sessions. */
export function inquirySessionChoices(db: Db, committeeId: number) {
  return db
    .select({ id: meetings.id, startsAt: meetings.startsAt })
    .from(meetings)
    .where(eq(meetings.committeeId, committeeId))
    .orderBy(desc(meetings.startsAt))
    .all();
}

/** The inquiries some meetings were evidence sessions of (for the meetings' pages). */
export function inquiriesHeardAt(db: Db, meetingIds: number[]) {
  if (meetingIds.length === 0) return [];
  return heardAt(db).all({ ids: JSON.stringify(meetingIds) });
}

const heardAt = preparedOnce((db) =>
  db
    .select({ meetingId: inquirySessions.meetingId, slug: inquiries.slug, title: inquiries.title })
    .from(inquirySessions)
    .innerJoin(inquiries, eq(inquiries.id, inquirySessions.inquiryId))
    .where(inArray(inquirySessions.meetingId, ID_LIST))
    .prepare(),
);
