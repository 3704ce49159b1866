import type { FastifyPluginAsync } from 'fastify';
import { londonDate } from '../../lib/dates';
import { PUBLIC_PAGE } from '../../lib/route-options';
import { baseUrlOf } from '../../plugins/views';
import { getCommitteeBySlug } from '../committees/queries';
import { DOWNLOADS, downloadTable, tableCsv, tableJson } from './downloads';

/**
 * Bulk downloads of a committee's public records, as CSV and JSON:
 * /committees/:slug/meetings.csv, actions.json, recommendations.csv … Open
 * to any site (CORS), served from memory with an ETag like any public page.
 */
export const downloadRoutes: FastifyPluginAsync = async (app) => {
  for (const what of DOWNLOADS)
    for (const format of ['csv', 'json'] as const)
      app.get<{ Params: { slug: string } }>(
        `/committees/:slug/${what}.${format}`,
        PUBLIC_PAGE,
        async (request, reply) => {
          const committee = getCommitteeBySlug(app.db, request.params.slug);
          if (!committee) return reply.callNotFound();
          const now = app.now();
          const table = downloadTable(app.db, committee.id, what, baseUrlOf(request), now);
          void reply
            .header('access-control-allow-origin', '*')
            .header(
              'content-disposition',
              `${format === 'csv' ? 'attachment' : 'inline'}; filename="${committee.slug}-${what}-${londonDate(now)}.${format}"`,
            );
          return format === 'csv'
            ? reply.type('text/csv; charset=utf-8').send(tableCsv(table))
            : reply.type('application/json; charset=utf-8').send(JSON.stringify(tableJson(table, committee, what)));
        },
      );
};
