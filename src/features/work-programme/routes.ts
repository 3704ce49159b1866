import { PUBLIC_PAGE } from '../../lib/route-options';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { WORK_PROGRAMME_FIELDS } from '../../lib/fields';
import { parseId, parseSlug } from '../../lib/params';
import { canManageCommittee } from '../../lib/permissions';
import { field, fields, type FieldErrors } from '../../lib/validation';
import { actorOf } from '../../plugins/auth';
import {
  EntryFormPage,
  ManageWorkProgrammePage,
  PublicWorkProgrammePage,
} from '../../../views/work-programme/WorkProgrammePages';
import { getCommitteeBySlug } from '../committees/queries';
import { moveEntry, saveEntry, type WorkProgrammeForm } from './commands';
import { plannableMeetings, workProgrammeEntry, workProgrammeOf } from './queries';

type Slug = { Params: { slug: string } };
type Entry = { Params: { slug: string; wpEntryId: string } };
const READ = { config: { access: 'committee_read' as const } };
const MANAGE = { config: { access: 'committee_manage' as const } };

/** The public work programme of a committee. */
export const workProgrammePublicRoutes: FastifyPluginAsync = async (app) => {
  app.get<Slug>('/committees/:slug/work-programme', PUBLIC_PAGE, async (request, reply) => {
    const slug = parseSlug(request.params.slug);
    const committee = slug ? getCommitteeBySlug(app.db, slug) : null;
    if (!committee) return reply.callNotFound();
    return reply.page({
      title: `Work programme of the ${committee.name}`,
      nav: 'committees',
      body: PublicWorkProgrammePage({ committee, entries: workProgrammeOf(app.db, committee.id) }),
    });
  });
};

/** /manage/committees/:slug/work-programme: add, change, reorder and plan the committee's topics. */
export const workProgrammeManageRoutes: FastifyPluginAsync = async (app) => {
  const base = (slug: string) => `/manage/committees/${slug}/work-programme`;

  app.get<Slug>('/committees/:slug/work-programme', READ, async (request, reply) => {
    const committee = getCommitteeBySlug(app.db, request.params.slug);
    if (!committee || !request.user) return reply.callNotFound();
    return reply.page({
      title: `Work programme of the ${committee.name}`,
      nav: 'manage',
      body: ManageWorkProgrammePage({
        committee,
        entries: workProgrammeOf(app.db, committee.id),
        csrfToken: reply.csrfToken(),
        canManage: canManageCommittee(request.user, committee.id),
      }),
    });
  });

  const form = (
    reply: FastifyReply,
    committee: { id: number; name: string; slug: string },
    entryId: number | null,
    values: WorkProgrammeForm,
    errors: FieldErrors = {},
    status?: number,
  ) => {
    // A topic planned for a meeting now past keeps that meeting as a choice.
    const planned = entryId === null ? null : (workProgrammeEntry(app.db, entryId)?.plannedMeetingId ?? null);
    const meetings = plannableMeetings(app.db, committee.id, app.now(), planned);
    return reply.page({
      title: `${status ? 'Error: ' : ''}${entryId === null ? 'Add a topic' : 'Change a topic'}`,
      nav: 'manage',
      status,
      body: EntryFormPage({
        committee,
        entryId,
        values,
        errors,
        csrfToken: reply.csrfToken(),
        meetings,
      }),
    });
  };

  app.get<Slug>('/committees/:slug/work-programme/new', MANAGE, async (request, reply) => {
    const committee = getCommitteeBySlug(app.db, request.params.slug);
    if (!committee) return reply.callNotFound();
    return form(reply, committee, null, { ...fields({}, WORK_PROGRAMME_FIELDS), status: 'proposed' });
  });

  app.post<Slug>('/committees/:slug/work-programme', MANAGE, async (request, reply) => {
    const committee = getCommitteeBySlug(app.db, request.params.slug);
    if (!committee) return reply.callNotFound();
    const values = fields(request.body, WORK_PROGRAMME_FIELDS);
    const result = saveEntry(app.db, actorOf(request), committee.id, null, values, app.now());
    if (!result.ok) return form(reply, committee, null, values, result.errors, 422);
    return reply.seeOther(`${base(committee.slug)}#topic-${result.value.id}`, 'Topic added');
  });

  app.get<Entry>('/committees/:slug/work-programme/:wpEntryId/edit', MANAGE, async (request, reply) => {
    const committee = getCommitteeBySlug(app.db, request.params.slug);
    const entry = workProgrammeEntry(app.db, parseId(request.params.wpEntryId) ?? 0);
    if (!committee || !entry) return reply.callNotFound();
    return form(reply, committee, entry.id, {
      topic: entry.topic,
      purpose: entry.purpose,
      leadPresenters: entry.leadPresenters,
      contributors: entry.contributors,
      plannedMeetingId: entry.plannedMeetingId === null ? '' : String(entry.plannedMeetingId),
      status: entry.status,
      note: entry.note ?? '',
    });
  });

  app.post<Entry>('/committees/:slug/work-programme/:wpEntryId', MANAGE, async (request, reply) => {
    const committee = getCommitteeBySlug(app.db, request.params.slug);
    const entryId = parseId(request.params.wpEntryId) ?? 0;
    if (!committee) return reply.callNotFound();
    const values = fields(request.body, WORK_PROGRAMME_FIELDS);
    const result = saveEntry(app.db, actorOf(request), committee.id, entryId, values, app.now());
    if (!result.ok) return form(reply, committee, entryId, values, result.errors, 422);
    return reply.seeOther(`${base(committee.slug)}#topic-${entryId}`, 'Topic saved');
  });

  app.post<Entry>('/committees/:slug/work-programme/:wpEntryId/move', MANAGE, async (request, reply) => {
    const committee = getCommitteeBySlug(app.db, request.params.slug);
    if (!committee) return reply.callNotFound();
    const entryId = parseId(request.params.wpEntryId) ?? 0;
    const result = moveEntry(
      app.db,
      actorOf(request),
      committee.id,
      entryId,
      field(request.body, 'direction'),
      app.now(),
    );
    if (!result.ok) {
      return reply.page({
        title: `Error: Work programme of the ${committee.name}`,
        nav: 'manage',
        status: 422,
        body: ManageWorkProgrammePage({
          committee,
          entries: workProgrammeOf(app.db, committee.id),
          csrfToken: reply.csrfToken(),
          canManage: true,
          error: result.errors._form,
        }),
      });
    }
    return reply.seeOther(`${base(committee.slug)}#topic-${entryId}`);
  });
};
