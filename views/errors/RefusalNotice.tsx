/** The page's one box for a refusal: each new one replaces the last (none stack up). */
export const REFUSAL_NOTICE = 'refusal-notice';

/**
 * A refusal shown above the page an htmx request came from, instead of in
 * place of the form that sent it: what was typed stays where it was.
 */
export function RefusalNotice({
  title,
  message,
  link,
}: {
  title: string;
  message: string;
  link?: { href: string; text: string };
}): JSX.Element {
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary" id={REFUSAL_NOTICE}>
      <div role="alert">
        <h2 class="govuk-error-summary__title" safe>
          {title}
        </h2>
        <div class="govuk-error-summary__body">
          <p class="govuk-body" safe>
            {message}
          </p>
          {link ? (
            <p class="govuk-body">
              <a class="govuk-link" href={link.href} target="_blank" rel="noopener" safe>
                {`${link.text} (opens in a new tab)`}
              </a>
            </p>
          ) : (
            ''
          )}
        </div>
      </div>
    </div>
  );
}
