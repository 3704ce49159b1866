import type { FastifyPluginAsync } from 'fastify';
import { ManageHomePage } from '../../../views/manage/ManageHomePage';
import { getDashboard } from './queries';

/** /manage: the signed-in user's committees and what is due. */
export const dashboardManageRoutes: FastifyPluginAsync = async (app) => {
  app.get('/', { config: { access: 'signed_in' } }, async (request, reply) => {
    const user = request.user;
    if (!user) return reply.callNotFound();
    return reply.page({
      title: 'Your committees and what is due',
      nav: 'manage',
      body: ManageHomePage({
        name: user.displayName,
        dashboard: getDashboard(app.db, user, app.now()),
        role: user.role,
        now: app.now(),
      }),
    });
  });
};
