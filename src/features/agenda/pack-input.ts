import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { londonDate } from '../../lib/dates';
import { MEMBERSHIP_ROLE_LABELS } from '../../lib/labels';
import { memberships } from '../committees/schema';
import { getMeetingWithCommittee } from '../meetings/queries';
import { people } from '../people/schema';
import type { PackInput } from './pack';
import type { AgendaSnapshot } from './snapshot';

const ROLE_ORDER = { chairman: 0, vice_chairman: 1, member: 2, co_opted: 3, ex_officio: 4, substitute: 5 } as const;

/** What a pack's front sheet shows about a meeting: the committee, its members on the day, the clerk. */
export function packInputFor(db: Db, meetingId: number, snapshot: AgendaSnapshot, version: number): PackInput {
  const row = getMeetingWithCommittee(db, meetingId);
  if (!row) throw new Error(`No meeting ${meetingId}`);
  const { meeting, committee } = row;
  const day = londonDate(meeting.startsAt);
  const members = db
    .select({ name: people.name, role: memberships.role, representing: memberships.representing })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        eq(memberships.committeeId, committee.id),
        or(isNull(memberships.fromDate), lte(memberships.fromDate, day)),
        or(isNull(memberships.toDate), gte(memberships.toDate, day)),
      ),
    )
    .all()
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || surname(a.name).localeCompare(surname(b.name)));
  const clerk =
    committee.clerkPersonId === null
      ? null
      : (db.select({ name: people.name, fullName: people.fullName }).from(people).where(eq(people.id, committee.clerkPersonId)).get() ?? null);
  return {
    committeeName: committee.name,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    venue: meeting.venue,
    members: members.map((m) => ({
      name: m.name,
      note:
        m.role === 'chairman' || m.role === 'vice_chairman'
          ? MEMBERSHIP_ROLE_LABELS[m.role]
          : m.representing ?? (m.role === 'member' ? null : MEMBERSHIP_ROLE_LABELS[m.role]),
    })),
    contact: { name: clerk?.fullName ?? clerk?.name ?? null, email: committee.contactEmail, phone: committee.contactPhone },
    items: snapshot.items,
    version,
  };
}

/** "Mr A Turner" → "Turner": members are listed by surname, as on a front sheet. */
function surname(name: string): string {
  return name.trim().split(/\s+/).pop() ?? name;
}
