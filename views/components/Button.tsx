export interface ButtonProps {
  text: string;
  /** A link styled as a button when given; a <button> otherwise. */
  href?: string;
  type?: 'submit' | 'button' | 'reset';
  variant?: 'primary' | 'secondary' | 'warning' | 'inverse';
  name?: string;
  value?: string;
  preventDoubleClick?: boolean;
  classes?: string;
  attributes?: Record<string, string | boolean>;
}

/** GOV.UK button, or a link that looks like one. */
export function Button(props: ButtonProps): JSX.Element {
  const cls = [
    'govuk-button',
    props.variant && props.variant !== 'primary' ? `govuk-button--${props.variant}` : '',
    props.classes ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  if (props.href) {
    return (
      <a href={props.href} role="button" draggable="false" class={cls} data-module="govuk-button" {...props.attributes}>
        <span safe>{props.text}</span>
      </a>
    );
  }
  return (
    <button
      type={props.type ?? 'submit'}
      class={cls}
      data-module="govuk-button"
      name={props.name}
      value={props.value}
      data-prevent-double-click={props.preventDoubleClick ? 'true' : undefined}
      {...props.attributes}
    >
      <span safe>{props.text}</span>
    </button>
  );
}
