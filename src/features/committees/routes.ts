import type { FastifyPluginAsync } from 'fastify';
import { parseSlug } from '../../lib/params';
import { getCommitteePage, listCommittees } from './queries';
import { CommitteesPage } from '../../../views/committees/CommitteesPage';
import { CommitteePage } from '../../../views/committees/CommitteePage';
import { CommitteeOverviewPage } from '../../../views/manage/CommitteeOverviewPage';
import { openActionsOfCommittees } from '../actions/queries';
import { recordHistory } from '../audit/queries';

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

/** /manage/committees/:slug: the committee as its clerk and members see it. */
export const committeeManageRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { slug: string } }>(
    '/committees/:slug',
    { config: { access: 'committee_read' } },
    async (request, reply) => {
      const committee = getCommitteePage(app.db, request.params.slug, app.now());
      if (!committee) return reply.callNotFound();
      return reply.page({
        title: committee.name,
        nav: 'manage',
        body: CommitteeOverviewPage({
          committee,
          actions: openActionsOfCommittees(app.db, [committee.id]),
          history: recordHistory(app.db, 'committee', committee.id),
        }),
      });
    },
  );
};
