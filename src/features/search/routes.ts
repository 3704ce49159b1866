import type { FastifyPluginAsync } from 'fastify';
import { PUBLIC_PAGE } from '../../lib/route-options';
import { isDate } from '../../lib/action-filters';
import { SearchPage, type SearchValues } from '../../../views/search/SearchPage';
import { listCommittees } from '../committees/queries';
import { catchUp } from './indexer';
import { readUnreadPapers } from './commands';
import {
  COUNT_CAP,
  MAX_QUERY_LENGTH,
  RESULTS_PER_PAGE,
  ftsQuery,
  isSearchKind,
  search,
  type SearchScope,
} from './queries';

const PARAMS = ['q', 'committee', 'kind', 'from', 'to'] as const;
const MAX_PAGE = Math.ceil(COUNT_CAP / RESULTS_PER_PAGE);

const one = (v: unknown): string => (Array.isArray(v) ? String(v[0] ?? '') : typeof v === 'string' ? v : '').trim();

/**
 * /search: the public records' full text (src/features/search), with the
 * drafts and exempt papers of their committees for signed-in users. A
 * signed-out visitor's results are a public page like any other (kept in
 * memory until the data changes).
 */
export const searchRoutes: FastifyPluginAsync = async (app) => {
  // Papers uploaded before search existed are read once, in the background, a paper at a time.
  let reading: Promise<unknown> = Promise.resolve();
  app.addHook('onReady', async () => {
    reading = readUnreadPapers(app.db, app.files, app.log).then(
      (n) => n > 0 && app.log.info({ papers: n }, 'read the text of papers for search'),
      (error: unknown) => app.log.error({ err: error }, 'reading papers for search failed'),
    );
  });
  app.addHook('preClose', async () => {
    await reading;
  });

  app.get('/search', PUBLIC_PAGE, async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    const values = Object.fromEntries(PARAMS.map((p) => [p, one(query[p])])) as unknown as SearchValues;
    const pageText = one(query.page);
    const errors: Partial<Record<keyof SearchValues | 'page', string>> = {};
    const committees = listCommittees(app.db);
    const committee = values.committee ? committees.find((c) => c.slug === values.committee) : null;
    if (committee === undefined) errors.committee = 'Select a committee from the list';
    if (values.kind && !isSearchKind(values.kind)) errors.kind = 'Select a kind of record from the list';
    for (const name of ['from', 'to'] as const)
      if (values[name] && !isDate(values[name]))
        errors[name] = `Enter the ${name === 'from' ? 'first' : 'last'} date like 2021-01-31`;
    if (!errors.from && !errors.to && values.from && values.to && values.from > values.to)
      errors.to = 'The last date must be on or after the first';
    let page = 1;
    if (pageText) {
      page = /^\d{1,6}$/.test(pageText) ? Number(pageText) : 0;
      if (page < 1) errors.page = 'The page must be a whole number from 1';
      else if (page > MAX_PAGE)
        errors.page = `Only the first ${COUNT_CAP.toLocaleString('en-GB')} results can be shown: search with more words`;
    }
    const asked = 'q' in query;
    if (values.q.length > MAX_QUERY_LENGTH) errors.q = `Enter ${MAX_QUERY_LENGTH} characters or fewer`;
    const { fts } = ftsQuery(values.q);
    if (asked && !errors.q && !fts)
      errors.q = values.q ? 'Enter words or numbers to search for' : 'Enter words to search for';

    const user = request.user;
    const scope: SearchScope = user
      ? { restricted: true, committeeIds: user.role === 'admin' ? null : user.committeeIds }
      : { restricted: false };
    let results = null;
    if (asked && Object.keys(errors).length === 0) {
      catchUp(app.db);
      const found = search(
        app.db,
        fts,
        {
          committeeId: committee?.id ?? null,
          kind: isSearchKind(values.kind) ? values.kind : null,
          from: values.from || null,
          to: values.to || null,
        },
        scope,
        page,
      );
      results = { ...found, page, pages: Math.max(1, Math.ceil(found.total / RESULTS_PER_PAGE)) };
    }
    const status = Object.keys(errors).length ? 400 : results && page > results.pages ? 404 : 200;
    return reply.page({
      title: `${status === 400 ? 'Error: ' : ''}${values.q && fts ? `${values.q.slice(0, 80)} – Search` : 'Search'}`,
      nav: 'none',
      status,
      body: SearchPage({
        values,
        errors,
        results,
        committees: committees.map((c) => ({ slug: c.slug, name: c.name })),
        restricted: scope.restricted,
        query: (change) => {
          const params = new URLSearchParams();
          for (const p of PARAMS) if (values[p]) params.set(p, values[p]);
          if (!params.has('q')) params.set('q', values.q);
          for (const [k, v] of Object.entries(change)) if (v) params.set(k, v);
          return `?${params.toString()}`;
        },
      }),
    });
  });
};
