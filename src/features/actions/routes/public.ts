import { PUBLIC_PAGE } from '../../../lib/route-options';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { parseActionFilters } from '../../../lib/action-filters';
import { referenceFromSlug } from '../../../lib/action-rules';
import { parseSlug } from '../../../lib/params';
import { PublicActionsPage } from '../../../../views/actions/ActionListPages';
import { OwnerUpdatePage, PublicActionPage } from '../../../../views/actions/PublicActionPage';
import { UnknownLinkPage } from '../../../../views/questions/StatusPage';
import { getCommitteeBySlug } from '../../committees/queries';
import { actionMeetings, getAction, publicAction } from '../queries';
import { numberActions, ownerByLink, updateAction } from '../commands';
import { panelFragment, updateValues, type UpdateValues } from './manage';
import { wantsFragment } from '../../../plugins/views';
import type { FieldErrors } from '../../../lib/validation';
import { actionListOf } from './lists';
import { publicRecommendationsAt } from '../../recommendations/queries';

type TokenParams = { Params: { token: string } };

/**
 * The public side of actions: a committee's list, each action's page (only
 * once the minutes that record it are published; never an exempt item's;
 * only public notes), and an owner's link to update theirs without an account.
 */
export const actionPublicRoutes: FastifyPluginAsync = async (app) => {
  // Actions recorded before references were given (an older database) get theirs at start.
  app.addHook('onReady', async () => {
    app.db.transaction((tx) => numberActions(tx));
  });

  app.get<{ Params: { slug: string } }>('/committees/:slug/actions', PUBLIC_PAGE, async (request, reply) => {
    const slug = parseSlug(request.params.slug);
    const committee = slug ? getCommitteeBySlug(app.db, slug) : null;
    if (!committee) return reply.callNotFound();
    const parsed = parseActionFilters(request.query, { committeeId: committee.id, publishedOnly: true }, [
      'status',
      'overdue',
      'owner',
      'meeting',
      'sort',
      'page',
    ]);
    const { list, errors, status } = actionListOf(app.db, parsed, app.now());
    return reply.page({
      title: `${errors ? 'Error: ' : ''}Actions of the ${committee.name}`,
      nav: 'committees',
      status,
      body: PublicActionsPage({
        committee,
        list,
        meetings: actionMeetings(app.db, committee.id, true),
      }),
    });
  });

  app.get<{ Params: { reference: string } }>('/actions/:reference', PUBLIC_PAGE, async (request, reply) => {
    const reference = referenceFromSlug(request.params.reference);
    const action = reference ? publicAction(app.db, reference) : null;
    if (!action) return reply.callNotFound();
    return reply.page({
      title: `${action.reference}: ${action.description}`,
      nav: 'committees',
      body: PublicActionPage({
        action,
        now: app.now(),
        recommendations: publicRecommendationsAt(app.db, [action.itemId]),
      }),
    });
  });

  const ownerPage = (
    reply: FastifyReply,
    token: string,
    extra: { values?: UpdateValues; errors?: FieldErrors; updated?: boolean; status?: number } = {},
  ) => {
    const now = app.now();
    const owner = ownerByLink(app.db, token, now);
    const action = owner ? getAction(app.db, owner.actionId) : null;
    reply.header('cache-control', 'private, no-store').header('x-robots-tag', 'noindex');
    if (!owner || !action) {
      return reply.page({
        title: 'This link does not work',
        status: 404,
        body: UnknownLinkPage({ what: 'action', typed: extra.values?.note }),
      });
    }
    const props = {
      action,
      canUpdate: true,
      csrfToken: reply.csrfToken(),
      now,
      postTo: `/actions/update/${token}`,
      ...extra,
    };
    if (wantsFragment(reply.request)) {
      return reply
        .status(extra.status ?? 200)
        .header('vary', 'HX-Request')
        .html(panelFragment(props));
    }
    return reply.page({
      title: `${extra.errors ? 'Error: ' : ''}Update ${action.reference ?? 'an action'}`,
      status: extra.status,
      body: OwnerUpdatePage({ ...props, ownerName: owner.name }),
    });
  };

  app.get<TokenParams & { Querystring: { saved?: string } }>('/actions/update/:token', async (request, reply) =>
    ownerPage(reply, request.params.token, { updated: request.query.saved === 'yes' }),
  );

  app.post<TokenParams>('/actions/update/:token', async (request, reply) => {
    const { token } = request.params;
    const values = updateValues(request.body);
    const owner = ownerByLink(app.db, token, app.now());
    if (!owner) return ownerPage(reply, token, { values });
    const result = updateAction(
      app.db,
      { userId: null, email: null, ip: request.ip, personId: owner.personId, name: owner.name },
      owner.actionId,
      values,
      app.now(),
    );
    if (!result.ok) return ownerPage(reply, token, { values, errors: result.errors, status: 422 });
    if (wantsFragment(request)) return ownerPage(reply, token, { updated: true });
    return reply.seeOther(`/actions/update/${token}?saved=yes`);
  });
};
