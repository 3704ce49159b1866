import { PUBLIC_PAGE } from '../../lib/route-options';
import fs from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';
import { databaseIsHealthy } from './queries';
import { sitemapPaths } from './sitemap';
import { baseUrlOf } from '../../plugins/views';
import { escapeXml } from '../../lib/xml';
import { listRecentMeetings, listUpcomingMeetings } from '../meetings/queries';
import { HomePage } from '../../../views/site/HomePage';
import { AccessibilityPage } from '../../../views/site/AccessibilityPage';

/** The home page, the accessibility statement and the health check. */
const siteRoutes: FastifyPluginAsync = async (app) => {
  app.get('/', PUBLIC_PAGE, async (_request, reply) => {
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

  // Browsers ask for /favicon.ico on their own (a PDF opened in a tab, for one): the site's icon, not a 404.
  const icon = fs.readFileSync(new URL('../../../static/favicon.svg', import.meta.url));
  app.get('/favicon.ico', async (_request, reply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(icon),
  );

  // What search engines may read: the public pages, not the clerks' screens, sign-in, people's own question links or search results.
  app.get('/robots.txt', PUBLIC_PAGE, async (request, reply) =>
    reply.type('text/plain; charset=utf-8').send(
      [
        'User-agent: *',
        'Disallow: /manage',
        'Disallow: /login',
        'Disallow: /questions/',
        'Disallow: /actions/update',
        // Endless pages of results: what they find is in the sitemap already.
        'Disallow: /search',
        // People's own links: confirming and ending their email alerts.
        'Disallow: /subscriptions/',
        'Disallow: /unsubscribe/',
        '',
        `Sitemap: ${baseUrlOf(request)}/sitemap.xml`,
        '',
      ].join('\n'),
    ),
  );

  app.get('/sitemap.xml', PUBLIC_PAGE, async (request, reply) => {
    const base = baseUrlOf(request);
    const urls = sitemapPaths(app.db).map(
      (p) =>
        `<url><loc>${escapeXml(`${base}${p.path}`)}</loc>${p.lastModified ? `<lastmod>${p.lastModified.toISOString()}</lastmod>` : ''}</url>`,
    );
    return reply
      .type('application/xml; charset=utf-8')
      .send(
        `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`,
      );
  });

  app.get('/healthz', async (_request, reply) => {
    const ok = databaseIsHealthy(app.db);
    reply.header('cache-control', 'no-store');
    return reply
      .status(ok ? 200 : 503)
      .send({ status: ok ? 'ok' : 'unavailable', checks: { database: ok ? 'ok' : 'failing' } });
  });
};

export default siteRoutes;
