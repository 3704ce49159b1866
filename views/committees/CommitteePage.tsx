import type { AttendanceStat, CommitteePage as CommitteeData } from '../../src/features/committees/queries';
import { COMMITTEE_KIND_LABELS, MEMBERSHIP_ROLE_LABELS } from '../../src/lib/labels';
import { formatCalendarDate, formatDate, formatDateTime } from '../../src/lib/dates';
import { Table } from '../components/Table';
import { MeetingList } from '../meetings/MeetingList';

export interface CommitteePageProps {
  committee: CommitteeData;
  attendance: AttendanceStat[];
  /** The address of the committee's calendar feed, to subscribe to. */
  calendarUrl: string;
  /** Upcoming meetings taking public questions now. */
  openForQuestions: { id: number; startsAt: Date; closesAt: Date }[];
}

export function CommitteePage({
  committee,
  attendance,
  calendarUrl,
  openForQuestions,
}: CommitteePageProps): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l" safe>
          {COMMITTEE_KIND_LABELS[committee.kind]}
        </span>
        <h1 class="govuk-heading-xl" safe>
          {committee.name}
        </h1>
        {committee.status === 'dissolved' ? (
          <div class="govuk-inset-text">This committee has been dissolved. Its records remain available.</div>
        ) : (
          ''
        )}
        {committee.remit ? (
          <>
            <h2 class="govuk-heading-m">Remit</h2>
            <p class="govuk-body" safe>
              {committee.remit}
            </p>
          </>
        ) : (
          ''
        )}

        {openForQuestions.length > 0 ? (
          <section aria-labelledby="ask-heading">
            <h2 class="govuk-heading-l" id="ask-heading">
              Ask the committee a question
            </h2>
            <p class="govuk-body">These meetings are taking questions from the public now.</p>
            <ul class="govuk-list govuk-list--spaced">
              {openForQuestions.map((m) => (
                <li>
                  <a class="govuk-link" href={`/meetings/${m.id}/questions/new`} safe>
                    {`Ask a question for ${formatDate(m.startsAt)}`}
                  </a>
                  <br />
                  <span class="govuk-body-s" safe>{`Questions close ${formatDateTime(m.closesAt)}`}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : (
          ''
        )}
        <h2 class="govuk-heading-l">Upcoming meetings</h2>
        <MeetingList
          meetings={committee.upcoming}
          showCommittee={false}
          empty="No meetings are scheduled at the moment."
        />
        <details class="govuk-details">
          <summary class="govuk-details__summary">
            <span class="govuk-details__summary-text">Subscribe to this committee’s meetings in your calendar</span>
          </summary>
          <div class="govuk-details__text">
            <p class="govuk-body">
              Add this address to your calendar (in Outlook, Google Calendar or Apple Calendar, choose to subscribe to
              or add a calendar from a web address). New meetings, changes and cancellations then appear in your
              calendar by themselves.
            </p>
            <p class="govuk-body">
              <a class="govuk-link" href={calendarUrl} safe>
                {calendarUrl}
              </a>
            </p>
          </div>
        </details>

        <h2 class="govuk-heading-l">Follow-up</h2>
        <p class="govuk-body">
          <a class="govuk-link" href={`/committees/${committee.slug}/actions`}>
            Actions from the committee’s meetings
          </a>
          , with who is doing each and where it stands;{' '}
          <a class="govuk-link" href={`/committees/${committee.slug}/recommendations`}>
            recommendations
          </a>{' '}
          to the Cabinet and the NHS, their responses and progress;{' '}
          <a class="govuk-link" href={`/committees/${committee.slug}/inquiries`}>
            inquiries
          </a>
          ; and{' '}
          <a class="govuk-link" href={`/committees/${committee.slug}/work-programme`}>
            the work programme
          </a>
          : the topics the committee plans to look at.
        </p>
        <p class="govuk-body">
          <a class="govuk-link" href={`/subscribe?committee=${committee.slug}`}>
            Get emails when this committee publishes something
          </a>
        </p>
        <details class="govuk-details">
          <summary class="govuk-details__summary">
            <span class="govuk-details__summary-text">Download this committee’s records</span>
          </summary>
          <div class="govuk-details__text">
            <p class="govuk-body">
              Every meeting, published action and sent recommendation, as a spreadsheet (CSV) or as data (JSON). Follow
              what it publishes in a feed reader with{' '}
              <a class="govuk-link" href={`/committees/${committee.slug}/feed.atom`}>
                its Atom feed
              </a>
              .
            </p>
            <ul class="govuk-list">
              {(['meetings', 'actions', 'recommendations'] as const).map((what) => (
                <li>
                  <span safe>{`${what[0]?.toUpperCase()}${what.slice(1)}`}</span>:{' '}
                  <a class="govuk-link" href={`/committees/${committee.slug}/${what}.csv`}>
                    CSV<span class="govuk-visually-hidden" safe>{` of the ${what}`}</span>
                  </a>
                  ,{' '}
                  <a class="govuk-link" href={`/committees/${committee.slug}/${what}.json`}>
                    JSON<span class="govuk-visually-hidden" safe>{` of the ${what}`}</span>
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </details>

        <h2 class="govuk-heading-l">Members</h2>
        {committee.members.length === 0 ? (
          <p class="govuk-body">No members are recorded.</p>
        ) : (
          <Table
            caption={`Members of the ${committee.name}`}
            captionClasses="govuk-visually-hidden"
            head={[{ text: 'Name' }, { text: 'Role' }, { text: 'Since' }]}
            firstCellIsHeader
            rows={committee.members.map((m) => [
              { text: m.name },
              {
                text:
                  MEMBERSHIP_ROLE_LABELS[m.role] +
                  (m.representing ? ` (${m.representing})` : '') +
                  (m.voting ? '' : ', non-voting'),
              },
              { text: m.fromDate ? formatCalendarDate(m.fromDate) : 'Not recorded' },
            ])}
          />
        )}

        {attendance.length > 0 ? (
          <>
            <h2 class="govuk-heading-l">Attendance</h2>
            <p class="govuk-body">
              Meetings each current member was expected at while a member, and how they attended. Cancelled and
              postponed meetings are not counted.
            </p>
            <Table
              caption="Attendance of current members"
              captionClasses="govuk-visually-hidden"
              head={[
                { text: 'Member' },
                { text: 'Expected', numeric: true },
                { text: 'Present', numeric: true },
                { text: 'Apologies', numeric: true },
                { text: 'Substituted', numeric: true },
              ]}
              firstCellIsHeader
              rows={attendance.map((a) => [
                { text: a.name },
                { text: String(a.expected), numeric: true },
                { text: String(a.present), numeric: true },
                { text: String(a.apologies), numeric: true },
                { text: String(a.substituted), numeric: true },
              ])}
            />
          </>
        ) : (
          ''
        )}

        <h2 class="govuk-heading-l">Past meetings</h2>
        <MeetingList meetings={committee.past} showCommittee={false} empty="This committee has not met yet." />

        {committee.clerk || committee.contactEmail || committee.contactPhone ? (
          <>
            <h2 class="govuk-heading-m">Contact</h2>
            <p class="govuk-body">
              {committee.clerk ? (
                <>
                  <span safe>{committee.clerk.name}</span>
                  {committee.clerk.jobTitle ? <span safe>{`, ${committee.clerk.jobTitle}`}</span> : ''}
                  <br />
                </>
              ) : (
                ''
              )}
              {committee.contactEmail ? (
                <>
                  <a class="govuk-link" href={`mailto:${committee.contactEmail}`} safe>
                    {committee.contactEmail}
                  </a>
                  <br />
                </>
              ) : (
                ''
              )}
              {committee.contactPhone ? <span safe>{`Telephone: ${committee.contactPhone}`}</span> : ''}
            </p>
          </>
        ) : (
          ''
        )}
      </div>
    </div>
  );
}
