import type { FastifyPluginAsync } from 'fastify';
import { OTHER_FIELDS, SUBSTITUTE_FIELDS, TIMES_FIELDS } from '../../../lib/fields';
import { parseId } from '../../../lib/params';
import { fields } from '../../../lib/validation';
import { actorOf } from '../../../plugins/auth';
import {
  ATTENDANCE_FORMS,
  ATTENDANCE_REGION,
  AttendanceRegion,
} from '../../../../views/minutes/regions/AttendanceRegion';
import { TIMES_FORM, TIMES_REGION, TimesRegion } from '../../../../views/minutes/regions/TimesRegion';
import { addOtherAttendee, addSubstitute, removeAttendee, saveMemberAttendance } from '../commands/attendance';
import { saveTimes } from '../commands/times';
import { answerRegion, manage, meetingIdOf, type MeetingParams } from './screen';

/** The times region, and the attendance region: members, substitutes and others in attendance. */
export const attendanceRoutes: FastifyPluginAsync = async (app) => {
  app.post<MeetingParams>('/meetings/:meetingId/minutes/times', manage, async (request, reply) => {
    const values = fields(request.body, TIMES_FIELDS);
    return answerRegion(app, request, reply, {
      result: saveTimes(app.db, actorOf(request), meetingIdOf(request), values),
      form: TIMES_FORM,
      values,
      region: TimesRegion,
      anchor: TIMES_REGION,
      confirmation: 'Times saved',
    });
  });

  const attendance = { region: AttendanceRegion, anchor: ATTENDANCE_REGION };

  app.post<MeetingParams>('/meetings/:meetingId/minutes/attendance', manage, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = Object.fromEntries(
      Object.entries(body).filter(([k, v]) => k.startsWith('status-') && typeof v === 'string'),
    ) as Record<string, string>;
    return answerRegion(app, request, reply, {
      ...attendance,
      result: saveMemberAttendance(app.db, actorOf(request), meetingIdOf(request), values),
      form: ATTENDANCE_FORMS.members,
      values,
      confirmation: 'Attendance saved',
    });
  });

  app.post<MeetingParams>('/meetings/:meetingId/minutes/attendance/substitutes', manage, async (request, reply) => {
    const values = fields(request.body, SUBSTITUTE_FIELDS);
    return answerRegion(app, request, reply, {
      ...attendance,
      result: addSubstitute(app.db, actorOf(request), meetingIdOf(request), values),
      form: ATTENDANCE_FORMS.substitute,
      values,
      confirmation: 'Substitute added',
    });
  });

  app.post<MeetingParams>('/meetings/:meetingId/minutes/attendance/others', manage, async (request, reply) => {
    const values = fields(request.body, OTHER_FIELDS);
    return answerRegion(app, request, reply, {
      ...attendance,
      result: addOtherAttendee(app.db, actorOf(request), meetingIdOf(request), values),
      form: ATTENDANCE_FORMS.other,
      values,
      confirmation: 'Added to those in attendance',
    });
  });

  app.post<{ Params: { meetingId: string; attendanceId: string } }>(
    '/meetings/:meetingId/minutes/attendance/:attendanceId/remove',
    manage,
    async (request, reply) =>
      answerRegion(app, request, reply, {
        ...attendance,
        result: removeAttendee(app.db, actorOf(request), parseId(request.params.attendanceId) ?? 0),
        form: ATTENDANCE_FORMS.members,
        values: {},
        confirmation: 'Removed from the attendance',
      }),
  );
};
