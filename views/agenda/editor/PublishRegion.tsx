import { Button } from '../../components/Button';
import { Input, Textarea } from '../../components/Field';
import { Csrf } from '../../components/FormParts';
import { ConfirmForm, type ConfirmProps } from '../../components/Confirm';
import { RegionErrors, enhance, stateOf } from '../../components/Live';
import { AGENDA_FORMS, PUBLISH_REGION, editorErrors, type AgendaEditorProps } from './parts';

/** The question asked before publishing: publishing cannot be undone. */
export function publishQuestion(props: AgendaEditorProps): ConfirmProps {
  const { data } = props;
  const version = (data.published?.version ?? 0) + 1;
  const action = `/manage/meetings/${data.meeting.id}/agenda/publish`;
  return {
    title: version > 1 ? `Publish supplement ${version - 1} (version ${version})?` : 'Publish the agenda?',
    paragraphs: [
      `The public sees version ${version} at once, with its ${data.items.length} item${data.items.length === 1 ? '' : 's'} and open papers, and the agenda pack is built.`,
      ...(data.deadline.late
        ? [
            'It is after the last day the law allows: the public agenda states the special circumstances and the chairman’s agreement.',
          ]
        : []),
    ],
    warning: 'A published version cannot be withdrawn or changed: a correction is published as a later supplement.',
    action,
    values: props.state?.values ?? {},
    confirmText: version > 1 ? `Yes, publish version ${version}` : 'Yes, publish the agenda',
    back: { text: 'Change what was written' },
    csrfToken: props.csrfToken,
    enhance: enhance(action, PUBLISH_REGION),
    headingId: PUBLISH_QUESTION,
  };
}

/** The question's heading: it takes the keyboard when the question replaces the form. */
export const PUBLISH_QUESTION = 'publish-question';

/** Publishing the agenda (or a supplement): empty until there is an item to publish. */
export function PublishRegion(props: AgendaEditorProps & { oob?: boolean }): JSX.Element {
  const { data, csrfToken, canEdit } = props;
  const meetingId = data.meeting.id;
  const deadline = data.deadline;
  const version = (data.published?.version ?? 0) + 1;
  const state = stateOf(props.state, AGENDA_FORMS.publish);
  return (
    <div id={PUBLISH_REGION} hx-swap-oob={props.oob ? 'true' : undefined}>
      <RegionErrors links={editorErrors(state)} fragment={props.fragment} />
      {canEdit && data.items.length > 0 && state?.confirming ? (
        <section class="app-editor-section">
          <ConfirmForm {...publishQuestion(props)} />
        </section>
      ) : canEdit && data.items.length > 0 ? (
        <section aria-labelledby="publish-heading" class="app-editor-section">
          <h2 class="govuk-heading-m" id="publish-heading">
            {version > 1 ? `Publish supplement ${version - 1} (version ${version})` : 'Publish the agenda'}
          </h2>
          <form
            method="post"
            action={`/manage/meetings/${meetingId}/agenda/publish`}
            novalidate
            {...enhance(`/manage/meetings/${meetingId}/agenda/publish`, PUBLISH_REGION)}
          >
            <Csrf token={csrfToken} />
            {version > 1 ? (
              <Textarea
                id="changeSummary"
                label="What has changed since the last version"
                hint="The public agenda shows this."
                value={state?.values.changeSummary}
                errorMessage={state?.errors.changeSummary}
                rows={2}
              />
            ) : (
              ''
            )}
            {deadline.late ? (
              <>
                <Textarea
                  id="lateReason"
                  label="Special circumstances that make this late"
                  hint="The public agenda and the minutes will state them."
                  value={state?.values.lateReason}
                  errorMessage={state?.errors.lateReason}
                  rows={2}
                />
                <Input
                  id="chairmanAgreement"
                  label="The chairman’s agreement"
                  hint="Who agreed, and when: like Agreed by Cllr J MacBean on 5 January 2021"
                  value={state?.values.chairmanAgreement}
                  errorMessage={state?.errors.chairmanAgreement}
                />
              </>
            ) : (
              ''
            )}
            <Button
              text={version > 1 ? 'Publish supplement' : 'Publish agenda'}
              attributes={{ id: 'publish-agenda' }}
              preventDoubleClick
            />
          </form>
        </section>
      ) : (
        ''
      )}
    </div>
  );
}
