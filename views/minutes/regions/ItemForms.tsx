import { RESOLUTION_OUTCOMES } from '../../../src/lib/enums';
import { partsOf, type DateParts } from '../../../src/lib/forms';
import { Button } from '../../components/Button';
import { DateInput } from '../../components/DateInput';
import { Input, Select, Textarea } from '../../components/Field';
import { Csrf } from '../../components/FormParts';
import { enhance, errorLinks, type FormState, type FormValues } from '../../components/Live';
import type { ConfirmProps } from '../../components/Confirm';

/** The forms of an item's region, by name: each field's id is `<form>-<field>`. */
export const ITEM_FORMS = {
  /** The minute text: its box is minute-<itemId>. */
  text: (itemId: number) => `text-${itemId}`,
  resolution: (itemId: number) => `resolution-${itemId}`,
  resolutionEdit: (resolutionId: number) => `resolution-edit-${resolutionId}`,
  /** An action's due date posts as <form>-due-day, -month and -year. */
  action: (itemId: number) => `action-${itemId}`,
  actionEdit: (actionId: number) => `action-edit-${actionId}`,
  approve: (itemId: number) => `approve-${itemId}`,
};

/** The region of an item's record: its resolutions, its actions and (for the minutes item) the approval. */
export const itemRegionId = (itemId: number) => `item-${itemId}-record`;

/** The error links of a form of an item's region (or none, when the state is another form's). */
export function itemFormErrors(state: FormState | undefined, itemId: number, forms: string[]) {
  if (!state || !forms.includes(state.form)) return [];
  const idOf =
    state.form === ITEM_FORMS.text(itemId) ? () => `minute-${itemId}` : (field: string) => `${state.form}-${field}`;
  return errorLinks(state, idOf, itemRegionId(itemId));
}

const OUTCOME_OPTIONS = [
  { value: '', text: 'As written in capitals in the text' },
  ...RESOLUTION_OUTCOMES.map((o) => ({ value: o, text: o })),
];

/** An action form's due date as typed: its three boxes, named after the form. */
export function dueValues(form: string, due: DateParts): FormValues {
  return { [`${form}-due-day`]: due.day, [`${form}-due-month`]: due.month, [`${form}-due-year`]: due.year };
}

export function ResolutionForm(props: {
  prefix: string;
  action: string;
  region: string;
  state: FormState | undefined;
  csrfToken: string;
  submit: string;
  draftKey: string | null;
}): JSX.Element {
  const { prefix, state } = props;
  return (
    <form
      method="post"
      action={props.action}
      novalidate
      data-draft={props.draftKey ?? undefined}
      {...enhance(props.action, props.region)}
    >
      <Csrf token={props.csrfToken} />
      <Textarea
        id={`${prefix}-text`}
        name="text"
        label="Resolution"
        hint="As minuted, like “The Committee NOTED the report.”"
        rows={3}
        value={state?.values.text}
        errorMessage={state?.errors.text}
      />
      <Select
        id={`${prefix}-outcome`}
        name="outcome"
        label="Outcome"
        value={state?.values.outcome}
        errorMessage={state?.errors.outcome}
        options={OUTCOME_OPTIONS}
      />
      <Button text={props.submit} variant="secondary" attributes={{ id: `${prefix}-submit` }} />
    </form>
  );
}

export function ActionForm(props: {
  prefix: string;
  action: string;
  region: string;
  state: FormState | undefined;
  people: { id: number; name: string }[];
  csrfToken: string;
  submit: string;
  draftKey: string | null;
}): JSX.Element {
  const { prefix, state } = props;
  const due = {
    day: state?.values[`${prefix}-due-day`] ?? '',
    month: state?.values[`${prefix}-due-month`] ?? '',
    year: state?.values[`${prefix}-due-year`] ?? '',
  };
  return (
    <form
      method="post"
      action={props.action}
      novalidate
      data-draft={props.draftKey ?? undefined}
      {...enhance(props.action, props.region)}
    >
      <Csrf token={props.csrfToken} />
      <Input
        id={`${prefix}-owners`}
        name="owners"
        label="Owner or owners"
        hint="From the directory or any name; several as Mr A Turner/Ms F Cayley"
        value={state?.values.owners}
        errorMessage={state?.errors.owners}
        attributes={{ list: 'minutes-people', autocomplete: 'off' }}
      />
      <Textarea
        id={`${prefix}-description`}
        name="description"
        label="What is to be done"
        rows={2}
        value={state?.values.description}
        errorMessage={state?.errors.description}
      />
      <DateInput
        id={`${prefix}-due`}
        legend="Due by (optional)"
        hint="For example, 31 1 2021"
        value={due}
        errorMessage={state?.errors.due}
      />
      <Button text={props.submit} variant="secondary" attributes={{ id: `${prefix}-submit` }} />
    </form>
  );
}

/** The values an edit form starts from. */
export function resolutionValues(r: { text: string; outcome: string }): FormValues {
  return { text: r.text, outcome: r.outcome };
}

export function actionValues(
  id: number,
  a: { owners: string[]; description: string; dueDate: string | null },
): FormValues {
  const due = partsOf(a.dueDate);
  return {
    owners: a.owners.join('/'),
    description: a.description,
    ...dueValues(ITEM_FORMS.actionEdit(id), due),
  };
}

/** The question asked before removing a resolution or an action: the removal cannot be undone. */
export function removalQuestion(q: {
  what: 'resolution' | 'action';
  text: string;
  action: string;
  back: string;
  csrfToken: string;
}): ConfirmProps {
  return {
    title: `Remove this ${q.what}?`,
    paragraphs: [
      q.text,
      q.what === 'action' ? 'Its owners are no longer asked for it.' : 'It no longer appears in the minutes.',
    ],
    warning: 'It cannot be put back: add it again if it was removed by mistake.',
    action: q.action,
    values: {},
    confirmText: `Yes, remove the ${q.what}`,
    back: { text: `Keep the ${q.what}`, href: q.back },
    csrfToken: q.csrfToken,
    destructive: true,
  };
}
