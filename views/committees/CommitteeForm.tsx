import { COMMITTEE_FIELDS } from '../../src/lib/fields';
import { COMMITTEE_KINDS } from '../../src/lib/enums';
import { COMMITTEE_KIND_LABELS } from '../../src/lib/labels';
import type { FieldErrors } from '../../src/lib/validation';
import { Input, Select, Textarea } from '../components/Field';
import { FormPage } from '../components/FormPage';
import { Radios } from '../components/Radios';

export interface CommitteeFormProps {
  /** The committee's current slug when editing; null to set one up. */
  slug: string | null;
  values: Record<string, string>;
  errors: FieldErrors;
  csrfToken: string;
  people: { id: number; name: string }[];
}

/** Set up or change a committee: its details, and the rules of its meetings. */
export function CommitteeForm({ slug, values, errors, csrfToken, people }: CommitteeFormProps): JSX.Element {
  const editing = slug !== null;
  return (
    <FormPage
      title={editing ? 'Change committee details and rules' : 'Set up a committee'}
      caption={editing ? values.name : undefined}
      action={editing ? `/manage/committees/${slug}` : '/manage/committees'}
      csrfToken={csrfToken}
      errors={errors}
      fieldOrder={COMMITTEE_FIELDS}
      submitText={editing ? 'Save changes' : 'Set up committee'}
      cancelHref={editing ? `/manage/committees/${slug}` : '/manage'}
    >
      <Input id="name" label="Name" value={values.name} errorMessage={errors.name} />
      <Input
        id="slug"
        label="Short name for web addresses"
        hint="Lower-case letters, numbers and hyphens, like health-and-adult-social-care. Changing it changes the committee’s web address."
        value={values.slug}
        errorMessage={errors.slug}
        spellcheck={false}
      />
      <Radios
        id="kind"
        legend="Kind of committee"
        errorMessage={errors.kind}
        value={values.kind}
        options={COMMITTEE_KINDS.map((k) => ({ value: k, text: COMMITTEE_KIND_LABELS[k] }))}
      />
      <Textarea
        id="remit"
        label="Remit (optional)"
        hint="What the committee scrutinises, as the public will read it."
        value={values.remit}
        errorMessage={errors.remit}
      />
      <Select
        id="clerkPersonId"
        label="Clerk (optional)"
        hint="The committee and governance adviser, from the people directory."
        value={values.clerkPersonId}
        errorMessage={errors.clerkPersonId}
        options={[{ value: '', text: 'None' }, ...people.map((p) => ({ value: String(p.id), text: p.name }))]}
      />
      <Input
        id="contactEmail"
        label="Contact email (optional)"
        type="email"
        value={values.contactEmail}
        errorMessage={errors.contactEmail}
        spellcheck={false}
      />
      <Input
        id="contactPhone"
        label="Contact telephone (optional)"
        type="tel"
        value={values.contactPhone}
        errorMessage={errors.contactPhone}
        classes="govuk-input--width-20"
      />

      <h2 class="govuk-heading-m">Notice and deadlines</h2>
      <Input
        id="noticeClearDays"
        label="Notice period, in clear working days"
        hint="How long before the meeting the agenda and reports must be published. The law sets five; the day of publication and the day of the meeting do not count, nor weekends or bank holidays."
        inputmode="numeric"
        value={values.noticeClearDays}
        errorMessage={errors.noticeClearDays}
        classes="govuk-input--width-3"
      />
      <Input
        id="minutesDueWorkingDays"
        label="Draft minutes due, in working days after the meeting"
        inputmode="numeric"
        value={values.minutesDueWorkingDays}
        errorMessage={errors.minutesDueWorkingDays}
        classes="govuk-input--width-3"
      />
      <Input
        id="responseDueMonths"
        label="Months allowed for a response to a recommendation"
        inputmode="numeric"
        value={values.responseDueMonths}
        errorMessage={errors.responseDueMonths}
        classes="govuk-input--width-3"
      />

      <h2 class="govuk-heading-m">Public question scheme</h2>
      <Input
        id="questionCutoffTime"
        label="Questions close at"
        hint="A time, like 12:00 or 5pm"
        value={values.questionCutoffTime}
        errorMessage={errors.questionCutoffTime}
        classes="govuk-input--width-5"
      />
      <Input
        id="questionCutoffClearDays"
        label="Clear working days before the meeting that questions close"
        hint="For example, 3: for a Thursday meeting, questions close on the Friday before."
        inputmode="numeric"
        value={values.questionCutoffClearDays}
        errorMessage={errors.questionCutoffClearDays}
        classes="govuk-input--width-3"
      />
      <Input
        id="questionWordLimit"
        label="Word limit for a question"
        inputmode="numeric"
        value={values.questionWordLimit}
        errorMessage={errors.questionWordLimit}
        classes="govuk-input--width-4"
      />
      <Input
        id="questionsPerPerson"
        label="Questions a person may ask at one meeting"
        inputmode="numeric"
        value={values.questionsPerPerson}
        errorMessage={errors.questionsPerPerson}
        classes="govuk-input--width-3"
      />
      <Input
        id="questionsOpenDaysBefore"
        label="Days before the meeting that questions open (optional)"
        hint="Leave empty to open questions as soon as a meeting is scheduled."
        inputmode="numeric"
        value={values.questionsOpenDaysBefore}
        errorMessage={errors.questionsOpenDaysBefore}
        classes="govuk-input--width-3"
      />
      <Radios
        id="speakingRequests"
        legend="Can the public ask to speak at a meeting (a statement or a deputation)?"
        errorMessage={errors.speakingRequests}
        value={values.speakingRequests}
        options={[
          { value: 'yes', text: 'Yes', hint: 'The question form also offers to ask to speak.' },
          { value: 'no', text: 'No' },
        ]}
      />
      <Input
        id="askerEmailMonths"
        label="Months after the meeting that askers’ email addresses are kept"
        hint="Then they are erased; each question and its asker’s name stay. Six months is usual."
        inputmode="numeric"
        value={values.askerEmailMonths}
        errorMessage={errors.askerEmailMonths}
        classes="govuk-input--width-3"
      />
      {editing ? (
        <Radios
          id="status"
          legend="Status"
          errorMessage={errors.status}
          value={values.status}
          options={[
            { value: 'active', text: 'Active' },
            { value: 'dissolved', text: 'Dissolved', hint: 'Its records stay published; it no longer meets.' },
          ]}
        />
      ) : (
        ''
      )}
    </FormPage>
  );
}
