import type { FastifyPluginAsync } from 'fastify';
import { parseId } from '../../lib/params';
import { actorOf } from '../../plugins/auth';
import { UsersPage } from '../../../views/users/UsersPage';
import { listUsers } from './queries';
import { setUserDisabled } from './commands';

/** /manage/users: administrators list accounts and disable or enable them. */
export const userManageRoutes: FastifyPluginAsync = async (app) => {
  app.get('/users', { config: { access: 'admin' } }, async (request, reply) =>
    reply.page({
      title: 'Users',
      nav: 'manage',
      body: UsersPage({ users: listUsers(app.db), currentUserId: request.user?.id ?? 0, csrfToken: reply.csrfToken() }),
    }),
  );

  for (const [verb, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post<{ Params: { userId: string } }>(
      `/users/:userId/${verb}`,
      { config: { access: 'admin' } },
      async (request, reply) => {
        const userId = parseId(request.params.userId);
        if (userId === null) return reply.callNotFound();
        if (userId === request.user?.id) {
          return reply.page({
            title: 'Users',
            nav: 'manage',
            status: 422,
            body: UsersPage({
              users: listUsers(app.db),
              currentUserId: request.user.id,
              csrfToken: reply.csrfToken(),
              error: 'You cannot disable your own account',
            }),
          });
        }
        if (!setUserDisabled(app.db, actorOf(request), userId, disabled)) return reply.callNotFound();
        return reply.redirect('/manage/users', 303);
      },
    );
  }
};
