export function NotFoundPage(): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-xl">Page not found</h1>
        <p class="govuk-body">If you typed the web address, check it is correct.</p>
        <p class="govuk-body">If you pasted the web address, check you copied the entire address.</p>
        <p class="govuk-body">
          You can{' '}
          <a class="govuk-link" href="/">
            see upcoming and recent meetings
          </a>{' '}
          or{' '}
          <a class="govuk-link" href="/committees">
            browse the committees
          </a>
          .
        </p>
      </div>
    </div>
  );
}

export interface ServerErrorPageProps {
  /** Shown only in development: the error's stack, to help whoever is fixing it. */
  detail?: string;
}

export function ServerErrorPage({ detail }: ServerErrorPageProps): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-xl">Sorry, there is a problem with the service</h1>
        <p class="govuk-body">Try again later.</p>
        {detail ? (
          <pre class="govuk-body-s" safe>
            {detail}
          </pre>
        ) : (
          ''
        )}
      </div>
    </div>
  );
}

export interface ClientErrorPageProps {
  title: string;
  message: string;
}

/** A request the service could not accept (too large, malformed): says what was wrong. */
export function ClientErrorPage({ title, message }: ClientErrorPageProps): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-xl" safe>
          {title}
        </h1>
        <p class="govuk-body" safe>
          {message}
        </p>
        <p class="govuk-body">
          <a class="govuk-link" href="/">
            Go to the home page
          </a>
        </p>
      </div>
    </div>
  );
}
