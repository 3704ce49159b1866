import { formatTime } from '../../../src/lib/dates';
import { Button } from '../../components/Button';
import { Input } from '../../components/Field';
import { Csrf } from '../../components/FormParts';
import { RegionErrors, errorLinks, stateOf, type FormState } from '../../components/Live';
import { PUBLISH_REGION } from './PublishRegion';
import { draftKey, minutesBase, type MinutesScreenProps } from './parts';

export const TIMES_REGION = 'minutes-times';
export const TIMES_FORM = 'times';

export const timesErrors = (state: FormState | undefined) =>
  errorLinks(stateOf(state, TIMES_FORM), (field) => field, PUBLISH_REGION);

/** When the meeting began and ended: saves as the clerk types. */
export function TimesRegion(props: MinutesScreenProps): JSX.Element {
  const { data, csrfToken } = props;
  const state = stateOf(props.state, TIMES_FORM);
  const action = `${minutesBase(data)}/times`;
  const value = (field: 'startedAt' | 'endedAt') =>
    state?.values[field] ?? (data.meeting[field] ? formatTime(data.meeting[field]) : '');
  return (
    <section id={TIMES_REGION} class="app-editor-section" aria-labelledby="times-heading">
      <RegionErrors links={timesErrors(state)} fragment={props.fragment} />
      <h2 class="govuk-heading-m" id="times-heading">
        Start and end
      </h2>
      <form method="post" action={action} novalidate data-autosave={draftKey(props, TIMES_FORM)}>
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
