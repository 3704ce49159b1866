import type { DateParts } from '../../src/lib/forms';

export interface DateInputProps {
  /** The field's name: the boxes are `${id}-day`, `${id}-month`, `${id}-year`. */
  id: string;
  legend: string;
  hint?: string;
  errorMessage?: string;
  value?: DateParts;
}

/** GOV.UK date input: day, month and year in three boxes, inside a fieldset. */
export function DateInput({ id, legend, hint, errorMessage, value }: DateInputProps): JSX.Element {
  const describedBy =
    [hint ? `${id}-hint` : '', errorMessage ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const box = (part: 'day' | 'month' | 'year', label: string, width: 2 | 4) => (
    <div class="govuk-date-input__item">
      <div class="govuk-form-group">
        <label class="govuk-label govuk-date-input__label" for={part === 'day' ? id : `${id}-${part}`} safe>
          {label}
        </label>
        <input
          class={`govuk-input govuk-date-input__input govuk-input--width-${width}${errorMessage ? ' govuk-input--error' : ''}`}
          id={part === 'day' ? id : `${id}-${part}`}
          name={`${id}-${part}`}
          type="text"
          inputmode="numeric"
          value={value?.[part] ?? ''}
        />
      </div>
    </div>
  );
  return (
    <div class={['govuk-form-group', errorMessage ? 'govuk-form-group--error' : ''].filter(Boolean).join(' ')}>
      <fieldset class="govuk-fieldset" role="group" aria-describedby={describedBy}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s" safe>
          {legend}
        </legend>
        {hint ? (
          <div id={`${id}-hint`} class="govuk-hint" safe>
            {hint}
          </div>
        ) : (
          ''
        )}
        {errorMessage ? (
          <p id={`${id}-error`} class="govuk-error-message">
            <span class="govuk-visually-hidden">Error:</span> <span safe>{errorMessage}</span>
          </p>
        ) : (
          ''
        )}
        <div class="govuk-date-input">
          {box('day', 'Day', 2)}
          {box('month', 'Month', 2)}
          {box('year', 'Year', 4)}
        </div>
      </fieldset>
    </div>
  );
}
