import { Button } from './Button';
import { Csrf } from './FormParts';
import { WarningText } from './WarningText';

/**
 * Asking before an irreversible step. The same question works with and
 * without JavaScript: as its own page (a plain form's answer), or in place of
 * the form it came from (htmx). The values already typed travel in hidden
 * fields, so "Yes" does exactly what was asked, and "Change" gives the form
 * back as it was filled in.
 */
export interface ConfirmProps {
  /** The question: "Publish version 2 of the agenda?" */
  title: string;
  /** What will happen, in plain words. */
  paragraphs: string[];
  /** What cannot be undone. */
  warning?: string;
  action: string;
  /** The form's values, sent again with the answer. */
  values: Record<string, string>;
  confirmText: string;
  /** "Change" posts the values back with confirmed=no, to get the form again; or a link where there is no form. */
  back: { text: string; href?: string };
  csrfToken: string;
  /** htmx attributes, when the question stands in place of the form. */
  enhance?: Record<string, string>;
  /** The id of the question's heading (a region's question takes the keyboard there). */
  headingId?: string;
  /** Warning styling for the yes button (removing something). */
  destructive?: boolean;
}

export function ConfirmForm(props: ConfirmProps): JSX.Element {
  return (
    <div class="app-confirm">
      {props.title ? (
        <h2 class="govuk-heading-m" id={props.headingId} safe>
          {props.title}
        </h2>
      ) : (
        ''
      )}
      {props.paragraphs.map((p) => (
        <p class="govuk-body" safe>
          {p}
        </p>
      ))}
      {props.warning ? <WarningText text={props.warning} /> : ''}
      <form method="post" action={props.action} novalidate {...props.enhance}>
        <Csrf token={props.csrfToken} />
        {Object.entries(props.values).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <div class="govuk-button-group">
          <Button
            text={props.confirmText}
            name="confirmed"
            value="yes"
            variant={props.destructive ? 'warning' : 'primary'}
            preventDoubleClick
            attributes={{ id: 'confirm-yes' }}
          />
          {props.back.href ? (
            <a class="govuk-link" href={props.back.href} safe>
              {props.back.text}
            </a>
          ) : (
            <Button text={props.back.text} name="confirmed" value="no" variant="secondary" />
          )}
        </div>
      </form>
    </div>
  );
}

/** The question as a page of its own, for a form sent without JavaScript. */
export function ConfirmPage(props: ConfirmProps & { caption?: string }): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
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
        <ConfirmForm {...props} title="" />
      </div>
    </div>
  );
}
