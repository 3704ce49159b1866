import { committeeFeed, PUBLIC_PAGE } from '../../lib/route-options';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { parseSlug } from '../../lib/params';
import { attendanceStatistics, getCommitteeBySlug, getCommitteePage, listCommittees } from './queries';
import { calendarMeetingsOfCommittee } from '../meetings/queries';
import { meetingsCalendar } from '../../lib/calendar';
import { baseUrlOf } from '../../plugins/views';
import { CommitteesPage } from '../../../views/committees/CommitteesPage';
import { CommitteePage } from '../../../views/committees/CommitteePage';
import { CommitteeOverviewPage } from '../../../views/manage/CommitteeOverviewPage';
import { openActionsOfCommittees } from '../actions/queries';
import { recordHistory } from '../audit/queries';
import { canManageCommittee } from '../../lib/permissions';
import { listPeople } from '../people/queries';
import { actorOf } from '../../plugins/auth';
import { fields, type FieldErrors } from '../../lib/validation';
import { londonDate } from '../../lib/dates';
import { CommitteeForm } from '../../../views/committees/CommitteeForm';
import { DEFAULT_COMMITTEE_VALUES, createCommittee, updateCommittee } from './commands';
import { COMMITTEE_FIELDS } from '../../lib/fields';
import { membershipRoutes } from './routes/memberships';
import { meetingsOpenForQuestions } from '../questions/queries';

/** Public committee pages. */
const committeeRoutes: FastifyPluginAsync = async (app) => {
  app.get('/committees', PUBLIC_PAGE, async (_request, reply) =>
    reply.page({
      title: 'Committees',
      nav: 'committees',
      body: CommitteesPage({ committees: listCommittees(app.db) }),
    }),
  );

  app.get<{ Params: { slug: string } }>('/committees/:slug', PUBLIC_PAGE, async (request, reply) => {
    const slug = parseSlug(request.params.slug);
    const committee = slug ? getCommitteePage(app.db, slug, app.now()) : null;
    if (!committee) return reply.callNotFound();
    return reply.page({
      title: committee.name,
      nav: 'committees',
      body: CommitteePage({
        committee,
        attendance: attendanceStatistics(app.db, committee.id, app.now()),
        openForQuestions: meetingsOpenForQuestions(app.db, committee.id, app.now()),
        calendarUrl: `${baseUrlOf(request)}/committees/${committee.slug}/meetings.ics`,
      }),
      feeds: [committeeFeed(committee)],
    });
  });

  app.get<{ Params: { slug: string } }>('/committees/:slug/meetings.ics', PUBLIC_PAGE, async (request, reply) => {
    const slug = parseSlug(request.params.slug);
    const committee = slug ? getCommitteeBySlug(app.db, slug) : null;
    if (!committee) return reply.callNotFound();
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `inline; filename="${committee.slug}.ics"`)
      .send(
        meetingsCalendar(calendarMeetingsOfCommittee(app.db, committee.id), {
          baseUrl: baseUrlOf(request),
          installationId: app.installationId,
          name: committee.name,
        }),
      );
  });
};

export default committeeRoutes;

function committeeValues(
  c: NonNullable<ReturnType<typeof getCommitteeBySlug>>,
): Record<(typeof COMMITTEE_FIELDS)[number], string> {
  return {
    name: c.name,
    slug: c.slug,
    kind: c.kind,
    remit: c.remit,
    clerkPersonId: c.clerkPersonId === null ? '' : String(c.clerkPersonId),
    contactEmail: c.contactEmail ?? '',
    contactPhone: c.contactPhone ?? '',
    noticeClearDays: String(c.noticeClearDays),
    questionCutoffTime: c.questionCutoffTime,
    questionCutoffClearDays: String(c.questionCutoffClearDays),
    questionWordLimit: String(c.questionWordLimit),
    questionsPerPerson: String(c.questionsPerPerson),
    questionsOpenDaysBefore: c.questionsOpenDaysBefore === null ? '' : String(c.questionsOpenDaysBefore),
    speakingRequests: c.speakingRequests ? 'yes' : 'no',
    askerEmailMonths: String(c.askerEmailMonths),
    minutesDueWorkingDays: String(c.minutesDueWorkingDays),
    responseDueMonths: String(c.responseDueMonths),
    status: c.status,
  };
}

/** /manage/committees/…: the committee as its clerk and members see it, its settings and its members. */
export const committeeManageRoutes: FastifyPluginAsync = async (app) => {
  await app.register(membershipRoutes);
  type Slug = { Params: { slug: string } };
  const peopleOptions = () => listPeople(app.db).map((p) => ({ id: p.id, name: p.name }));

  const committeeForm = (
    reply: FastifyReply,
    slug: string | null,
    values: Record<string, string>,
    errors: FieldErrors = {},
    status?: number,
  ) =>
    reply.page({
      title: slug ? 'Change committee details and rules' : 'Set up a committee',
      nav: 'manage',
      status,
      body: CommitteeForm({ slug, values, errors, csrfToken: reply.csrfToken(), people: peopleOptions() }),
    });

  app.get('/committees/new', { config: { access: 'directory' } }, async (_request, reply) =>
    committeeForm(reply, null, DEFAULT_COMMITTEE_VALUES),
  );

  app.post('/committees', { config: { access: 'directory' } }, async (request, reply) => {
    const values = fields(request.body, COMMITTEE_FIELDS);
    const user = request.user;
    const result = createCommittee(app.db, actorOf(request), values, user && user.role !== 'admin' ? user.id : null);
    if (!result.ok) return committeeForm(reply, null, values, result.errors, 422);
    return reply.seeOther(`/manage/committees/${result.value.slug}`, `Set up ${values.name.trim()}`);
  });

  app.get<Slug>('/committees/:slug/edit', { config: { access: 'committee_manage' } }, async (request, reply) => {
    const committee = getCommitteeBySlug(app.db, request.params.slug);
    if (!committee) return reply.callNotFound();
    return committeeForm(reply, committee.slug, committeeValues(committee));
  });

  app.post<Slug>('/committees/:slug', { config: { access: 'committee_manage' } }, async (request, reply) => {
    const committee = getCommitteeBySlug(app.db, request.params.slug);
    if (!committee) return reply.callNotFound();
    const values = fields(request.body, COMMITTEE_FIELDS);
    const result = updateCommittee(app.db, actorOf(request), committee.id, values, londonDate(app.now()));
    if (!result.ok) return committeeForm(reply, committee.slug, values, result.errors, 422);
    return reply.seeOther(`/manage/committees/${result.value.slug}`, 'Committee details saved');
  });

  app.get<{ Params: { slug: string } }>(
    '/committees/:slug',
    { config: { access: 'committee_read' } },
    async (request, reply) => {
      const committee = getCommitteePage(app.db, request.params.slug, app.now());
      if (!committee) return reply.callNotFound();
      return reply.page({
        title: committee.name,
        nav: 'manage',
        body: CommitteeOverviewPage({
          committee,
          canManage: request.user ? canManageCommittee(request.user, committee.id) : false,
          actions: openActionsOfCommittees(app.db, [committee.id]),
          history: recordHistory(app.db, 'committee', committee.id),
        }),
      });
    },
  );
};
