import type { WorkProgrammeEntry } from '../../src/features/work-programme/queries';
import { formatDate, formatShortDate } from '../../src/lib/dates';
import { WORK_PROGRAMME_STATUSES, type WorkProgrammeStatus } from '../../src/lib/enums';
import { WORK_PROGRAMME_FIELDS } from '../../src/lib/fields';
import { WORK_PROGRAMME_STATUS_LABELS } from '../../src/lib/labels';
import type { FieldErrors } from '../../src/lib/validation';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { Input, Select, Textarea } from '../components/Field';
import { FormPage } from '../components/FormPage';
import { Radios } from '../components/Radios';
import { Tag, type TagColour } from '../components/Tag';
import { recommendationSlug } from '../../src/lib/recommendation-rules';

const COLOURS: Record<WorkProgrammeStatus, TagColour> = {
  proposed: 'blue',
  scheduled: 'turquoise',
  done: 'green',
  dropped: 'grey',
};

/** The programme by meeting: each planned meeting's topics, then those to be scheduled. */
function groups(entries: WorkProgrammeEntry[]) {
  const byMeeting = new Map<
    number,
    { meeting: NonNullable<WorkProgrammeEntry['meeting']>; entries: WorkProgrammeEntry[] }
  >();
  for (const e of entries) {
    if (!e.meeting) continue;
    const g = byMeeting.get(e.meeting.id) ?? { meeting: e.meeting, entries: [] };
    g.entries.push(e);
    byMeeting.set(e.meeting.id, g);
  }
  return {
    meetings: [...byMeeting.values()].sort((a, b) => a.meeting.startsAt.getTime() - b.meeting.startsAt.getTime()),
    unscheduled: entries.filter((e) => !e.meeting),
  };
}

function Entry({
  entry,
  manage,
}: {
  entry: WorkProgrammeEntry;
  manage?: { base: string; csrfToken: string; first: boolean; last: boolean };
}): JSX.Element {
  return (
    <li class="app-wp-entry" id={`topic-${entry.id}`}>
      <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
        <span safe>{entry.topic}</span>{' '}
        <Tag text={WORK_PROGRAMME_STATUS_LABELS[entry.status]} colour={COLOURS[entry.status]} />
      </h3>
      {entry.purpose ? (
        <p class="govuk-body app-pre-line" safe>
          {entry.purpose}
        </p>
      ) : (
        ''
      )}
      {entry.reviews ? (
        <p class="govuk-body-s">
          <span>Reviews recommendation </span>
          <a class="govuk-link" href={`/recommendations/${recommendationSlug(entry.reviews)}`} safe>
            {entry.reviews}
          </a>
        </p>
      ) : (
        ''
      )}
      {entry.leadPresenters ? <p class="govuk-body-s" safe>{`Lead presenters: ${entry.leadPresenters}`}</p> : ''}
      {entry.contributors ? <p class="govuk-body-s" safe>{`Contributors: ${entry.contributors}`}</p> : ''}
      {entry.meeting && entry.agendaItemId !== null ? (
        <p class="govuk-body-s">
          <a class="govuk-link" href={`/meetings/${entry.meeting.id}#agenda`}>
            On the agenda of this meeting
          </a>
        </p>
      ) : (
        ''
      )}
      {manage ? (
        <div class="govuk-button-group">
          <a class="govuk-link" href={`${manage.base}/${entry.id}/edit`}>
            Change<span class="govuk-visually-hidden" safe>{`: ${entry.topic}`}</span>
          </a>
          {(['up', 'down'] as const).map((direction) =>
            (direction === 'up' && manage.first) || (direction === 'down' && manage.last) ? (
              ''
            ) : (
              <form method="post" action={`${manage.base}/${entry.id}/move`} class="app-inline-form">
                <input type="hidden" name="_csrf" value={manage.csrfToken} />
                <input type="hidden" name="direction" value={direction} />
                <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                  {direction === 'up' ? 'Move up' : 'Move down'}
                  <span class="govuk-visually-hidden" safe>{`: ${entry.topic}`}</span>
                </button>
              </form>
            ),
          )}
          {entry.meeting && entry.agendaItemId === null && entry.status !== 'dropped' ? (
            <a class="govuk-link" href={`/manage/meetings/${entry.meeting.id}/agenda`}>
              Add it to that meeting’s agenda<span class="govuk-visually-hidden" safe>{`: ${entry.topic}`}</span>
            </a>
          ) : (
            ''
          )}
        </div>
      ) : (
        ''
      )}
    </li>
  );
}

function Programme({
  entries,
  manage,
}: {
  entries: WorkProgrammeEntry[];
  manage?: { base: string; csrfToken: string };
}): JSX.Element {
  const { meetings, unscheduled } = groups(entries);
  const order = entries.map((e) => e.id);
  const props = (e: WorkProgrammeEntry) =>
    manage ? { ...manage, first: order[0] === e.id, last: order[order.length - 1] === e.id } : undefined;
  if (entries.length === 0) return <p class="govuk-body">No topics are in the work programme yet.</p>;
  return (
    <>
      {meetings.map((g) => (
        <section aria-labelledby={`wp-meeting-${g.meeting.id}`}>
          <h2 class="govuk-heading-m" id={`wp-meeting-${g.meeting.id}`}>
            <a class="govuk-link" href={`/meetings/${g.meeting.id}`} safe>
              {formatDate(g.meeting.startsAt)}
            </a>
          </h2>
          <ul class="govuk-list">
            {g.entries.map((e) => (
              <Entry entry={e} manage={props(e)} />
            ))}
          </ul>
        </section>
      ))}
      {unscheduled.length > 0 ? (
        <section aria-labelledby="wp-unscheduled">
          <h2 class="govuk-heading-m" id="wp-unscheduled">
            To be scheduled
          </h2>
          <ul class="govuk-list">
            {unscheduled.map((e) => (
              <Entry entry={e} manage={props(e)} />
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
    </>
  );
}

export function PublicWorkProgrammePage({
  committee,
  entries,
}: {
  committee: { name: string; slug: string };
  entries: WorkProgrammeEntry[];
}): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l" safe>
          {committee.name}
        </span>
        <h1 class="govuk-heading-l">Work programme</h1>
        <p class="govuk-body">
          The topics the committee plans to look at, at which meeting, and those still to be scheduled. It changes as
          the committee agrees: the agenda of each meeting is the final word.
        </p>
        <Programme entries={entries.filter((e) => e.status !== 'dropped')} />
      </div>
    </div>
  );
}

export function ManageWorkProgrammePage({
  committee,
  entries,
  csrfToken,
  canManage,
  error,
}: {
  committee: { name: string; slug: string };
  entries: WorkProgrammeEntry[];
  csrfToken: string;
  canManage: boolean;
  /** A refused change (a move that was not up or down). */
  error?: string;
}): JSX.Element {
  const base = `/manage/committees/${committee.slug}/work-programme`;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={error ? [{ text: error, href: '#main-content' }] : []} />
        <span class="govuk-caption-l" safe>
          {committee.name}
        </span>
        <h1 class="govuk-heading-l">Work programme</h1>
        <p class="govuk-body">
          <a class="govuk-link" href={`/committees/${committee.slug}/work-programme`}>
            The programme as the public sees it
          </a>{' '}
          (without dropped topics).
        </p>
        {canManage ? <Button text="Add a topic" href={`${base}/new`} /> : ''}
        <Programme entries={entries} manage={canManage ? { base, csrfToken } : undefined} />
      </div>
    </div>
  );
}

export function EntryFormPage({
  committee,
  entryId,
  values,
  errors,
  csrfToken,
  meetings,
}: {
  committee: { name: string; slug: string };
  entryId: number | null;
  values: Record<(typeof WORK_PROGRAMME_FIELDS)[number], string>;
  errors: FieldErrors;
  csrfToken: string;
  meetings: { id: number; startsAt: Date }[];
}): JSX.Element {
  const base = `/manage/committees/${committee.slug}/work-programme`;
  return (
    <FormPage
      title={entryId === null ? 'Add a topic to the work programme' : 'Change a topic'}
      caption={committee.name}
      action={entryId === null ? base : `${base}/${entryId}`}
      csrfToken={csrfToken}
      errors={errors}
      fieldOrder={WORK_PROGRAMME_FIELDS}
      submitText="Save"
      cancelHref={base}
    >
      <Input id="topic" label="Topic" value={values.topic} errorMessage={errors.topic} />
      <Textarea
        id="purpose"
        label="Purpose (optional)"
        hint="What the committee wants to find out, as the agenda will say it."
        rows={4}
        value={values.purpose}
        errorMessage={errors.purpose}
      />
      <Input
        id="leadPresenters"
        label="Lead presenters (optional)"
        value={values.leadPresenters}
        errorMessage={errors.leadPresenters}
      />
      <Input
        id="contributors"
        label="Contributors (optional)"
        value={values.contributors}
        errorMessage={errors.contributors}
      />
      <Select
        id="plannedMeetingId"
        label="Planned meeting"
        hint="Once planned, the meeting’s agenda offers it to be added."
        value={values.plannedMeetingId}
        errorMessage={errors.plannedMeetingId}
        options={[
          { value: '', text: 'To be scheduled' },
          ...meetings.map((m) => ({ value: String(m.id), text: formatShortDate(m.startsAt) })),
        ]}
      />
      <Radios
        id="status"
        legend="Status"
        small
        value={values.status}
        errorMessage={errors.status}
        options={WORK_PROGRAMME_STATUSES.map((s) => ({ value: s, text: WORK_PROGRAMME_STATUS_LABELS[s] }))}
      />
      <Textarea
        id="note"
        label="Note for the clerks (optional)"
        rows={2}
        value={values.note}
        errorMessage={errors.note}
      />
    </FormPage>
  );
}
