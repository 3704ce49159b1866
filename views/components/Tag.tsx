export type TagColour =
  'grey' | 'green' | 'turquoise' | 'blue' | 'light-blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

export interface TagProps {
  text: string;
  colour?: TagColour;
  classes?: string;
}

/** GOV.UK tag: a short status label. */
export function Tag({ text, colour, classes }: TagProps): JSX.Element {
  const cls = ['govuk-tag', colour ? `govuk-tag--${colour}` : '', classes ?? ''].filter(Boolean).join(' ');
  return (
    <strong class={cls} safe>
      {text}
    </strong>
  );
}
