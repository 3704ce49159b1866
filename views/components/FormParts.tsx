/** The CSRF token every state-changing form carries. */
export function Csrf({ token }: { token: string }): JSX.Element {
  return <input type="hidden" name="_csrf" value={token} />;
}

export interface RemoveButtonProps {
  action: string;
  id: string;
  /** What is removed, read out after "Remove" to screen readers. */
  what: string;
  csrfToken: string;
  /** htmx attributes that enhance the form. */
  enhance?: Record<string, string>;
}

/** A one-button form that takes something off a list, styled as a link. */
export function RemoveButton({ action, id, what, csrfToken, enhance }: RemoveButtonProps): JSX.Element {
  return (
    <form method="post" action={action} class="app-inline-form" {...enhance}>
      <Csrf token={csrfToken} />
      <button type="submit" class="app-link-button govuk-body-s" id={id}>
        Remove<span class="govuk-visually-hidden" safe>{` ${what}`}</span>
      </button>
    </form>
  );
}
