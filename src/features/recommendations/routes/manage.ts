import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { RECOMMENDATION_FIELDS } from '../../../lib/fields';
import { parseId } from '../../../lib/params';
import { canManageCommittee } from '../../../lib/permissions';
import { fields, type FieldErrors } from '../../../lib/validation';
import { actorOf } from '../../../plugins/auth';
import { keptHtml } from '../../../plugins/views';
import {
  ManageRecommendationsPage,
  RecommendationFormPage,
} from '../../../../views/recommendations/ManageRecommendationPages';
import { getCommitteeBySlug } from '../../committees/queries';
import { saveRecommendation, type RecommendationForm } from '../commands';
import { getRecommendation, recommendationFigures, recommendationFormOptions, recommendationsOf } from '../queries';
import { recommendationRecordRoutes } from './record';
import { KeptRenders } from '../../site/queries';

type Slug = { Params: { slug: string } };
type One = { Params: { slug: string; recommendationId: string } };
const READ = { config: { access: 'committee_read' as const } };
const MANAGE = { config: { access: 'committee_manage' as const } };

/** A committee's list with its figures, as drawn for each state of the data (and day: responses fall due at midnight). */
const pages = new KeptRenders<Buffer>((body) => body.length);

/** /manage/committees/:slug/recommendations: the committee's recommendations, made and followed by its clerks. */
export const recommendationManageRoutes: FastifyPluginAsync = async (app) => {
  const base = (slug: string) => `/manage/committees/${slug}/recommendations`;

  app.get<Slug>('/committees/:slug/recommendations', READ, async (request, reply) => {
    const committee = getCommitteeBySlug(app.db, request.params.slug);
    if (!committee || !request.user) return reply.callNotFound();
    const now = app.now();
    const canManage = canManageCommittee(request.user, committee.id);
    return reply.page({
      title: `Recommendations of the ${committee.name}`,
      nav: 'manage',
      body: pages.get(app.db, now, JSON.stringify([committee.id, canManage]), () =>
        keptHtml(
          ManageRecommendationsPage({
            committee,
            rows: recommendationsOf(app.db, committee.id, { publicOnly: false }),
            figures: recommendationFigures(app.db, [committee.id], now),
            canManage,
            now,
          }),
        ),
      ),
    });
  });

  const form = (
    reply: FastifyReply,
    committee: NonNullable<ReturnType<typeof getCommitteeBySlug>>,
    recommendationId: number | null,
    values: RecommendationForm,
    errors: FieldErrors = {},
    status?: number,
  ) =>
    reply.page({
      title: `${status ? 'Error: ' : ''}${recommendationId === null ? 'Make a recommendation' : 'Change the recommendation'}`,
      nav: 'manage',
      status,
      body: RecommendationFormPage({
        committee,
        recommendationId,
        values,
        errors,
        csrfToken: reply.csrfToken(),
        options: recommendationFormOptions(app.db, committee.id),
      }),
    });

  app.get<Slug>('/committees/:slug/recommendations/new', MANAGE, async (request, reply) => {
    const committee = getCommitteeBySlug(app.db, request.params.slug);
    if (!committee) return reply.callNotFound();
    return form(reply, committee, null, fields({}, RECOMMENDATION_FIELDS));
  });

  app.post<Slug>('/committees/:slug/recommendations', MANAGE, async (request, reply) => {
    const committee = getCommitteeBySlug(app.db, request.params.slug);
    if (!committee) return reply.callNotFound();
    const values = fields(request.body, RECOMMENDATION_FIELDS);
    const result = saveRecommendation(app.db, actorOf(request), committee.id, null, values, app.now());
    if (!result.ok) return form(reply, committee, null, values, result.errors, 422);
    return reply.seeOther(
      `${base(committee.slug)}/${result.value.id}`,
      `Recommendation ${result.value.reference} saved as a draft`,
    );
  });

  app.get<One>('/committees/:slug/recommendations/:recommendationId/edit', MANAGE, async (request, reply) => {
    const committee = getCommitteeBySlug(app.db, request.params.slug);
    const rec = getRecommendation(app.db, parseId(request.params.recommendationId) ?? 0);
    if (!committee || !rec) return reply.callNotFound();
    const id = (n: number | null) => (n === null ? '' : String(n));
    return form(reply, committee, rec.id, {
      text: rec.text,
      addressedTo: rec.addressedTo,
      addresseeOrganisationId: id(rec.addresseeOrganisationId),
      contactPersonId: id(rec.contactPersonId),
      agendaItemId: id(rec.agendaItemId),
      inquiryId: id(rec.inquiryId),
    });
  });

  app.post<One>('/committees/:slug/recommendations/:recommendationId', MANAGE, async (request, reply) => {
    const committee = getCommitteeBySlug(app.db, request.params.slug);
    const id = parseId(request.params.recommendationId) ?? 0;
    if (!committee) return reply.callNotFound();
    const values = fields(request.body, RECOMMENDATION_FIELDS);
    const result = saveRecommendation(app.db, actorOf(request), committee.id, id, values, app.now());
    if (!result.ok) return form(reply, committee, id, values, result.errors, 422);
    return reply.seeOther(`${base(committee.slug)}/${id}`, 'Recommendation saved');
  });

  await app.register(recommendationRecordRoutes);
};
