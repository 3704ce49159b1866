import type { FastifyPluginAsync } from 'fastify';
import { databaseIsHealthy } from './queries';
import { listRecentMeetings, listUpcomingMeetings } from '../meetings/queries';
import { HomePage } from '../../../views/site/HomePage';
import { AccessibilityPage } from '../../../views/site/AccessibilityPage';

/** The home page, the accessibility statement and the health check. */
const siteRoutes: FastifyPluginAsync = async (app) => {
  app.get('/', async (_request, reply) => {
    const now = app.now();
    return reply.page({
      title: 'Scrutineer',
      nav: 'home',
      body: HomePage({ upcoming: listUpcomingMeetings(app.db, now), recent: listRecentMeetings(app.db, now) }),
    });
  });

  app.get('/accessibility', async (_request, reply) =>
    reply.page({ title: 'Accessibility statement', body: AccessibilityPage() }),
  );

  app.get('/healthz', async (_request, reply) => {
    const ok = databaseIsHealthy(app.db);
    reply.header('cache-control', 'no-store');
    return reply
      .status(ok ? 200 : 503)
      .send({ status: ok ? 'ok' : 'unavailable', checks: { database: ok ? 'ok' : 'failing' } });
  });
};

export default siteRoutes;
