/**
 * GOV.UK form fields. Every field takes the same shape of parameters: an id
 * and name, a label, an optional hint and error message; the hint and error
 * are linked to the control with aria-describedby.
 */
interface FieldBase {
  id: string;
  name?: string;
  label: string;
  /** Show the label as the page heading (one-question pages). */
  labelIsPageHeading?: boolean;
  labelClasses?: string;
  hint?: string;
  errorMessage?: string;
  classes?: string;
  attributes?: Record<string, string | number | boolean | undefined>;
}

interface FieldShellProps extends FieldBase {
  children: JSX.Element;
}

function describedBy({ id, hint, errorMessage }: FieldBase): string | undefined {
  const ids = [hint ? `${id}-hint` : '', errorMessage ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** Label, hint and error message around a control. */
export function Field({ children, ...props }: FieldShellProps): JSX.Element {
  const label = (
    <label class={['govuk-label', props.labelClasses ?? ''].filter(Boolean).join(' ')} for={props.id} safe>
      {props.label}
    </label>
  );
  return (
    <div class={['govuk-form-group', props.errorMessage ? 'govuk-form-group--error' : ''].filter(Boolean).join(' ')}>
      {props.labelIsPageHeading ? <h1 class="govuk-label-wrapper">{label}</h1> : label}
      {props.hint ? (
        <div id={`${props.id}-hint`} class="govuk-hint" safe>
          {props.hint}
        </div>
      ) : (
        ''
      )}
      {props.errorMessage ? (
        <p id={`${props.id}-error`} class="govuk-error-message">
          <span class="govuk-visually-hidden">Error:</span> <span safe>{props.errorMessage}</span>
        </p>
      ) : (
        ''
      )}
      {children}
    </div>
  );
}

export interface InputProps extends FieldBase {
  value?: string | number | null;
  type?: 'text' | 'email' | 'number' | 'password' | 'search' | 'tel' | 'url' | 'date' | 'time';
  autocomplete?: string;
  inputmode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'url' | 'search' | 'text';
  spellcheck?: boolean;
}

export function Input(props: InputProps): JSX.Element {
  const cls = ['govuk-input', props.errorMessage ? 'govuk-input--error' : '', props.classes ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <Field {...props}>
      <input
        class={cls}
        id={props.id}
        name={props.name ?? props.id}
        type={props.type ?? 'text'}
        value={props.value === null || props.value === undefined ? undefined : String(props.value)}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        spellcheck={props.spellcheck === undefined ? undefined : String(props.spellcheck)}
        aria-describedby={describedBy(props)}
        {...props.attributes}
      />
    </Field>
  );
}

/**
 * A textarea's content as sent: HTML drops one newline straight after <textarea>, so one is put
 * there to be dropped, and a value that begins with a blank line comes back as it was typed.
 */
export function textareaContent(value: string | null | undefined): string {
  return `\n${value ?? ''}`;
}

export interface TextareaProps extends FieldBase {
  value?: string | null;
  rows?: number;
}

export function Textarea(props: TextareaProps): JSX.Element {
  const cls = ['govuk-textarea', props.errorMessage ? 'govuk-textarea--error' : '', props.classes ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <Field {...props}>
      <textarea
        class={cls}
        id={props.id}
        name={props.name ?? props.id}
        rows={String(props.rows ?? 5)}
        aria-describedby={describedBy(props)}
        {...props.attributes}
        safe
      >
        {textareaContent(props.value)}
      </textarea>
    </Field>
  );
}

export interface SelectOption {
  value: string;
  text: string;
}

export interface SelectProps extends FieldBase {
  options: SelectOption[];
  value?: string | null;
}

export function Select(props: SelectProps): JSX.Element {
  const cls = ['govuk-select', props.errorMessage ? 'govuk-select--error' : '', props.classes ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <Field {...props}>
      <select
        class={cls}
        id={props.id}
        name={props.name ?? props.id}
        aria-describedby={describedBy(props)}
        {...props.attributes}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value} safe>
            {o.text}
          </option>
        ))}
      </select>
    </Field>
  );
}
