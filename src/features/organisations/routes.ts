import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { parseId } from '../../lib/params';
import { fields, type FieldErrors } from '../../lib/validation';
import { actorOf } from '../../plugins/auth';
import { OrganisationForm, OrganisationsPage } from '../../../views/organisations/OrganisationPages';
import { getOrganisation, listOrganisations } from './queries';
import { saveOrganisation } from './commands';
import { ORGANISATION_FIELDS } from '../../lib/fields';

/** /manage/organisations: the shared directory of organisations, kept by clerks. */
export const organisationManageRoutes: FastifyPluginAsync = async (app) => {
  const form = (
    reply: FastifyReply,
    id: number | null,
    values: Record<string, string>,
    errors: FieldErrors = {},
    status?: number,
  ) =>
    reply.page({
      title: id === null ? 'Add an organisation' : 'Change an organisation',
      nav: 'manage',
      status,
      body: OrganisationForm({ id, values, errors, csrfToken: reply.csrfToken() }),
    });

  app.get('/organisations', { config: { access: 'directory' } }, async (_request, reply) =>
    reply.page({
      title: 'Organisations',
      nav: 'manage',
      body: OrganisationsPage({ organisations: listOrganisations(app.db) }),
    }),
  );

  app.get('/organisations/new', { config: { access: 'directory' } }, async (_request, reply) =>
    form(reply, null, fields({}, ORGANISATION_FIELDS)),
  );

  app.post('/organisations', { config: { access: 'directory' } }, async (request, reply) => {
    const values = fields(request.body, ORGANISATION_FIELDS);
    const result = saveOrganisation(app.db, actorOf(request), null, values);
    if (!result.ok) return form(reply, null, values, result.errors, 422);
    return reply.seeOther('/manage/organisations', `Added ${values.name.trim()}`);
  });

  app.get<{ Params: { organisationId: string } }>(
    '/organisations/:organisationId/edit',
    { config: { access: 'directory' } },
    async (request, reply) => {
      const org = getOrganisation(app.db, parseId(request.params.organisationId) ?? 0);
      if (!org) return reply.callNotFound();
      return form(reply, org.id, {
        name: org.name,
        shortName: org.shortName ?? '',
        kind: org.kind,
        website: org.website ?? '',
      });
    },
  );

  app.post<{ Params: { organisationId: string } }>(
    '/organisations/:organisationId',
    { config: { access: 'directory' } },
    async (request, reply) => {
      const id = parseId(request.params.organisationId) ?? 0;
      const values = fields(request.body, ORGANISATION_FIELDS);
      const result = saveOrganisation(app.db, actorOf(request), id, values);
      if (!result.ok) return form(reply, id, values, result.errors, 422);
      return reply.seeOther('/manage/organisations', `Saved ${values.name.trim()}`);
    },
  );
};
