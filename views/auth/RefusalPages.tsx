export function ForbiddenPage(): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-xl">You cannot do that</h1>
        <p class="govuk-body">Your account does not give you access to this page or this change.</p>
        <p class="govuk-body">If you think it should, ask the clerk of the committee or an administrator.</p>
        <p class="govuk-body">
          <a class="govuk-link" href="/manage">
            Go to your home page
          </a>
        </p>
      </div>
    </div>
  );
}

export function SignedOutPage({ loginUrl }: { loginUrl: string }): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-xl">You have been signed out</h1>
        <p class="govuk-body">
          Nothing was saved. Your session ended, either because you signed out or because it had not been used for a
          while.
        </p>
        <p class="govuk-body">
          Go back to copy anything you typed, then{' '}
          <a class="govuk-link" href={loginUrl}>
            sign in again
          </a>
          .
        </p>
      </div>
    </div>
  );
}
