import { DECLARATION_KINDS } from '../../../src/lib/enums';
import { DECLARATION_KIND_LABELS } from '../../../src/lib/labels';
import { declarationSentence } from '../../../src/lib/wording';
import { Button } from '../../components/Button';
import { Checkbox } from '../../components/Checkbox';
import { Input, Select, Textarea } from '../../components/Field';
import { Csrf, RemoveButton } from '../../components/FormParts';
import { RegionErrors, enhance, errorLinks, stateOf, type FormState } from '../../components/Live';
import { Radios } from '../../components/Radios';
import { AddDetails, draftKey, minutesBase, type MinutesScreenProps } from './parts';

export const DECLARATIONS_REGION = 'minutes-declarations';
export const DECLARATION_FORM = 'declaration';

export const declarationErrors = (state: FormState | undefined) =>
  errorLinks(stateOf(state, DECLARATION_FORM), (field) => `declaration-${field}`, DECLARATIONS_REGION);

/** Declarations of interest, and the form that records one. */
export function DeclarationsRegion(props: MinutesScreenProps): JSX.Element {
  const { data, csrfToken } = props;
  const state = stateOf(props.state, DECLARATION_FORM);
  const action = `${minutesBase(data)}/declarations`;
  return (
    <section id={DECLARATIONS_REGION} class="app-editor-section" aria-labelledby="declarations-heading">
      <RegionErrors links={declarationErrors(props.state)} fragment={props.fragment} />
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
              enhance={enhance(`${action}/${d.id}/remove`, DECLARATIONS_REGION)}
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
          data-draft={draftKey(props, DECLARATION_FORM)}
          {...enhance(action, DECLARATIONS_REGION)}
        >
          <Csrf token={csrfToken} />
          <Select
            id="declaration-personId"
            name="personId"
            label="Member"
            value={state?.values.personId}
            errorMessage={state?.errors.personId}
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
            errorMessage={state?.errors.itemId}
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
            errorMessage={state?.errors.kind}
            options={DECLARATION_KINDS.map((k) => ({ value: k, text: DECLARATION_KIND_LABELS[k] }))}
          />
          <Textarea
            id="declaration-nature"
            name="nature"
            label="Nature of the interest"
            rows={2}
            value={state?.values.nature}
            errorMessage={state?.errors.nature}
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
            errorMessage={state?.errors.withdrew}
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
            errorMessage={state?.errors.dispensation}
          />
          <Button text="Record declaration" variant="secondary" attributes={{ id: 'add-declaration' }} />
        </form>
      </AddDetails>
    </section>
  );
}
