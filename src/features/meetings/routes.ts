import { committeeFeed, PUBLIC_PAGE } from '../../lib/route-options';
import { jsonForScript, meetingEvent } from '../../lib/structured-data';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { parseId, parseSlug } from '../../lib/params';
import { fields, type FieldErrors } from '../../lib/validation';
import { dateParts, partsOf } from '../../lib/forms';
import { formatDate, londonDate, londonTime } from '../../lib/dates';
import { actorOf } from '../../plugins/auth';
import { canManageCommittee } from '../../lib/permissions';
import { recordHistory } from '../audit/queries';
import { getCommitteeBySlug, listCommittees } from '../committees/queries';
import { calendarMeeting, getMeetingWithCommittee, listMeetings } from './queries';
import { eventFacts, getPublicMeeting } from './public';
import { meetingsCalendar } from '../../lib/calendar';
import { baseUrlOf } from '../../plugins/views';
import { MeetingsPage } from '../../../views/meetings/MeetingsPage';
import { changeMeetingStatus, scheduleMeeting, updateMeeting } from './commands';
import { MEETING_FIELDS } from '../../lib/fields';
import { meetingDeadlineReport } from '../../lib/deadlines';
import {
  ManageMeetingPage,
  MeetingForm,
  MeetingStatusForm,
  type MeetingFormValues,
} from '../../../views/meetings/ManageMeetingPages';
import { MeetingPage, meetingTitle } from '../../../views/meetings/MeetingPage';

/** Public meeting pages: published agenda and minutes only; the list, calendars and open data. */
const meetingRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { committee?: string; when?: string } }>('/meetings', PUBLIC_PAGE, async (request, reply) => {
    const when = request.query.when === 'past' ? 'past' : 'upcoming';
    const committees = listCommittees(app.db);
    const slug = parseSlug(request.query.committee);
    const committeeSlug = slug && committees.some((c) => c.slug === slug) ? slug : null;
    return reply.page({
      title: when === 'past' ? 'Past meetings' : 'Meetings',
      nav: 'meetings',
      body: MeetingsPage({
        meetings: listMeetings(app.db, { committeeSlug, when }, app.now()),
        committees,
        committeeSlug,
        when,
      }),
    });
  });

  app.get<{ Params: { id: string } }>('/meetings/:id', PUBLIC_PAGE, async (request, reply) => {
    const id = parseId(request.params.id);
    // One instant for the page's data and its words (questions open, days left).
    const now = app.now();
    const meeting = id === null ? null : getPublicMeeting(app.db, id, now);
    if (!meeting) return reply.callNotFound();
    const title = meetingTitle(meeting);
    return reply.page({
      title,
      nav: 'meetings',
      body: MeetingPage({ meeting, now }),
      feeds: [committeeFeed(meeting.committee)],
      structuredData: jsonForScript(meetingEvent(eventFacts(meeting, title, baseUrlOf(request)))),
    });
  });

  app.get<{ Params: { id: string } }>('/meetings/:id.ics', PUBLIC_PAGE, async (request, reply) => {
    const id = parseId(request.params.id);
    const meeting = id === null ? null : calendarMeeting(app.db, id);
    if (!meeting) return reply.callNotFound();
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `inline; filename="meeting-${meeting.id}.ics"`)
      .send(
        meetingsCalendar([meeting], {
          baseUrl: baseUrlOf(request),
          installationId: app.installationId,
          name: meeting.committeeName,
        }),
      );
  });
};

export default meetingRoutes;

function meetingForm(body: unknown): MeetingFormValues {
  return { ...fields(body, MEETING_FIELDS), date: dateParts(body, 'date') };
}

/** /manage: scheduling meetings and running them: details, deadlines, cancel, postpone, held. */
export const meetingManageRoutes: FastifyPluginAsync = async (app) => {
  type Slug = { Params: { slug: string } };
  type Meeting = { Params: { meetingId: string } };

  const form = (
    reply: FastifyReply,
    committee: { slug: string; name: string },
    meetingId: number | null,
    values: MeetingFormValues,
    errors: FieldErrors = {},
    status?: number,
  ) =>
    reply.page({
      title: meetingId === null ? 'Schedule a meeting' : 'Change meeting details',
      nav: 'manage',
      status,
      body: MeetingForm({ committee, meetingId, values, errors, csrfToken: reply.csrfToken() }),
    });

  app.get<Slug>(
    '/committees/:slug/meetings/new',
    { config: { access: 'committee_manage' } },
    async (request, reply) => {
      const committee = getCommitteeBySlug(app.db, request.params.slug);
      if (!committee) return reply.callNotFound();
      return form(reply, committee, null, { ...meetingForm({}), startTime: '10am' });
    },
  );

  app.post<Slug>('/committees/:slug/meetings', { config: { access: 'committee_manage' } }, async (request, reply) => {
    const committee = getCommitteeBySlug(app.db, request.params.slug);
    if (!committee) return reply.callNotFound();
    const values = meetingForm(request.body);
    const result = scheduleMeeting(app.db, actorOf(request), committee.id, values);
    if (!result.ok) return form(reply, committee, null, values, result.errors, 422);
    return reply.seeOther(`/manage/meetings/${result.value.id}`, 'Meeting scheduled');
  });

  const load = (raw: string) => getMeetingWithCommittee(app.db, parseId(raw) ?? 0);

  const show = (
    request: FastifyRequest,
    reply: FastifyReply,
    found: NonNullable<ReturnType<typeof load>>,
    errors: FieldErrors = {},
    status?: number,
  ) => {
    const { meeting, committee } = found;
    const now = app.now();
    return reply.page({
      title: `${committee.name}, ${formatDate(meeting.startsAt)}`,
      nav: 'manage',
      status,
      body: ManageMeetingPage({
        meeting: { ...meeting, committee },
        report: meetingDeadlineReport(meeting, committee, now),
        canManage: request.user ? canManageCommittee(request.user, committee.id) : false,
        canMarkHeld: meeting.status === 'scheduled' && londonDate(meeting.startsAt) <= londonDate(now),
        csrfToken: reply.csrfToken(),
        history: recordHistory(app.db, 'meeting', meeting.id),
        errors,
      }),
    });
  };

  app.get<Meeting>('/meetings/:meetingId', { config: { access: 'committee_read' } }, async (request, reply) => {
    const found = load(request.params.meetingId);
    if (!found) return reply.callNotFound();
    return show(request, reply, found);
  });

  app.get<Meeting>('/meetings/:meetingId/edit', { config: { access: 'committee_manage' } }, async (request, reply) => {
    const found = load(request.params.meetingId);
    if (!found) return reply.callNotFound();
    const { meeting, committee } = found;
    return form(reply, committee, meeting.id, {
      date: partsOf(londonDate(meeting.startsAt)),
      startTime: londonTime(meeting.startsAt),
      endTime: meeting.endsAt ? londonTime(meeting.endsAt) : '',
      venue: meeting.venue ?? '',
      onlineUrl: meeting.onlineUrl ?? '',
      webcastUrl: meeting.webcastUrl ?? '',
      minutesUrl: meeting.minutesUrl ?? '',
    });
  });

  app.post<Meeting>('/meetings/:meetingId', { config: { access: 'committee_manage' } }, async (request, reply) => {
    const found = load(request.params.meetingId);
    if (!found) return reply.callNotFound();
    const values = meetingForm(request.body);
    const result = updateMeeting(app.db, actorOf(request), found.meeting.id, values);
    if (!result.ok) return form(reply, found.committee, found.meeting.id, values, result.errors, 422);
    return reply.seeOther(`/manage/meetings/${found.meeting.id}`, 'Meeting details saved');
  });

  for (const change of ['cancel', 'postpone'] as const) {
    const statusForm = (
      reply: FastifyReply,
      found: NonNullable<ReturnType<typeof load>>,
      reason: string,
      errors: FieldErrors = {},
      status?: number,
    ) =>
      reply.page({
        title: `${change === 'cancel' ? 'Cancel' : 'Postpone'} a meeting`,
        nav: 'manage',
        status,
        body: MeetingStatusForm({
          meeting: { ...found.meeting, committee: found.committee },
          change,
          reason,
          errors,
          csrfToken: reply.csrfToken(),
        }),
      });

    app.get<Meeting>(
      `/meetings/:meetingId/${change}`,
      { config: { access: 'committee_manage' } },
      async (request, reply) => {
        const found = load(request.params.meetingId);
        if (!found) return reply.callNotFound();
        return statusForm(reply, found, '');
      },
    );

    app.post<Meeting>(
      `/meetings/:meetingId/${change}`,
      { config: { access: 'committee_manage' } },
      async (request, reply) => {
        const found = load(request.params.meetingId);
        if (!found) return reply.callNotFound();
        const reason = fields(request.body, ['reason'] as const).reason;
        const result = changeMeetingStatus(app.db, actorOf(request), found.meeting.id, change, reason, app.now());
        if (!result.ok) return statusForm(reply, found, reason, result.errors, 422);
        return reply.seeOther(
          `/manage/meetings/${found.meeting.id}`,
          change === 'cancel' ? 'Meeting cancelled' : 'Meeting postponed',
        );
      },
    );
  }

  app.post<Meeting>('/meetings/:meetingId/held', { config: { access: 'committee_manage' } }, async (request, reply) => {
    const found = load(request.params.meetingId);
    if (!found) return reply.callNotFound();
    const result = changeMeetingStatus(app.db, actorOf(request), found.meeting.id, 'held', '', app.now());
    if (!result.ok) return show(request, reply, found, result.errors, 422);
    return reply.seeOther(`/manage/meetings/${found.meeting.id}`, 'Meeting marked as held');
  });
};
