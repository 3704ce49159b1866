import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { MEMBERSHIP_FIELDS } from '../../../lib/fields';
import { dateParts, partsOf } from '../../../lib/forms';
import { parseId } from '../../../lib/params';
import { canManageCommittee } from '../../../lib/permissions';
import { fields, type FieldErrors } from '../../../lib/validation';
import { actorOf } from '../../../plugins/auth';
import { MembersPage, MembershipForm } from '../../../../views/committees/MemberPages';
import { listPeople } from '../../people/queries';
import { saveMembership, type MembershipForm as MembershipFormValues } from '../commands';
import { getCommitteeBySlug, getMembership, listMemberships } from '../queries';

function membershipForm(body: unknown): MembershipFormValues {
  return { ...fields(body, MEMBERSHIP_FIELDS), from: dateParts(body, 'from'), to: dateParts(body, 'to') };
}

/** /manage/committees/:slug/members: who sits on the committee, in what role, from when to when. */
export const membershipRoutes: FastifyPluginAsync = async (app) => {
  type Slug = { Params: { slug: string } };
  const peopleOptions = () => listPeople(app.db).map((p) => ({ id: p.id, name: p.name }));

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
};
