import type { Children } from '@kitajs/html';
import { errorList, type FieldErrors } from '../../src/lib/validation';
import { ErrorSummary } from './ErrorSummary';
import { Button } from './Button';

/** The region a one-form page's form swaps. */
export const FORM_PAGE = 'form-page';

export interface FormPageProps {
  title: string;
  caption?: string;
  action: string;
  csrfToken: string;
  errors: FieldErrors;
  /** The order fields appear in, for the error summary. */
  fieldOrder: readonly string[];
  submitText: string;
  cancelHref: string;
  children: Children;
  intro?: JSX.Element;
}

/**
 * A one-form page: error summary, heading, the form (posted normally and
 * enhanced by htmx to swap the form's page region in place), submit and cancel.
 * The region is the page's content, not its main element: the page's notice
 * box above it stays for a refusal.
 */
export function FormPage(props: FormPageProps): JSX.Element {
  const { children, intro = '' } = props;
  return (
    <div class="govuk-grid-row" id={FORM_PAGE}>
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errorList(props.errors, props.fieldOrder)} />
        {props.caption ? (
          <span class="govuk-caption-l" safe>
            {props.caption}
          </span>
        ) : (
          ''
        )}
        <h1 class="govuk-heading-l" safe>
          {props.title}
        </h1>
        {intro}
        <form
          method="post"
          action={props.action}
          novalidate
          hx-post={props.action}
          hx-target={`#${FORM_PAGE}`}
          hx-swap="outerHTML"
        >
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          {children}
          <div class="govuk-button-group">
            <Button text={props.submitText} preventDoubleClick />
            <a class="govuk-link" href={props.cancelHref}>
              Cancel
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}
