import type { FieldErrors } from '../../src/lib/validation';
import { ErrorSummary } from './ErrorSummary';

/**
 * What the live screens (the agenda editor, the minutes) share. A screen is a
 * set of regions; each region is one component that renders inside the page
 * and alone, as the fragment its routes return. Its forms post normally and
 * htmx swaps the region in place (`enhance`). A refused form comes back as a
 * FormState: what was typed, and a message per field, keyed by field name.
 */

export type FormValues = Record<string, string>;

/** A form that came back refused, or is open for a change: its name, what was typed, what is wrong. */
export interface FormState {
  /** The form's name, spelled by the region that owns it ("resolution-12"). */
  form: string;
  values: FormValues;
  /** By field name; `_form` for a message about the whole form. */
  errors: FieldErrors;
  /** A text saved elsewhere meanwhile (a minute's autosave). */
  conflict?: { text: string; revision: number };
  /** The values passed every check and wait for a yes: an irreversible step asks first. */
  confirming?: boolean;
}

/** Attributes that make a form post in place and swap its region. */
export function enhance(action: string, region: string): Record<string, string> {
  return { 'hx-post': action, 'hx-target': `#${region}`, 'hx-swap': 'outerHTML' };
}

/** The state of one form, when it is that form's. */
export function stateOf(state: FormState | undefined, form: string): FormState | undefined {
  return state?.form === form ? state : undefined;
}

/** A form's errors as error-summary links: each field's to its input, a whole-form message to `whole`. */
export function errorLinks(
  state: FormState | undefined,
  idOf: (field: string) => string,
  whole: string,
): { text: string; href: string }[] {
  if (!state) return [];
  return Object.entries(state.errors).map(([field, text]) => ({
    text,
    href: field.startsWith('_') ? `#${whole}` : `#${idOf(field)}`,
  }));
}

/** A region sent alone (an htmx swap) carries its own error summary; inside the page, the page's does. */
export function RegionErrors({
  links,
  fragment,
}: {
  links: { text: string; href: string }[];
  fragment: boolean | undefined;
}): JSX.Element {
  return fragment && links.length > 0 ? <ErrorSummary errors={links} /> : '';
}

/** A whole-form message shown in place, above the form it is about. */
export function FormError({ state, id }: { state: FormState | undefined; id?: string }): JSX.Element {
  const message = state?.errors._form;
  return message ? (
    <p class="govuk-error-message" id={id} safe>
      {message}
    </p>
  ) : (
    ''
  );
}
