import type { PersonListing } from '../../src/features/people/queries';
import { PERSON_KINDS } from '../../src/lib/enums';
import { PERSON_FIELDS } from '../../src/lib/fields';
import { PERSON_KIND_LABELS } from '../../src/lib/labels';
import type { FieldErrors } from '../../src/lib/validation';
import { Input, Select } from '../components/Field';
import { FormPage } from '../components/FormPage';
import { Table } from '../components/Table';
import { Button } from '../components/Button';

export function PeoplePage({ people }: { people: PersonListing[] }): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <h1 class="govuk-heading-xl">People</h1>
        <p class="govuk-body">Members, officers, presenters and guests, by the name the minutes use.</p>
        <Button text="Add a person" href="/manage/people/new" />
        <Table
          caption="People"
          captionClasses="govuk-visually-hidden"
          head={[{ text: 'Name as minuted' }, { text: 'Role' }, { text: 'Kind' }, { text: 'Change' }]}
          rows={people.map((p) => [
            { text: p.fullName && p.fullName !== p.name ? `${p.name} (${p.fullName})` : p.name },
            { text: [p.jobTitle, p.organisation].filter(Boolean).join(', ') },
            { text: PERSON_KIND_LABELS[p.kind] },
            {
              html: (
                <a class="govuk-link" href={`/manage/people/${p.id}/edit`}>
                  Change<span class="govuk-visually-hidden" safe>{` ${p.name}`}</span>
                </a>
              ),
            },
          ])}
        />
      </div>
    </div>
  );
}

export interface PersonFormProps {
  id: number | null;
  values: Record<string, string>;
  errors: FieldErrors;
  csrfToken: string;
  organisations: { id: number; name: string }[];
}

export function PersonForm({ id, values, errors, csrfToken, organisations }: PersonFormProps): JSX.Element {
  return (
    <FormPage
      title={id === null ? 'Add a person' : 'Change a person'}
      action={id === null ? '/manage/people' : `/manage/people/${id}`}
      csrfToken={csrfToken}
      errors={errors}
      fieldOrder={PERSON_FIELDS}
      submitText={id === null ? 'Add person' : 'Save changes'}
      cancelHref="/manage/people"
    >
      <Input
        id="name"
        label="Name as minuted"
        hint="As the minutes write it, like Mr A Turner or Dr J Kent"
        value={values.name}
        errorMessage={errors.name}
      />
      <Input id="fullName" label="Full name (optional)" value={values.fullName} errorMessage={errors.fullName} />
      <Input
        id="honorific"
        label="Title (optional)"
        hint="Mr, Ms, Mrs, Dr, Cllr"
        value={values.honorific}
        errorMessage={errors.honorific}
        classes="govuk-input--width-5"
      />
      <Input
        id="jobTitle"
        label="Job title (optional)"
        hint="For example, Chief Executive"
        value={values.jobTitle}
        errorMessage={errors.jobTitle}
      />
      <Select
        id="organisationId"
        label="Organisation (optional)"
        value={values.organisationId}
        errorMessage={errors.organisationId}
        options={[{ value: '', text: 'None' }, ...organisations.map((o) => ({ value: String(o.id), text: o.name }))]}
      />
      <Select
        id="kind"
        label="Kind"
        value={values.kind}
        errorMessage={errors.kind}
        options={[
          { value: '', text: 'Choose' },
          ...PERSON_KINDS.map((k) => ({ value: k, text: PERSON_KIND_LABELS[k] })),
        ]}
      />
    </FormPage>
  );
}
