/** GOV.UK warning text: an important point, read out as a warning. */
export function WarningText({ text }: { text: string }): JSX.Element {
  return (
    <div class="govuk-warning-text">
      <span class="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">Warning</span>
        <span safe>{text}</span>
      </strong>
    </div>
  );
}
