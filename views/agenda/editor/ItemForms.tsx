import type { EditorItem } from '../../../src/features/agenda/editor';
import { AGENDA_ITEM_KINDS, DOCUMENT_KINDS } from '../../../src/lib/enums';
import { DOCUMENT_KIND_LABELS } from '../../../src/lib/labels';
import type { FieldErrors } from '../../../src/lib/validation';
import { Button } from '../../components/Button';
import { Input, Select, Textarea } from '../../components/Field';
import { Csrf } from '../../components/FormParts';
import { WarningText } from '../../components/WarningText';
import { enhance, type FormState, type FormValues } from '../../components/Live';
import { AGENDA_FORMS, DRAFT_REGION, ITEM_KIND_LABELS, PARAGRAPHS, agendaBase } from './parts';

/** An item's details: adding one (form "new"), or changing it in place. */
export function ItemForm({
  meetingId,
  item,
  values,
  errors,
  csrfToken,
}: {
  meetingId: number;
  item: EditorItem | null;
  values: FormValues;
  errors: FieldErrors;
  csrfToken: string;
}): JSX.Element {
  const p = `${item ? AGENDA_FORMS.edit(item.id) : AGENDA_FORMS.add}-`;
  const action = item
    ? `/manage/meetings/${meetingId}/agenda/items/${item.id}`
    : `/manage/meetings/${meetingId}/agenda/items`;
  return (
    <form method="post" action={action} novalidate class="app-item-form" {...enhance(action, DRAFT_REGION)}>
      <Csrf token={csrfToken} />
      <Input id={`${p}title`} name="title" label="Title" value={values.title} errorMessage={errors.title} />
      <Textarea
        id={`${p}purpose`}
        name="purpose"
        label="Purpose (optional)"
        hint="What the committee is asked to do or will hear. Blank lines start new paragraphs."
        value={values.purpose}
        errorMessage={errors.purpose}
        rows={3}
      />
      <Select
        id={`${p}kind`}
        name="kind"
        label="Kind of item"
        value={values.kind || 'business'}
        errorMessage={errors.kind}
        options={AGENDA_ITEM_KINDS.map((k) => ({ value: k, text: ITEM_KIND_LABELS[k] }))}
      />
      <div class="app-field-row">
        <Input
          id={`${p}plannedStart`}
          name="plannedStart"
          label="Planned start (optional)"
          hint="Like 10:05; blank to follow on from the item before"
          value={values.plannedStart}
          errorMessage={errors.plannedStart}
          classes="govuk-input--width-5"
        />
        <Input
          id={`${p}durationMinutes`}
          name="durationMinutes"
          label="Minutes allowed (optional)"
          inputmode="numeric"
          value={values.durationMinutes}
          errorMessage={errors.durationMinutes}
          classes="govuk-input--width-3"
        />
      </div>
      <Select
        id={`${p}exemptParagraph`}
        name="exemptParagraph"
        label="Open or exempt"
        hint="An exempt item shows only its title and paragraph to the public."
        value={values.exemptParagraph}
        errorMessage={errors.exemptParagraph}
        options={PARAGRAPHS}
      />
      <Textarea
        id={`${p}exemptReason`}
        name="exemptReason"
        label="Public interest reason (exempt items only)"
        hint="Why keeping the information private outweighs the public interest in publishing it."
        value={values.exemptReason}
        errorMessage={errors.exemptReason}
        rows={2}
      />
      <div class="govuk-button-group">
        <Button
          text={item ? 'Save item' : 'Add item'}
          attributes={{ id: item ? `save-item-${item.id}` : 'add-item' }}
        />
        {item ? (
          <a class="govuk-link" href={`/manage/meetings/${meetingId}/agenda#item-${item.id}`}>
            Cancel
          </a>
        ) : (
          ''
        )}
      </div>
    </form>
  );
}

export function itemValues(
  item: Pick<
    EditorItem,
    'title' | 'purpose' | 'kind' | 'plannedStart' | 'durationMinutes' | 'exemptParagraph' | 'exemptReason'
  >,
): FormValues {
  return {
    title: item.title,
    purpose: item.purpose,
    kind: item.kind,
    plannedStart: item.plannedStart ?? '',
    durationMinutes: item.durationMinutes === null ? '' : String(item.durationMinutes),
    exemptParagraph: item.exemptParagraph === null ? '' : String(item.exemptParagraph),
    exemptReason: item.exemptReason ?? '',
  };
}

/** Adds a presenter to an item: from the directory, or someone new. */
export function PresenterForm({
  meetingId,
  item,
  people,
  state,
  csrfToken,
}: {
  meetingId: number;
  item: EditorItem;
  people: { id: number; name: string }[];
  state: FormState | undefined;
  csrfToken: string;
}): JSX.Element {
  const base = `${agendaBase(meetingId)}/items/${item.id}`;
  const form = AGENDA_FORMS.presenter(item.id);
  return (
    <details class="govuk-details" open={state ? true : undefined}>
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">
          Add a presenter<span class="govuk-visually-hidden" safe>{` to ${item.title}`}</span>
        </span>
      </summary>
      <div class="govuk-details__text">
        <form method="post" action={`${base}/presenters`} novalidate {...enhance(`${base}/presenters`, DRAFT_REGION)}>
          <Csrf token={csrfToken} />
          {item.exemptParagraph !== null ? (
            <WarningText text="This item is not for publication, but the people directory is shared: a new presenter’s name and capacity can be seen by the clerks of every committee. Add only what may be shared." />
          ) : (
            ''
          )}
          <Select
            id={`${form}-personId`}
            name="personId"
            label="From the people directory"
            value={state?.values.personId ?? ''}
            errorMessage={state?.errors.personId}
            options={[{ value: '', text: 'Choose' }, ...people.map((p) => ({ value: String(p.id), text: p.name }))]}
          />
          <Input
            id={`${form}-newPersonName`}
            name="newPersonName"
            label="Or someone new, by the name the minutes will use"
            hint="Like Dr J Kent. They are added to the people directory, which the clerks of every committee see."
            value={state?.values.newPersonName}
            errorMessage={state?.errors.newPersonName}
          />
          <Input
            id={`${form}-capacity`}
            name="capacity"
            label="Capacity (optional)"
            hint="Like Chief Executive, Healthwatch Bucks"
            value={state?.values.capacity}
            errorMessage={state?.errors.capacity}
          />
          <Button text="Add presenter" variant="secondary" attributes={{ id: `add-presenter-${item.id}` }} />
        </form>
      </div>
    </details>
  );
}

/** Uploads a paper (a PDF) to an item. */
export function PaperForm({
  meetingId,
  item,
  state,
  csrfToken,
}: {
  meetingId: number;
  item: EditorItem;
  state: FormState | undefined;
  csrfToken: string;
}): JSX.Element {
  const base = `${agendaBase(meetingId)}/items/${item.id}`;
  const form = AGENDA_FORMS.paper(item.id);
  return (
    <details class="govuk-details" open={state ? true : undefined}>
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">
          Add a paper<span class="govuk-visually-hidden" safe>{` to ${item.title}`}</span>
        </span>
      </summary>
      <div class="govuk-details__text">
        <form
          method="post"
          action={`${base}/papers`}
          enctype="multipart/form-data"
          novalidate
          hx-encoding="multipart/form-data"
          {...enhance(`${base}/papers`, DRAFT_REGION)}
        >
          <Csrf token={csrfToken} />
          <div
            class={['govuk-form-group', state?.errors.file ? 'govuk-form-group--error' : ''].filter(Boolean).join(' ')}
          >
            <label class="govuk-label" for={`${form}-file`}>
              PDF file
            </label>
            <div id={`${form}-file-hint`} class="govuk-hint">
              A PDF, not password-protected.
            </div>
            {state?.errors.file ? (
              <p id={`${form}-file-error`} class="govuk-error-message">
                <span class="govuk-visually-hidden">Error:</span> <span safe>{state.errors.file ?? ''}</span>
              </p>
            ) : (
              ''
            )}
            <input
              class="govuk-file-upload"
              id={`${form}-file`}
              name="file"
              type="file"
              accept="application/pdf,.pdf"
              aria-describedby={`${form}-file-hint${state?.errors.file ? ` ${form}-file-error` : ''}`}
            />
          </div>
          <Input
            id={`${form}-title`}
            name="title"
            label="Title"
            value={state?.values.title}
            errorMessage={state?.errors.title}
          />
          <Select
            id={`${form}-kind`}
            name="kind"
            label="Kind of paper"
            value={state?.values.kind ?? 'report'}
            errorMessage={state?.errors.kind}
            options={DOCUMENT_KINDS.map((k) => ({ value: k, text: DOCUMENT_KIND_LABELS[k] }))}
          />
          <Select
            id={`${form}-exemptParagraph`}
            name="exemptParagraph"
            label="Open or exempt"
            hint="Papers of an exempt item are always exempt."
            value={state?.values.exemptParagraph ?? ''}
            errorMessage={state?.errors.exemptParagraph}
            options={PARAGRAPHS}
          />
          <Button text="Upload paper" variant="secondary" attributes={{ id: `upload-paper-${item.id}` }} />
        </form>
      </div>
    </details>
  );
}
