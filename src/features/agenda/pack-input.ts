import type { Db } from '../../db/client';
import { londonDate } from '../../lib/dates';
import { MEMBERSHIP_ROLE_LABELS } from '../../lib/labels';
import { clerkOf, membersOn } from '../committees/queries';
import { getMeetingWithCommittee } from '../meetings/queries';
import type { PackInput } from './pack';
import type { AgendaSnapshot } from '../../db/schema';

/** What a pack's front sheet shows about a meeting: the committee, its members on the day, the clerk. */
export function packInputFor(db: Db, meetingId: number, snapshot: AgendaSnapshot, version: number): PackInput {
  const row = getMeetingWithCommittee(db, meetingId);
  if (!row) throw new Error(`No meeting ${meetingId}`);
  const { meeting, committee } = row;
  const day = londonDate(meeting.startsAt);
  const members = membersOn(db, committee.id, day);
  const clerk = clerkOf(db, committee.clerkPersonId);
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
          : (m.representing ?? (m.role === 'member' ? null : MEMBERSHIP_ROLE_LABELS[m.role])),
    })),
    contact: {
      name: clerk?.fullName ?? clerk?.name ?? null,
      email: committee.contactEmail,
      phone: committee.contactPhone,
    },
    items: snapshot.items,
    version,
  };
}
