import { PUBLIC_PAGE } from '../../../lib/route-options';
import type { FastifyPluginAsync } from 'fastify';
import { parseSlug } from '../../../lib/params';
import { recommendationReferenceFromSlug } from '../../../lib/recommendation-rules';
import {
  PublicRecommendationPage,
  PublicRecommendationsPage,
} from '../../../../views/recommendations/PublicRecommendationPages';
import { publicPaperFile } from '../../agenda/queries';
import { getCommitteeBySlug } from '../../committees/queries';
import { itemTrail, publicRecommendation, recommendationsOf } from '../queries';

/** The public side of recommendations: a committee's sent ones, and each one's page. */
export const recommendationPublicRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { slug: string } }>('/committees/:slug/recommendations', PUBLIC_PAGE, async (request, reply) => {
    const slug = parseSlug(request.params.slug);
    const committee = slug ? getCommitteeBySlug(app.db, slug) : null;
    if (!committee) return reply.callNotFound();
    return reply.page({
      title: `Recommendations of the ${committee.name}`,
      nav: 'committees',
      body: PublicRecommendationsPage({
        committee,
        rows: recommendationsOf(app.db, committee.id, { publicOnly: true }),
        now: app.now(),
      }),
    });
  });

  app.get<{ Params: { reference: string } }>('/recommendations/:reference', PUBLIC_PAGE, async (request, reply) => {
    const reference = recommendationReferenceFromSlug(request.params.reference);
    const rec = reference ? publicRecommendation(app.db, reference) : null;
    if (!rec) return reply.callNotFound();
    return reply.page({
      title: `Recommendation ${rec.reference ?? ''}`,
      nav: 'committees',
      body: PublicRecommendationPage({
        rec,
        now: app.now(),
        paperHref: (id) => (publicPaperFile(app.db, id) ? `/documents/${id}` : null),
        trail: itemTrail(app.db, rec.origin?.itemId ?? null),
      }),
    });
  });
};
