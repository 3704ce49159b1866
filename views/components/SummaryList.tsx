export interface SummaryListRow {
  key: string;
  /** Plain text (escaped) or markup from other components. */
  text?: string;
  html?: JSX.Element;
  actions?: { href: string; text: string; visuallyHiddenText?: string }[];
}

export interface SummaryListProps {
  rows: SummaryListRow[];
  classes?: string;
}

/** GOV.UK summary list: key–value pairs about one thing. */
export function SummaryList({ rows, classes }: SummaryListProps): JSX.Element {
  return (
    <dl class={['govuk-summary-list', classes ?? ''].filter(Boolean).join(' ')}>
      {rows.map((row) => {
        const value = row.html ?? <span safe>{row.text ?? ''}</span>;
        return (
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key" safe>
              {row.key}
            </dt>
            <dd class="govuk-summary-list__value">{value}</dd>
            {row.actions && row.actions.length > 0 ? (
              <dd class="govuk-summary-list__actions">
                {row.actions.map((a) => (
                  <a class="govuk-link" href={a.href}>
                    <span safe>{a.text}</span>
                    {a.visuallyHiddenText ? (
                      <span class="govuk-visually-hidden" safe>
                        {` ${a.visuallyHiddenText}`}
                      </span>
                    ) : (
                      ''
                    )}
                  </a>
                ))}
              </dd>
            ) : (
              ''
            )}
          </div>
        );
      })}
    </dl>
  );
}
