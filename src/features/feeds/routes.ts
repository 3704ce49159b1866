import type { FastifyPluginAsync } from 'fastify';
import { Feed } from 'feed';
import { PUBLIC_PAGE } from '../../lib/route-options';
import { baseUrlOf } from '../../plugins/views';
import { escapeXml } from '../../lib/xml';
import { getCommitteeBySlug } from '../committees/queries';
import { feedEntries, type FeedEntry } from './queries';

/**
 * Atom feeds (RFC 4287) of what is published: the whole site's at
 * /feed.atom and each committee's at /committees/:slug/feed.atom. Entries
 * keep their id when the record changes (a meeting postponed is the same
 * entry, updated); ids are URNs under the installation's own id, so two
 * installations never share one. Served from memory like any public page.
 */
export const feedRoutes: FastifyPluginAsync = async (app) => {
  const atom = (
    base: string,
    self: string,
    page: string,
    title: string,
    subtitle: string,
    entries: FeedEntry[],
    scope: string,
  ) => {
    const feed = new Feed({
      id: `urn:scrutineer:${app.installationId}:feed:${scope}`,
      title,
      description: subtitle,
      link: `${base}${page}`,
      feedLinks: { atom: `${base}${self}` },
      language: 'en-GB',
      // An empty feed is as old as the installation's first moment, never "now" (which would change its bytes).
      updated: entries[0]?.updated ?? new Date(0),
      generator: 'Scrutineer',
      author: { name: title },
    });
    for (const e of entries)
      feed.addItem({
        id: `urn:scrutineer:${app.installationId}:${e.key.replace('/', ':')}`,
        // The library marks titles and summaries as HTML: what people typed is escaped, never read as markup.
        title: escapeXml(e.title),
        link: `${base}${e.path}`,
        date: e.updated,
        description: escapeXml(e.summary),
        author: [{ name: e.committee.name }],
      });
    return feed.atom1();
  };

  app.get('/feed.atom', PUBLIC_PAGE, async (request, reply) => {
    const body = atom(
      baseUrlOf(request),
      '/feed.atom',
      '/',
      'Scrutineer: what is published',
      'Meetings, agendas, minutes, answers to public questions, actions and recommendations, as they are published.',
      feedEntries(app.db, null),
      'site',
    );
    return reply.header('access-control-allow-origin', '*').type('application/atom+xml; charset=utf-8').send(body);
  });

  app.get<{ Params: { slug: string } }>('/committees/:slug/feed.atom', PUBLIC_PAGE, async (request, reply) => {
    const committee = getCommitteeBySlug(app.db, request.params.slug);
    if (!committee) return reply.callNotFound();
    const body = atom(
      baseUrlOf(request),
      `/committees/${committee.slug}/feed.atom`,
      `/committees/${committee.slug}`,
      committee.name,
      `What ${committee.name} publishes: meetings, agendas, minutes, answers, actions and recommendations.`,
      feedEntries(app.db, committee.id),
      `committee:${committee.id}`,
    );
    return reply.header('access-control-allow-origin', '*').type('application/atom+xml; charset=utf-8').send(body);
  });
};
