import { PUBLIC_PAGE } from '../../lib/route-options';
import type { FastifyPluginAsync } from 'fastify';
import { formatDate } from '../../lib/dates';
import { parseId } from '../../lib/params';
import { AgendaVersionPage } from '../../../views/agenda/AgendaVersionPage';
import { PrintableAgenda } from '../../../views/agenda/PrintableAgenda';
import { getMeetingSummary } from '../meetings/queries';
import {
  agendaVersionRow,
  getPublicAgenda,
  publicPaperFile,
  publishedAgendaOf,
  toPublicAgenda,
  withMinutesToConfirm,
} from './queries';
import { itemRoutes } from './routes/items';
import { paperRoutes } from './routes/papers';
import { packNotReady, publishingRoutes } from './routes/publishing';
import { sendPdf } from './routes/screen';

/** Public: the agenda pack PDF, each open paper, and earlier versions of an agenda. */
export const agendaPublicRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { id: string } }>('/meetings/:id/agenda/print', PUBLIC_PAGE, async (request, reply) => {
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
    const doc = id === null ? null : publicPaperFile(app.db, id);
    if (!doc?.fileHash) return reply.callNotFound();
    return sendPdf(reply, app.files.paperPath(doc.fileHash), doc.fileName ?? `paper-${id}.pdf`);
  });

  app.get<{ Params: { id: string; version: string } }>(
    '/meetings/:id/agenda/versions/:version',
    PUBLIC_PAGE,
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
          agenda: withMinutesToConfirm(app.db, toPublicAgenda(publishedAgendaOf(version))),
          latestVersion: latest?.version ?? version.version,
        }),
      });
    },
  );
};

/**
 * /manage: the agenda editor, one route file per part (routes/), each
 * answering with the region it changed (views/agenda/editor/).
 */
export const agendaManageRoutes: FastifyPluginAsync = async (app) => {
  for (const routes of [itemRoutes, paperRoutes, publishingRoutes]) await app.register(routes);
};
