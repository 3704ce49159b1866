import { Button } from '../../components/Button';
import { Textarea } from '../../components/Field';
import { Csrf } from '../../components/FormParts';
import { FormError, RegionErrors, enhance, errorLinks, stateOf, type FormState } from '../../components/Live';
import { minutesBase, type MinutesScreenProps } from './parts';

/** Publishing the minutes: a region of its own, which a refused message about the whole screen also leads to. */
export const PUBLISH_REGION = 'minutes-status';
export const PUBLISH_FORM = 'publish';

export const publishErrors = (state: FormState | undefined) =>
  errorLinks(stateOf(state, PUBLISH_FORM), (field) => `publish-${field}`, PUBLISH_REGION);

export function PublishRegion(props: MinutesScreenProps): JSX.Element {
  const { data, csrfToken } = props;
  const state = stateOf(props.state, PUBLISH_FORM);
  const latest = data.versions.at(-1);
  const action = `${minutesBase(data)}/publish`;
  return (
    <section id={PUBLISH_REGION} class="app-editor-section" aria-labelledby="minutes-status-heading">
      <RegionErrors links={publishErrors(state)} fragment={props.fragment} />
      <h2 class="govuk-heading-m" id="minutes-status-heading">
        Publishing
      </h2>
      <form method="post" action={action} novalidate {...enhance(action, PUBLISH_REGION)}>
        <Csrf token={csrfToken} />
        <FormError state={state} id="publish-form-error" />
        {latest ? (
          <Textarea
            id="publish-changeSummary"
            name="changeSummary"
            label="What was corrected"
            hint="Readers see this beside the new version, with the words that changed."
            rows={2}
            value={state?.values.changeSummary}
            errorMessage={state?.errors.changeSummary}
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
