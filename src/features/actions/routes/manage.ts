import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { parseId } from '../../../lib/params';
import { field, type FieldErrors } from '../../../lib/validation';
import { actorOf } from '../../../plugins/auth';
import { baseUrlOf, wantsFragment } from '../../../plugins/views';
import { allows, canManageCommittee } from '../../../lib/permissions';
import { focusFirst } from '../../../lib/focus';
import { recordHistory } from '../../audit/queries';
import { ActionPage, ActionPanel, type ActionPanelProps } from '../../../../views/actions/ActionPage';
import { getAction, type ActionDetail } from '../queries';
import { emailableOwners, resendOwnerLinks, updateAction } from '../commands';
import { actionListRoutes } from './lists';

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

export type UpdateValues = { status?: string; note?: string; notePublic?: string };

export const updateValues = (body: unknown): UpdateValues => ({
  status: field(body, 'status'),
  note: field(body, 'note'),
  notePublic: field(body, 'notePublic'),
});

/** After an update in place: the confirmation, or the first field in error, takes the keyboard. */
export function panelFragment(props: ActionPanelProps): string {
  const focus = props.errors && Object.keys(props.errors).length ? [...Object.keys(props.errors)] : ['action-panel'];
  return focusFirst(ActionPanel(props) as string, focus);
}

function render(
  request: FastifyRequest,
  reply: FastifyReply,
  action: ActionDetail,
  extra: { values?: UpdateValues; errors?: FieldErrors; updated?: boolean; status?: number; linkMessage?: string } = {},
) {
  const db = request.server.db;
  const canManage = request.user ? canManageCommittee(request.user, action.committee.id) : false;
  const panel: ActionPanelProps = {
    action,
    canUpdate: canUpdate(request, action),
    csrfToken: reply.csrfToken(),
    history: recordHistory(db, 'action', action.id),
    now: request.server.now(),
    postTo: `/manage/actions/${action.id}/updates`,
    ...extra,
  };
  if (wantsFragment(request)) {
    reply.header('vary', 'HX-Request');
    return reply.status(extra.status ?? 200).html(panelFragment(panel));
  }
  return reply.page({
    title: `${extra.errors ? 'Error: ' : ''}${action.description}`,
    nav: 'manage',
    status: extra.status,
    body: ActionPage({
      ...panel,
      canManage,
      linkable: canManage ? emailableOwners(db, action.id) : [],
      linkMessage: extra.linkMessage,
    }),
  });
}

/** Members read and update the actions they own; clerks those of their committees. */
export const actionManageRoutes: FastifyPluginAsync = async (app) => {
  await app.register(actionListRoutes);

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
      const values = updateValues(request.body);
      const user = request.user;
      const result = updateAction(
        app.db,
        { ...actorOf(request), personId: user?.personId ?? null, name: user?.displayName ?? 'Unknown' },
        action.id,
        values,
        app.now(),
      );
      if (!result.ok) return render(request, reply, action, { values, errors: result.errors, status: 422 });
      const fresh = getAction(app.db, action.id) ?? action;
      if (wantsFragment(request)) return render(request, reply, fresh, { updated: true });
      return reply.seeOther(`/manage/actions/${action.id}`, 'Your update has been saved.');
    },
  );

  app.post<{ Params: { actionId: string } }>(
    '/actions/:actionId/links',
    { config: { access: 'committee_manage' } },
    async (request, reply) => {
      const action = load(request);
      if (!action) return reply.callNotFound();
      const ownerId = parseId(field(request.body, 'ownerId'));
      const result = resendOwnerLinks(
        app.db,
        actorOf(request),
        action.id,
        ownerId,
        { base: baseUrlOf(request) },
        app.now(),
      );
      if (!result.ok) return render(request, reply, action, { status: 422, linkMessage: result.errors._form });
      app.mail.kick();
      return reply.seeOther(
        `/manage/actions/${action.id}`,
        `A new link has been emailed to ${result.value.sent.join(' and ')}.`,
      );
    },
  );
};
