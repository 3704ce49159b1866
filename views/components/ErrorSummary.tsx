export interface ErrorSummaryItem {
  text: string;
  /** The field to jump to: "#field-id". */
  href: string;
}

export interface ErrorSummaryProps {
  errors: ErrorSummaryItem[];
  title?: string;
}

/**
 * GOV.UK error summary, shown at the top of a form that failed validation.
 * Takes focus on load (GOV.UK Frontend's JavaScript) so screen readers announce it.
 */
export function ErrorSummary({ errors, title }: ErrorSummaryProps): JSX.Element {
  if (errors.length === 0) return '';
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 class="govuk-error-summary__title" safe>
          {title ?? 'There is a problem'}
        </h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            {errors.map((e) => (
              <li>
                <a href={e.href} safe>
                  {e.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
