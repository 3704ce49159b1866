import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { parseId } from '../../lib/params';
import { field, type FieldErrors } from '../../lib/validation';
import { actorOf } from '../../plugins/auth';
import { wantsFragment } from '../../plugins/views';
import { allows } from '../../lib/permissions';
import { recordHistory } from '../audit/queries';
import { ActionPage, ActionPanel } from '../../../views/actions/ActionPage';
import { getAction, type ActionDetail } from './queries';
import { updateAction } from './commands';

type ActionRequest = FastifyRequest<{ Params: { actionId: string } }>;

function load(request: ActionRequest): ActionDetail | null {
  const id = parseId(request.params.actionId);
  return id === null ? null : getAction(request.server.db, id);
}

function canUpdate(request: FastifyRequest, action: ActionDetail): boolean {
  return request.user
    ? allows(request.user, 'action_update', {
        committeeId: action.committee.id,
        actionOwnerPersonIds: action.ownerPersonIds,
      })
    : false;
}

function render(
  request: FastifyRequest,
  reply: FastifyReply,
  action: ActionDetail,
  extra: { values?: { status?: string; note?: string }; errors?: FieldErrors; updated?: boolean; status?: number } = {},
) {
  const panel = {
    action,
    canUpdate: canUpdate(request, action),
    csrfToken: reply.csrfToken(),
    history: recordHistory(request.server.db, 'action', action.id),
    ...extra,
  };
  if (wantsFragment(request)) {
    reply.header('vary', 'HX-Request');
    return reply.status(extra.status ?? 200).html(ActionPanel(panel));
  }
  return reply.page({
    title: action.description,
    nav: 'manage',
    status: extra.status,
    body: ActionPage(panel),
  });
}

/** Members read and update the actions they own; clerks those of their committees. */
export const actionManageRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { actionId: string } }>(
    '/actions/:actionId',
    { config: { access: 'committee_read' } },
    async (request, reply) => {
      const action = load(request);
      if (!action) return reply.callNotFound();
      return render(request, reply, action);
    },
  );

  app.post<{ Params: { actionId: string } }>(
    '/actions/:actionId/updates',
    { config: { access: 'action_update' } },
    async (request, reply) => {
      const action = load(request);
      if (!action) return reply.callNotFound();
      const values = { status: field(request.body, 'status'), note: field(request.body, 'note') };
      const user = request.user;
      const result = updateAction(
        app.db,
        { ...actorOf(request), personId: user?.personId ?? null },
        action.id,
        values,
        app.now(),
      );
      if (!result.ok) return render(request, reply, action, { values, errors: result.errors, status: 422 });
      const fresh = getAction(app.db, action.id) ?? action;
      if (wantsFragment(request)) return render(request, reply, fresh, { updated: true });
      return reply.redirect(`/manage/actions/${action.id}`, 303);
    },
  );
};
