import type { FastifyPluginAsync } from 'fastify';
import { uploadedFile } from '../../../lib/files';
import { PAPER_FIELDS } from '../../../lib/fields';
import { parseId } from '../../../lib/params';
import { fields } from '../../../lib/validation';
import { actorOf } from '../../../plugins/auth';
import { AGENDA_FORMS, itemHeadingId } from '../../../../views/agenda/editor/parts';
import { attachPaper, detachPaper } from '../commands/papers';
import { addPresenter, removePresenter } from '../commands/presenters';
import { paperFile } from '../queries';
import { answerEditor, manage, sendPdf, type ItemParams } from './screen';

/** An item's presenters and papers, and the papers themselves for members (drafts and exempt ones included). */
export const paperRoutes: FastifyPluginAsync = async (app) => {
  const upload = { config: { ...manage.config, upload: true } };
  app.post<ItemParams>('/meetings/:meetingId/agenda/items/:itemId/presenters', manage, async (request, reply) => {
    const itemId = parseId(request.params.itemId) ?? 0;
    const values = fields(request.body, ['personId', 'newPersonName', 'capacity'] as const);
    return answerEditor(app, request, reply, {
      result: addPresenter(app.db, actorOf(request), itemId, values),
      form: AGENDA_FORMS.presenter(itemId),
      values,
      anchor: `#item-${itemId}`,
      confirmation: 'Presenter added',
      focus: [itemHeadingId(itemId)],
    });
  });

  app.post<{ Params: { meetingId: string; itemId: string; presenterId: string } }>(
    '/meetings/:meetingId/agenda/items/:itemId/presenters/:presenterId/remove',
    manage,
    async (request, reply) => {
      removePresenter(app.db, actorOf(request), parseId(request.params.presenterId) ?? 0);
      return answerEditor(app, request, reply, {
        result: { ok: true },
        form: AGENDA_FORMS.agenda,
        values: {},
        anchor: `#item-${request.params.itemId}`,
        confirmation: 'Presenter removed',
        focus: [itemHeadingId(parseId(request.params.itemId) ?? 0)],
      });
    },
  );

  app.post<ItemParams>('/meetings/:meetingId/agenda/items/:itemId/papers', upload, async (request, reply) => {
    const itemId = parseId(request.params.itemId) ?? 0;
    const values = fields(request.body, PAPER_FIELDS);
    const file = uploadedFile(request.body);
    return answerEditor(app, request, reply, {
      result: await attachPaper(app.db, app.files, actorOf(request), itemId, values, file, app.config.maxUploadBytes),
      form: AGENDA_FORMS.paper(itemId),
      values,
      anchor: `#item-${itemId}`,
      confirmation: 'Paper added',
      focus: [itemHeadingId(itemId)],
    });
  });

  app.post<{ Params: { meetingId: string; itemId: string; documentId: string } }>(
    '/meetings/:meetingId/agenda/items/:itemId/papers/:documentId/remove',
    manage,
    async (request, reply) => {
      const doc = paperFile(app.db, parseId(request.params.documentId) ?? 0);
      if (!doc || doc.agendaItemId !== parseId(request.params.itemId)) return reply.callNotFound();
      detachPaper(app.db, actorOf(request), doc.id);
      return answerEditor(app, request, reply, {
        result: { ok: true },
        form: AGENDA_FORMS.agenda,
        values: {},
        anchor: `#item-${request.params.itemId}`,
        confirmation: 'Paper removed',
        focus: [itemHeadingId(parseId(request.params.itemId) ?? 0)],
      });
    },
  );

  app.get<{ Params: { documentId: string } }>(
    '/documents/:documentId',
    { config: { access: 'committee_read' } },
    async (request, reply) => {
      const doc = paperFile(app.db, parseId(request.params.documentId) ?? 0);
      if (!doc?.fileHash) return reply.callNotFound();
      return sendPdf(reply, app.files.paperPath(doc.fileHash), doc.fileName ?? `paper-${doc.id}.pdf`);
    },
  );
};
