import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import { parseId } from '../../lib/params';
import { uploadedFile } from '../../lib/files';
import { fields } from '../../lib/validation';
import { formatDate } from '../../lib/dates';
import { actorOf } from '../../plugins/auth';
import { wantsFragment } from '../../plugins/views';
import { canManageCommittee } from '../../lib/permissions';
import { documents, agendaItems, agendaVersions } from '../../db/schema';
import { getAgendaEditor, latestPack } from './editor';
import { agendaVersionRow, getPublicAgenda, publishedAgendaOf, toPublicAgenda } from './queries';
import {
  addFromWorkProgramme,
  addItem,
  addPresenter,
  attachPaper,
  detachPaper,
  moveItem,
  publishAgenda,
  removeItem,
  removePresenter,
  startWithStandardItems,
  updateItem,
} from './commands';
import { ITEM_FIELDS, PAPER_FIELDS } from '../../lib/fields';
import {
  AgendaEditor,
  AgendaEditorPage,
  PackStatusPanel,
  RemoveItemPage,
  itemValues,
  type EditorState,
} from '../../../views/agenda/AgendaEditor';
import { AgendaVersionPage } from '../../../views/agenda/AgendaVersionPage';
import { PrintableAgenda } from '../../../views/agenda/PrintableAgenda';
import { getMeetingSummary } from '../meetings/queries';
import { ClientErrorPage } from '../../../views/errors/ErrorPages';

type MeetingParams = { Params: { meetingId: string } };
type ItemParams = { Params: { meetingId: string; itemId: string } };

/** Sends a stored PDF, or the 404 page when the file is missing. */
function sendPdf(reply: FastifyReply, file: string, downloadName: string) {
  if (!fs.existsSync(file)) return reply.callNotFound();
  return reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename="${downloadName.replace(/[^A-Za-z0-9._-]/g, '-')}"`)
    .header('x-content-type-options', 'nosniff')
    .send(fs.createReadStream(file));
}

/** True when a paper appears as an open paper in any published version of its meeting's agenda. */
function documentIsPublic(db: Db, documentId: number): boolean {
  const doc = db.select({ meetingId: documents.meetingId }).from(documents).where(eq(documents.id, documentId)).get();
  if (!doc?.meetingId) return false;
  return db
    .select({ snapshot: agendaVersions.snapshot })
    .from(agendaVersions)
    .where(eq(agendaVersions.meetingId, doc.meetingId))
    .all()
    .some((v) =>
      v.snapshot.items.some(
        (item) =>
          item.exemptParagraph === null &&
          item.papers.some((p) => p.documentId === documentId && p.exemptParagraph === null),
      ),
    );
}

function packNotReady(reply: FastifyReply, status: string) {
  const building = status === 'pending' || status === 'building';
  const title = building ? 'The agenda pack is being prepared' : 'The agenda pack is not available';
  return reply
    .status(503)
    .header('retry-after', building ? '10' : '3600')
    .page({
      title,
      body: ClientErrorPage({
        title,
        message: building
          ? 'It is built when the agenda is published and is usually ready within a minute. Try again shortly; the agenda and each paper can be read on the meeting page meanwhile.'
          : 'It could not be built. The agenda and each paper can be read on the meeting page meanwhile.',
      }),
    });
}

/** Public: the agenda pack PDF, each open paper, and earlier versions of an agenda. */
export const agendaPublicRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { id: string } }>('/meetings/:id/agenda/print', async (request, reply) => {
    const id = parseId(request.params.id);
    const meeting = id === null ? null : getMeetingSummary(app.db, id);
    if (!meeting) return reply.callNotFound();
    return reply.page({
      title: `Agenda: ${meeting.committee.name}, ${formatDate(meeting.startsAt)}`,
      nav: 'meetings',
      body: PrintableAgenda({ meeting, agenda: getPublicAgenda(app.db, meeting.id) }),
    });
  });

  app.get<{ Params: { id: string }; Querystring: { version?: string } }>(
    '/meetings/:id/agenda-pack.pdf',
    async (request, reply) => {
      const id = parseId(request.params.id);
      const versionNo = request.query.version === undefined ? null : parseId(request.query.version);
      if (id === null || (request.query.version !== undefined && versionNo === null)) return reply.callNotFound();
      const version = agendaVersionRow(app.db, id, versionNo);
      if (!version) return reply.callNotFound();
      if (version.packStatus !== 'ready' || !version.packFile) return packNotReady(reply, version.packStatus);
      return sendPdf(reply, app.files.packPath(version.packFile), `agenda-pack-meeting-${id}-v${version.version}.pdf`);
    },
  );

  app.get<{ Params: { id: string } }>('/documents/:id', async (request, reply) => {
    const id = parseId(request.params.id);
    if (id === null || !documentIsPublic(app.db, id)) return reply.callNotFound();
    const doc = app.db.select().from(documents).where(eq(documents.id, id)).get();
    if (!doc?.fileHash) return reply.callNotFound();
    return sendPdf(reply, app.files.paperPath(doc.fileHash), doc.fileName ?? `paper-${id}.pdf`);
  });

  app.get<{ Params: { id: string; version: string } }>(
    '/meetings/:id/agenda/versions/:version',
    async (request, reply) => {
      const id = parseId(request.params.id);
      const versionNo = parseId(request.params.version);
      const version = id !== null && versionNo !== null ? agendaVersionRow(app.db, id, versionNo) : null;
      if (!version || id === null) return reply.callNotFound();
      const latest = agendaVersionRow(app.db, id, null);
      return reply.page({
        title: `Agenda version ${version.version}`,
        nav: 'meetings',
        body: AgendaVersionPage({
          meetingId: id,
          agenda: toPublicAgenda(publishedAgendaOf(version)),
          latestVersion: latest?.version ?? version.version,
        }),
      });
    },
  );
};

/** /manage: the agenda editor, publishing, the members' pack and draft or exempt papers. */
export const agendaManageRoutes: FastifyPluginAsync = async (app) => {
  const meetingIdOf = (request: FastifyRequest<MeetingParams>) => parseId(request.params.meetingId) ?? 0;

  /** The editor: the region alone for htmx, the whole page otherwise. */
  const show = (
    request: FastifyRequest<MeetingParams>,
    reply: FastifyReply,
    state: EditorState = {},
    status?: number,
  ) => {
    const data = getAgendaEditor(app.db, meetingIdOf(request), app.now());
    if (!data) return reply.callNotFound();
    const props = {
      data,
      csrfToken: reply.csrfToken(),
      // Clerks change an agenda until the meeting's minutes are approved; then it is part of that record.
      canEdit: request.user ? canManageCommittee(request.user, data.meeting.committee.id) && !data.locked : false,
      state,
    };
    if (wantsFragment(request)) {
      reply.header('vary', 'HX-Request');
      return reply.status(status ?? 200).html(AgendaEditor(props));
    }
    return reply.page({
      title: `Agenda: ${data.meeting.committee.name}, ${formatDate(data.meeting.startsAt)}`,
      nav: 'manage',
      status,
      body: AgendaEditorPage(props),
    });
  };

  /** After a change: the editor again (htmx), or back to it at the item (plain form). */
  const done = (request: FastifyRequest<MeetingParams>, reply: FastifyReply, anchor = '', confirmation?: string) => {
    if (wantsFragment(request)) return show(request, reply);
    return reply.seeOther(`/manage/meetings/${meetingIdOf(request)}/agenda${anchor}`, confirmation);
  };

  const manage = { config: { access: 'committee_manage' as const } };

  app.get<MeetingParams>(
    '/meetings/:meetingId/agenda',
    { config: { access: 'committee_read' } },
    async (request, reply) => show(request, reply),
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

  app.post<MeetingParams>('/meetings/:meetingId/agenda/standard', manage, async (request, reply) => {
    const result = startWithStandardItems(app.db, actorOf(request), meetingIdOf(request));
    if (!result.ok) return show(request, reply, { formError: result.errors._form }, 422);
    return done(request, reply, '', 'Standard items added');
  });

  app.post<MeetingParams>('/meetings/:meetingId/agenda/items', manage, async (request, reply) => {
    const values = fields(request.body, ITEM_FIELDS);
    const result = addItem(app.db, actorOf(request), meetingIdOf(request), values);
    if (!result.ok) return show(request, reply, { add: { values, errors: result.errors } }, 422);
    return done(request, reply, `#item-${result.value.itemId}`, 'Item added');
  });

  app.get<ItemParams>('/meetings/:meetingId/agenda/items/:itemId/edit', manage, async (request, reply) => {
    const item = app.db
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.id, parseId(request.params.itemId) ?? 0))
      .get();
    if (!item) return reply.callNotFound();
    return show(request, reply, { editing: { itemId: item.id, values: itemValues(item), errors: {} } });
  });

  app.post<ItemParams>('/meetings/:meetingId/agenda/items/:itemId', manage, async (request, reply) => {
    const itemId = parseId(request.params.itemId) ?? 0;
    const values = fields(request.body, ITEM_FIELDS);
    const result = updateItem(app.db, actorOf(request), itemId, values);
    if (!result.ok) return show(request, reply, { editing: { itemId, values, errors: result.errors } }, 422);
    return done(request, reply, `#item-${itemId}`, 'Item saved');
  });

  app.post<ItemParams>('/meetings/:meetingId/agenda/items/:itemId/move', manage, async (request, reply) => {
    const direction = fields(request.body, ['direction'] as const).direction === 'up' ? 'up' : 'down';
    const itemId = parseId(request.params.itemId) ?? 0;
    moveItem(app.db, actorOf(request), itemId, direction);
    return done(request, reply, `#item-${itemId}`);
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

  app.post<ItemParams>('/meetings/:meetingId/agenda/items/:itemId/remove', manage, async (request, reply) => {
    const result = removeItem(app.db, actorOf(request), parseId(request.params.itemId) ?? 0);
    if (!result.ok) return show(request, reply, { formError: result.errors._form }, 422);
    return done(request, reply, '#agenda-items', 'Item removed');
  });

  app.post<ItemParams>('/meetings/:meetingId/agenda/items/:itemId/presenters', manage, async (request, reply) => {
    const itemId = parseId(request.params.itemId) ?? 0;
    const values = fields(request.body, ['personId', 'newPersonName', 'capacity'] as const);
    const result = addPresenter(app.db, actorOf(request), itemId, values);
    if (!result.ok) return show(request, reply, { presenter: { itemId, values, errors: result.errors } }, 422);
    return done(request, reply, `#item-${itemId}`, 'Presenter added');
  });

  app.post<{ Params: { meetingId: string; itemId: string; presenterId: string } }>(
    '/meetings/:meetingId/agenda/items/:itemId/presenters/:presenterId/remove',
    manage,
    async (request, reply) => {
      removePresenter(app.db, actorOf(request), parseId(request.params.presenterId) ?? 0);
      return done(request, reply, `#item-${request.params.itemId}`, 'Presenter removed');
    },
  );

  app.post<ItemParams>('/meetings/:meetingId/agenda/items/:itemId/papers', manage, async (request, reply) => {
    const itemId = parseId(request.params.itemId) ?? 0;
    const values = fields(request.body, PAPER_FIELDS);
    const file = uploadedFile(request.body);
    const result = await attachPaper(
      app.db,
      app.files,
      actorOf(request),
      itemId,
      values,
      file,
      app.config.maxUploadBytes,
    );
    if (!result.ok) return show(request, reply, { paper: { itemId, values, errors: result.errors } }, 422);
    return done(request, reply, `#item-${itemId}`, 'Paper added');
  });

  app.post<{ Params: { meetingId: string; itemId: string; documentId: string } }>(
    '/meetings/:meetingId/agenda/items/:itemId/papers/:documentId/remove',
    manage,
    async (request, reply) => {
      const documentId = parseId(request.params.documentId) ?? 0;
      const doc = app.db.select().from(documents).where(eq(documents.id, documentId)).get();
      if (!doc || doc.agendaItemId !== parseId(request.params.itemId)) return reply.callNotFound();
      detachPaper(app.db, actorOf(request), documentId);
      return done(request, reply, `#item-${request.params.itemId}`, 'Paper removed');
    },
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
      if (!result.ok) return show(request, reply, { formError: result.errors._form }, 422);
      return done(request, reply, `#item-${result.value.itemId}`, 'Topic added to the agenda');
    },
  );

  app.post<MeetingParams>('/meetings/:meetingId/agenda/publish', manage, async (request, reply) => {
    const values = fields(request.body, ['changeSummary', 'lateReason', 'chairmanAgreement'] as const);
    const result = publishAgenda(
      app.db,
      {
        meetingId: meetingIdOf(request),
        publishedAt: app.now(),
        ...values,
        publishedByUserId: request.user?.id ?? null,
      },
      actorOf(request),
    );
    if (!result.ok) {
      const { _form, ...errors } = result.errors;
      return show(request, reply, { publish: { values, errors }, formError: _form }, 422);
    }
    app.packs.enqueue(result.value.versionId);
    return done(request, reply, '', `Version ${result.value.version} published: the agenda pack is being built`);
  });

  app.get<MeetingParams & { Querystring: { version?: string } }>(
    '/meetings/:meetingId/agenda-pack.pdf',
    { config: { access: 'committee_read' } },
    async (request, reply) => {
      const versionNo = request.query.version === undefined ? null : parseId(request.query.version);
      const version = agendaVersionRow(app.db, meetingIdOf(request), versionNo);
      if (!version) return reply.callNotFound();
      if (version.packStatus !== 'ready' || !version.fullPackFile) return packNotReady(reply, version.packStatus);
      return sendPdf(
        reply,
        app.files.packPath(version.fullPackFile),
        `members-agenda-pack-meeting-${version.meetingId}-v${version.version}.pdf`,
      );
    },
  );

  app.get<{ Params: { documentId: string } }>(
    '/documents/:documentId',
    { config: { access: 'committee_read' } },
    async (request, reply) => {
      const doc = app.db
        .select()
        .from(documents)
        .where(eq(documents.id, parseId(request.params.documentId) ?? 0))
        .get();
      if (!doc?.fileHash) return reply.callNotFound();
      return sendPdf(reply, app.files.paperPath(doc.fileHash), doc.fileName ?? `paper-${doc.id}.pdf`);
    },
  );
};
