import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { focusFirst } from '../../../lib/focus';
import { typedDate } from '../../../lib/forms';
import { parseId } from '../../../lib/params';
import { canManageCommittee } from '../../../lib/permissions';
import { field, type Validated } from '../../../lib/validation';
import { actorOf } from '../../../plugins/auth';
import { wantsFragment } from '../../../plugins/views';
import { ManageRecommendationPage } from '../../../../views/recommendations/ManageRecommendationPages';
import {
  RECORD_REGION,
  RecommendationRecord,
  type RecordForm,
  type RecordProps,
} from '../../../../views/recommendations/RecommendationRecord';
import { getCommitteeBySlug } from '../../committees/queries';
import { plannableMeetings } from '../../work-programme/queries';
import { addReviewPoint, recordResponse, sendRecommendation, updateProgress } from '../commands';
import { committeePapers, getRecommendation, type RecommendationDetail } from '../queries';

type One = { Params: { slug: string; recommendationId: string } };
const READ = { config: { access: 'committee_read' as const } };
const MANAGE = { config: { access: 'committee_manage' as const } };

/** A recommendation's page for its committee, and the steps that follow it: sent, answered, progressing, reviewed. */
export const recommendationRecordRoutes: FastifyPluginAsync = async (app) => {
  const load = (request: FastifyRequest<One>) => {
    const committee = getCommitteeBySlug(app.db, request.params.slug);
    const rec = getRecommendation(app.db, parseId(request.params.recommendationId) ?? 0);
    return committee && rec && rec.committee.id === committee.id ? { committee, rec } : null;
  };

  const render = (
    request: FastifyRequest<One>,
    reply: FastifyReply,
    found: { committee: NonNullable<ReturnType<typeof getCommitteeBySlug>>; rec: RecommendationDetail },
    extra: { form?: RecordForm; confirmation?: string; status?: number } = {},
  ) => {
    const { committee, rec } = found;
    const props: RecordProps = {
      rec,
      committee,
      csrfToken: reply.csrfToken(),
      canManage: request.user ? canManageCommittee(request.user, committee.id) : false,
      now: app.now(),
      papers: committeePapers(app.db, committee.id),
      meetings: plannableMeetings(app.db, committee.id, app.now()),
      paperHref: (id) => `/manage/documents/${id}`,
      form: extra.form,
      confirmation: extra.confirmation,
    };
    if (wantsFragment(request)) {
      const html = RecommendationRecord({ ...props, fragment: true }) as string;
      const focus = extra.form ? Object.keys(extra.form.errors).map((k) => (k === '_form' ? RECORD_REGION : k)) : [];
      return reply
        .status(extra.status ?? 200)
        .type('text/html; charset=utf-8')
        .send(focusFirst(html, [...focus, RECORD_REGION]));
    }
    return reply.page({
      title: `${extra.form ? 'Error: ' : ''}Recommendation ${rec.reference ?? ''}`,
      nav: 'manage',
      status: extra.status,
      body: ManageRecommendationPage(props),
    });
  };

  app.get<One>('/committees/:slug/recommendations/:recommendationId', READ, async (request, reply) => {
    const found = load(request);
    if (!found) return reply.callNotFound();
    return render(request, reply, found);
  });

  /** One step's form: refused, it comes back with what was typed; done, the record says so. */
  const step = (
    path: string,
    name: RecordForm['name'],
    textFields: string[],
    dateFields: { name: string; label: string; required: boolean }[],
    run: (request: FastifyRequest<One>, rec: RecommendationDetail, form: Record<string, string>) => Validated<unknown>,
    done: string,
  ) =>
    app.post<One>(`/committees/:slug/recommendations/:recommendationId/${path}`, MANAGE, async (request, reply) => {
      const found = load(request);
      if (!found) return reply.callNotFound();
      const values: Record<string, string> = Object.fromEntries(textFields.map((f) => [f, field(request.body, f)]));
      const dates = Object.fromEntries(
        dateFields.map((d) => [d.name, typedDate(request.body, d.name, d.label, d.required)]),
      );
      const dateErrors = Object.fromEntries(
        Object.entries(dates).flatMap(([k, d]) => (d.error ? [[k, d.error]] : [])),
      ) as Record<string, string>;
      const form = { ...values, ...Object.fromEntries(Object.entries(dates).map(([k, d]) => [k, d.iso])) };
      const result = Object.keys(dateErrors).length ? null : run(request, found.rec, form);
      if (!result || !result.ok) {
        const errors = result && !result.ok ? result.errors : dateErrors;
        const parts = Object.fromEntries(Object.entries(dates).map(([k, d]) => [k, d.parts]));
        return render(request, reply, found, { form: { name, values, dates: parts, errors }, status: 422 });
      }
      const fresh = getRecommendation(app.db, found.rec.id);
      if (wantsFragment(request) && fresh)
        return render(request, reply, { ...found, rec: fresh }, { confirmation: done });
      return reply.seeOther(`/manage/committees/${found.committee.slug}/recommendations/${found.rec.id}`, done);
    });

  step(
    'send',
    'send',
    [],
    [{ name: 'sentOn', label: 'Date sent', required: true }],
    (request, rec, form) =>
      sendRecommendation(app.db, actorOf(request), rec.id, { sentOn: form.sentOn ?? '' }, app.now()),
    'Recorded as sent: the response is due',
  );

  step(
    'responses',
    'response',
    ['decision', 'text', 'respondent', 'documentId'],
    [{ name: 'receivedOn', label: 'Date received', required: true }],
    (request, rec, form) =>
      recordResponse(
        app.db,
        actorOf(request),
        rec.id,
        {
          receivedOn: form.receivedOn ?? '',
          decision: form.decision ?? '',
          text: form.text ?? '',
          respondent: form.respondent ?? '',
          documentId: form.documentId ?? '',
        },
        app.now(),
      ),
    'Response recorded',
  );

  step(
    'progress',
    'progress',
    ['implementationStatus', 'reason'],
    [{ name: 'targetDate', label: 'Target date', required: false }],
    (request, rec, form) =>
      updateProgress(
        app.db,
        { ...actorOf(request), name: request.user?.displayName ?? '' },
        rec.id,
        {
          implementationStatus: form.implementationStatus ?? '',
          targetDate: form.targetDate ?? '',
          reason: form.reason ?? '',
        },
        app.now(),
      ),
    'Progress saved',
  );

  step(
    'review-points',
    'review',
    ['afterMonths', 'meetingId'],
    [],
    (request, rec, form) =>
      addReviewPoint(
        app.db,
        actorOf(request),
        rec.id,
        { afterMonths: form.afterMonths ?? '', meetingId: form.meetingId ?? '' },
        app.now(),
      ),
    'Review point added to the work programme',
  );
};
