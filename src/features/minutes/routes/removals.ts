import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { formatDate } from '../../../lib/dates';
import { parseId } from '../../../lib/params';
import { fields } from '../../../lib/validation';
import { actorOf } from '../../../plugins/auth';
import { ConfirmPage } from '../../../../views/components/Confirm';
import { ITEM_FORMS, itemRegionId, removalQuestion } from '../../../../views/minutes/regions/ItemForms';
import { ItemRecord } from '../../../../views/minutes/regions/ItemRegion';
import type { MinutesScreenProps } from '../../../../views/minutes/regions/parts';
import {
  checkRemoveMinutedAction,
  checkRemoveResolution,
  removeMinutedAction,
  removeResolution,
} from '../commands/items';
import { minutedAction, minutedResolution } from '../queries';
import { answerRegion, manage, meetingIdOf, screenProps, screenUrl, type MeetingRequest } from './screen';

type ResolutionParams = { Params: { meetingId: string; resolutionId: string } };
type ActionParams = { Params: { meetingId: string; actionId: string } };

const recordOf = (itemId: number) => ({
  region: (props: MinutesScreenProps) => {
    const item = props.data.items.find((i) => i.id === itemId);
    return item ? ItemRecord({ ...props, item }) : '';
  },
  anchor: itemRegionId(itemId),
});

/**
 * Removing a resolution or an action minuted by mistake: it cannot be
 * undone, so "Remove" leads to a question, as a page of its own (with or
 * without JavaScript); "Yes" removes it and comes back to the item.
 */
export const removalRoutes: FastifyPluginAsync = async (app) => {
  const ask = (
    request: MeetingRequest,
    reply: FastifyReply,
    question: { what: 'resolution' | 'action'; text: string; action: string; itemId: number },
  ) => {
    const props = screenProps(app, request, reply);
    if (!props) return reply.callNotFound();
    const q = removalQuestion({
      ...question,
      back: `${screenUrl(request)}#${itemRegionId(question.itemId)}`,
      csrfToken: props.csrfToken,
    });
    return reply.page({
      title: q.title,
      nav: 'manage',
      body: ConfirmPage({
        ...q,
        caption: `${props.data.meeting.committee.name}, ${formatDate(props.data.meeting.startsAt)}`,
      }),
    });
  };
  const confirmedIn = (request: FastifyRequest) => fields(request.body, ['confirmed'] as const).confirmed === 'yes';

  const resolutionOf = (request: FastifyRequest<ResolutionParams>) =>
    minutedResolution(app.db, parseId(request.params.resolutionId) ?? 0);
  const removeResolutionUrl = (request: MeetingRequest, id: number) => `${screenUrl(request)}/resolutions/${id}/remove`;

  app.get<ResolutionParams>(
    '/meetings/:meetingId/minutes/resolutions/:resolutionId/remove',
    manage,
    async (request, reply) => {
      const r = resolutionOf(request);
      if (!r) return reply.callNotFound();
      return ask(request, reply, {
        what: 'resolution',
        text: r.text,
        action: removeResolutionUrl(request, r.id),
        itemId: r.itemId,
      });
    },
  );

  app.post<ResolutionParams>(
    '/meetings/:meetingId/minutes/resolutions/:resolutionId/remove',
    manage,
    async (request, reply) => {
      const r = resolutionOf(request);
      if (!r) return reply.callNotFound();
      const confirmed = confirmedIn(request);
      const result = confirmed
        ? removeResolution(app.db, actorOf(request), r.id)
        : checkRemoveResolution(app.db, actorOf(request), r.id);
      if (!confirmed && result.ok) {
        return ask(request, reply, {
          what: 'resolution',
          text: r.text,
          action: removeResolutionUrl(request, r.id),
          itemId: r.itemId,
        });
      }
      return answerRegion(app, request, reply, {
        ...recordOf(r.itemId),
        result,
        form: ITEM_FORMS.resolution(r.itemId),
        values: {},
        confirmation: 'Resolution removed',
      });
    },
  );

  const actionOf = (request: FastifyRequest<ActionParams>) =>
    minutedAction(app.db, meetingIdOf(request), parseId(request.params.actionId) ?? 0);
  const removeActionUrl = (request: MeetingRequest, id: number) => `${screenUrl(request)}/actions/${id}/remove`;

  app.get<ActionParams>('/meetings/:meetingId/minutes/actions/:actionId/remove', manage, async (request, reply) => {
    const a = actionOf(request);
    if (!a) return reply.callNotFound();
    const text = `${a.owners.join('/')}: ${a.description}`;
    return ask(request, reply, { what: 'action', text, action: removeActionUrl(request, a.id), itemId: a.itemId });
  });

  app.post<ActionParams>('/meetings/:meetingId/minutes/actions/:actionId/remove', manage, async (request, reply) => {
    const a = actionOf(request);
    if (!a) return reply.callNotFound();
    const confirmed = confirmedIn(request);
    const result = confirmed
      ? removeMinutedAction(app.db, actorOf(request), a.id)
      : checkRemoveMinutedAction(app.db, actorOf(request), a.id);
    if (!confirmed && result.ok) {
      const text = `${a.owners.join('/')}: ${a.description}`;
      return ask(request, reply, { what: 'action', text, action: removeActionUrl(request, a.id), itemId: a.itemId });
    }
    return answerRegion(app, request, reply, {
      ...recordOf(a.itemId),
      result,
      form: ITEM_FORMS.action(a.itemId),
      values: {},
      confirmation: 'Action removed',
    });
  });
};
