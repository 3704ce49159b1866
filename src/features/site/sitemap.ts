import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { actions, agendaItems, committees, inquiries, meetings, recommendations } from '../../db/schema';
import { actionSlug } from '../../lib/action-rules';
import { recommendationSlug } from '../../lib/recommendation-rules';
import { publicRecommendationsOnly } from '../recommendations/queries';

/** A sitemap holds at most 50,000 addresses (sitemaps.org). */
export const SITEMAP_LIMIT = 50_000;

/**
 * The public pages a search engine may list, with when each last changed
 * where that is known: the site's lists, each committee and its pages, each
 * meeting, inquiry and sent recommendation, then public actions (newest
 * first) up to the sitemap's limit. Nothing a signed-out visitor cannot read.
 */
export function sitemapPaths(db: Db): { path: string; lastModified: Date | null }[] {
  const paths: { path: string; lastModified: Date | null }[] = [
    { path: '/', lastModified: null },
    { path: '/meetings', lastModified: null },
    { path: '/committees', lastModified: null },
  ];
  for (const c of db
    .select({ slug: committees.slug, updatedAt: committees.updatedAt })
    .from(committees)
    .orderBy(committees.name)
    .all()) {
    paths.push({ path: `/committees/${c.slug}`, lastModified: c.updatedAt });
    for (const page of ['actions', 'recommendations', 'work-programme', 'inquiries'])
      paths.push({ path: `/committees/${c.slug}/${page}`, lastModified: null });
  }
  for (const m of db
    .select({ id: meetings.id, updatedAt: meetings.updatedAt })
    .from(meetings)
    .orderBy(desc(meetings.startsAt))
    .all())
    paths.push({ path: `/meetings/${m.id}`, lastModified: m.updatedAt });
  for (const i of db
    .select({ slug: inquiries.slug, committee: committees.slug, updatedAt: inquiries.updatedAt })
    .from(inquiries)
    .innerJoin(committees, eq(committees.id, inquiries.committeeId))
    .all())
    paths.push({ path: `/committees/${i.committee}/inquiries/${i.slug}`, lastModified: i.updatedAt });
  for (const r of db
    .select({ reference: recommendations.reference, updatedAt: recommendations.updatedAt })
    .from(recommendations)
    .leftJoin(agendaItems, eq(agendaItems.id, recommendations.agendaItemId))
    .where(and(publicRecommendationsOnly(), isNotNull(recommendations.reference)))
    .orderBy(desc(recommendations.updatedAt))
    .all())
    if (r.reference)
      paths.push({ path: `/recommendations/${recommendationSlug(r.reference)}`, lastModified: r.updatedAt });
  const room = SITEMAP_LIMIT - paths.length;
  if (room > 0)
    for (const a of db
      .select({ reference: actions.reference, updatedAt: actions.updatedAt })
      .from(actions)
      .where(and(isNotNull(actions.publishedAt), isNotNull(actions.reference)))
      .orderBy(desc(actions.updatedAt))
      .limit(room)
      .all())
      if (a.reference) paths.push({ path: `/actions/${actionSlug(a.reference)}`, lastModified: a.updatedAt });
  return paths.slice(0, SITEMAP_LIMIT);
}
