export interface CheckboxProps {
  id: string;
  name: string;
  /** Sent when ticked. */
  value?: string;
  label: string;
  hint?: string;
  checked: boolean;
}

/** One GOV.UK checkbox, small, in its own form group: a yes-or-no question. */
export function Checkbox({ id, name, value = 'yes', label, hint, checked }: CheckboxProps): JSX.Element {
  return (
    <div class="govuk-form-group">
      <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        <div class="govuk-checkboxes__item">
          <input
            class="govuk-checkboxes__input"
            id={id}
            name={name}
            type="checkbox"
            value={value}
            checked={checked}
            aria-describedby={hint ? `${id}-hint` : undefined}
          />
          <label class="govuk-label govuk-checkboxes__label" for={id} safe>
            {label}
          </label>
          {hint ? (
            <div id={`${id}-hint`} class="govuk-hint govuk-checkboxes__hint" safe>
              {hint}
            </div>
          ) : (
            ''
          )}
        </div>
      </div>
    </div>
  );
}
