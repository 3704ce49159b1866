/** GOV.UK pagination: previous, the first, last and nearby pages, next. Nothing when there is one page. */
export function Pagination({
  link,
  page,
  pages,
  label,
}: {
  /** The address of page n. */
  link: (n: number) => string;
  page: number;
  pages: number;
  /** What the pages are of, for the navigation's name ("Pages of actions"). */
  label: string;
}): JSX.Element {
  if (pages <= 1) return <></>;
  const shown = [...new Set([1, page - 1, page, page + 1, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  return (
    <nav class="govuk-pagination" aria-label={label}>
      {page > 1 ? (
        <div class="govuk-pagination__prev">
          <a class="govuk-link govuk-pagination__link" href={link(page - 1)} rel="prev">
            <span class="govuk-pagination__link-title">
              Previous<span class="govuk-visually-hidden"> page</span>
            </span>
          </a>
        </div>
      ) : (
        ''
      )}
      <ul class="govuk-pagination__list">
        {shown.map((n, i) => (
          <>
            {i > 0 && n - (shown[i - 1] ?? n) > 1 ? (
              <li class="govuk-pagination__item govuk-pagination__item--ellipses">&ctdot;</li>
            ) : (
              ''
            )}
            <li class={`govuk-pagination__item${n === page ? ' govuk-pagination__item--current' : ''}`}>
              <a
                class="govuk-link govuk-pagination__link"
                href={link(n)}
                aria-label={`Page ${n}`}
                aria-current={n === page ? 'page' : undefined}
              >
                {n}
              </a>
            </li>
          </>
        ))}
      </ul>
      {page < pages ? (
        <div class="govuk-pagination__next">
          <a class="govuk-link govuk-pagination__link" href={link(page + 1)} rel="next">
            <span class="govuk-pagination__link-title">
              Next<span class="govuk-visually-hidden"> page</span>
            </span>
          </a>
        </div>
      ) : (
        ''
      )}
    </nav>
  );
}
