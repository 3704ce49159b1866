import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { ACTION_FIELDS, APPROVAL_FIELDS, RESOLUTION_FIELDS } from '../../../lib/fields';
import { dateParts } from '../../../lib/forms';
import { parseId } from '../../../lib/params';
import { fields } from '../../../lib/validation';
import { actorOf } from '../../../plugins/auth';
import {
  ITEM_FORMS,
  actionValues,
  dueValues,
  itemRegionId,
  resolutionValues,
} from '../../../../views/minutes/regions/ItemForms';
import { ItemRecord, approvalQuestion, approvalQuestionId } from '../../../../views/minutes/regions/ItemRegion';
import { ConfirmPage } from '../../../../views/components/Confirm';
import { formatDate } from '../../../lib/dates';
import { wantsFragment } from '../../../plugins/views';
import type { MinutesScreenProps } from '../../../../views/minutes/regions/parts';
import { approveMinutes, checkApproveMinutes } from '../commands/approval';
import { addAction, addResolution, saveMinuteText, updateMinutedAction, updateResolution } from '../commands/items';
import { minutedAction, minutedResolution } from '../queries';
import { answerRegion, manage, meetingIdOf, screenProps, showRegion } from './screen';

type ItemParams = { Params: { meetingId: string; itemId: string } };
type ResolutionParams = { Params: { meetingId: string; resolutionId: string } };
type ActionParams = { Params: { meetingId: string; actionId: string } };

const itemIdOf = (request: FastifyRequest<ItemParams>) => parseId(request.params.itemId) ?? 0;

/** The record region of one item: its resolutions, actions and approval. */
const recordOf = (itemId: number) => ({
  region: (props: MinutesScreenProps) => {
    const item = props.data.items.find((i) => i.id === itemId);
    return item ? ItemRecord({ ...props, item }) : '';
  },
  anchor: itemRegionId(itemId),
});

/** An action's form as typed: its fields, and its due date's three boxes (named after the form). */
function actionForm(body: unknown, form: string) {
  const due = dateParts(body, `${form}-due`);
  return { due, values: { ...fields(body, ACTION_FIELDS), ...dueValues(form, due) } };
}

/** An item's minute text (autosaved), resolutions, actions, and the approval of earlier minutes. */
export const itemRoutes: FastifyPluginAsync = async (app) => {
  app.post<ItemParams>('/meetings/:meetingId/minutes/items/:itemId/text', manage, async (request, reply) => {
    const itemId = itemIdOf(request);
    const values = fields(request.body, ['minuteText', 'revision'] as const);
    const result = saveMinuteText(app.db, actorOf(request), itemId, values, app.now());
    const conflict = result.ok ? undefined : result.conflict;
    // The minute autosaves (JSON) or posts as a plain form; a plain form comes back to its item.
    return answerRegion(app, request, reply, {
      ...recordOf(itemId),
      anchor: `item-${itemId}`,
      result,
      form: ITEM_FORMS.text(itemId),
      values,
      confirmation: 'Minute saved',
      status: conflict ? 409 : 422,
      conflict: conflict ? { text: conflict.text, revision: conflict.revision } : undefined,
      json: result.ok ? { revision: result.revision, savedAt: result.savedAt.toISOString() } : undefined,
    });
  });

  app.post<ItemParams>('/meetings/:meetingId/minutes/items/:itemId/resolutions', manage, async (request, reply) => {
    const itemId = itemIdOf(request);
    const values = fields(request.body, RESOLUTION_FIELDS);
    return answerRegion(app, request, reply, {
      ...recordOf(itemId),
      result: addResolution(app.db, actorOf(request), itemId, values),
      form: ITEM_FORMS.resolution(itemId),
      values,
      confirmation: 'Resolution added',
    });
  });

  app.post<ItemParams>('/meetings/:meetingId/minutes/items/:itemId/actions', manage, async (request, reply) => {
    const itemId = itemIdOf(request);
    const form = ITEM_FORMS.action(itemId);
    const { due, values } = actionForm(request.body, form);
    return answerRegion(app, request, reply, {
      ...recordOf(itemId),
      result: addAction(app.db, actorOf(request), itemId, values, due),
      form,
      values,
      confirmation: 'Action added',
    });
  });

  app.post<ItemParams>('/meetings/:meetingId/minutes/items/:itemId/approve', manage, async (request, reply) => {
    const itemId = itemIdOf(request);
    const values = fields(request.body, APPROVAL_FIELDS);
    const { confirmed } = fields(request.body, ['confirmed'] as const);
    const form = ITEM_FORMS.approve(itemId);
    if (confirmed !== 'yes') {
      // Approved minutes are locked for good: the form is checked, then the clerk is asked (or, on "Change", given it back).
      const checked =
        confirmed === 'no'
          ? { ok: true as const }
          : checkApproveMinutes(app.db, actorOf(request), itemId, values, app.now());
      if (!checked.ok) {
        return answerRegion(app, request, reply, {
          ...recordOf(itemId),
          result: checked,
          form,
          values,
          confirmation: '',
        });
      }
      const asking = confirmed !== 'no';
      const state = { form, values, errors: {}, confirming: asking };
      if (wantsFragment(request) || !asking) {
        return showRegion(
          app,
          request,
          reply,
          recordOf(itemId).region,
          state,
          asking ? approvalQuestionId(itemId) : `${form}-text`,
        );
      }
      const props = screenProps(app, request, reply, state);
      const item = props?.data.items.find((i) => i.id === itemId);
      const question = props && item ? approvalQuestion({ ...props, item }) : null;
      if (!props || !question) return reply.callNotFound();
      return reply.page({
        title: question.title,
        nav: 'manage',
        body: ConfirmPage({
          ...question,
          enhance: undefined,
          caption: `${props.data.meeting.committee.name}, ${formatDate(props.data.meeting.startsAt)}`,
        }),
      });
    }
    return answerRegion(app, request, reply, {
      ...recordOf(itemId),
      result: approveMinutes(app.db, actorOf(request), itemId, values, app.now()),
      form: ITEM_FORMS.approve(itemId),
      values,
      confirmation: 'The earlier minutes are approved and locked',
    });
  });

  const resolutionOf = (request: FastifyRequest<ResolutionParams>) =>
    minutedResolution(app.db, parseId(request.params.resolutionId) ?? 0);

  app.get<ResolutionParams>(
    '/meetings/:meetingId/minutes/resolutions/:resolutionId/edit',
    manage,
    async (request, reply) => {
      const r = resolutionOf(request);
      if (!r) return reply.callNotFound();
      const state = { form: ITEM_FORMS.resolutionEdit(r.id), values: resolutionValues(r), errors: {} };
      return showRegion(app, request, reply, recordOf(r.itemId).region, state, `${state.form}-text`);
    },
  );

  app.post<ResolutionParams>(
    '/meetings/:meetingId/minutes/resolutions/:resolutionId',
    manage,
    async (request, reply) => {
      const r = resolutionOf(request);
      if (!r) return reply.callNotFound();
      const values = fields(request.body, RESOLUTION_FIELDS);
      return answerRegion(app, request, reply, {
        ...recordOf(r.itemId),
        result: updateResolution(app.db, actorOf(request), r.id, values),
        form: ITEM_FORMS.resolutionEdit(r.id),
        values,
        confirmation: 'Resolution saved',
      });
    },
  );

  const actionOf = (request: FastifyRequest<ActionParams>) =>
    minutedAction(app.db, meetingIdOf(request), parseId(request.params.actionId) ?? 0);

  app.get<ActionParams>('/meetings/:meetingId/minutes/actions/:actionId/edit', manage, async (request, reply) => {
    const a = actionOf(request);
    if (!a) return reply.callNotFound();
    const state = { form: ITEM_FORMS.actionEdit(a.id), values: actionValues(a.id, a), errors: {} };
    return showRegion(app, request, reply, recordOf(a.itemId).region, state, `${state.form}-owners`);
  });

  app.post<ActionParams>('/meetings/:meetingId/minutes/actions/:actionId', manage, async (request, reply) => {
    const a = actionOf(request);
    if (!a) return reply.callNotFound();
    const form = ITEM_FORMS.actionEdit(a.id);
    const { due, values } = actionForm(request.body, form);
    return answerRegion(app, request, reply, {
      ...recordOf(a.itemId),
      result: updateMinutedAction(app.db, actorOf(request), a.id, values, due),
      form,
      values,
      confirmation: 'Action saved',
    });
  });
};
