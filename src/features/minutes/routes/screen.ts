import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { formatDate } from '../../../lib/dates';
import { canManageCommittee } from '../../../lib/permissions';
import { parseId } from '../../../lib/params';
import { focusFirst } from '../../../lib/focus';
import { wantsFragment, type RenderOptions } from '../../../plugins/views';
import type { FormState, FormValues } from '../../../../views/components/Live';
import { MinutesScreen } from '../../../../views/minutes/MinutesScreen';
import { MinutesState } from '../../../../views/minutes/regions/StateRegion';
import { withState, type MinutesScreenProps } from '../../../../views/minutes/regions/parts';
import { getMinutesEditor, getMinutesState } from '../queries';

export type MeetingParams = { Params: { meetingId: string } };
export type MeetingRequest = FastifyRequest<MeetingParams>;

export const meetingIdOf = (request: MeetingRequest) => parseId(request.params.meetingId) ?? 0;
export const screenUrl = (request: MeetingRequest) => `/manage/meetings/${meetingIdOf(request)}/minutes`;

/** A route that changes the minutes: clerks of the committee. */
export const manage = { config: { access: 'committee_manage' as const } };

/** Everything a region of the screen is drawn from, for the signed-in user; null when the meeting is gone. */
export function screenProps(
  app: FastifyInstance,
  request: MeetingRequest,
  reply: FastifyReply,
  state?: FormState,
): MinutesScreenProps | null {
  const data = getMinutesEditor(app.db, meetingIdOf(request));
  if (!data || !request.user) return null;
  return {
    data,
    csrfToken: reply.csrfToken(),
    canEdit: canManageCommittee(request.user, data.meeting.committee.id),
    userId: request.user.id,
    state,
  };
}

function screenPage(props: MinutesScreenProps): RenderOptions {
  return {
    title: `Minutes: ${props.data.meeting.committee.name}, ${formatDate(props.data.meeting.startsAt)}`,
    nav: 'manage',
    body: MinutesScreen(props),
  };
}

/** The whole screen, with a form open or refused in it. */
export function showScreen(
  app: FastifyInstance,
  request: MeetingRequest,
  reply: FastifyReply,
  state?: FormState,
  status?: number,
) {
  const props = screenProps(app, request, reply, state);
  if (!props) return reply.callNotFound();
  return reply.page({ ...screenPage(props), status });
}

/** One region again, alone (htmx) with where the minutes stand out of band, or the screen with it open. */
export function showRegion(
  app: FastifyInstance,
  request: MeetingRequest,
  reply: FastifyReply,
  region: (props: MinutesScreenProps) => JSX.Element,
  state: FormState,
  /** The field the form opened in place takes the keyboard at. */
  focus: string,
) {
  const props = screenProps(app, request, reply, state);
  if (!props) return reply.callNotFound();
  if (!wantsFragment(request)) return reply.page(screenPage(props));
  return reply
    .header('vary', 'HX-Request')
    .html(focusFirst(withState(region({ ...props, fragment: true }), props), [focus]));
}

/**
 * After a command on a region: the region again (htmx), JSON (autosave), the
 * screen with the refused form in it, or back to the region (plain form).
 */
export function answerRegion(
  app: FastifyInstance,
  request: MeetingRequest,
  reply: FastifyReply,
  change: {
    result: { ok: true } | { ok: false; errors: Record<string, string> };
    form: string;
    values: FormValues;
    region: (props: MinutesScreenProps) => JSX.Element;
    /** The region's element id: a plain form comes back to it. */
    anchor: string;
    confirmation: string;
    status?: number;
    conflict?: { text: string; revision: number };
    json?: Record<string, unknown>;
  },
) {
  return reply.answer({
    status: change.status,
    conflict: change.conflict,
    json: change.json,
    result: change.result,
    form: { name: change.form, values: change.values },
    fragment: (state) => {
      const props = screenProps(app, request, reply, state);
      return props ? withState(change.region({ ...props, fragment: true }), props) : null;
    },
    page: (state) => {
      const props = screenProps(app, request, reply, state);
      return props ? screenPage(props) : null;
    },
    back: `${screenUrl(request)}#${change.anchor}`,
    confirmation: change.confirmation,
    // Back to the region that changed.
    focus: [change.anchor],
  });
}

/** The screen, and where the minutes stand (redrawn after each autosave). */
export const screenRoutes: FastifyPluginAsync = async (app) => {
  app.get<MeetingParams>(
    '/meetings/:meetingId/minutes',
    { config: { access: 'committee_read' } },
    async (request, reply) => showScreen(app, request, reply),
  );

  app.get<MeetingParams>(
    '/meetings/:meetingId/minutes/state',
    { config: { access: 'committee_read' } },
    async (request, reply) => {
      const state = getMinutesState(app.db, meetingIdOf(request));
      if (!state) return reply.callNotFound();
      return reply.header('vary', 'HX-Request').html(MinutesState({ state }));
    },
  );
};
