import { PUBLIC_PAGE } from '../../lib/route-options';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { partsOf, typedDate } from '../../lib/forms';
import { parseId, parseSlug } from '../../lib/params';
import { canManageCommittee } from '../../lib/permissions';
import { field, type FieldErrors } from '../../lib/validation';
import { actorOf } from '../../plugins/auth';
import {
  InquiriesPage,
  InquiryFormPage,
  PublicInquiryPage,
  type InquiryFormValues,
} from '../../../views/inquiries/InquiryPages';
import { publicPaperFile } from '../agenda/queries';
import { getCommitteeBySlug } from '../committees/queries';
import { committeePapers, recommendationsOf } from '../recommendations/queries';
import { saveInquiry } from './commands';
import {
  getInquiry,
  inquiriesOf,
  inquiryBySlug,
  inquiryMemberChoices,
  inquiryParts,
  inquirySessionChoices,
} from './queries';

type Slug = { Params: { slug: string } };
type One = { Params: { slug: string; inquiryId: string } };
const READ = { config: { access: 'committee_read' as const } };
const MANAGE = { config: { access: 'committee_manage' as const } };

/** Every value of a field sent more than once (checkboxes): a list of strings. */
function many(body: unknown, name: string): string[] {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (v): v is string => typeof v === 'string',
  );
}

/** Inquiries in public: the committee's list, and a page each. */
export const inquiryPublicRoutes: FastifyPluginAsync = async (app) => {
  app.get<Slug>('/committees/:slug/inquiries', PUBLIC_PAGE, async (request, reply) => {
    const slug = parseSlug(request.params.slug);
    const committee = slug ? getCommitteeBySlug(app.db, slug) : null;
    if (!committee) return reply.callNotFound();
    return reply.page({
      title: `Inquiries of the ${committee.name}`,
      nav: 'committees',
      body: InquiriesPage({ committee, inquiries: inquiriesOf(app.db, committee.id) }),
    });
  });

  app.get<{ Params: { slug: string; inquirySlug: string } }>(
    '/committees/:slug/inquiries/:inquirySlug',
    PUBLIC_PAGE,
    async (request, reply) => {
      const slug = parseSlug(request.params.slug);
      const committee = slug ? getCommitteeBySlug(app.db, slug) : null;
      const inquirySlug = parseSlug(request.params.inquirySlug);
      const inquiry = committee && inquirySlug ? inquiryBySlug(app.db, committee.id, inquirySlug) : null;
      if (!committee || !inquiry) return reply.callNotFound();
      return reply.page({
        title: inquiry.title,
        nav: 'committees',
        body: PublicInquiryPage({
          committee,
          inquiry,
          parts: inquiryParts(app.db, inquiry.id),
          recommendations: recommendationsOf(app.db, committee.id, { publicOnly: true, inquiryId: inquiry.id }),
          now: app.now(),
          reportHref: (id) => (publicPaperFile(app.db, id) ? `/documents/${id}` : null),
        }),
      });
    },
  );
};

/** /manage/committees/:slug/inquiries: started and kept by the committee's clerks. */
export const inquiryManageRoutes: FastifyPluginAsync = async (app) => {
  const base = (slug: string) => `/manage/committees/${slug}/inquiries`;

  app.get<Slug>('/committees/:slug/inquiries', READ, async (request, reply) => {
    const committee = getCommitteeBySlug(app.db, request.params.slug);
    if (!committee || !request.user) return reply.callNotFound();
    return reply.page({
      title: `Inquiries of the ${committee.name}`,
      nav: 'manage',
      body: InquiriesPage({
        committee,
        inquiries: inquiriesOf(app.db, committee.id),
        manage: { canManage: canManageCommittee(request.user, committee.id) },
      }),
    });
  });

  const form = (
    reply: FastifyReply,
    committee: NonNullable<ReturnType<typeof getCommitteeBySlug>>,
    inquiry: { id: number; slug: string } | null,
    values: InquiryFormValues,
    errors: FieldErrors = {},
    status?: number,
  ) =>
    reply.page({
      title: `${status ? 'Error: ' : ''}${inquiry === null ? 'Start an inquiry' : 'Change the inquiry'}`,
      nav: 'manage',
      status,
      body: InquiryFormPage({
        committee,
        inquiryId: inquiry?.id ?? null,
        values,
        errors,
        csrfToken: reply.csrfToken(),
        choices: {
          members: inquiryMemberChoices(app.db, committee.id),
          meetings: inquirySessionChoices(app.db, committee.id),
          papers: committeePapers(app.db, committee.id),
        },
        publicHref: inquiry ? `/committees/${committee.slug}/inquiries/${inquiry.slug}` : null,
      }),
    });

  const submitted = (body: unknown) => {
    const startedOn = typedDate(body, 'startedOn', 'Start date', false);
    const reportedOn = typedDate(body, 'reportedOn', 'Date reported', false);
    const values: InquiryFormValues = {
      title: field(body, 'title'),
      kind: field(body, 'kind'),
      status: field(body, 'status'),
      summary: field(body, 'summary'),
      termsOfReference: field(body, 'termsOfReference'),
      startedOn: startedOn.parts,
      reportedOn: reportedOn.parts,
      memberIds: many(body, 'memberIds'),
      chairId: field(body, 'chairId'),
      sessionMeetingIds: many(body, 'sessionMeetingIds'),
      reportDocumentId: field(body, 'reportDocumentId'),
    };
    const dateErrors: FieldErrors = {};
    if (startedOn.error) dateErrors.startedOn = startedOn.error;
    if (reportedOn.error) dateErrors.reportedOn = reportedOn.error;
    return { values, dateErrors, command: { ...values, startedOn: startedOn.iso, reportedOn: reportedOn.iso } };
  };

  app.get<Slug>('/committees/:slug/inquiries/new', MANAGE, async (request, reply) => {
    const committee = getCommitteeBySlug(app.db, request.params.slug);
    if (!committee) return reply.callNotFound();
    const empty = { day: '', month: '', year: '' };
    return form(reply, committee, null, {
      title: '',
      kind: 'task_and_finish',
      status: 'planned',
      summary: '',
      termsOfReference: '',
      startedOn: empty,
      reportedOn: empty,
      memberIds: [],
      chairId: '',
      sessionMeetingIds: [],
      reportDocumentId: '',
    });
  });

  app.post<Slug>('/committees/:slug/inquiries', MANAGE, async (request, reply) => {
    const committee = getCommitteeBySlug(app.db, request.params.slug);
    if (!committee) return reply.callNotFound();
    const { values, dateErrors, command } = submitted(request.body);
    if (Object.keys(dateErrors).length) return form(reply, committee, null, values, dateErrors, 422);
    const result = saveInquiry(app.db, actorOf(request), committee.id, null, command, app.now());
    if (!result.ok) return form(reply, committee, null, values, result.errors, 422);
    return reply.seeOther(`${base(committee.slug)}/${result.value.id}/edit`, 'Inquiry saved');
  });

  app.get<One>('/committees/:slug/inquiries/:inquiryId/edit', MANAGE, async (request, reply) => {
    const committee = getCommitteeBySlug(app.db, request.params.slug);
    const inquiry = committee ? getInquiry(app.db, committee.id, parseId(request.params.inquiryId) ?? 0) : null;
    if (!committee || !inquiry) return reply.callNotFound();
    const parts = inquiryParts(app.db, inquiry.id);
    return form(reply, committee, inquiry, {
      title: inquiry.title,
      kind: inquiry.kind,
      status: inquiry.status,
      summary: inquiry.summary,
      termsOfReference: inquiry.termsOfReference,
      startedOn: partsOf(inquiry.startedOn),
      reportedOn: partsOf(inquiry.reportedOn),
      memberIds: parts.members.map((m) => String(m.personId)),
      chairId: String(parts.members.find((m) => m.role === 'chair')?.personId ?? ''),
      sessionMeetingIds: parts.sessions.map((s) => String(s.meetingId)),
      reportDocumentId: String(parts.reports[0]?.id ?? ''),
    });
  });

  app.post<One>('/committees/:slug/inquiries/:inquiryId', MANAGE, async (request, reply) => {
    const committee = getCommitteeBySlug(app.db, request.params.slug);
    const inquiry = committee ? getInquiry(app.db, committee.id, parseId(request.params.inquiryId) ?? 0) : null;
    if (!committee || !inquiry) return reply.callNotFound();
    const { values, dateErrors, command } = submitted(request.body);
    if (Object.keys(dateErrors).length) return form(reply, committee, inquiry, values, dateErrors, 422);
    const result = saveInquiry(app.db, actorOf(request), committee.id, inquiry.id, command, app.now());
    if (!result.ok) return form(reply, committee, inquiry, values, result.errors, 422);
    return reply.seeOther(`${base(committee.slug)}/${inquiry.id}/edit`, 'Inquiry saved');
  });
};
