import { MEETING_FIELDS } from '../../src/lib/fields';
import type { DateParts } from '../../src/lib/forms';
import type { FieldErrors } from '../../src/lib/validation';
import type { HistoryEntry } from '../../src/features/audit/queries';
import type { MeetingDeadlineReport, DeadlineStatus } from '../../src/lib/deadlines';
import { formatCalendarDay, formatDate, formatDateTime, formatTime } from '../../src/lib/dates';
import { MEETING_STATUS_LABELS } from '../../src/lib/labels';
import { errorList } from '../../src/lib/validation';
import { Input, Textarea } from '../components/Field';
import { DateInput } from '../components/DateInput';
import { FormPage } from '../components/FormPage';
import { SummaryList } from '../components/SummaryList';
import { Table } from '../components/Table';
import { Tag } from '../components/Tag';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { History } from '../components/History';

export interface MeetingFormValues {
  date: DateParts;
  startTime: string;
  endTime: string;
  venue: string;
  onlineUrl: string;
  webcastUrl: string;
  minutesUrl: string;
}

export interface MeetingFormProps {
  committee: { slug: string; name: string };
  meetingId: number | null;
  values: MeetingFormValues;
  errors: FieldErrors;
  csrfToken: string;
}

/** Schedule a meeting, or change its date, times, venue and links. */
export function MeetingForm({ committee, meetingId, values, errors, csrfToken }: MeetingFormProps): JSX.Element {
  return (
    <FormPage
      title={meetingId === null ? 'Schedule a meeting' : 'Change meeting details'}
      caption={committee.name}
      action={meetingId === null ? `/manage/committees/${committee.slug}/meetings` : `/manage/meetings/${meetingId}`}
      csrfToken={csrfToken}
      errors={errors}
      fieldOrder={['date', ...MEETING_FIELDS]}
      submitText={meetingId === null ? 'Schedule meeting' : 'Save changes'}
      cancelHref={meetingId === null ? `/manage/committees/${committee.slug}` : `/manage/meetings/${meetingId}`}
    >
      <DateInput id="date" legend="Date" hint="For example, 4 3 2021" value={values.date} errorMessage={errors.date} />
      <Input
        id="startTime"
        label="Start time"
        hint="London time, like 10am or 14:30"
        value={values.startTime}
        errorMessage={errors.startTime}
        classes="govuk-input--width-5"
      />
      <Input
        id="endTime"
        label="Expected end (optional)"
        hint="Like 1pm or 13:00"
        value={values.endTime}
        errorMessage={errors.endTime}
        classes="govuk-input--width-5"
      />
      <Input
        id="venue"
        label="Venue (optional)"
        hint="A room and building, or ‘via MS Teams’"
        value={values.venue}
        errorMessage={errors.venue}
      />
      <Input
        id="onlineUrl"
        label="Link to join online (optional)"
        type="url"
        value={values.onlineUrl}
        errorMessage={errors.onlineUrl}
        spellcheck={false}
      />
      <Input
        id="webcastUrl"
        label="Link to the webcast (optional)"
        type="url"
        value={values.webcastUrl}
        errorMessage={errors.webcastUrl}
        spellcheck={false}
      />
      <Input
        id="minutesUrl"
        label="Minutes published elsewhere (optional)"
        hint="Only for a meeting whose minutes are kept on another site, such as the council’s previous system: the web address of those minutes."
        type="url"
        value={values.minutesUrl}
        errorMessage={errors.minutesUrl}
        spellcheck={false}
      />
    </FormPage>
  );
}

const STATE_TAGS = {
  done: { text: 'Done', colour: 'green' },
  missed: { text: 'Missed', colour: 'red' },
  due_soon: { text: 'Due soon', colour: 'orange' },
  upcoming: { text: 'To do', colour: 'grey' },
} as const;

function remaining(d: DeadlineStatus): string {
  if (d.state === 'done') return '';
  if (d.daysRemaining === 0) return 'Today';
  if (d.daysRemaining < 0) return `${-d.daysRemaining} day${d.daysRemaining === -1 ? '' : 's'} ago`;
  return `${d.daysRemaining} day${d.daysRemaining === 1 ? '' : 's'} left`;
}

export interface ManageMeetingData {
  id: number;
  startsAt: Date;
  endsAt: Date | null;
  venue: string | null;
  onlineUrl: string | null;
  webcastUrl: string | null;
  minutesUrl: string | null;
  status: keyof typeof MEETING_STATUS_LABELS;
  statusReason: string | null;
  agendaStatus: string;
  minutesStatus: string;
  committee: { slug: string; name: string };
}

export interface ManageMeetingPageProps {
  meeting: ManageMeetingData;
  report: MeetingDeadlineReport;
  canManage: boolean;
  canMarkHeld: boolean;
  csrfToken: string;
  history: HistoryEntry[];
  errors?: FieldErrors;
}

/** A meeting as its clerk runs it: details, every deadline with the days left, and what can be done next. */
export function ManageMeetingPage({
  meeting,
  report,
  canManage,
  canMarkHeld,
  csrfToken,
  history,
  errors = {},
}: ManageMeetingPageProps): JSX.Element {
  const deadlineRows = [
    report.agenda
      ? [
          { text: 'Publish the agenda and reports' },
          { text: `By ${formatCalendarDay(report.agenda.dueDate)}` },
          { html: <Tag text={STATE_TAGS[report.agenda.state].text} colour={STATE_TAGS[report.agenda.state].colour} /> },
          { text: remaining(report.agenda) },
        ]
      : null,
    report.agenda
      ? [
          { text: 'Public questions close' },
          { text: formatDateTime(report.deadlines.questionsCloseAt) },
          {
            html: (
              <Tag text={report.questionsOpen ? 'Open' : 'Closed'} colour={report.questionsOpen ? 'blue' : 'grey'} />
            ),
          },
          { text: '' },
        ]
      : null,
    report.minutes
      ? [
          { text: 'Publish the draft minutes' },
          { text: `By ${formatCalendarDay(report.minutes.dueDate)}` },
          {
            html: <Tag text={STATE_TAGS[report.minutes.state].text} colour={STATE_TAGS[report.minutes.state].colour} />,
          },
          { text: remaining(report.minutes) },
        ]
      : null,
  ].filter((r) => r !== null);

  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <ErrorSummary errors={errorList(errors)} />
        <span class="govuk-caption-l">
          <a class="govuk-link govuk-link--no-visited-state" href={`/manage/committees/${meeting.committee.slug}`} safe>
            {meeting.committee.name}
          </a>
        </span>
        <h1 class="govuk-heading-xl" safe>
          {formatDate(meeting.startsAt)}
        </h1>
        {meeting.status === 'cancelled' || meeting.status === 'postponed' ? (
          <div class="govuk-inset-text">
            <p class="govuk-body govuk-!-font-weight-bold" safe>{`This meeting has been ${meeting.status}.`}</p>
            <p class="govuk-body" safe>
              {meeting.statusReason ?? ''}
            </p>
          </div>
        ) : (
          ''
        )}
        <SummaryList
          rows={[
            {
              key: 'Time',
              text: meeting.endsAt
                ? `${formatTime(meeting.startsAt)} to ${formatTime(meeting.endsAt)}`
                : formatTime(meeting.startsAt),
            },
            { key: 'Venue', text: meeting.venue ?? 'Not set' },
            { key: 'Online', text: meeting.onlineUrl ?? 'No link' },
            { key: 'Webcast', text: meeting.webcastUrl ?? 'No link' },
            { key: 'Status', text: MEETING_STATUS_LABELS[meeting.status] },
            { key: 'Agenda', text: meeting.agendaStatus === 'published' ? 'Published' : 'Draft' },
            {
              key: 'Minutes',
              text:
                meeting.minutesStatus === 'none' && meeting.minutesUrl
                  ? `Published elsewhere: ${meeting.minutesUrl}`
                  : ({ none: 'Not started', draft: 'Draft', published: 'Published as a draft', approved: 'Approved' }[
                      meeting.minutesStatus
                    ] ?? meeting.minutesStatus),
            },
          ]}
        />
        <ul class="govuk-list">
          <li>
            <a class="govuk-link govuk-!-font-weight-bold" href={`/manage/meetings/${meeting.id}/agenda`}>
              {canManage ? 'Agenda: draft, papers and publishing' : 'Read the draft agenda and papers'}
            </a>
          </li>
          {meeting.status === 'scheduled' || meeting.status === 'held' ? (
            <li>
              <a class="govuk-link govuk-!-font-weight-bold" href={`/manage/meetings/${meeting.id}/minutes`}>
                {canManage ? 'Minutes: take them live, publish, approve' : 'Read the draft minutes'}
              </a>
            </li>
          ) : (
            ''
          )}
          <li>
            <a class="govuk-link govuk-!-font-weight-bold" href={`/manage/meetings/${meeting.id}/questions`}>
              {canManage ? 'Public questions: decide, order, answer' : 'Read the public questions'}
            </a>
          </li>
        </ul>
        <h2 class="govuk-heading-l">Deadlines</h2>
        {deadlineRows.length === 0 ? (
          <p class="govuk-body">This meeting is not going ahead, so it has no deadlines.</p>
        ) : (
          <Table
            caption="Deadlines"
            captionClasses="govuk-visually-hidden"
            head={[{ text: 'What' }, { text: 'When' }, { text: 'Status' }, { text: 'Days left' }]}
            rows={deadlineRows}
          />
        )}
        {canManage ? (
          <div class="govuk-button-group">
            <Button text="Change details" href={`/manage/meetings/${meeting.id}/edit`} variant="secondary" />
            {meeting.status === 'scheduled' ? (
              <>
                <Button text="Postpone" href={`/manage/meetings/${meeting.id}/postpone`} variant="secondary" />
                <Button text="Cancel meeting" href={`/manage/meetings/${meeting.id}/cancel`} variant="warning" />
              </>
            ) : (
              ''
            )}
          </div>
        ) : (
          ''
        )}
        {canManage && canMarkHeld ? (
          <form method="post" action={`/manage/meetings/${meeting.id}/held`}>
            <input type="hidden" name="_csrf" value={csrfToken} />
            <Button text="Mark as held" />
          </form>
        ) : (
          ''
        )}
        <p class="govuk-body">
          <a class="govuk-link" href={`/meetings/${meeting.id}`}>
            View the public page
          </a>
        </p>
        <History entries={history} />
      </div>
    </div>
  );
}

export interface MeetingStatusFormProps {
  meeting: { id: number; startsAt: Date; committee: { name: string } };
  change: 'cancel' | 'postpone';
  reason: string;
  errors: FieldErrors;
  csrfToken: string;
}

/** Cancel or postpone: the reason is required, and the public page shows it. */
export function MeetingStatusForm({ meeting, change, reason, errors, csrfToken }: MeetingStatusFormProps): JSX.Element {
  const verb = change === 'cancel' ? 'Cancel' : 'Postpone';
  return (
    <FormPage
      title={`${verb} the meeting of ${formatDate(meeting.startsAt)}`}
      caption={meeting.committee.name}
      action={`/manage/meetings/${meeting.id}/${change}`}
      csrfToken={csrfToken}
      errors={errors}
      fieldOrder={['reason', '_form']}
      submitText={`${verb} meeting`}
      cancelHref={`/manage/meetings/${meeting.id}`}
      intro={
        <p class="govuk-body">
          The meeting stays on the public pages and in calendars, marked{' '}
          {change === 'cancel' ? 'cancelled' : 'postponed'}, with this reason.
        </p>
      }
    >
      <Textarea id="reason" label="Reason" value={reason} errorMessage={errors.reason} rows={3} />
    </FormPage>
  );
}
