import { isoLondon } from '../../lib/dates';
import { actionSlug } from '../../lib/action-rules';
import { agendaClassification, eventCore } from '../../lib/ocd';
import type { PublicAgendaItem } from '../agenda/queries';
import type { PublicMeeting } from './public';
import type { PublicMinutes } from '../minutes/queries';

/**
 * The open-data form of a public meeting (GET /api/v1/meetings/:id): times
 * as ISO 8601 with the London offset, the statutory deadlines, and the
 * published agenda and minutes with exempt content already removed. Beside
 * the fields it has always had, the Open Civic Data Event's: where a name was
 * already taken, the OCD value has its own (`ocd_id`, `event_status`) and each
 * agenda item gains the OCD agenda item's fields.
 */
export function meetingJson(meeting: PublicMeeting, baseUrl: string, installationId: string, now: Date) {
  const { ocd_id, status: event_status, ...core } = eventCore(meeting, baseUrl, installationId, now);
  const meetingUrl = `${baseUrl}/meetings/${meeting.id}`;
  return {
    id: meeting.id,
    url: `${baseUrl}/meetings/${meeting.id}`,
    calendarUrl: `${baseUrl}/meetings/${meeting.id}.ics`,
    committee: {
      slug: meeting.committee.slug,
      name: meeting.committee.name,
      url: `${baseUrl}/committees/${meeting.committee.slug}`,
    },
    startsAt: isoLondon(meeting.startsAt),
    endsAt: meeting.endsAt ? isoLondon(meeting.endsAt) : null,
    venue: meeting.venue,
    onlineUrl: meeting.onlineUrl,
    webcastUrl: meeting.webcastUrl,
    minutesUrl: meeting.minutes ? null : meeting.minutesUrl,
    status: meeting.status,
    statusReason: meeting.statusReason,
    agendaStatus: meeting.agendaStatus,
    minutesStatus: meeting.minutesStatus,
    agendaPublishBy: isoLondon(meeting.deadlines.agendaPublishByEnd),
    questionsCloseAt: isoLondon(meeting.deadlines.questionsCloseAt),
    questionsOpen: meeting.questionWindow.state === 'open',
    askUrl: meeting.questionWindow.state === 'open' ? `${baseUrl}/meetings/${meeting.id}/questions/new` : null,
    // Accepted questions: the asker's name and organisation, never their email address.
    publicQuestions: meeting.questions.map((q) => ({
      number: q.number,
      reference: q.reference,
      kind: q.kind,
      askerName: q.askerName,
      askerOrganisation: q.askerOrganisation,
      text: q.text,
      aboutItem: q.aboutItemTitle,
      answer:
        q.answerText || q.answerDocument
          ? {
              kind: q.answerKind,
              text: q.answerText,
              answeredBy: q.answeredBy,
              paperUrl: q.answerDocument ? `${baseUrl}/documents/${q.answerDocument.id}` : null,
              supplementaryQuestion: q.supplementaryQuestion,
              supplementaryAnswer: q.supplementaryAnswer,
            }
          : null,
    })),
    agenda: meeting.agenda
      ? {
          version: meeting.agenda.version,
          publishedAt: isoLondon(meeting.agenda.publishedAt),
          actionLog: meeting.agenda.actionLog.map((a) => ({
            reference: a.reference,
            description: a.description,
            owners: a.owners,
            dueDate: a.dueDate,
            statusWhenPublished: a.status,
            fromMeetingStartsAt: isoLondon(new Date(a.meetingStartsAt)),
            url: `${baseUrl}/actions/${actionSlug(a.reference)}`,
          })),
          items: meeting.agenda.items.map((item) =>
            item.exempt
              ? {
                  number: item.number,
                  title: item.title,
                  exempt: true,
                  exemptParagraph: item.exemptParagraph,
                  plannedStart: item.plannedStart,
                  ...ocdAgendaItem(item, baseUrl),
                }
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
                    url: `${baseUrl}/documents/${p.documentId}`,
                  })),
                  ...ocdAgendaItem(item, baseUrl),
                },
          ),
        }
      : null,
    minutes: meeting.minutes ? minutesJson(meeting.minutes, meetingUrl) : null,
    ocd_id,
    ...core,
    event_status,
    documents: [
      ...(meeting.agenda?.pack?.status === 'ready'
        ? [pdfDocument('Agenda pack', meeting.agenda.publishedAt, `${meetingUrl}/agenda-pack.pdf`)]
        : []),
      ...(meeting.minutes ? [pdfDocument('Minutes', meeting.minutes.publishedAt, `${meetingUrl}/minutes.pdf`)] : []),
    ],
    media: meeting.webcastUrl
      ? [{ note: 'Webcast', links: [{ media_type: 'text/html', url: meeting.webcastUrl }] }]
      : [],
  };
}

function pdfDocument(note: string, date: Date, url: string) {
  return {
    note,
    date: isoLondon(date),
    media_type: 'application/pdf',
    url,
    links: [{ media_type: 'application/pdf', url }],
  };
}

/** An agenda item's OCD fields: what it is, in order, with who presents it and its open papers. */
function ocdAgendaItem(item: PublicAgendaItem, baseUrl: string) {
  return {
    description: item.title,
    order: String(item.number),
    classification: item.exempt ? ['exempt'] : agendaClassification(item.kind),
    subjects: [],
    notes: item.exempt
      ? [`Exempt under paragraph ${item.exemptParagraph} of Schedule 12A`]
      : item.purpose
        ? [item.purpose]
        : [],
    related_entities: item.exempt
      ? []
      : item.presenters.map((p) => ({
          entity_type: 'person' as const,
          entity_id: null,
          entity_name: p.name,
          name: p.name,
          note: p.capacity ? `presenter: ${p.capacity}` : 'presenter',
        })),
    media: item.exempt
      ? []
      : item.papers.map((p) => ({
          note: p.title,
          links: [{ media_type: 'application/pdf', url: `${baseUrl}/documents/${p.documentId}` }],
        })),
  };
}

/** Published minutes, already stripped of exempt content and sensitive interests. */
function minutesJson(minutes: PublicMinutes, meetingUrl: string) {
  return {
    version: minutes.version,
    publishedAt: isoLondon(minutes.publishedAt),
    approved: minutes.approved,
    approvedAt: minutes.approvedAt ? isoLondon(minutes.approvedAt) : null,
    approvedAtMeeting: minutes.approvedAtMeeting
      ? { id: minutes.approvedAtMeeting.id, startsAt: isoLondon(minutes.approvedAtMeeting.startsAt) }
      : null,
    pdfUrl: `${meetingUrl}/minutes.pdf`,
    startedAt: minutes.startedAt ? isoLondon(minutes.startedAt) : null,
    endedAt: minutes.endedAt ? isoLondon(minutes.endedAt) : null,
    present: minutes.present,
    inAttendance: minutes.inAttendance,
    apologies: minutes.apologies.map((a) => a.name),
    absent: minutes.absent.map((a) => a.name),
    declarations: minutes.declarations,
    items: minutes.items.map((item) =>
      item.exemptParagraph !== null
        ? { number: item.number, title: item.title, exempt: true, exemptParagraph: item.exemptParagraph }
        : {
            number: item.number,
            title: item.title,
            exempt: false,
            minuteText: item.minuteText,
            resolutions: item.resolutions,
            actions: item.actions,
            publicQuestions: item.questions,
          },
    ),
    amendments: minutes.amendments.map((a) => ({ ...a, recordedAt: isoLondon(a.recordedAt) })),
  };
}
