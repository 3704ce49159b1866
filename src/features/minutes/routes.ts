import { PUBLIC_PAGE } from '../../lib/route-options';
import fs from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';
import { formatDate } from '../../lib/dates';
import { parseId } from '../../lib/params';
import { MinutesVersionPage } from '../../../views/minutes/MinutesVersionPage';
import { getMeetingSummary } from '../meetings/queries';
import { getPublicMinutes, publicMinutesVersions } from './queries';
import { diffMinutes } from './diff';
import { minutesPdf } from './pdf';
import { attendanceRoutes } from './routes/attendance';
import { declarationRoutes } from './routes/declarations';
import { importRoutes } from './routes/import';
import { itemRoutes } from './routes/items';
import { publishingRoutes } from './routes/publishing';
import { removalRoutes } from './routes/removals';
import { screenRoutes } from './routes/screen';

/** Public: the minutes as a PDF, and each published version with what changed from the one before. */
export const minutesPublicRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { id: string } }>('/meetings/:id/minutes.pdf', async (request, reply) => {
    const id = parseId(request.params.id);
    const meeting = id === null ? null : getMeetingSummary(app.db, id);
    const minutes = meeting ? getPublicMinutes(app.db, meeting.id) : null;
    if (!meeting || !minutes) return reply.callNotFound();
    // Named for everything it shows that can change: a new version, an approval, an amendment.
    const name = `minutes-${meeting.id}-v${minutes.version}-a${minutes.amendments.length}${minutes.approved ? '-approved' : ''}.pdf`;
    const file = app.files.packPath(name);
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      bytes = await minutesPdf({ committeeName: meeting.committee.name, startsAt: meeting.startsAt, minutes });
      app.files.putPack(name, bytes);
    }
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="minutes-meeting-${meeting.id}-v${minutes.version}.pdf"`)
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(bytes));
  });

  app.get<{ Params: { id: string; version: string } }>(
    '/meetings/:id/minutes/versions/:version',
    PUBLIC_PAGE,
    async (request, reply) => {
      const id = parseId(request.params.id);
      const versionNo = parseId(request.params.version);
      const meeting = id === null ? null : getMeetingSummary(app.db, id);
      if (!meeting || id === null || versionNo === null) return reply.callNotFound();
      const versions = publicMinutesVersions(app.db, id);
      const version = versions.find((v) => v.version === versionNo);
      if (!version) return reply.callNotFound();
      const previous = versions.find((v) => v.version === versionNo - 1) ?? null;
      return reply.page({
        title: `Minutes version ${versionNo}: ${meeting.committee.name}, ${formatDate(meeting.startsAt)}`,
        nav: 'meetings',
        body: MinutesVersionPage({
          meeting,
          version,
          latestVersion: versions.at(-1)?.version ?? versionNo,
          changes: previous ? diffMinutes(previous, version) : null,
        }),
      });
    },
  );
};

/**
 * /manage: the live minute-taking screen, one route file per region
 * (routes/), each answering with its region (views/minutes/regions/).
 */
export const minutesManageRoutes: FastifyPluginAsync = async (app) => {
  for (const routes of [
    screenRoutes,
    attendanceRoutes,
    declarationRoutes,
    itemRoutes,
    removalRoutes,
    publishingRoutes,
    importRoutes,
  ]) {
    await app.register(routes);
  }
};
