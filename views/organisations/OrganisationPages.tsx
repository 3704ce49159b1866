import type { listOrganisations } from '../../src/features/organisations/queries';
import { ORGANISATION_KINDS } from '../../src/lib/enums';
import { ORGANISATION_FIELDS } from '../../src/lib/fields';
import { ORGANISATION_KIND_LABELS } from '../../src/lib/labels';
import type { FieldErrors } from '../../src/lib/validation';
import { Input, Select } from '../components/Field';
import { FormPage } from '../components/FormPage';
import { Table } from '../components/Table';
import { Button } from '../components/Button';

export function OrganisationsPage({
  organisations,
}: {
  organisations: ReturnType<typeof listOrganisations>;
}): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <h1 class="govuk-heading-xl">Organisations</h1>
        <p class="govuk-body">Councils, NHS bodies, Healthwatch and groups whose people come before committees.</p>
        <Button text="Add an organisation" href="/manage/organisations/new" />
        <Table
          caption="Organisations"
          captionClasses="govuk-visually-hidden"
          head={[{ text: 'Name' }, { text: 'Kind' }, { text: 'Change' }]}
          rows={organisations.map((o) => [
            { text: o.shortName ? `${o.name} (${o.shortName})` : o.name },
            { text: ORGANISATION_KIND_LABELS[o.kind] },
            {
              html: (
                <a class="govuk-link" href={`/manage/organisations/${o.id}/edit`}>
                  Change<span class="govuk-visually-hidden" safe>{` ${o.name}`}</span>
                </a>
              ),
            },
          ])}
        />
      </div>
    </div>
  );
}

export interface OrganisationFormProps {
  id: number | null;
  values: Record<string, string>;
  errors: FieldErrors;
  csrfToken: string;
}

export function OrganisationForm({ id, values, errors, csrfToken }: OrganisationFormProps): JSX.Element {
  return (
    <FormPage
      title={id === null ? 'Add an organisation' : 'Change an organisation'}
      action={id === null ? '/manage/organisations' : `/manage/organisations/${id}`}
      csrfToken={csrfToken}
      errors={errors}
      fieldOrder={ORGANISATION_FIELDS}
      submitText={id === null ? 'Add organisation' : 'Save changes'}
      cancelHref="/manage/organisations"
    >
      <Input id="name" label="Name" value={values.name} errorMessage={errors.name} />
      <Input
        id="shortName"
        label="Short name (optional)"
        hint="For example, BHT or CCG"
        value={values.shortName}
        errorMessage={errors.shortName}
        classes="govuk-input--width-10"
      />
      <Select
        id="kind"
        label="Kind of organisation"
        value={values.kind}
        errorMessage={errors.kind}
        options={[
          { value: '', text: 'Choose' },
          ...ORGANISATION_KINDS.map((k) => ({ value: k, text: ORGANISATION_KIND_LABELS[k] })),
        ]}
      />
      <Input
        id="website"
        label="Website (optional)"
        type="url"
        hint="For example, https://www.healthwatchbucks.co.uk"
        value={values.website}
        errorMessage={errors.website}
        spellcheck={false}
      />
    </FormPage>
  );
}
