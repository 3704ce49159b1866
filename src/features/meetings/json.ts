import { isoLondon } from '../../lib/dates';
import type { PublicMeeting } from './queries';

/**
 * The open-data form of a public meeting (GET /api/v1/meetings/:id): times
 * as ISO 8601 with the London offset, the statutory deadlines, and the
 * published agenda and minutes with exempt content already removed.
 */
export function meetingJson(meeting: PublicMeeting, baseUrl: string) {
  return {
    id: meeting.id,
    url: `${baseUrl}/meetings/${meeting.id}`,
    calendarUrl: `${baseUrl}/meetings/${meeting.id}.ics`,
    committee: { slug: meeting.committee.slug, name: meeting.committee.name, url: `${baseUrl}/committees/${meeting.committee.slug}` },
    startsAt: isoLondon(meeting.startsAt),
    endsAt: meeting.endsAt ? isoLondon(meeting.endsAt) : null,
    venue: meeting.venue,
    onlineUrl: meeting.onlineUrl,
    webcastUrl: meeting.webcastUrl,
    status: meeting.status,
    statusReason: meeting.statusReason,
    agendaStatus: meeting.agendaStatus,
    minutesStatus: meeting.minutesStatus,
    agendaPublishBy: isoLondon(meeting.deadlines.agendaPublishByEnd),
    questionsCloseAt: isoLondon(meeting.deadlines.questionsCloseAt),
    agenda: meeting.agenda
      ? {
          version: meeting.agenda.version,
          publishedAt: isoLondon(meeting.agenda.publishedAt),
          items: meeting.agenda.items.map((item) =>
            item.exempt
              ? { number: item.number, title: item.title, exempt: true, exemptParagraph: item.exemptParagraph, plannedStart: item.plannedStart }
              : {
                  number: item.number,
                  title: item.title,
                  exempt: false,
                  kind: item.kind,
                  purpose: item.purpose,
                  plannedStart: item.plannedStart,
                  presenters: item.presenters.map((p) => ({ name: p.name, capacity: p.capacity })),
                  papers: item.papers.map((p) => ({
                    title: p.title,
                    kind: p.kind,
                    pageCount: p.pageCount,
                    packStartPage: p.packStartPage,
                    packEndPage: p.packEndPage,
                  })),
                },
          ),
        }
      : null,
    minutes: meeting.minutes
      ? { version: meeting.minutes.version, publishedAt: isoLondon(meeting.minutes.publishedAt), approved: meeting.minutes.approved }
      : null,
  };
}
