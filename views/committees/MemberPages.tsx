import { MEMBERSHIP_ROLES } from '../../src/lib/enums';
import { MEMBERSHIP_FIELDS } from '../../src/lib/fields';
import type { DateParts } from '../../src/lib/forms';
import { formatCalendarDate } from '../../src/lib/dates';
import { MEMBERSHIP_ROLE_LABELS } from '../../src/lib/labels';
import type { FieldErrors } from '../../src/lib/validation';
import { Input, Select } from '../components/Field';
import { DateInput } from '../components/DateInput';
import { FormPage } from '../components/FormPage';
import { Radios } from '../components/Radios';
import { Table } from '../components/Table';
import { Button } from '../components/Button';

export interface MembershipRow {
  id: number;
  name: string;
  role: keyof typeof MEMBERSHIP_ROLE_LABELS;
  voting: boolean;
  representing: string | null;
  fromDate: string | null;
  toDate: string | null;
}

export function MembersPage({
  committee,
  members,
  canManage,
}: {
  committee: { slug: string; name: string };
  members: MembershipRow[];
  canManage: boolean;
}): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <span class="govuk-caption-l" safe>
          {committee.name}
        </span>
        <h1 class="govuk-heading-xl">Members</h1>
        {canManage ? <Button text="Add a member" href={`/manage/committees/${committee.slug}/members/new`} /> : ''}
        <Table
          caption={`Members of the ${committee.name}, past and present`}
          captionClasses="govuk-visually-hidden"
          head={[
            { text: 'Name' },
            { text: 'Role' },
            { text: 'From' },
            { text: 'To' },
            ...(canManage ? [{ text: 'Change' }] : []),
          ]}
          rows={members.map((m) => [
            { text: m.name },
            {
              text: `${MEMBERSHIP_ROLE_LABELS[m.role]}${m.representing ? ` (${m.representing})` : ''}${m.voting ? '' : ', non-voting'}`,
            },
            { text: m.fromDate ? formatCalendarDate(m.fromDate) : 'Not recorded' },
            { text: m.toDate ? formatCalendarDate(m.toDate) : 'Current' },
            ...(canManage
              ? [
                  {
                    html: (
                      <a class="govuk-link" href={`/manage/committees/${committee.slug}/members/${m.id}/edit`}>
                        Change
                        <span
                          class="govuk-visually-hidden"
                          safe
                        >{` ${m.name}, ${MEMBERSHIP_ROLE_LABELS[m.role]}`}</span>
                      </a>
                    ),
                  },
                ]
              : []),
          ])}
        />
        <p class="govuk-body">
          <a class="govuk-link" href={`/manage/committees/${committee.slug}`}>
            Back to the committee
          </a>
        </p>
      </div>
    </div>
  );
}

export interface MembershipFormProps {
  committee: { slug: string; name: string };
  membershipId: number | null;
  values: { personId: string; role: string; voting: string; representing: string; from: DateParts; to: DateParts };
  errors: FieldErrors;
  csrfToken: string;
  people: { id: number; name: string }[];
}

export function MembershipForm({
  committee,
  membershipId,
  values,
  errors,
  csrfToken,
  people,
}: MembershipFormProps): JSX.Element {
  const base = `/manage/committees/${committee.slug}/members`;
  return (
    <FormPage
      title={membershipId === null ? 'Add a member' : 'Change a membership'}
      caption={committee.name}
      action={membershipId === null ? base : `${base}/${membershipId}`}
      csrfToken={csrfToken}
      errors={errors}
      fieldOrder={[...MEMBERSHIP_FIELDS, 'from', 'to']}
      submitText={membershipId === null ? 'Add member' : 'Save changes'}
      cancelHref={base}
    >
      <Select
        id="personId"
        label="Person"
        hint="If they are not listed, add them to the people directory first."
        value={values.personId}
        errorMessage={errors.personId}
        options={[{ value: '', text: 'Choose' }, ...people.map((p) => ({ value: String(p.id), text: p.name }))]}
      />
      <Radios
        id="role"
        legend="Role"
        errorMessage={errors.role}
        value={values.role}
        options={MEMBERSHIP_ROLES.map((r) => ({ value: r, text: MEMBERSHIP_ROLE_LABELS[r] }))}
      />
      <Radios
        id="voting"
        legend="Can they vote?"
        hint="Co-opted members other than church and parent governor representatives usually cannot."
        inline
        errorMessage={errors.voting}
        value={values.voting}
        options={[
          { value: 'yes', text: 'Yes' },
          { value: 'no', text: 'No' },
        ]}
      />
      <Input
        id="representing"
        label="Representing (optional)"
        hint="For a co-opted member, like Healthwatch Bucks"
        value={values.representing}
        errorMessage={errors.representing}
      />
      <DateInput
        id="from"
        legend="Start date (optional)"
        hint="For example, 12 5 2021"
        value={values.from}
        errorMessage={errors.from}
      />
      <DateInput
        id="to"
        legend="End date (optional)"
        hint="Leave empty while they are a member"
        value={values.to}
        errorMessage={errors.to}
      />
    </FormPage>
  );
}
