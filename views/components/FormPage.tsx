import type { Children } from '@kitajs/html';
import { errorList, type FieldErrors } from '../../src/lib/validation';
import { ErrorSummary } from './ErrorSummary';
import { Button } from './Button';

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
 * enhanced by htmx to swap the page's main region in place), submit and cancel.
 */
export function FormPage(props: FormPageProps): JSX.Element {
  const { children, intro = '' } = props;
  return (
    <div class="govuk-grid-row">
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
        <form method="post" action={props.action} novalidate hx-post={props.action} hx-target="#main-content">
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
