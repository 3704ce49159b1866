import { createHash } from 'node:crypto';
import { formatDate, isoLondon } from './dates';
import type { AgendaItemKind, MeetingStatus, MembershipRole } from './enums';

/**
 * The Open Civic Data shapes the open-data API answers in
 * (https://open-civic-data.readthedocs.io/: Event, Organization, Person,
 * Membership), so civic-tech tools that read them (Councilmatic, pupa's
 * consumers) can read a committee's record as they read any other.
 */

export type OcdKind = 'event' | 'organization' | 'person';

/**
 * A record's stable OCD id, e.g. "ocd-event/4f1c…": a name-based UUID (RFC 9562
 * version 5) of this installation and the record's own id, so it never
 * changes and two installations' ids never meet.
 */
export function ocdId(kind: OcdKind, installationId: string, id: number | string): string {
  const bytes = createHash('sha1').update(`scrutineer:${installationId}:${kind}:${id}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `ocd-${kind}/${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** OCD event statuses: tentative, confirmed, cancelled, passed. A postponed meeting has no date yet that holds. */
export function ocdEventStatus(status: MeetingStatus, startsAt: Date, now: Date): string {
  if (status === 'cancelled') return 'cancelled';
  if (status === 'postponed') return 'tentative';
  if (status === 'held' || startsAt < now) return 'passed';
  return 'confirmed';
}

export const MEMBERSHIP_LABELS: Record<MembershipRole, string> = {
  chairman: 'Chairman',
  vice_chairman: 'Vice-Chairman',
  member: 'Member',
  co_opted: 'Co-opted member',
  ex_officio: 'Ex officio member',
  substitute: 'Substitute',
};

export interface EventCoreFacts {
  id: number;
  startsAt: Date;
  endsAt: Date | null;
  status: MeetingStatus;
  venue: string | null;
  committee: { id: number; slug: string; name: string };
}

/** The OCD Event fields every meeting has, listed or whole; ids and links made from `base`. */
export function eventCore(m: EventCoreFacts, base: string, installationId: string, now: Date) {
  const url = `${base}/meetings/${m.id}`;
  return {
    ocd_id: ocdId('event', installationId, m.id),
    _type: 'event' as const,
    name: `${m.committee.name}, ${formatDate(m.startsAt)}`,
    classification: 'committee-meeting',
    start_date: isoLondon(m.startsAt),
    end_date: m.endsAt ? isoLondon(m.endsAt) : null,
    all_day: false,
    timezone: 'Europe/London',
    status: ocdEventStatus(m.status, m.startsAt, now),
    location: m.venue ? { name: m.venue, url: null, coordinates: null } : null,
    participants: [
      {
        entity_type: 'organization' as const,
        entity_id: ocdId('organization', installationId, m.committee.id),
        entity_name: m.committee.name,
        name: m.committee.name,
        note: 'host',
      },
    ],
    links: [
      { note: 'Meeting page', url },
      { note: 'Calendar (iCalendar)', url: `${url}.ics` },
    ],
    sources: [{ note: 'Scrutineer', url: `${base}/api/v1/meetings/${m.id}` }],
  };
}

/** OCD agenda item classifications are free words: the kind of business, as the agenda names it. */
export function agendaClassification(kind: AgendaItemKind): string[] {
  return [kind.replaceAll('_', '-')];
}
