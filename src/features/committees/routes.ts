import type { FastifyPluginAsync } from 'fastify';
import { parseSlug } from '../../lib/params';
import { getCommitteePage, listCommittees } from './queries';
import { CommitteesPage } from '../../../views/committees/CommitteesPage';
import { CommitteePage } from '../../../views/committees/CommitteePage';

/** Public committee pages. */
const committeeRoutes: FastifyPluginAsync = async (app) => {
  app.get('/committees', async (_request, reply) =>
    reply.page({ title: 'Committees', nav: 'committees', body: CommitteesPage({ committees: listCommittees(app.db) }) }),
  );

  app.get<{ Params: { slug: string } }>('/committees/:slug', async (request, reply) => {
    const slug = parseSlug(request.params.slug);
    const committee = slug ? getCommitteePage(app.db, slug, app.now()) : null;
    if (!committee) return reply.callNotFound();
    return reply.page({ title: committee.name, nav: 'committees', body: CommitteePage({ committee }) });
  });
};

export default committeeRoutes;
