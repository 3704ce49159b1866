import { formatDateTime } from '../../../src/lib/dates';
import { Button } from '../../components/Button';
import { Select, Textarea } from '../../components/Field';
import { Csrf } from '../../components/FormParts';
import { FormError, RegionErrors, enhance, errorLinks, stateOf, type FormState } from '../../components/Live';
import { minutesBase, type MinutesScreenProps } from './parts';

export const AMENDMENTS_REGION = 'minutes-amendments';
export const AMENDMENT_FORM = 'amendment';

export const amendmentErrors = (state: FormState | undefined) =>
  errorLinks(stateOf(state, AMENDMENT_FORM), (field) => `amendment-${field}`, AMENDMENTS_REGION);

/** Corrections to approved minutes: recorded beside them, never written into them. */
export function AmendmentsRegion(props: MinutesScreenProps): JSX.Element {
  const { data, csrfToken } = props;
  const state = stateOf(props.state, AMENDMENT_FORM);
  const action = `${minutesBase(data)}/amendments`;
  return (
    <section id={AMENDMENTS_REGION} class="app-editor-section" aria-labelledby="amendments-heading">
      <RegionErrors links={amendmentErrors(state)} fragment={props.fragment} />
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
      <form method="post" action={action} novalidate {...enhance(action, AMENDMENTS_REGION)}>
        <Csrf token={csrfToken} />
        <FormError state={state} />
        <Select
          id="amendment-itemNumber"
          name="itemNumber"
          label="Item"
          value={state?.values.itemNumber}
          errorMessage={state?.errors.itemNumber}
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
          errorMessage={state?.errors.text}
        />
        <Textarea
          id="amendment-reason"
          name="reason"
          label="Why, and on whose authority"
          rows={2}
          value={state?.values.reason}
          errorMessage={state?.errors.reason}
        />
        <Button text="Record the amendment" variant="secondary" attributes={{ id: 'add-amendment' }} />
      </form>
    </section>
  );
}
