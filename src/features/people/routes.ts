import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { parseId } from '../../lib/params';
import { fields, type FieldErrors } from '../../lib/validation';
import { actorOf } from '../../plugins/auth';
import { listOrganisations } from '../organisations/queries';
import { PeoplePage, PersonForm } from '../../../views/people/PeoplePages';
import { getPerson, listPeople } from './queries';
import { savePerson } from './commands';
import { PERSON_FIELDS } from '../../lib/fields';

/** /manage/people: the directory of members, officers, presenters and guests, kept by clerks. */
export const peopleManageRoutes: FastifyPluginAsync = async (app) => {
  const form = (
    reply: FastifyReply,
    id: number | null,
    values: Record<string, string>,
    errors: FieldErrors = {},
    status?: number,
  ) =>
    reply.page({
      title: id === null ? 'Add a person' : 'Change a person',
      nav: 'manage',
      status,
      body: PersonForm({ id, values, errors, csrfToken: reply.csrfToken(), organisations: listOrganisations(app.db) }),
    });

  app.get('/people', { config: { access: 'directory' } }, async (_request, reply) =>
    reply.page({ title: 'People', nav: 'manage', body: PeoplePage({ people: listPeople(app.db) }) }),
  );

  app.get('/people/new', { config: { access: 'directory' } }, async (_request, reply) =>
    form(reply, null, fields({}, PERSON_FIELDS)),
  );

  app.post('/people', { config: { access: 'directory' } }, async (request, reply) => {
    const values = fields(request.body, PERSON_FIELDS);
    const result = savePerson(app.db, actorOf(request), null, values);
    if (!result.ok) return form(reply, null, values, result.errors, 422);
    return reply.seeOther('/manage/people', `Added ${values.name.trim()}`);
  });

  app.get<{ Params: { personId: string } }>(
    '/people/:personId/edit',
    { config: { access: 'directory' } },
    async (request, reply) => {
      const person = getPerson(app.db, parseId(request.params.personId) ?? 0);
      if (!person) return reply.callNotFound();
      return form(reply, person.id, {
        name: person.name,
        fullName: person.fullName ?? '',
        honorific: person.honorific ?? '',
        jobTitle: person.jobTitle ?? '',
        organisationId: person.organisationId === null ? '' : String(person.organisationId),
        kind: person.kind,
      });
    },
  );

  app.post<{ Params: { personId: string } }>(
    '/people/:personId',
    { config: { access: 'directory' } },
    async (request, reply) => {
      const id = parseId(request.params.personId) ?? 0;
      const values = fields(request.body, PERSON_FIELDS);
      const result = savePerson(app.db, actorOf(request), id, values);
      if (!result.ok) return form(reply, id, values, result.errors, 422);
      return reply.seeOther('/manage/people', `Saved ${values.name.trim()}`);
    },
  );
};
