export interface RadioOption {
  value: string;
  text: string;
  hint?: string;
}

export interface RadiosProps {
  /** The field's name; the first radio's id, so the error summary can link to it. */
  id: string;
  /** The field's name; the id when not given. */
  name?: string;
  legend: string;
  /** Show the legend as the page heading, or at a size. */
  legendClasses?: string;
  legendIsHeading?: boolean;
  hint?: string;
  errorMessage?: string;
  options: RadioOption[];
  value?: string | null;
  small?: boolean;
  inline?: boolean;
}

/** GOV.UK radios: one choice from a few, inside a fieldset. */
export function Radios(props: RadiosProps): JSX.Element {
  const { id, legend, hint, errorMessage, options, value } = props;
  const describedBy =
    [hint ? `${id}-hint` : '', errorMessage ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const radiosClass = [
    'govuk-radios',
    props.small ? 'govuk-radios--small' : '',
    props.inline ? 'govuk-radios--inline' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div class={['govuk-form-group', errorMessage ? 'govuk-form-group--error' : ''].filter(Boolean).join(' ')}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy}>
        <legend class={`govuk-fieldset__legend ${props.legendClasses ?? 'govuk-fieldset__legend--s'}`}>
          {props.legendIsHeading ? (
            <h2 class="govuk-fieldset__heading" safe>
              {legend}
            </h2>
          ) : (
            <span safe>{legend}</span>
          )}
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
        <div class={radiosClass} data-module="govuk-radios">
          {options.map((o, i) => {
            const inputId = i === 0 ? id : `${id}-${o.value}`;
            return (
              <div class="govuk-radios__item">
                <input
                  class="govuk-radios__input"
                  id={inputId}
                  name={props.name ?? id}
                  type="radio"
                  value={o.value}
                  checked={value === o.value}
                  aria-describedby={o.hint ? `${inputId}-item-hint` : undefined}
                />
                <label class="govuk-label govuk-radios__label" for={inputId} safe>
                  {o.text}
                </label>
                {o.hint ? (
                  <div id={`${inputId}-item-hint`} class="govuk-hint govuk-radios__hint" safe>
                    {o.hint}
                  </div>
                ) : (
                  ''
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
