import type { FastifyPluginAsync } from 'fastify';
import { ITEM_FIELDS } from '../../../lib/fields';
import { parseId } from '../../../lib/params';
import { fields } from '../../../lib/validation';
import { actorOf } from '../../../plugins/auth';
import { wantsFragment } from '../../../plugins/views';
import { RemoveItemPage, draftFragment } from '../../../../views/agenda/AgendaEditor';
import { itemValues } from '../../../../views/agenda/editor/ItemForms';
import { PackStatusPanel } from '../../../../views/agenda/editor/StatusRegion';
import { AGENDA_FORMS, ITEMS_LIST, itemHeadingId } from '../../../../views/agenda/editor/parts';
import { focusFirst } from '../../../lib/focus';
import {
  addFromWorkProgramme,
  addItem,
  moveItem,
  removeItem,
  startWithStandardItems,
  updateItem,
} from '../commands/items';
import { getAgendaEditor, latestPack } from '../editor';
import {
  answerEditor,
  editorPage,
  editorProps,
  manage,
  meetingIdOf,
  type ItemParams,
  type MeetingParams,
} from './screen';

/** The editor itself, and the draft region: standard items, items added, changed, moved and removed, planned topics. */
export const itemRoutes: FastifyPluginAsync = async (app) => {
  app.get<MeetingParams>(
    '/meetings/:meetingId/agenda',
    { config: { access: 'committee_read' } },
    async (request, reply) => {
      const props = editorProps(app, request, reply);
      if (!props) return reply.callNotFound();
      return reply.page(editorPage(props));
    },
  );

  app.get<MeetingParams>(
    '/meetings/:meetingId/agenda/pack-status',
    { config: { access: 'committee_read' } },
    async (request, reply) => {
      const pack = latestPack(app.db, meetingIdOf(request));
      if (!pack) return reply.callNotFound();
      return reply.html(PackStatusPanel({ meetingId: meetingIdOf(request), pack }));
    },
  );

  app.post<MeetingParams>('/meetings/:meetingId/agenda/standard', manage, async (request, reply) =>
    answerEditor(app, request, reply, {
      result: startWithStandardItems(app.db, actorOf(request), meetingIdOf(request)),
      form: AGENDA_FORMS.agenda,
      values: {},
      anchor: '',
      confirmation: 'Standard items added',
      focus: [ITEMS_LIST],
    }),
  );

  app.post<MeetingParams>('/meetings/:meetingId/agenda/items', manage, async (request, reply) => {
    const values = fields(request.body, ITEM_FIELDS);
    const result = addItem(app.db, actorOf(request), meetingIdOf(request), values);
    return answerEditor(app, request, reply, {
      result,
      form: AGENDA_FORMS.add,
      values,
      anchor: result.ok ? `#item-${result.value.itemId}` : '',
      confirmation: 'Item added',
      focus: result.ok ? [itemHeadingId(result.value.itemId)] : [],
    });
  });

  app.get<ItemParams>('/meetings/:meetingId/agenda/items/:itemId/edit', manage, async (request, reply) => {
    const props = editorProps(app, request, reply);
    const item = props?.data.items.find((i) => i.id === parseId(request.params.itemId));
    if (!props || !item) return reply.callNotFound();
    const open = { ...props, state: { form: AGENDA_FORMS.edit(item.id), values: itemValues(item), errors: {} } };
    if (wantsFragment(request)) {
      // The form opened in place takes the keyboard at its first field.
      return reply
        .header('vary', 'HX-Request')
        .html(focusFirst(draftFragment(open), [`${AGENDA_FORMS.edit(item.id)}-title`]));
    }
    return reply.page(editorPage(open));
  });

  app.post<ItemParams>('/meetings/:meetingId/agenda/items/:itemId', manage, async (request, reply) => {
    const itemId = parseId(request.params.itemId) ?? 0;
    const values = fields(request.body, ITEM_FIELDS);
    return answerEditor(app, request, reply, {
      result: updateItem(app.db, actorOf(request), itemId, values),
      form: AGENDA_FORMS.edit(itemId),
      values,
      anchor: `#item-${itemId}`,
      confirmation: 'Item saved',
      focus: [itemHeadingId(itemId)],
    });
  });

  app.post<ItemParams>('/meetings/:meetingId/agenda/items/:itemId/move', manage, async (request, reply) => {
    const direction = fields(request.body, ['direction'] as const).direction === 'up' ? 'up' : 'down';
    const itemId = parseId(request.params.itemId) ?? 0;
    moveItem(app.db, actorOf(request), itemId, direction);
    return answerEditor(app, request, reply, {
      result: { ok: true },
      form: AGENDA_FORMS.agenda,
      values: {},
      anchor: `#item-${itemId}`,
      confirmation: '',
      // The button pressed keeps the keyboard; at the top or bottom of the list it is gone, and the item takes it.
      focus: [
        `move-${direction}-${itemId}`,
        `move-${direction === 'up' ? 'down' : 'up'}-${itemId}`,
        itemHeadingId(itemId),
      ],
    });
  });

  app.get<ItemParams>('/meetings/:meetingId/agenda/items/:itemId/remove', manage, async (request, reply) => {
    const data = getAgendaEditor(app.db, meetingIdOf(request), app.now());
    const item = data?.items.find((i) => i.id === parseId(request.params.itemId));
    if (!item) return reply.callNotFound();
    return reply.page({
      title: 'Remove an item',
      nav: 'manage',
      body: RemoveItemPage({ meetingId: meetingIdOf(request), item, csrfToken: reply.csrfToken() }),
    });
  });

  app.post<ItemParams>('/meetings/:meetingId/agenda/items/:itemId/remove', manage, async (request, reply) =>
    answerEditor(app, request, reply, {
      result: removeItem(app.db, actorOf(request), parseId(request.params.itemId) ?? 0),
      form: AGENDA_FORMS.agenda,
      values: {},
      anchor: `#${ITEMS_LIST}`,
      confirmation: 'Item removed',
    }),
  );

  app.post<{ Params: { meetingId: string; entryId: string } }>(
    '/meetings/:meetingId/agenda/work-programme/:entryId',
    manage,
    async (request, reply) => {
      const result = addFromWorkProgramme(
        app.db,
        actorOf(request),
        meetingIdOf(request),
        parseId(request.params.entryId) ?? 0,
      );
      return answerEditor(app, request, reply, {
        result,
        form: AGENDA_FORMS.agenda,
        values: {},
        anchor: result.ok ? `#item-${result.value.itemId}` : '',
        confirmation: 'Topic added to the agenda',
        focus: result.ok ? [itemHeadingId(result.value.itemId)] : [],
      });
    },
  );
};
