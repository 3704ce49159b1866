import { isoLondon } from './dates';

/** A meeting as Schema.org describes an event, for search engines and calendars that read JSON-LD. */
export interface EventFacts {
  url: string;
  name: string;
  startsAt: Date;
  endsAt: Date | null;
  status: 'scheduled' | 'held' | 'cancelled' | 'postponed';
  venue: string | null;
  onlineUrl: string | null;
  organiser: { name: string; url: string };
}

const EVENT_STATUS = {
  scheduled: 'https://schema.org/EventScheduled',
  held: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed',
} as const;

/** The schema.org Event of a meeting, as a JSON-LD object. */
export function meetingEvent(e: EventFacts): Record<string, unknown> {
  const place = e.venue ? { '@type': 'Place', name: e.venue, address: e.venue } : null;
  const online = e.onlineUrl ? { '@type': 'VirtualLocation', url: e.onlineUrl } : null;
  const location = [place, online].filter((l) => l !== null);
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.name,
    url: e.url,
    startDate: isoLondon(e.startsAt),
    ...(e.endsAt ? { endDate: isoLondon(e.endsAt) } : {}),
    eventStatus: EVENT_STATUS[e.status],
    eventAttendanceMode:
      place && online
        ? 'https://schema.org/MixedEventAttendanceMode'
        : online
          ? 'https://schema.org/OnlineEventAttendanceMode'
          : 'https://schema.org/OfflineEventAttendanceMode',
    ...(location.length ? { location: location.length === 1 ? location[0] : location } : {}),
    organizer: { '@type': 'Organization', name: e.organiser.name, url: e.organiser.url },
    isAccessibleForFree: true,
  };
}

/** JSON for a <script type="application/ld+json"> block: nothing in it can end the element or open markup. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}
