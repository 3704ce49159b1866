import type { FastifyPluginAsync } from 'fastify';
import { PUBLIC_PAGE } from '../../lib/route-options';
import { SearchPage } from '../../../views/search/SearchPage';
import { listCommittees } from '../committees/queries';
import { catchUp } from './indexer';
import { readUnreadPapers } from './commands';
import { SearchPool } from './pool';
import { RESULTS_PER_PAGE, parseSearch, search, searchQuery, type SearchRequest, type SearchScope } from './queries';

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
  // Searches read the index in worker threads when the database is a file (an in-memory one is this thread's
  // alone), started when the server listens (they take a second to start), or at the first search.
  const client = app.db.$client;
  const workers = client.memory ? 0 : app.config.searchWorkers;
  let started: SearchPool | null = null;
  const poolOf = () => (workers > 0 ? (started ??= new SearchPool(client.name, workers, app.log)) : null);
  app.addHook('onListen', async () => {
    poolOf();
  });
  app.addHook('onClose', async () => {
    await started?.close();
  });

  app.get('/search', PUBLIC_PAGE, async (request, reply) => {
    const committees = listCommittees(app.db);
    const { values, errors, fts, filters, page } = parseSearch(request.query, committees);
    const user = request.user;
    const scope: SearchScope = user
      ? { restricted: true, committeeIds: user.role === 'admin' ? null : user.committeeIds }
      : { restricted: false };
    let results = null;
    if (fts) {
      // What was written since the last search is indexed first: a result is never older than the record.
      catchUp(app.db);
      const asked: SearchRequest = { fts, filters, scope, page };
      const here = () => search(app.db, fts, filters, scope, page);
      // A worker that fails mid-search is replaced (SearchPool); this search is then answered here.
      const pool = poolOf();
      const found = pool?.usable
        ? await pool.search(asked).catch((error: unknown) => {
            request.log.error({ err: error }, 'a search worker failed: searching on the server’s own thread');
            return here();
          })
        : here();
      const pages = Math.max(1, Math.ceil(found.total / RESULTS_PER_PAGE));
      results = { ...found, page, pages, first: (page - 1) * RESULTS_PER_PAGE + 1 };
    }
    const status = Object.keys(errors).length ? 400 : results && page > results.pages ? 404 : 200;
    return reply.page({
      title: `${status === 400 ? 'Error: ' : ''}${fts ? `${values.q.slice(0, 80)} – Search` : 'Search'}`,
      nav: 'none',
      status,
      body: SearchPage({
        values,
        errors,
        results,
        committees: committees.map((c) => ({ slug: c.slug, name: c.name })),
        restricted: scope.restricted,
        pageLink: (n) => `/search${searchQuery(values, n)}`,
      }),
    });
  });
};
