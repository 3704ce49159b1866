import type { MinutesEditorItem } from '../../../src/features/minutes/queries';
import { formatCalendarDate, formatDateTime, londonDate } from '../../../src/lib/dates';
import { exemptNotice } from '../../../src/lib/schedule12a';
import { actionLine } from '../../../src/lib/wording';
import { Button } from '../../components/Button';
import { Textarea } from '../../components/Field';
import { Csrf } from '../../components/FormParts';
import { ConfirmForm, type ConfirmProps } from '../../components/Confirm';
import { FormError, RegionErrors, enhance, stateOf } from '../../components/Live';
import { Tag } from '../../components/Tag';
import { ActionForm, ITEM_FORMS, ResolutionForm, itemFormErrors, itemRegionId } from './ItemForms';
import { AddDetails, ChangeOrRemove, draftKey, minutesBase, type MinutesScreenProps } from './parts';

type ItemProps = MinutesScreenProps & { item: MinutesEditorItem };

/** The forms whose refusal comes back in an item's record region. */
function recordForms(item: MinutesEditorItem): string[] {
  return [
    ITEM_FORMS.resolution(item.id),
    ITEM_FORMS.action(item.id),
    ITEM_FORMS.approve(item.id),
    ...item.resolutions.map((r) => ITEM_FORMS.resolutionEdit(r.id)),
    ...item.actions.map((a) => ITEM_FORMS.actionEdit(a.id)),
  ];
}

/** The error links of any form of an item (for the page's summary). */
export function itemErrors(props: ItemProps) {
  return itemFormErrors(props.state, props.item.id, [ITEM_FORMS.text(props.item.id), ...recordForms(props.item)]);
}

/** The minute of an item: saves itself as the clerk types (data-autosave), and posts as a plain form without JavaScript. */
function MinuteTextForm(props: ItemProps): JSX.Element {
  const { data, item, csrfToken } = props;
  const state = stateOf(props.state, ITEM_FORMS.text(item.id));
  const action = `${minutesBase(data)}/items/${item.id}/text`;
  const field = `minute-${item.id}`;
  return (
    <form method="post" action={action} novalidate id={`${field}-form`} data-autosave={draftKey(props, field)}>
      <Csrf token={csrfToken} />
      <input type="hidden" name="revision" value={String(state?.conflict?.revision ?? item.minuteRevision)} />
      <Textarea
        id={field}
        name="minuteText"
        label={`Minute of item ${item.number}`}
        labelClasses="govuk-label--s"
        hint="Paragraphs, lists (start a line with “- ”) and *emphasis*. It saves as you type."
        rows={8}
        value={state?.values.minuteText ?? item.minuteText}
        errorMessage={state?.errors.minuteText}
        attributes={{ spellcheck: 'true' }}
      />
      <div class="app-conflict" data-autosave-conflict hidden={state?.conflict ? undefined : true}>
        {state?.conflict ? (
          <>
            <h4 class="govuk-heading-s">The newer text, saved elsewhere</h4>
            <p class="govuk-body app-pre-line" safe>
              {state.conflict.text}
            </p>
          </>
        ) : (
          ''
        )}
      </div>
      <div class="app-inline-row">
        <Button
          text="Save minute"
          variant="secondary"
          classes="govuk-!-margin-bottom-0"
          attributes={{ id: `save-${field}` }}
        />
        <span class="govuk-body-s app-save-status" data-autosave-status aria-live="polite">
          {item.minuteText ? `Saved ${formatDateTime(item.savedAt)}` : ''}
        </span>
      </div>
    </form>
  );
}

/** An item's resolutions and actions (and, for the minutes item, approving the earlier minutes): one region. */
export function ItemRecord(props: ItemProps): JSX.Element {
  const { data, item, csrfToken } = props;
  const region = itemRegionId(item.id);
  const regionState = props.state && recordForms(item).includes(props.state.form) ? props.state : undefined;
  const resolutionState = stateOf(props.state, ITEM_FORMS.resolution(item.id));
  const actionState = stateOf(props.state, ITEM_FORMS.action(item.id));
  const itemBase = `${minutesBase(data)}/items/${item.id}`;
  return (
    <div id={region}>
      <RegionErrors links={itemFormErrors(regionState, item.id, recordForms(item))} fragment={props.fragment} />
      <FormError state={regionState} />
      <h4 class="govuk-heading-s govuk-!-margin-bottom-1">Resolutions</h4>
      {item.resolutions.length === 0 ? <p class="govuk-body-s">None.</p> : ''}
      <ol class="govuk-list govuk-list--number">
        {item.resolutions.map((r) => {
          const editState = stateOf(props.state, ITEM_FORMS.resolutionEdit(r.id));
          return (
            <li>
              {editState ? (
                <ResolutionForm
                  prefix={ITEM_FORMS.resolutionEdit(r.id)}
                  action={`${minutesBase(data)}/resolutions/${r.id}`}
                  region={region}
                  state={editState}
                  csrfToken={csrfToken}
                  submit="Save resolution"
                  draftKey={null}
                />
              ) : (
                <>
                  <span safe>{r.text}</span> <Tag text={r.outcome} colour="blue" />
                  {!r.approvesMinutes ? (
                    <ChangeOrRemove
                      url={`${minutesBase(data)}/resolutions/${r.id}`}
                      focus={`${ITEM_FORMS.resolutionEdit(r.id)}-text`}
                      region={region}
                      what={`resolution: ${r.text.slice(0, 60)}`}
                      removeId={`remove-resolution-${r.id}`}
                      csrfToken={csrfToken}
                    />
                  ) : (
                    ''
                  )}
                </>
              )}
            </li>
          );
        })}
      </ol>
      <AddDetails summary="Add a resolution" to={`to item ${item.number}`} open={resolutionState !== undefined}>
        <ResolutionForm
          prefix={ITEM_FORMS.resolution(item.id)}
          action={`${itemBase}/resolutions`}
          region={region}
          state={resolutionState}
          csrfToken={csrfToken}
          submit="Add resolution"
          draftKey={draftKey(props, ITEM_FORMS.resolution(item.id))}
        />
      </AddDetails>

      <h4 class="govuk-heading-s govuk-!-margin-bottom-1">Actions</h4>
      {item.actions.length === 0 ? <p class="govuk-body-s">None.</p> : ''}
      <ul class="govuk-list">
        {item.actions.map((a) => {
          const editState = stateOf(props.state, ITEM_FORMS.actionEdit(a.id));
          return (
            <li>
              {editState ? (
                <ActionForm
                  prefix={ITEM_FORMS.actionEdit(a.id)}
                  action={`${minutesBase(data)}/actions/${a.id}`}
                  region={region}
                  state={editState}
                  people={data.people}
                  csrfToken={csrfToken}
                  submit="Save action"
                  draftKey={null}
                />
              ) : (
                <>
                  <strong>ACTION:</strong> <span safe>{actionLine(a)}</span>
                  <ChangeOrRemove
                    url={`${minutesBase(data)}/actions/${a.id}`}
                    focus={`${ITEM_FORMS.actionEdit(a.id)}-owners`}
                    region={region}
                    what={`action: ${a.description.slice(0, 60)}`}
                    removeId={a.hasUpdates ? null : `remove-action-${a.id}`}
                    csrfToken={csrfToken}
                  />
                </>
              )}
            </li>
          );
        })}
      </ul>
      <AddDetails summary="Add an action" to={`to item ${item.number}`} open={actionState !== undefined}>
        <ActionForm
          prefix={ITEM_FORMS.action(item.id)}
          action={`${itemBase}/actions`}
          region={region}
          state={actionState}
          people={data.people}
          csrfToken={csrfToken}
          submit="Add action"
          draftKey={draftKey(props, ITEM_FORMS.action(item.id))}
        />
      </AddDetails>
      {item.confirms ? <ApprovalPanel {...props} item={item} region={region} /> : ''}
    </div>
  );
}

/** The question asked before recording an approval: approved minutes are locked for good. */
export function approvalQuestion(props: ItemProps): ConfirmProps | null {
  const { data, item } = props;
  if (!item.confirms) return null;
  const day = formatCalendarDate(londonDate(item.confirms.startsAt));
  const action = `${minutesBase(data)}/items/${item.id}/approve`;
  const amendments = (props.state?.values.amendments ?? '').trim();
  return {
    title: `Record the approval of the minutes of ${day}?`,
    paragraphs: [
      `The resolution is added to item ${item.number}, and version ${item.confirms.latestVersion} of the minutes of ${day} becomes their approved record${amendments ? ', with the amendments agreed' : ''}.`,
    ],
    warning:
      'Approved minutes are locked for good, and so is that meeting’s agenda: a later correction can only be recorded as an amendment beside them.',
    action,
    values: props.state?.values ?? {},
    confirmText: 'Yes, record the approval',
    back: { text: 'Change what was written' },
    csrfToken: props.csrfToken,
    enhance: enhance(action, itemRegionId(item.id)),
    headingId: approvalQuestionId(item.id),
  };
}

/** The approval question's heading: it takes the keyboard when the question replaces the form. */
export const approvalQuestionId = (itemId: number) => `approve-${itemId}-question`;

function ApprovalPanel(props: ItemProps & { region: string }): JSX.Element {
  const { data, item, csrfToken } = props;
  const confirms = item.confirms;
  if (!confirms) return '';
  const form = ITEM_FORMS.approve(item.id);
  const state = stateOf(props.state, form);
  const day = formatCalendarDate(londonDate(confirms.startsAt));
  const action = `${minutesBase(data)}/items/${item.id}/approve`;
  return (
    <div class="govuk-inset-text" id={form}>
      <h4 class="govuk-heading-s" safe>{`Approving the minutes of ${day}`}</h4>
      {confirms.minutesStatus === 'approved' ? (
        <p class="govuk-body">Approved by the resolution above. They are now locked.</p>
      ) : confirms.latestVersion === null ? (
        <p class="govuk-body">They have not been published yet, so the committee cannot approve them.</p>
      ) : state?.confirming ? (
        <ConfirmForm {...(approvalQuestion(props) as ConfirmProps)} />
      ) : (
        <form method="post" action={action} novalidate {...enhance(action, props.region)}>
          <Csrf token={csrfToken} />
          {confirms.unpublishedChanges ? (
            <p class="govuk-body govuk-!-font-weight-bold">
              They have changes that were never published: publish them as a correction first, so the committee approves
              what it has read.
            </p>
          ) : (
            ''
          )}
          <Textarea
            id={`${form}-text`}
            name="text"
            label="Resolution"
            rows={2}
            value={state?.values.text ?? `The minutes of the meeting held on ${day} were AGREED as an accurate record.`}
            errorMessage={state?.errors.text}
          />
          <Textarea
            id={`${form}-amendments`}
            name="amendments"
            label="Amendments agreed (optional)"
            hint="One per paragraph, starting with the item it corrects, like “Item 3: …”. They are recorded with the approved minutes, which are otherwise locked; one to an item not for publication stays private."
            rows={3}
            value={state?.values.amendments}
            errorMessage={state?.errors.amendments}
          />
          <Button
            text={`Record the approval of version ${confirms.latestVersion}`}
            attributes={{ id: `${form}-submit` }}
          />
        </form>
      )}
    </div>
  );
}

/** One item of the minutes: its minute text, and its record region. */
export function ItemSection(props: ItemProps): JSX.Element {
  const { item } = props;
  return (
    <section class="app-editor-item" id={`item-${item.id}`} aria-labelledby={`item-${item.id}-heading`}>
      <h3 class="govuk-heading-m" id={`item-${item.id}-heading`} safe>
        {`${item.number}. ${item.title}`}
      </h3>
      {item.exemptParagraph !== null ? (
        <p class="govuk-body">
          <Tag text={exemptNotice(item.exemptParagraph)} colour="red" />{' '}
          <span class="govuk-body-s">The public minutes show the title and paragraph only.</span>
        </p>
      ) : (
        ''
      )}
      <MinuteTextForm {...props} />
      <ItemRecord {...props} />
    </section>
  );
}
