import type { FastifyPluginAsync } from 'fastify';
import { parseId } from '../../lib/params';
import { getPublicMeeting } from './queries';
import { MeetingPage, meetingTitle } from '../../../views/meetings/MeetingPage';

/** Public meeting pages: published agenda and minutes only. */
const meetingRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { id: string } }>('/meetings/:id', async (request, reply) => {
    const id = parseId(request.params.id);
    const meeting = id === null ? null : getPublicMeeting(app.db, id);
    if (!meeting) return reply.callNotFound();
    return reply.page({ title: meetingTitle(meeting), nav: 'committees', body: MeetingPage({ meeting, now: app.now() }) });
  });
};

export default meetingRoutes;
