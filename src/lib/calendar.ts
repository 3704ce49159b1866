import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { LONDON } from './dates';
import type { MeetingStatus } from './enums';

export interface CalendarMeeting {
  id: number;
  startsAt: Date;
  endsAt: Date | null;
  venue: string | null;
  status: MeetingStatus;
  statusReason: string | null;
  calendarSequence: number;
  updatedAt: Date;
  committeeName: string;
}

export interface CalendarOptions {
  /** "https://democracy.example.gov.uk": links in events point here. */
  baseUrl: string;
  /** Makes UIDs unique to this installation, and stable for ever. */
  installationId: string;
  name: string;
}

/**
 * An iCalendar of meetings: London times with the time zone defined, one
 * event per meeting with a UID that never changes, SEQUENCE raised on every
 * change, STATUS:CANCELLED when it will not go ahead. Nothing but the
 * meeting's public details: no agenda content, so nothing exempt.
 */
export function meetingsCalendar(list: CalendarMeeting[], options: CalendarOptions): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Scrutineer', product: 'meetings', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: LONDON, generator: getVtimezoneComponent },
    ttl: 60 * 60,
  });
  for (const m of list) {
    const url = `${options.baseUrl}/meetings/${m.id}`;
    const off = m.status === 'cancelled' || m.status === 'postponed';
    const description = [
      off ? `This meeting has been ${m.status}.${m.statusReason ? ` ${m.statusReason}` : ''}` : '',
      `Agenda, papers and minutes: ${url}`,
    ]
      .filter(Boolean)
      .join('\n\n');
    calendar.createEvent({
      id: `meeting-${m.id}-${options.installationId}@scrutineer`,
      sequence: m.calendarSequence,
      // Luxon times in London: ical-generator would format a plain Date in the server's zone.
      start: london(m.startsAt),
      end: m.endsAt ? london(m.endsAt) : null,
      timezone: LONDON,
      stamp: london(m.updatedAt),
      lastModified: london(m.updatedAt),
      summary: `${off ? `${m.status.toUpperCase()}: ` : ''}${m.committeeName}`,
      description,
      location: m.venue ?? undefined,
      url,
      status: off ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return utcStamps(calendar.toString());
}

const london = (d: Date) => DateTime.fromJSDate(d, { zone: LONDON });

/**
 * RFC 5545 wants DTSTAMP, CREATED and LAST-MODIFIED in UTC ("…Z");
 * ical-generator writes them in the calendar's time zone without a zone.
 */
function utcStamps(ics: string): string {
  return ics.replace(/^(DTSTAMP|CREATED|LAST-MODIFIED):(\d{8}T\d{6})\r?$/gm, (line, name: string, local: string) => {
    const utc = DateTime.fromFormat(local, "yyyyLLdd'T'HHmmss", { zone: LONDON }).toUTC();
    return utc.isValid ? `${name}:${utc.toFormat("yyyyLLdd'T'HHmmss")}Z\r` : line;
  });
}
