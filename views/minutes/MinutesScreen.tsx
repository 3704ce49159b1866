import {
  minutesView,
  type MinutesEditorData,
  type MinutesEditorItem,
  type MinutesStateData,
} from '../../src/features/minutes/queries';
import { actionLine, approvalSentence, declarationSentence } from '../../src/lib/wording';
import { MEMBER_STATUSES, DECLARATION_KINDS, RESOLUTION_OUTCOMES } from '../../src/lib/enums';
import { formatCalendarDate, formatDate, formatDateTime, formatTime, londonDate } from '../../src/lib/dates';
import { partsOf } from '../../src/lib/forms';
import { DECLARATION_KIND_LABELS, MEMBER_ATTENDANCE_LABELS, MEMBERSHIP_ROLE_LABELS } from '../../src/lib/labels';
import { exemptNotice } from '../../src/lib/schedule12a';
import { errorList, type FieldErrors } from '../../src/lib/validation';
import { Button } from '../components/Button';
import { DateInput } from '../components/DateInput';
import { ErrorSummary } from '../components/ErrorSummary';
import { Input, Select, Textarea } from '../components/Field';
import { Radios } from '../components/Radios';
import { Tag } from '../components/Tag';
import { Csrf, RemoveButton } from '../components/FormParts';
import { Checkbox } from '../components/Checkbox';
import { MinutesBody } from '../meetings/MinutesSection';

type Values = Record<string, string>;

/** The form that failed (or is being changed), with what was typed and what is wrong. */
export interface MinutesFormState {
  /** "times", "attendance", "substitute", "other", "declaration", "text-<itemId>", "resolution-<itemId>",
   * "resolution-edit-<id>", "action-<itemId>", "action-edit-<id>", "approve-<itemId>", "publish", "amendment". */
  form: string;
  values: Values;
  errors: FieldErrors;
  /** A minute saved elsewhere since this screen loaded. */
  conflict?: { text: string; revision: number };
}

export interface MinutesScreenProps {
  data: MinutesEditorData;
  csrfToken: string;
  /** May change these minutes: a clerk of the committee, while they are not approved. Others read them. */
  canEdit: boolean;
  /** Keys the browser's unsaved-text store, so one person's drafts never reach another's screen. */
  userId: number;
  state?: MinutesFormState;
  /** Rendering one region for htmx: its errors are summarised inside it. */
  fragment?: boolean;
}

const OUTCOME_OPTIONS = [
  { value: '', text: 'As written in capitals in the text' },
  ...RESOLUTION_OUTCOMES.map((o) => ({ value: o, text: o })),
];

function base(data: MinutesEditorData): string {
  return `/manage/meetings/${data.meeting.id}/minutes`;
}

/** A form that posts to the screen and swaps its region in place. */
function enhance(action: string, region: string): Record<string, string> {
  return { 'hx-post': action, 'hx-target': `#${region}`, 'hx-swap': 'outerHTML' };
}

function stateFor(props: MinutesScreenProps, form: string): MinutesFormState | undefined {
  return props.state?.form === form ? props.state : undefined;
}

function RegionErrors({ state, fragment }: { state: MinutesFormState | undefined; fragment?: boolean }): JSX.Element {
  if (!state || !fragment) return '';
  return (
    <ErrorSummary
      errors={errorList(state.errors).map((e) =>
        e.href === '#main-content' || e.href === '#_locked' ? { ...e, href: '#minutes-status' } : e,
      )}
    />
  );
}

/** A details disclosure holding a form to add something; open when that form came back with errors. */
function AddDetails({
  summary,
  to,
  open,
  children,
}: {
  summary: string;
  to?: string;
  open: boolean;
  children: JSX.Element;
}): JSX.Element {
  return (
    <details class="govuk-details" open={open ? true : undefined}>
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">
          <span safe>{summary}</span>
          {to ? <span class="govuk-visually-hidden" safe>{` ${to}`}</span> : ''}
        </span>
      </summary>
      <div class="govuk-details__text">{children}</div>
    </details>
  );
}

/** "Change" (the edit form in place, or on its own page without JavaScript) and "Remove" for a recorded entry. */
function ChangeOrRemove(props: {
  url: string;
  focus: string;
  region: string;
  what: string;
  removeId: string | null;
  csrfToken: string;
}): JSX.Element {
  return (
    <span class="app-item-actions">
      <a
        class="govuk-link govuk-body-s"
        href={`${props.url}/edit#${props.focus}`}
        hx-get={`${props.url}/edit`}
        hx-target={`#${props.region}`}
        hx-swap="outerHTML"
      >
        Change<span class="govuk-visually-hidden" safe>{` ${props.what}`}</span>
      </a>
      {props.removeId ? (
        <RemoveButton
          action={`${props.url}/remove`}
          enhance={enhance(`${props.url}/remove`, props.region)}
          id={props.removeId}
          what={props.what}
          csrfToken={props.csrfToken}
        />
      ) : (
        ''
      )}
    </span>
  );
}

/** Where the minutes stand: their state, whether the draft has unpublished changes, the versions. Redrawn after each save. */
export function MinutesState({ state, oob }: { state: MinutesStateData; oob?: boolean }): JSX.Element {
  const latest = state.versions.at(-1);
  const status = state.locked
    ? { text: 'Approved', colour: 'green' as const }
    : latest
      ? { text: `Published as a draft, version ${latest.version}`, colour: 'blue' as const }
      : state.minutesStatus === 'draft'
        ? { text: 'Draft, not published', colour: 'yellow' as const }
        : { text: 'Not started', colour: 'grey' as const };
  return (
    <div
      id="minutes-state"
      hx-swap-oob={oob ? 'true' : undefined}
      hx-get={`/manage/meetings/${state.meetingId}/minutes/state`}
      hx-trigger="minutes-changed from:body"
      hx-swap="outerHTML"
    >
      <p class="govuk-body">
        <Tag text={status.text} colour={status.colour} />
      </p>
      {state.locked ? (
        <p class="govuk-body" safe>
          {`${approvalSentence(state.approvedAtMeeting)} They are a legal record and cannot be changed: a correction is recorded as an amendment.`}
        </p>
      ) : latest && !state.unpublishedChanges ? (
        <p class="govuk-body">The published version is up to date with what is recorded here.</p>
      ) : latest ? (
        <p class="govuk-body govuk-!-font-weight-bold" safe>
          {`Changes recorded here since version ${latest.version} are not yet published.`}
        </p>
      ) : (
        <p class="govuk-body">Nothing is published yet: the public cannot see these minutes.</p>
      )}
      {state.versions.length > 0 ? (
        <ul class="govuk-list">
          {state.versions.map((v) => (
            <li>
              <a class="govuk-link" href={`/meetings/${state.meetingId}/minutes/versions/${v.version}`} safe>
                {`Version ${v.version}, published ${formatDateTime(v.publishedAt)}`}
              </a>
              {v.changeSummary ? <span class="govuk-body-s" safe>{`: ${v.changeSummary}`}</span> : ''}
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
    </div>
  );
}

/** Publishing: where the minutes stand, and the form that publishes them. */
export function PublishPanel(props: MinutesScreenProps): JSX.Element {
  const { data, csrfToken } = props;
  const state = stateFor(props, 'publish');
  const latest = data.versions.at(-1);
  const action = `${base(data)}/publish`;
  return (
    <section id="minutes-status" class="app-editor-section" aria-labelledby="minutes-status-heading">
      <RegionErrors state={state} fragment={props.fragment} />
      <h2 class="govuk-heading-m" id="minutes-status-heading">
        Publishing
      </h2>
      <form method="post" action={action} novalidate {...enhance(action, 'minutes-status')}>
        <Csrf token={csrfToken} />
        {state?.errors._form ? (
          <p class="govuk-error-message" id="publish-form-error" safe>
            {state.errors._form}
          </p>
        ) : (
          ''
        )}
        {latest ? (
          <Textarea
            id="publish-changeSummary"
            name="changeSummary"
            label="What was corrected"
            hint="Readers see this beside the new version, with the words that changed."
            rows={2}
            value={state?.values.changeSummary}
            errorMessage={state?.errors['publish-changeSummary']}
          />
        ) : (
          ''
        )}
        <Button
          text={latest ? `Publish the corrections as version ${latest.version + 1}` : 'Publish the draft minutes'}
          attributes={{ id: 'publish-minutes' }}
        />
        <p class="govuk-body-s">
          They are published as a draft, clearly labelled, until the committee approves them at a later meeting.
        </p>
      </form>
    </section>
  );
}

export function TimesForm(props: MinutesScreenProps): JSX.Element {
  const { data, csrfToken } = props;
  const state = stateFor(props, 'times');
  const action = `${base(data)}/times`;
  const value = (field: 'startedAt' | 'endedAt') =>
    state?.values[field] ?? (data.meeting[field] ? formatTime(data.meeting[field]) : '');
  return (
    <section id="minutes-times" class="app-editor-section" aria-labelledby="times-heading">
      <RegionErrors state={state} fragment={props.fragment} />
      <h2 class="govuk-heading-m" id="times-heading">
        Start and end
      </h2>
      <form method="post" action={action} novalidate data-autosave={`minutes:${props.userId}:${data.meeting.id}:times`}>
        <Csrf token={csrfToken} />
        <div class="app-field-row">
          <Input
            id="startedAt"
            label="Began at"
            hint="Like 10am or 10:05"
            classes="govuk-input--width-5"
            value={value('startedAt')}
            errorMessage={state?.errors.startedAt}
          />
          <Input
            id="endedAt"
            label="Ended at"
            hint="Like 1.24pm"
            classes="govuk-input--width-5"
            value={value('endedAt')}
            errorMessage={state?.errors.endedAt}
          />
        </div>
        <Button text="Save times" variant="secondary" attributes={{ id: 'save-times' }} />
        <span class="govuk-body-s app-save-status" data-autosave-status aria-live="polite"></span>
      </form>
    </section>
  );
}

/** Members' attendance, substitutes and others in attendance: one region. */
export function AttendanceSection(props: MinutesScreenProps): JSX.Element {
  const { data, csrfToken } = props;
  const state =
    props.state && ['attendance', 'substitute', 'other'].includes(props.state.form) ? props.state : undefined;
  const membersState = stateFor(props, 'attendance');
  const subState = stateFor(props, 'substitute');
  const otherState = stateFor(props, 'other');
  const action = `${base(data)}/attendance`;
  const peopleOptions = [
    { value: '', text: 'Choose from the directory' },
    ...data.people.map((p) => ({ value: String(p.id), text: p.name })),
  ];
  return (
    <section id="minutes-attendance" class="app-editor-section" aria-labelledby="attendance-heading">
      <RegionErrors state={state} fragment={props.fragment} />
      <h2 class="govuk-heading-m" id="attendance-heading">
        Attendance
      </h2>
      <form
        method="post"
        action={action}
        novalidate
        class="app-attendance"
        data-autosave={`minutes:${props.userId}:${data.meeting.id}:attendance`}
      >
        <Csrf token={csrfToken} />
        {data.members.length === 0 ? (
          <p class="govuk-body">The committee had no members on the day of this meeting.</p>
        ) : (
          ''
        )}
        {data.members.map((m) => (
          <Radios
            id={`status-${m.personId}`}
            legend={`${m.name}${m.role === 'member' ? '' : `, ${MEMBERSHIP_ROLE_LABELS[m.role]}`}`}
            small
            inline
            // Nothing checked until recorded: the Tab key then lands on "Present", the usual answer.
            value={(membersState?.values[`status-${m.personId}`] ?? m.status) || null}
            errorMessage={membersState?.errors[`status-${m.personId}`]}
            options={([...MEMBER_STATUSES, ''] as const).map((s) => ({ value: s, text: MEMBER_ATTENDANCE_LABELS[s] }))}
          />
        ))}
        {data.members.length > 0 ? (
          <>
            <Button text="Save attendance" variant="secondary" attributes={{ id: 'save-attendance' }} />
            <span class="govuk-body-s app-save-status" data-autosave-status aria-live="polite"></span>
          </>
        ) : (
          ''
        )}
      </form>

      <h3 class="govuk-heading-s">Substitutes</h3>
      {data.substitutes.length === 0 ? <p class="govuk-body-s">None recorded.</p> : ''}
      <ul class="govuk-list">
        {data.substitutes.map((s) => (
          <li class="app-inline-row">
            <span safe>{`${s.name}, substituting for ${s.substituteFor}${s.virtual ? ' (virtually)' : ''}`}</span>
            <RemoveButton
              action={`${base(data)}/attendance/${s.attendanceId}/remove`}
              enhance={enhance(`${base(data)}/attendance/${s.attendanceId}/remove`, 'minutes-attendance')}
              id={`remove-attendee-${s.attendanceId}`}
              what={s.name}
              csrfToken={csrfToken}
            />
          </li>
        ))}
      </ul>
      <AddDetails summary="Add a substitute" open={subState !== undefined}>
        <form
          method="post"
          action={`${action}/substitutes`}
          novalidate
          data-draft={`minutes:${props.userId}:${data.meeting.id}:substitute`}
          {...enhance(`${action}/substitutes`, 'minutes-attendance')}
        >
          <Csrf token={csrfToken} />
          <Select
            id="substitute-forPersonId"
            name="forPersonId"
            label="Attending in place of"
            value={subState?.values.forPersonId}
            errorMessage={subState?.errors['substitute-forPersonId']}
            options={[
              { value: '', text: 'Choose a member' },
              ...data.members.map((m) => ({ value: String(m.personId), text: m.name })),
            ]}
          />
          <Select
            id="substitute-personId"
            name="personId"
            label="Substitute, from the directory"
            value={subState?.values.personId}
            errorMessage={subState?.errors['substitute-personId']}
            options={peopleOptions}
          />
          <Input
            id="substitute-newPersonName"
            name="newPersonName"
            label="Or someone new, by the name the minutes will use"
            value={subState?.values.newPersonName}
            errorMessage={subState?.errors['substitute-newPersonName']}
          />
          <Checkbox
            id="substitute-virtual"
            name="virtual"
            label="Attended virtually"
            checked={subState?.values.virtual === 'yes'}
          />
          <Button text="Add substitute" variant="secondary" attributes={{ id: 'add-substitute' }} />
        </form>
      </AddDetails>

      <h3 class="govuk-heading-s">Others in attendance</h3>
      {data.others.length === 0 ? <p class="govuk-body-s">None recorded.</p> : ''}
      <ul class="govuk-list">
        {data.others.map((o) => (
          <li class="app-inline-row">
            <span safe>{`${o.name}${o.capacity ? `, ${o.capacity}` : ''}${o.virtual ? ' (virtually)' : ''}`}</span>
            <RemoveButton
              action={`${base(data)}/attendance/${o.attendanceId}/remove`}
              enhance={enhance(`${base(data)}/attendance/${o.attendanceId}/remove`, 'minutes-attendance')}
              id={`remove-attendee-${o.attendanceId}`}
              what={o.name}
              csrfToken={csrfToken}
            />
          </li>
        ))}
      </ul>
      <AddDetails summary="Add someone in attendance" open={otherState !== undefined}>
        <form
          method="post"
          action={`${action}/others`}
          novalidate
          data-draft={`minutes:${props.userId}:${data.meeting.id}:other`}
          {...enhance(`${action}/others`, 'minutes-attendance')}
        >
          <Csrf token={csrfToken} />
          <Select
            id="other-personId"
            name="personId"
            label="From the directory"
            value={otherState?.values.personId}
            errorMessage={otherState?.errors['other-personId']}
            options={peopleOptions}
          />
          <Input
            id="other-newPersonName"
            name="newPersonName"
            label="Or someone new, by the name the minutes will use"
            hint="Like Dr J Kent. They are added to the directory."
            value={otherState?.values.newPersonName}
            errorMessage={otherState?.errors['other-newPersonName']}
          />
          <Input
            id="other-capacity"
            name="capacity"
            label="Capacity (optional)"
            hint="Like Head of Primary Care, CCG"
            value={otherState?.values.capacity}
            errorMessage={otherState?.errors['other-capacity']}
          />
          <Checkbox
            id="other-virtual"
            name="virtual"
            label="Attended virtually"
            checked={otherState?.values.virtual === 'yes'}
          />
          <Button text="Add to those in attendance" variant="secondary" attributes={{ id: 'add-other' }} />
        </form>
      </AddDetails>
    </section>
  );
}

export function DeclarationsSection(props: MinutesScreenProps): JSX.Element {
  const { data, csrfToken } = props;
  const state = stateFor(props, 'declaration');
  const action = `${base(data)}/declarations`;
  return (
    <section id="minutes-declarations" class="app-editor-section" aria-labelledby="declarations-heading">
      <RegionErrors state={state} fragment={props.fragment} />
      <h2 class="govuk-heading-m" id="declarations-heading">
        Declarations of interest
      </h2>
      {data.declarations.length === 0 ? <p class="govuk-body">No interests declared.</p> : ''}
      <ul class="govuk-list">
        {data.declarations.map((d) => (
          <li class="app-inline-row">
            <span safe>{declarationSentence(d)}</span>
            <RemoveButton
              action={`${action}/${d.id}/remove`}
              enhance={enhance(`${action}/${d.id}/remove`, 'minutes-declarations')}
              id={`remove-declaration-${d.id}`}
              what={`declaration by ${d.name}`}
              csrfToken={csrfToken}
            />
          </li>
        ))}
      </ul>
      <AddDetails summary="Record a declaration" open={state !== undefined}>
        <form
          method="post"
          action={action}
          novalidate
          data-draft={`minutes:${props.userId}:${data.meeting.id}:declaration`}
          {...enhance(action, 'minutes-declarations')}
        >
          <Csrf token={csrfToken} />
          <Select
            id="declaration-personId"
            name="personId"
            label="Member"
            value={state?.values.personId}
            errorMessage={state?.errors['declaration-personId']}
            options={[
              { value: '', text: 'Choose a member' },
              ...data.declarers.map((p) => ({ value: String(p.personId), text: p.name })),
            ]}
          />
          <Select
            id="declaration-itemId"
            name="itemId"
            label="Item"
            value={state?.values.itemId}
            errorMessage={state?.errors['declaration-itemId']}
            options={[
              { value: '', text: 'Not about one item' },
              ...data.items.map((i) => ({ value: String(i.id), text: `${i.number}. ${i.title}` })),
            ]}
          />
          <Radios
            id="declaration-kind"
            name="kind"
            legend="Kind of interest"
            small
            value={state?.values.kind}
            errorMessage={state?.errors['declaration-kind']}
            options={DECLARATION_KINDS.map((k) => ({ value: k, text: DECLARATION_KIND_LABELS[k] }))}
          />
          <Textarea
            id="declaration-nature"
            name="nature"
            label="Nature of the interest"
            rows={2}
            value={state?.values.nature}
            errorMessage={state?.errors['declaration-nature']}
          />
          <Checkbox
            id="declaration-sensitive"
            name="sensitive"
            label="Sensitive interest"
            hint="Its nature is recorded here but not published."
            checked={state?.values.sensitive === 'yes'}
          />
          <Radios
            id="declaration-withdrew"
            name="withdrew"
            legend="During the item, they"
            small
            inline
            value={state?.values.withdrew}
            errorMessage={state?.errors['declaration-withdrew']}
            options={[
              { value: 'left', text: 'Left the room' },
              { value: 'stayed', text: 'Stayed' },
            ]}
          />
          <Input
            id="declaration-dispensation"
            name="dispensation"
            label="Dispensation (optional)"
            value={state?.values.dispensation}
            errorMessage={state?.errors['declaration-dispensation']}
          />
          <Button text="Record declaration" variant="secondary" attributes={{ id: 'add-declaration' }} />
        </form>
      </AddDetails>
    </section>
  );
}

function MinuteTextForm(props: MinutesScreenProps & { item: MinutesEditorItem }): JSX.Element {
  const { data, item, csrfToken } = props;
  const state = stateFor(props, `text-${item.id}`);
  const action = `${base(data)}/items/${item.id}/text`;
  const field = `minute-${item.id}`;
  return (
    <form
      method="post"
      action={action}
      novalidate
      id={`${field}-form`}
      data-autosave={`minutes:${props.userId}:${data.meeting.id}:${field}`}
    >
      <Csrf token={csrfToken} />
      <input type="hidden" name="revision" value={String(state?.conflict?.revision ?? item.minuteRevision)} />
      <Textarea
        id={field}
        name="minuteText"
        label={`Minute of item ${item.number}`}
        labelClasses="govuk-label--s"
        hint="Paragraphs, lists (start a line with “- ”) and *emphasis*. It saves as you type."
        rows={8}
        value={state?.values.minuteText ?? item.minuteText}
        errorMessage={state?.errors[field]}
        attributes={{ spellcheck: 'true' }}
      />
      <div class="app-conflict" data-autosave-conflict hidden={state?.conflict ? undefined : true}>
        {state?.conflict ? (
          <>
            <h4 class="govuk-heading-s">The newer text, saved elsewhere</h4>
            <p class="govuk-body app-pre-line" safe>
              {state.conflict.text}
            </p>
          </>
        ) : (
          ''
        )}
      </div>
      <div class="app-inline-row">
        <Button
          text="Save minute"
          variant="secondary"
          classes="govuk-!-margin-bottom-0"
          attributes={{ id: `save-${field}` }}
        />
        <span class="govuk-body-s app-save-status" data-autosave-status aria-live="polite">
          {item.minuteText ? `Saved ${formatDateTime(item.savedAt)}` : ''}
        </span>
      </div>
    </form>
  );
}

/** An item's resolutions and actions (and, for the minutes item, approving the earlier minutes): one region. */
export function ItemRecord(props: MinutesScreenProps & { item: MinutesEditorItem }): JSX.Element {
  const { data, item, csrfToken } = props;
  const region = `item-${item.id}-record`;
  const forms = new Set([
    `resolution-${item.id}`,
    `action-${item.id}`,
    `approve-${item.id}`,
    ...item.resolutions.map((r) => `resolution-edit-${r.id}`),
    ...item.actions.map((a) => `action-edit-${a.id}`),
  ]);
  const regionState = props.state && forms.has(props.state.form) ? props.state : undefined;
  const resolutionState = stateFor(props, `resolution-${item.id}`);
  const actionState = stateFor(props, `action-${item.id}`);
  const itemBase = `${base(data)}/items/${item.id}`;
  return (
    <div id={region}>
      <RegionErrors state={regionState} fragment={props.fragment} />
      {regionState?.errors._form ? (
        <p class="govuk-error-message" safe>
          {regionState.errors._form}
        </p>
      ) : (
        ''
      )}
      <h4 class="govuk-heading-s govuk-!-margin-bottom-1">Resolutions</h4>
      {item.resolutions.length === 0 ? <p class="govuk-body-s">None.</p> : ''}
      <ol class="govuk-list govuk-list--number">
        {item.resolutions.map((r) => {
          const editState = stateFor(props, `resolution-edit-${r.id}`);
          return (
            <li>
              {editState ? (
                <ResolutionForm
                  prefix={`resolution-edit-${r.id}`}
                  action={`${base(data)}/resolutions/${r.id}`}
                  region={region}
                  state={editState}
                  csrfToken={csrfToken}
                  submit="Save resolution"
                  draftKey={null}
                />
              ) : (
                <>
                  <span safe>{r.text}</span> <Tag text={r.outcome} colour="blue" />
                  {!r.approvesMinutes ? (
                    <ChangeOrRemove
                      url={`${base(data)}/resolutions/${r.id}`}
                      focus={`resolution-edit-${r.id}-text`}
                      region={region}
                      what={`resolution: ${r.text.slice(0, 60)}`}
                      removeId={`remove-resolution-${r.id}`}
                      csrfToken={csrfToken}
                    />
                  ) : (
                    ''
                  )}
                </>
              )}
            </li>
          );
        })}
      </ol>
      <AddDetails summary="Add a resolution" to={`to item ${item.number}`} open={resolutionState !== undefined}>
        <ResolutionForm
          prefix={`resolution-${item.id}`}
          action={`${itemBase}/resolutions`}
          region={region}
          state={resolutionState}
          csrfToken={csrfToken}
          submit="Add resolution"
          draftKey={`minutes:${props.userId}:${data.meeting.id}:resolution-${item.id}`}
        />
      </AddDetails>

      <h4 class="govuk-heading-s govuk-!-margin-bottom-1">Actions</h4>
      {item.actions.length === 0 ? <p class="govuk-body-s">None.</p> : ''}
      <ul class="govuk-list">
        {item.actions.map((a) => {
          const editState = stateFor(props, `action-edit-${a.id}`);
          return (
            <li>
              {editState ? (
                <ActionForm
                  prefix={`action-edit-${a.id}`}
                  action={`${base(data)}/actions/${a.id}`}
                  region={region}
                  state={editState}
                  people={data.people}
                  csrfToken={csrfToken}
                  submit="Save action"
                  draftKey={null}
                />
              ) : (
                <>
                  <strong>ACTION:</strong> <span safe>{actionLine(a)}</span>
                  <ChangeOrRemove
                    url={`${base(data)}/actions/${a.id}`}
                    focus={`action-edit-${a.id}-owners`}
                    region={region}
                    what={`action: ${a.description.slice(0, 60)}`}
                    removeId={a.hasUpdates ? null : `remove-action-${a.id}`}
                    csrfToken={csrfToken}
                  />
                </>
              )}
            </li>
          );
        })}
      </ul>
      <AddDetails summary="Add an action" to={`to item ${item.number}`} open={actionState !== undefined}>
        <ActionForm
          prefix={`action-${item.id}`}
          action={`${itemBase}/actions`}
          region={region}
          state={actionState}
          people={data.people}
          csrfToken={csrfToken}
          submit="Add action"
          draftKey={`minutes:${props.userId}:${data.meeting.id}:action-${item.id}`}
        />
      </AddDetails>
      {item.confirms ? <ApprovalPanel {...props} item={item} region={region} /> : ''}
    </div>
  );
}

function ResolutionForm(props: {
  prefix: string;
  action: string;
  region: string;
  state: MinutesFormState | undefined;
  csrfToken: string;
  submit: string;
  draftKey: string | null;
}): JSX.Element {
  const { prefix, state } = props;
  return (
    <form
      method="post"
      action={props.action}
      novalidate
      data-draft={props.draftKey ?? undefined}
      {...enhance(props.action, props.region)}
    >
      <Csrf token={props.csrfToken} />
      <Textarea
        id={`${prefix}-text`}
        name="text"
        label="Resolution"
        hint="As minuted, like “The Committee NOTED the report.”"
        rows={3}
        value={state?.values.text}
        errorMessage={state?.errors[`${prefix}-text`]}
      />
      <Select
        id={`${prefix}-outcome`}
        name="outcome"
        label="Outcome"
        value={state?.values.outcome}
        errorMessage={state?.errors[`${prefix}-outcome`]}
        options={OUTCOME_OPTIONS}
      />
      <Button text={props.submit} variant="secondary" attributes={{ id: `${prefix}-submit` }} />
    </form>
  );
}

function ActionForm(props: {
  prefix: string;
  action: string;
  region: string;
  state: MinutesFormState | undefined;
  people: { id: number; name: string }[];
  csrfToken: string;
  submit: string;
  draftKey: string | null;
}): JSX.Element {
  const { prefix, state } = props;
  const due = {
    day: state?.values[`${prefix}-due-day`] ?? '',
    month: state?.values[`${prefix}-due-month`] ?? '',
    year: state?.values[`${prefix}-due-year`] ?? '',
  };
  return (
    <form
      method="post"
      action={props.action}
      novalidate
      data-draft={props.draftKey ?? undefined}
      {...enhance(props.action, props.region)}
    >
      <Csrf token={props.csrfToken} />
      <Input
        id={`${prefix}-owners`}
        name="owners"
        label="Owner or owners"
        hint="From the directory or any name; several as Mr A Turner/Ms F Cayley"
        value={state?.values.owners}
        errorMessage={state?.errors[`${prefix}-owners`]}
        attributes={{ list: 'minutes-people', autocomplete: 'off' }}
      />
      <Textarea
        id={`${prefix}-description`}
        name="description"
        label="What is to be done"
        rows={2}
        value={state?.values.description}
        errorMessage={state?.errors[`${prefix}-description`]}
      />
      <DateInput
        id={`${prefix}-due`}
        legend="Due by (optional)"
        hint="For example, 31 1 2021"
        value={due}
        errorMessage={state?.errors[`${prefix}-due`]}
      />
      <Button text={props.submit} variant="secondary" attributes={{ id: `${prefix}-submit` }} />
    </form>
  );
}

/** On the "minutes of the previous meeting" item: the resolution that approves them. */
function ApprovalPanel(props: MinutesScreenProps & { item: MinutesEditorItem; region: string }): JSX.Element {
  const { data, item, csrfToken } = props;
  const confirms = item.confirms;
  if (!confirms) return '';
  const state = stateFor(props, `approve-${item.id}`);
  const day = formatCalendarDate(londonDate(confirms.startsAt));
  const action = `${base(data)}/items/${item.id}/approve`;
  return (
    <div class="govuk-inset-text" id={`approve-${item.id}`}>
      <h4 class="govuk-heading-s" safe>{`Approving the minutes of ${day}`}</h4>
      {confirms.minutesStatus === 'approved' ? (
        <p class="govuk-body">Approved by the resolution above. They are now locked.</p>
      ) : confirms.latestVersion === null ? (
        <p class="govuk-body">They have not been published yet, so the committee cannot approve them.</p>
      ) : (
        <form method="post" action={action} novalidate {...enhance(action, props.region)}>
          <Csrf token={csrfToken} />
          {confirms.unpublishedChanges ? (
            <p class="govuk-body govuk-!-font-weight-bold">
              They have changes that were never published: publish them as a correction first, so the committee approves
              what it has read.
            </p>
          ) : (
            ''
          )}
          <Textarea
            id={`approve-${item.id}-text`}
            name="text"
            label="Resolution"
            rows={2}
            value={state?.values.text ?? `The minutes of the meeting held on ${day} were AGREED as an accurate record.`}
            errorMessage={state?.errors[`approve-${item.id}-text`]}
          />
          <Textarea
            id={`approve-${item.id}-amendments`}
            name="amendments"
            label="Amendments agreed (optional)"
            hint="One per paragraph, starting with the item it corrects, like “Item 3: …”. They are recorded with the approved minutes, which are otherwise locked; one to an item not for publication stays private."
            rows={3}
            value={state?.values.amendments}
            errorMessage={state?.errors[`approve-${item.id}-amendments`]}
          />
          <Button
            text={`Record the approval of version ${confirms.latestVersion}`}
            attributes={{ id: `approve-${item.id}-submit` }}
          />
        </form>
      )}
    </div>
  );
}

export function AmendmentsSection(props: MinutesScreenProps): JSX.Element {
  const { data, csrfToken } = props;
  const state = stateFor(props, 'amendment');
  const action = `${base(data)}/amendments`;
  return (
    <section id="minutes-amendments" class="app-editor-section" aria-labelledby="amendments-heading">
      <RegionErrors state={state} fragment={props.fragment} />
      <h2 class="govuk-heading-m" id="amendments-heading">
        Amendments
      </h2>
      {data.amendments.length === 0 ? <p class="govuk-body">No amendments recorded.</p> : ''}
      <ol class="govuk-list govuk-list--number">
        {data.amendments.map((a) => (
          <li>
            <span safe>{`${a.itemNumber === null ? '' : `Item ${a.itemNumber}: `}${a.text}`}</span>
            <br />
            <span class="govuk-body-s" safe>{`${a.reason} Recorded ${formatDateTime(a.recordedAt)}.`}</span>
          </li>
        ))}
      </ol>
      <form method="post" action={action} novalidate {...enhance(action, 'minutes-amendments')}>
        <Csrf token={csrfToken} />
        {state?.errors._form ? (
          <p class="govuk-error-message" safe>
            {state.errors._form}
          </p>
        ) : (
          ''
        )}
        <Select
          id="amendment-itemNumber"
          name="itemNumber"
          label="Item"
          value={state?.values.itemNumber}
          errorMessage={state?.errors['amendment-itemNumber']}
          options={[
            { value: '', text: 'The minutes as a whole' },
            ...data.items.map((i) => ({ value: String(i.number), text: `${i.number}. ${i.title}` })),
          ]}
        />
        <Textarea
          id="amendment-text"
          name="text"
          label="Correction"
          hint="As the minutes should read."
          rows={3}
          value={state?.values.text}
          errorMessage={state?.errors['amendment-text']}
        />
        <Textarea
          id="amendment-reason"
          name="reason"
          label="Why, and on whose authority"
          rows={2}
          value={state?.values.reason}
          errorMessage={state?.errors['amendment-reason']}
        />
        <Button text="Record the amendment" variant="secondary" attributes={{ id: 'add-amendment' }} />
      </form>
    </section>
  );
}

function ItemSection(props: MinutesScreenProps & { item: MinutesEditorItem }): JSX.Element {
  const { item } = props;
  return (
    <section class="app-editor-item" id={`item-${item.id}`} aria-labelledby={`item-${item.id}-heading`}>
      <h3 class="govuk-heading-m" id={`item-${item.id}-heading`} safe>
        {`${item.number}. ${item.title}`}
      </h3>
      {item.exemptParagraph !== null ? (
        <p class="govuk-body">
          <Tag text={exemptNotice(item.exemptParagraph)} colour="red" />{' '}
          <span class="govuk-body-s">The public minutes show the title and paragraph only.</span>
        </p>
      ) : (
        ''
      )}
      <MinuteTextForm {...props} />
      <ItemRecord {...props} />
    </section>
  );
}

function Heading({ data }: { data: MinutesEditorData }): JSX.Element {
  return (
    <>
      <span class="govuk-caption-l">
        <a class="govuk-link govuk-link--no-visited-state" href={`/manage/meetings/${data.meeting.id}`} safe>
          {`${data.meeting.committee.name}, ${formatDate(data.meeting.startsAt)}`}
        </a>
      </span>
      <h1 class="govuk-heading-xl">Minutes</h1>
    </>
  );
}

/**
 * The minutes for those who may not change them: members of the committee,
 * and everyone once they are approved. What is recorded now, in full (exempt
 * content and sensitive interests included: this is the committee's copy),
 * and the amendments, which a clerk records here.
 */
function ReadOnlyMinutes(props: MinutesScreenProps): JSX.Element {
  const { data } = props;
  return (
    <>
      <MinutesState state={data} />
      <MinutesBody minutes={minutesView(data.current, data.amendments, false)} />
      {data.locked && props.canEdit ? <AmendmentsSection {...props} /> : ''}
    </>
  );
}

/** The live minute-taking screen: every part a form that saves as the clerk goes. */
function MinutesForms(props: MinutesScreenProps): JSX.Element {
  const { data } = props;
  return (
    <>
      <nav aria-label="On this page" class="app-inline-list">
        <ul class="govuk-list">
          <li>
            <a class="govuk-link" href="#minutes-attendance">
              Attendance
            </a>
          </li>
          <li>
            <a class="govuk-link" href="#minutes-declarations">
              Declarations
            </a>
          </li>
          <li>
            <a class="govuk-link" href="#minutes-items">
              Items
            </a>
          </li>
          <li>
            <a class="govuk-link" href="#minutes-status">
              Publishing
            </a>
          </li>
          <li>
            <a class="govuk-link" href={`${base(data)}/import`}>
              Import minutes from a text file
            </a>
          </li>
        </ul>
      </nav>
      <p class="govuk-body-s app-js-only">
        Everything you type is saved as you go, and kept on this device until it is, even if the connection drops.
      </p>
      <MinutesState state={data} />
      <datalist id="minutes-people">
        {data.people.map((p) => (
          <option value={p.name} />
        ))}
      </datalist>
      <TimesForm {...props} />
      <AttendanceSection {...props} />
      <DeclarationsSection {...props} />
      <section id="minutes-items" aria-labelledby="items-heading">
        <h2 class="govuk-heading-l" id="items-heading">
          Items
        </h2>
        {data.items.length === 0 ? (
          <p class="govuk-body">
            This meeting has no agenda items.{' '}
            <a class="govuk-link" href={`/manage/meetings/${data.meeting.id}/agenda`}>
              Add them on the agenda
            </a>{' '}
            or import the minutes from a text file.
          </p>
        ) : (
          ''
        )}
        {data.items.map((item) => (
          <ItemSection {...props} item={item} />
        ))}
      </section>
      <PublishPanel {...props} />
    </>
  );
}

/** The minutes screen: forms for a clerk while the minutes may change, the minutes themselves otherwise. */
export function MinutesScreen(props: MinutesScreenProps): JSX.Element {
  // One summary for the page; messages about a whole form lead to the top of the screen.
  const pageErrors = props.state
    ? errorList(props.state.errors).map((e) => (e.href === '#_locked' ? { ...e, href: '#main-content' } : e))
    : [];
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <ErrorSummary errors={pageErrors} />
        <Heading data={props.data} />
        {props.canEdit && !props.data.locked ? <MinutesForms {...props} /> : <ReadOnlyMinutes {...props} />}
      </div>
    </div>
  );
}

/** The values an edit form starts from. */
export function resolutionValues(r: { text: string; outcome: string }): Values {
  return { text: r.text, outcome: r.outcome };
}

export function actionValues(id: number, a: { owners: string[]; description: string; dueDate: string | null }): Values {
  const due = partsOf(a.dueDate);
  return {
    owners: a.owners.join('/'),
    description: a.description,
    [`action-edit-${id}-due-day`]: due.day,
    [`action-edit-${id}-due-month`]: due.month,
    [`action-edit-${id}-due-year`]: due.year,
  };
}
