export interface NotificationBannerProps {
  /** The banner's heading line. */
  heading: string;
  /** More detail under the heading. */
  text?: string;
  /** A success banner confirms something the user just did, and is announced. */
  type?: 'important' | 'success';
  /** Unique on the page when a page shows more than one banner. */
  titleId?: string;
}

/** GOV.UK notification banner. */
export function NotificationBanner({
  heading,
  text,
  type = 'important',
  titleId = 'notification-banner-title',
}: NotificationBannerProps): JSX.Element {
  const id = titleId;
  const success = type === 'success';
  return (
    <div
      class={success ? 'govuk-notification-banner govuk-notification-banner--success' : 'govuk-notification-banner'}
      role={success ? 'alert' : 'region'}
      aria-labelledby={id}
      data-module="govuk-notification-banner"
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id={id}>
          {success ? 'Success' : 'Important'}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading" safe>
          {heading}
        </p>
        {text ? (
          <p class="govuk-body" safe>
            {text}
          </p>
        ) : (
          ''
        )}
      </div>
    </div>
  );
}
