import type { PublicMeeting } from '../../src/features/meetings/public';
import { formatDate, formatDateTime, formatTime, isoLondon } from '../../src/lib/dates';
import { MEETING_STATUS_LABELS } from '../../src/lib/labels';
import { SummaryList, type SummaryListRow } from '../components/SummaryList';
import { NotificationBanner } from '../components/NotificationBanner';
import { AgendaSection } from './AgendaSection';
import { MinutesSection } from './MinutesSection';
import { Button } from '../components/Button';
import { QuestionList } from '../questions/PublicQuestions';

/** "Health & Adult Social Care Select Committee, Thursday 7 January 2021". */
export function meetingTitle(meeting: PublicMeeting): string {
  return `${meeting.committee.name}, ${formatDate(meeting.startsAt)}`;
}

function ExternalLink({ href, text }: { href: string; text: string }): JSX.Element {
  return (
    <a class="govuk-link" href={href} rel="noreferrer noopener" safe>
      {text}
    </a>
  );
}

export function MeetingPage({ meeting, now }: { meeting: PublicMeeting; now: Date }): JSX.Element {
  const when = meeting.endsAt
    ? `${formatDateTime(meeting.startsAt)} to ${formatTime(meeting.endsAt)}`
    : formatDateTime(meeting.startsAt);
  const rows: SummaryListRow[] = [
    {
      key: 'Date and time',
      html: (
        <time datetime={isoLondon(meeting.startsAt)} safe>
          {when}
        </time>
      ),
    },
    { key: 'Venue', text: meeting.venue ?? (meeting.startsAt < now ? 'Not recorded' : 'Not yet announced') },
  ];
  if (meeting.onlineUrl) {
    rows.push({ key: 'Join online', html: <ExternalLink href={meeting.onlineUrl} text="Join the meeting online" /> });
  }
  if (meeting.webcastUrl) {
    rows.push({ key: 'Webcast', html: <ExternalLink href={meeting.webcastUrl} text="Watch the webcast" /> });
  }
  rows.push({ key: 'Status', text: MEETING_STATUS_LABELS[meeting.status] });
  const window = meeting.questionWindow;
  const asking = window.state === 'open';
  if (window.state === 'open' || window.state === 'closed' || window.state === 'not_yet_open') {
    rows.push({
      key: 'Public questions',
      text:
        window.state === 'open'
          ? `Questions for this meeting close ${formatDateTime(window.closesAt)}`
          : window.state === 'not_yet_open'
            ? `Questions for this meeting open ${formatDateTime(window.opensAt ?? now)} and close ${formatDateTime(window.closesAt)}`
            : `Questions for this meeting closed ${formatDateTime(window.closesAt)}`,
    });
  }
  const allExempt =
    meeting.agenda !== null && meeting.agenda.items.length > 0 && meeting.agenda.items.every((i) => i.exempt);

  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">
          <a class="govuk-link govuk-link--no-visited-state" href={`/committees/${meeting.committee.slug}`} safe>
            {meeting.committee.name}
          </a>
        </span>
        <h1 class="govuk-heading-xl" safe>
          {formatDate(meeting.startsAt)}
        </h1>
        {meeting.status === 'cancelled' || meeting.status === 'postponed' ? (
          <NotificationBanner
            heading={`This meeting has been ${meeting.status}.`}
            text={meeting.statusReason ?? undefined}
          />
        ) : (
          ''
        )}
        <SummaryList rows={rows} />
        {asking ? (
          <Button
            text={meeting.speakingRequests ? 'Ask a question, or ask to speak' : 'Ask a question'}
            href={`/meetings/${meeting.id}/questions/new`}
          />
        ) : (
          ''
        )}
        <p class="govuk-body">
          <a class="govuk-link" href={`/meetings/${meeting.id}.ics`}>
            Add this meeting to your calendar
          </a>
        </p>
        {meeting.status !== 'cancelled' && meeting.status !== 'postponed' && !allExempt ? (
          <div class="govuk-inset-text">
            <h2 class="govuk-heading-s govuk-!-margin-bottom-2">Filming and reporting</h2>
            <p class="govuk-body">
              This meeting is open to the public. Anyone may film, photograph, record or report on the open parts of it,
              including on social media (The Openness of Local Government Bodies Regulations 2014). Please let the clerk
              know beforehand, and do not disrupt the meeting.
            </p>
          </div>
        ) : (
          ''
        )}
        {meeting.inquiries.map((inquiry) => (
          <p class="govuk-body">
            <span>An evidence session of the inquiry </span>
            <a class="govuk-link" href={`/committees/${meeting.committee.slug}/inquiries/${inquiry.slug}`} safe>
              {inquiry.title}
            </a>
          </p>
        ))}
        {meeting.unplacedQuestions.length > 0 ? (
          <section id="public-questions" aria-labelledby="public-questions-heading">
            <h2 class="govuk-heading-l" id="public-questions-heading">
              Public questions
            </h2>
            <p class="govuk-body">
              {meeting.agenda
                ? 'Questions accepted for this meeting.'
                : 'Questions accepted for this meeting so far. They are taken under the public questions item once the agenda is published.'}
            </p>
            <QuestionList questions={meeting.unplacedQuestions} level={3} />
          </section>
        ) : (
          ''
        )}
        {meeting.agenda ? (
          <AgendaSection agenda={meeting.agenda} meetingId={meeting.id} trail={meeting.recommendationTrail} />
        ) : (
          <section id="agenda" aria-labelledby="agenda-heading">
            <h2 class="govuk-heading-l" id="agenda-heading">
              Agenda
            </h2>
            <p class="govuk-body">
              {meeting.minutes
                ? 'The agenda of this meeting is not available here.'
                : 'The agenda has not been published yet. It is published at least five clear working days before the meeting.'}
            </p>
          </section>
        )}
        {meeting.minutes ? (
          <MinutesSection
            minutes={meeting.minutes}
            meetingId={meeting.id}
            statuses={{ now, of: meeting.actionStatuses }}
          />
        ) : meeting.minutesUrl ? (
          <section id="minutes" aria-labelledby="minutes-heading">
            <h2 class="govuk-heading-l" id="minutes-heading">
              Minutes
            </h2>
            <p class="govuk-body">
              The minutes of this meeting are published on another site:{' '}
              <ExternalLink href={meeting.minutesUrl} text="read the minutes" />.
            </p>
          </section>
        ) : (
          ''
        )}
      </div>
    </div>
  );
}
