import type { ParsedSearch, SearchHit } from '../../src/features/search/queries';
import { markedHtml } from '../../src/lib/search-marks';
import type { SearchKind } from '../../src/db/schema';
import { formatCalendarDate } from '../../src/lib/dates';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { Input, Select } from '../components/Field';
import { Pagination } from '../components/Pagination';
import { Tag } from '../components/Tag';

export const SEARCH_RESULTS = 'search-results';

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  meeting: 'Meeting',
  item: 'Agenda item',
  minutes: 'Minutes',
  resolution: 'Resolution',
  action: 'Action',
  question: 'Public question',
  paper: 'Paper',
  recommendation: 'Recommendation',
};

export interface SearchPageProps {
  values: ParsedSearch['values'];
  errors: ParsedSearch['errors'];
  /** Null before anything is asked. */
  results: {
    hits: SearchHit[];
    total: number;
    capped: boolean;
    page: number;
    pages: number;
    /** The number of the page's first result. */
    first: number;
  } | null;
  committees: { slug: string; name: string }[];
  /** Whether drafts and exempt material of the user's committees are searched too. */
  restricted: boolean;
  /** The address of page n of these results. */
  pageLink: (n: number) => string;
}

function countText(r: NonNullable<SearchPageProps['results']>): string {
  if (r.capped) return `More than ${r.total.toLocaleString('en-GB')} results`;
  return `${r.total.toLocaleString('en-GB')} result${r.total === 1 ? '' : 's'}`;
}

function Results({ results, values, pageLink }: Pick<SearchPageProps, 'results' | 'values' | 'pageLink'>): JSX.Element {
  if (!results) {
    return (
      <div id={SEARCH_RESULTS}>
        <p class="govuk-body">
          Search the published agendas, papers, minutes, decisions, actions, recommendations and public questions. Every
          word must appear; put a phrase in quotes ("hospital discharge"); end a word with * to find words that begin
          with it.
        </p>
      </div>
    );
  }
  return (
    <div id={SEARCH_RESULTS}>
      <h2 class="govuk-heading-m" role="status">
        <span safe>{countText(results)}</span>
        {values.q ? <span safe>{` for “${values.q}”`}</span> : ''}
      </h2>
      {results.capped ? (
        <p class="govuk-body">
          <span safe>{`These are the best matches among the latest ${results.total.toLocaleString('en-GB')}.`}</span>{' '}
          Add a word, a "phrase" or a filter to narrow them down.
        </p>
      ) : (
        ''
      )}
      {results.hits.length === 0 ? (
        <p class="govuk-body">
          {results.page > 1 ? 'There are no more results.' : 'Nothing matches. Check the spelling, or use fewer words.'}
        </p>
      ) : (
        <ol class="govuk-list app-search-results" start={results.first}>
          {results.hits.map((hit) => {
            const safeTitle = markedHtml(hit.title);
            const safeSnippet = markedHtml(hit.snippet.replace(/\n{2,}/g, '\n'));
            return (
              <li class="app-search-result">
                <p class="govuk-body-s govuk-!-margin-bottom-1">
                  <span safe>{SEARCH_KIND_LABELS[hit.kind]}</span>
                  <span safe>{` · ${hit.committee.name}`}</span>
                  {hit.onDate ? <span safe>{` · ${formatCalendarDate(hit.onDate)}`}</span> : ''}
                  {hit.marker ? (
                    <>
                      {' '}
                      <Tag
                        text={hit.marker === 'exempt' ? 'Exempt: not public' : 'Draft: not public'}
                        colour={hit.marker === 'exempt' ? 'red' : 'yellow'}
                      />
                    </>
                  ) : (
                    ''
                  )}
                </p>
                <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
                  <a class="govuk-link" href={hit.url}>
                    {safeTitle}
                  </a>
                </h3>
                {hit.snippet ? <p class="govuk-body app-search-snippet">{safeSnippet}</p> : ''}
              </li>
            );
          })}
        </ol>
      )}
      <Pagination link={pageLink} page={results.page} pages={results.pages} label="Pages of results" />
      {values.q ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`/subscribe?q=${encodeURIComponent(values.q)}`}>
            Get emails when something new matches <span safe>{`“${values.q}”`}</span>
          </a>
        </p>
      ) : (
        ''
      )}
    </div>
  );
}

export function SearchPage(props: SearchPageProps): JSX.Element {
  const { values, errors, committees } = props;
  const errorList = Object.entries(errors).map(([field, text]) => ({
    text: text ?? '',
    href: `#${field === 'page' ? SEARCH_RESULTS : field}`,
  }));
  return (
    <>
      <h1 class="govuk-heading-l">Search</h1>
      <ErrorSummary errors={errorList} />
      {props.restricted ? (
        <p class="govuk-inset-text">
          You are signed in: results include your committees’ drafts and exempt papers, marked as not public.
        </p>
      ) : (
        ''
      )}
      <form
        method="get"
        action="/search"
        role="search"
        aria-label="The records"
        class="app-filter"
        hx-get="/search"
        hx-trigger="submit, input delay:400ms"
        hx-target={`#${SEARCH_RESULTS}`}
        hx-select={`#${SEARCH_RESULTS}`}
        hx-swap="outerHTML"
        hx-push-url="true"
      >
        <Input
          id="q"
          label="Words to search for"
          labelClasses="govuk-label--s"
          type="search"
          value={values.q}
          errorMessage={errors.q}
          classes="govuk-input--width-30"
          spellcheck={false}
        />
        <Select
          id="committee"
          label="Committee"
          value={values.committee}
          errorMessage={errors.committee}
          options={[{ value: '', text: 'All' }, ...committees.map((c) => ({ value: c.slug, text: c.name }))]}
        />
        <Select
          id="kind"
          label="Kind of record"
          value={values.kind}
          errorMessage={errors.kind}
          options={[
            { value: '', text: 'All' },
            ...Object.entries(SEARCH_KIND_LABELS).map(([value, text]) => ({ value, text })),
          ]}
        />
        <Input id="from" label="From (YYYY-MM-DD)" type="date" value={values.from} errorMessage={errors.from} />
        <Input id="to" label="To (YYYY-MM-DD)" type="date" value={values.to} errorMessage={errors.to} />
        <Button text="Search" />
      </form>
      <Results results={props.results} values={values} pageLink={props.pageLink} />
    </>
  );
}
