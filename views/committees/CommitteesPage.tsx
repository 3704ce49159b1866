import type { CommitteeSummary } from '../../src/features/committees/queries';
import { COMMITTEE_KIND_LABELS } from '../../src/lib/labels';

export function CommitteesPage({ committees }: { committees: CommitteeSummary[] }): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-xl">Committees</h1>
        {committees.length === 0 ? (
          <p class="govuk-body">There are no committees yet.</p>
        ) : (
          <ul class="govuk-list">
            {committees.map((c) => (
              <li class="govuk-!-margin-bottom-6">
                <h2 class="govuk-heading-m govuk-!-margin-bottom-1">
                  <a class="govuk-link" href={`/committees/${c.slug}`} safe>
                    {c.name}
                  </a>
                </h2>
                <p class="govuk-body-s govuk-!-margin-bottom-1" safe>
                  {COMMITTEE_KIND_LABELS[c.kind]}
                </p>
                {c.remit ? (
                  <p class="govuk-body" safe>
                    {c.remit}
                  </p>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
