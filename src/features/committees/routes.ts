import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { parseId, parseSlug } from '../../lib/params';
import {
  attendanceStatistics,
  getCommitteeBySlug,
  getCommitteePage,
  getMembership,
  listCommittees,
  listMemberships,
} from './queries';
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
import { dateParts, partsOf } from '../../lib/forms';
import { londonDate } from '../../lib/dates';
import { CommitteeForm } from '../../../views/committees/CommitteeForm';
import { MembersPage, MembershipForm } from '../../../views/committees/MemberPages';
import {
  DEFAULT_COMMITTEE_VALUES,
  createCommittee,
  saveMembership,
  updateCommittee,
  type MembershipForm as MembershipFormValues,
} from './commands';
import { COMMITTEE_FIELDS, MEMBERSHIP_FIELDS } from '../../lib/fields';

/** Public committee pages. */
const committeeRoutes: FastifyPluginAsync = async (app) => {
  app.get('/committees', async (_request, reply) =>
    reply.page({
      title: 'Committees',
      nav: 'committees',
      body: CommitteesPage({ committees: listCommittees(app.db) }),
    }),
  );

  app.get<{ Params: { slug: string } }>('/committees/:slug', async (request, reply) => {
    const slug = parseSlug(request.params.slug);
    const committee = slug ? getCommitteePage(app.db, slug, app.now()) : null;
    if (!committee) return reply.callNotFound();
    return reply.page({
      title: committee.name,
      nav: 'committees',
      body: CommitteePage({
        committee,
        attendance: attendanceStatistics(app.db, committee.id, app.now()),
        calendarUrl: `${baseUrlOf(request)}/committees/${committee.slug}/meetings.ics`,
      }),
    });
  });

  app.get<{ Params: { slug: string } }>('/committees/:slug/meetings.ics', async (request, reply) => {
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
    minutesDueWorkingDays: String(c.minutesDueWorkingDays),
    responseDueMonths: String(c.responseDueMonths),
    status: c.status,
  };
}

function membershipForm(body: unknown): MembershipFormValues {
  return { ...fields(body, MEMBERSHIP_FIELDS), from: dateParts(body, 'from'), to: dateParts(body, 'to') };
}

/** /manage/committees/…: the committee as its clerk and members see it, its settings and its members. */
export const committeeManageRoutes: FastifyPluginAsync = async (app) => {
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

  app.get<Slug>('/committees/:slug/members', { config: { access: 'committee_read' } }, async (request, reply) => {
    const committee = getCommitteeBySlug(app.db, request.params.slug);
    if (!committee) return reply.callNotFound();
    return reply.page({
      title: `Members of the ${committee.name}`,
      nav: 'manage',
      body: MembersPage({
        committee,
        members: listMemberships(app.db, committee.id),
        canManage: request.user ? canManageCommittee(request.user, committee.id) : false,
      }),
    });
  });

  const memberForm = (
    reply: FastifyReply,
    committee: { slug: string; name: string },
    membershipId: number | null,
    values: MembershipFormValues,
    errors: FieldErrors = {},
    status?: number,
  ) =>
    reply.page({
      title: membershipId === null ? 'Add a member' : 'Change a membership',
      nav: 'manage',
      status,
      body: MembershipForm({
        committee,
        membershipId,
        values,
        errors,
        csrfToken: reply.csrfToken(),
        people: peopleOptions(),
      }),
    });

  app.get<Slug>('/committees/:slug/members/new', { config: { access: 'committee_manage' } }, async (request, reply) => {
    const committee = getCommitteeBySlug(app.db, request.params.slug);
    if (!committee) return reply.callNotFound();
    return memberForm(reply, committee, null, { ...membershipForm({}), role: 'member', voting: 'yes' });
  });

  app.post<Slug>('/committees/:slug/members', { config: { access: 'committee_manage' } }, async (request, reply) => {
    const committee = getCommitteeBySlug(app.db, request.params.slug);
    if (!committee) return reply.callNotFound();
    const values = membershipForm(request.body);
    const result = saveMembership(app.db, actorOf(request), committee.id, null, values);
    if (!result.ok) return memberForm(reply, committee, null, values, result.errors, 422);
    return reply.seeOther(`/manage/committees/${committee.slug}/members`, 'Member added');
  });

  type Membership = { Params: { slug: string; membershipId: string } };
  app.get<Membership>(
    '/committees/:slug/members/:membershipId/edit',
    { config: { access: 'committee_manage' } },
    async (request, reply) => {
      const committee = getCommitteeBySlug(app.db, request.params.slug);
      const membership = getMembership(app.db, parseId(request.params.membershipId) ?? 0);
      if (!committee || !membership) return reply.callNotFound();
      return memberForm(reply, committee, membership.id, {
        personId: String(membership.personId),
        role: membership.role,
        voting: membership.voting ? 'yes' : 'no',
        representing: membership.representing ?? '',
        from: partsOf(membership.fromDate),
        to: partsOf(membership.toDate),
      });
    },
  );

  app.post<Membership>(
    '/committees/:slug/members/:membershipId',
    { config: { access: 'committee_manage' } },
    async (request, reply) => {
      const committee = getCommitteeBySlug(app.db, request.params.slug);
      const membershipId = parseId(request.params.membershipId) ?? 0;
      if (!committee) return reply.callNotFound();
      const values = membershipForm(request.body);
      const result = saveMembership(app.db, actorOf(request), committee.id, membershipId, values);
      if (!result.ok) return memberForm(reply, committee, membershipId, values, result.errors, 422);
      return reply.seeOther(`/manage/committees/${committee.slug}/members`, 'Membership saved');
    },
  );

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
