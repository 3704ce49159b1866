import { MEMBER_STATUSES } from '../../../src/lib/enums';
import { MEMBER_ATTENDANCE_LABELS, MEMBERSHIP_ROLE_LABELS } from '../../../src/lib/labels';
import { Button } from '../../components/Button';
import { Checkbox } from '../../components/Checkbox';
import { Input, Select } from '../../components/Field';
import { Csrf, RemoveButton } from '../../components/FormParts';
import { RegionErrors, enhance, errorLinks, stateOf, type FormState } from '../../components/Live';
import { Radios } from '../../components/Radios';
import { AddDetails, draftKey, minutesBase, type MinutesScreenProps } from './parts';

/** Members' attendance, substitutes and others in attendance: one region, three forms. */
export const ATTENDANCE_REGION = 'minutes-attendance';
export const ATTENDANCE_FORMS = { members: 'attendance', substitute: 'substitute', other: 'other' } as const;

export const attendanceErrors = (state: FormState | undefined) => [
  // The members' radios are named status-<personId>, their ids too.
  ...errorLinks(stateOf(state, ATTENDANCE_FORMS.members), (field) => field, ATTENDANCE_REGION),
  ...errorLinks(stateOf(state, ATTENDANCE_FORMS.substitute), (field) => `substitute-${field}`, ATTENDANCE_REGION),
  ...errorLinks(stateOf(state, ATTENDANCE_FORMS.other), (field) => `other-${field}`, ATTENDANCE_REGION),
];

export function AttendanceRegion(props: MinutesScreenProps): JSX.Element {
  const { data, csrfToken } = props;
  const membersState = stateOf(props.state, ATTENDANCE_FORMS.members);
  const subState = stateOf(props.state, ATTENDANCE_FORMS.substitute);
  const otherState = stateOf(props.state, ATTENDANCE_FORMS.other);
  const action = `${minutesBase(data)}/attendance`;
  const peopleOptions = [
    { value: '', text: 'Choose from the directory' },
    ...data.people.map((p) => ({ value: String(p.id), text: p.name })),
  ];
  return (
    <section id={ATTENDANCE_REGION} class="app-editor-section" aria-labelledby="attendance-heading">
      <RegionErrors links={attendanceErrors(props.state)} fragment={props.fragment} />
      <h2 class="govuk-heading-m" id="attendance-heading">
        Attendance
      </h2>
      <form
        method="post"
        action={action}
        novalidate
        class="app-attendance"
        data-autosave={draftKey(props, ATTENDANCE_FORMS.members)}
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
              action={`${minutesBase(data)}/attendance/${s.attendanceId}/remove`}
              enhance={enhance(`${minutesBase(data)}/attendance/${s.attendanceId}/remove`, ATTENDANCE_REGION)}
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
          data-draft={draftKey(props, ATTENDANCE_FORMS.substitute)}
          {...enhance(`${action}/substitutes`, ATTENDANCE_REGION)}
        >
          <Csrf token={csrfToken} />
          <Select
            id="substitute-forPersonId"
            name="forPersonId"
            label="Attending in place of"
            value={subState?.values.forPersonId}
            errorMessage={subState?.errors.forPersonId}
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
            errorMessage={subState?.errors.personId}
            options={peopleOptions}
          />
          <Input
            id="substitute-newPersonName"
            name="newPersonName"
            label="Or someone new, by the name the minutes will use"
            value={subState?.values.newPersonName}
            errorMessage={subState?.errors.newPersonName}
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
              action={`${minutesBase(data)}/attendance/${o.attendanceId}/remove`}
              enhance={enhance(`${minutesBase(data)}/attendance/${o.attendanceId}/remove`, ATTENDANCE_REGION)}
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
          data-draft={draftKey(props, ATTENDANCE_FORMS.other)}
          {...enhance(`${action}/others`, ATTENDANCE_REGION)}
        >
          <Csrf token={csrfToken} />
          <Select
            id="other-personId"
            name="personId"
            label="From the directory"
            value={otherState?.values.personId}
            errorMessage={otherState?.errors.personId}
            options={peopleOptions}
          />
          <Input
            id="other-newPersonName"
            name="newPersonName"
            label="Or someone new, by the name the minutes will use"
            hint="Like Dr J Kent. They are added to the directory."
            value={otherState?.values.newPersonName}
            errorMessage={otherState?.errors.newPersonName}
          />
          <Input
            id="other-capacity"
            name="capacity"
            label="Capacity (optional)"
            hint="Like Head of Primary Care, CCG"
            value={otherState?.values.capacity}
            errorMessage={otherState?.errors.capacity}
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
