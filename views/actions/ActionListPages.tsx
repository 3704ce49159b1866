import type { ActionSummary } from '../../src/features/actions/queries';
import { filterQuery, type ActionFilterValues } from '../../src/lib/action-filters';
import { ErrorSummary } from '../components/ErrorSummary';
import { ActionFilterForm, ActionRows, Pagination, publicActionHref, type FilterOptions } from './parts';

export interface ActionListProps {
  rows: ActionSummary[];
  total: number;
  page: number;
  pageSize: number;
  values: ActionFilterValues;
  errors: Record<string, string>;
  now: Date;
}

const pagesOf = (p: ActionListProps) => Math.max(1, Math.ceil(p.total / p.pageSize));

function counted(p: ActionListProps): string {
  if (p.total === 0) return 'No actions match.';
  const first = (p.page - 1) * p.pageSize + 1;
  const last = Math.min(p.total, p.page * p.pageSize);
  return `${p.total.toLocaleString('en-GB')} action${p.total === 1 ? '' : 's'}${p.total > p.pageSize ? `: ${first.toLocaleString('en-GB')} to ${last.toLocaleString('en-GB')}` : ''}.`;
}

/** The list and its pages: what an htmx filter swaps. A page past the end says so, and links to the last. */
function ListRegion({
  list,
  base,
  href,
  showCommittee,
  csvHref,
}: {
  list: ActionListProps;
  base: string;
  href: (a: ActionSummary) => string;
  showCommittee: boolean;
  csvHref?: string;
}): JSX.Element {
  const pages = pagesOf(list);
  const past = list.page > pages;
  return (
    <div id="action-list" aria-live="polite">
      {past ? (
        <p class="govuk-body">
          <span
            safe
          >{`There is no page ${list.page}: there ${pages === 1 ? 'is 1 page' : `are ${pages} pages`}. `}</span>
          <a class="govuk-link" href={`${base}${filterQuery(list.values, { page: String(pages) })}`}>
            Go to the last page
          </a>
        </p>
      ) : (
        <p class="govuk-body" safe>
          {counted(list)}
        </p>
      )}
      {csvHref ? (
        <p class="govuk-body">
          <a class="govuk-link" href={csvHref} download="">
            Download these actions as CSV
          </a>{' '}
          (every page, for a spreadsheet), or see them{' '}
          <a class="govuk-link" href={csvHref.replace('/actions.csv', '/actions/figures')}>
            in figures
          </a>
          .
        </p>
      ) : (
        ''
      )}
      {list.rows.length > 0 ? (
        <ActionRows rows={list.rows} now={list.now} href={href} showCommittee={showCommittee} caption="Actions" />
      ) : (
        ''
      )}
      <Pagination base={base} values={list.values} page={list.page} pages={pages} />
    </div>
  );
}

export function PublicActionsPage({
  committee,
  list,
  meetings,
}: {
  committee: { name: string; slug: string };
  list: ActionListProps;
  meetings: { id: number; startsAt: Date }[];
}): JSX.Element {
  const base = `/committees/${committee.slug}/actions`;
  return (
    <>
      <ErrorSummary errors={Object.entries(list.errors).map(([k, text]) => ({ text, href: `#${k}` }))} />
      <span class="govuk-caption-l" safe>
        {committee.name}
      </span>
      <h1 class="govuk-heading-l">Actions</h1>
      <p class="govuk-body">
        What the committee asked to be done at its meetings, who is doing it, and where it stands. An action is listed
        once the minutes of its meeting are published. Overdue means it is still open after the date it was due.
      </p>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-quarter">
          <ActionFilterForm action={base} values={list.values} errors={list.errors} options={{ meetings }} />
        </div>
        <div class="govuk-grid-column-three-quarters">
          <ListRegion
            list={list}
            base={base}
            href={(a) => (a.reference ? publicActionHref(a.reference) : base)}
            showCommittee={false}
          />
        </div>
      </div>
    </>
  );
}

export function ManageActionsPage({
  title,
  intro,
  base,
  list,
  options,
  csv,
}: {
  title: string;
  intro: string;
  base: string;
  list: ActionListProps;
  options: FilterOptions;
  csv: boolean;
}): JSX.Element {
  return (
    <>
      <ErrorSummary errors={Object.entries(list.errors).map(([k, text]) => ({ text, href: `#${k}` }))} />
      <h1 class="govuk-heading-l" safe>
        {title}
      </h1>
      <p class="govuk-body" safe>
        {intro}
      </p>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-quarter">
          <ActionFilterForm action={base} values={list.values} errors={list.errors} options={options} />
        </div>
        <div class="govuk-grid-column-three-quarters">
          <ListRegion
            list={list}
            base={base}
            href={(a) => `/manage/actions/${a.id}`}
            showCommittee={true}
            csvHref={csv ? `${base}.csv${filterQuery(list.values, { page: '' })}` : undefined}
          />
        </div>
      </div>
    </>
  );
}
