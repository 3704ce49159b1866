import fs from 'node:fs';
import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { formatDate } from '../../lib/dates';
import { dateParts } from '../../lib/forms';
import { parseId } from '../../lib/params';
import { fields, type FieldErrors, type Validated } from '../../lib/validation';
import { actorOf } from '../../plugins/auth';
import { wantsFragment } from '../../plugins/views';
import { canManageCommittee } from '../auth/permissions';
import { agendaItems } from '../agenda/schema';
import { actions } from '../actions/schema';
import { getPublicMeeting } from '../meetings/queries';
import { ClientErrorPage } from '../../../views/errors/ErrorPages';
import {
  AmendmentsSection,
  AttendanceSection,
  DeclarationsSection,
  ItemRecord,
  MinutesScreen,
  MinutesState,
  PublishPanel,
  TimesForm,
  actionValues,
  resolutionValues,
  type MinutesFormState,
  type MinutesScreenProps,
} from '../../../views/minutes/MinutesScreen';
import { ImportPage, ImportPreviewPage } from '../../../views/minutes/ImportPages';
import { MinutesVersionPage } from '../../../views/minutes/MinutesVersionPage';
import {
  ACTION_FIELDS,
  AMENDMENT_FIELDS,
  APPROVAL_FIELDS,
  DECLARATION_FIELDS,
  LOCKED,
  OTHER_FIELDS,
  RESOLUTION_FIELDS,
  SUBSTITUTE_FIELDS,
  TIMES_FIELDS,
  addAction,
  addDeclaration,
  addOtherAttendee,
  addResolution,
  addSubstitute,
  approveMinutes,
  publishMinutes,
  recordAmendment,
  removeAttendee,
  removeDeclaration,
  removeMinutedAction,
  removeResolution,
  saveMemberAttendance,
  saveMinuteText,
  saveTimes,
  updateMinutedAction,
  updateResolution,
} from './commands';
import { getMinutesEditor, getPublicMinutes, publicMinutesVersions } from './queries';
import { resolutions } from './schema';
import { diffMinutes } from './diff';
import { minutesPdf } from './pdf';
import { MAX_IMPORT_BYTES, decodeMinutesFile, parseMinutesText } from './import/parse';
import { applyImport, planImport } from './import/apply';

type MeetingParams = { Params: { meetingId: string } };

/** The part of the screen a change redraws. */
type Region = { kind: 'times' | 'attendance' | 'declarations' | 'publish' | 'amendments' } | { kind: 'item'; itemId: number };

function anchorOf(region: Region): string {
  return region.kind === 'item' ? `#item-${region.itemId}` : `#minutes-${region.kind === 'publish' ? 'status' : region.kind}`;
}

/** An action's form as typed: its fields, and its due date's three boxes. */
function actionForm(body: unknown, prefix: string) {
  const due = dateParts(body, `${prefix}-due`);
  return { due, values: { ...fields(body, ACTION_FIELDS), [`${prefix}-due-day`]: due.day, [`${prefix}-due-month`]: due.month, [`${prefix}-due-year`]: due.year } };
}

/** Public: the minutes as a PDF, and each published version with what changed from the one before. */
export const minutesPublicRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { id: string } }>('/meetings/:id/minutes.pdf', async (request, reply) => {
    const id = parseId(request.params.id);
    const meeting = id === null ? null : getPublicMeeting(app.db, id);
    const minutes = id === null ? null : getPublicMinutes(app.db, id);
    if (!meeting || !minutes || id === null) return reply.callNotFound();
    const name = `minutes-${id}-v${minutes.version}-a${minutes.amendments.length}${minutes.approved ? '-approved' : ''}.pdf`;
    const file = app.files.packPath(name);
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      bytes = await minutesPdf({ committeeName: meeting.committee.name, startsAt: meeting.startsAt, venue: meeting.venue, minutes });
      app.files.putPack(name, bytes);
    }
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="minutes-meeting-${id}-v${minutes.version}.pdf"`)
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(bytes));
  });

  app.get<{ Params: { id: string; version: string } }>('/meetings/:id/minutes/versions/:version', async (request, reply) => {
    const id = parseId(request.params.id);
    const versionNo = parseId(request.params.version);
    const meeting = id === null ? null : getPublicMeeting(app.db, id);
    if (!meeting || id === null || versionNo === null) return reply.callNotFound();
    const versions = publicMinutesVersions(app.db, id);
    const version = versions.find((v) => v.version === versionNo);
    if (!version) return reply.callNotFound();
    const previous = versions.find((v) => v.version === versionNo - 1) ?? null;
    return reply.page({
      title: `Minutes version ${versionNo}: ${meeting.committee.name}, ${formatDate(meeting.startsAt)}`,
      nav: 'meetings',
      body: MinutesVersionPage({ meeting, version, latestVersion: versions.at(-1)?.version ?? versionNo, changes: previous ? diffMinutes(previous, version) : null }),
    });
  });
};

/** /manage: the live minute-taking screen, publishing, approval, amendments and import. */
export const minutesManageRoutes: FastifyPluginAsync = async (app) => {
  const meetingIdOf = (request: FastifyRequest<MeetingParams>) => parseId(request.params.meetingId) ?? 0;
  const base = (request: FastifyRequest<MeetingParams>) => `/manage/meetings/${meetingIdOf(request)}/minutes`;
  const manage = { config: { access: 'committee_manage' as const } };

  const propsFor = (request: FastifyRequest<MeetingParams>, reply: FastifyReply, state?: MinutesFormState): MinutesScreenProps | null => {
    const data = getMinutesEditor(app.db, meetingIdOf(request));
    if (!data || !request.user) return null;
    return { data, csrfToken: reply.csrfToken(), canEdit: canManageCommittee(request.user, data.meeting.committee.id), userId: request.user.id, state };
  };

  /** The whole screen, or (htmx) the region that changed with the publishing panel out of band. */
  const show = (request: FastifyRequest<MeetingParams>, reply: FastifyReply, region: Region | null, state?: MinutesFormState, status?: number) => {
    const props = propsFor(request, reply, state);
    if (!props) return reply.callNotFound();
    if (region && wantsFragment(request)) {
      props.fragment = true;
      reply.header('vary', 'HX-Request').status(status ?? 200);
      const item = region.kind === 'item' ? props.data.items.find((i) => i.id === region.itemId) : undefined;
      const body =
        region.kind === 'times'
          ? TimesForm(props)
          : region.kind === 'attendance'
            ? AttendanceSection(props)
            : region.kind === 'declarations'
              ? DeclarationsSection(props)
              : region.kind === 'amendments'
                ? AmendmentsSection(props)
                : region.kind === 'item' && item
                  ? ItemRecord({ ...props, item })
                  : '';
      return reply.html(`${region.kind === 'publish' ? PublishPanel(props) : body}${MinutesState({ ...props, oob: true })}`);
    }
    return reply.page({
      title: `Minutes: ${props.data.meeting.committee.name}, ${formatDate(props.data.meeting.startsAt)}`,
      nav: 'manage',
      status,
      body: MinutesScreen(props),
    });
  };

  /** After a command: the region again (htmx), JSON (autosave), or back to the screen (plain form). */
  const after = (
    request: FastifyRequest<MeetingParams>,
    reply: FastifyReply,
    result: Validated<unknown>,
    region: Region,
    form: string,
    values: Record<string, string>,
    confirmation: string,
  ) => {
    const json = String(request.headers.accept ?? '').includes('application/json');
    if (!result.ok) {
      const status = LOCKED in result.errors ? 409 : 422;
      if (json) return reply.status(status).send({ ok: false, errors: result.errors });
      return show(request, reply, region, { form, values, errors: result.errors }, status);
    }
    if (json) return reply.send({ ok: true });
    if (wantsFragment(request)) return show(request, reply, region);
    return reply.seeOther(`${base(request)}${anchorOf(region)}`, confirmation);
  };

  app.get<MeetingParams>('/meetings/:meetingId/minutes', { config: { access: 'committee_read' } }, async (request, reply) => show(request, reply, null));

  // Where the minutes stand, redrawn after each autosave.
  app.get<MeetingParams>('/meetings/:meetingId/minutes/state', { config: { access: 'committee_read' } }, async (request, reply) => {
    const props = propsFor(request, reply);
    if (!props) return reply.callNotFound();
    return reply.header('vary', 'HX-Request').html(MinutesState(props));
  });

  app.post<MeetingParams>('/meetings/:meetingId/minutes/times', manage, async (request, reply) => {
    const values = fields(request.body, TIMES_FIELDS);
    return after(request, reply, saveTimes(app.db, actorOf(request), meetingIdOf(request), values), { kind: 'times' }, 'times', values, 'Times saved');
  });

  app.post<MeetingParams>('/meetings/:meetingId/minutes/attendance', manage, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = Object.fromEntries(Object.entries(body).filter(([k, v]) => k.startsWith('status-') && typeof v === 'string')) as Record<string, string>;
    return after(request, reply, saveMemberAttendance(app.db, actorOf(request), meetingIdOf(request), values), { kind: 'attendance' }, 'attendance', values, 'Attendance saved');
  });

  app.post<MeetingParams>('/meetings/:meetingId/minutes/attendance/substitutes', manage, async (request, reply) => {
    const values = fields(request.body, SUBSTITUTE_FIELDS);
    return after(request, reply, addSubstitute(app.db, actorOf(request), meetingIdOf(request), values), { kind: 'attendance' }, 'substitute', values, 'Substitute added');
  });

  app.post<MeetingParams>('/meetings/:meetingId/minutes/attendance/others', manage, async (request, reply) => {
    const values = fields(request.body, OTHER_FIELDS);
    return after(request, reply, addOtherAttendee(app.db, actorOf(request), meetingIdOf(request), values), { kind: 'attendance' }, 'other', values, 'Added to those in attendance');
  });

  app.post<{ Params: { meetingId: string; attendanceId: string } }>('/meetings/:meetingId/minutes/attendance/:attendanceId/remove', manage, async (request, reply) => {
    const result = removeAttendee(app.db, actorOf(request), parseId(request.params.attendanceId) ?? 0);
    return after(request, reply, result, { kind: 'attendance' }, 'attendance', {}, 'Removed from the attendance');
  });

  app.post<MeetingParams>('/meetings/:meetingId/minutes/declarations', manage, async (request, reply) => {
    const values = fields(request.body, DECLARATION_FIELDS);
    return after(request, reply, addDeclaration(app.db, actorOf(request), meetingIdOf(request), values), { kind: 'declarations' }, 'declaration', values, 'Declaration recorded');
  });

  app.post<{ Params: { meetingId: string; declarationId: string } }>('/meetings/:meetingId/minutes/declarations/:declarationId/remove', manage, async (request, reply) => {
    const result = removeDeclaration(app.db, actorOf(request), parseId(request.params.declarationId) ?? 0);
    return after(request, reply, result, { kind: 'declarations' }, 'declaration', {}, 'Declaration removed');
  });

  type ItemParams = { Params: { meetingId: string; itemId: string } };
  const itemIdOf = (request: FastifyRequest<ItemParams>) => parseId(request.params.itemId) ?? 0;

  app.post<ItemParams>('/meetings/:meetingId/minutes/items/:itemId/text', manage, async (request, reply) => {
    const itemId = itemIdOf(request);
    const values = fields(request.body, ['minuteText', 'revision'] as const);
    const result = saveMinuteText(app.db, actorOf(request), itemId, values, app.now());
    const json = String(request.headers.accept ?? '').includes('application/json');
    if (json) {
      if (result.ok) return reply.send({ ok: true, revision: result.revision, savedAt: result.savedAt.toISOString() });
      const status = result.conflict ? 409 : LOCKED in result.errors ? 409 : 422;
      return reply.status(status).send({ ok: false, errors: result.errors, conflict: result.conflict ?? null });
    }
    if (!result.ok) {
      const status = result.conflict || LOCKED in result.errors ? 409 : 422;
      return show(request, reply, null, { form: `text-${itemId}`, values, errors: result.errors, conflict: result.conflict }, status);
    }
    return reply.seeOther(`${base(request)}#item-${itemId}`, 'Minute saved');
  });

  app.post<ItemParams>('/meetings/:meetingId/minutes/items/:itemId/resolutions', manage, async (request, reply) => {
    const itemId = itemIdOf(request);
    const values = fields(request.body, RESOLUTION_FIELDS);
    return after(request, reply, addResolution(app.db, actorOf(request), itemId, values), { kind: 'item', itemId }, `resolution-${itemId}`, values, 'Resolution added');
  });

  app.post<ItemParams>('/meetings/:meetingId/minutes/items/:itemId/actions', manage, async (request, reply) => {
    const itemId = itemIdOf(request);
    const prefix = `action-${itemId}`;
    const { due, values } = actionForm(request.body, prefix);
    return after(request, reply, addAction(app.db, actorOf(request), itemId, values, due), { kind: 'item', itemId }, prefix, values, 'Action added');
  });

  app.post<ItemParams>('/meetings/:meetingId/minutes/items/:itemId/approve', manage, async (request, reply) => {
    const itemId = itemIdOf(request);
    const values = fields(request.body, APPROVAL_FIELDS);
    const result = approveMinutes(app.db, actorOf(request), itemId, values, app.now());
    return after(request, reply, result, { kind: 'item', itemId }, `approve-${itemId}`, values, 'The earlier minutes are approved and locked');
  });

  type ResolutionParams = { Params: { meetingId: string; resolutionId: string } };
  const resolutionOf = (request: FastifyRequest<ResolutionParams>) => {
    const id = parseId(request.params.resolutionId) ?? 0;
    return app.db.select({ r: resolutions, itemId: agendaItems.id }).from(resolutions).innerJoin(agendaItems, eq(agendaItems.id, resolutions.agendaItemId)).where(eq(resolutions.id, id)).get();
  };

  app.get<ResolutionParams>('/meetings/:meetingId/minutes/resolutions/:resolutionId/edit', manage, async (request, reply) => {
    const row = resolutionOf(request);
    if (!row) return reply.callNotFound();
    return show(request, reply, { kind: 'item', itemId: row.itemId }, { form: `resolution-edit-${row.r.id}`, values: resolutionValues(row.r), errors: {} });
  });

  app.post<ResolutionParams>('/meetings/:meetingId/minutes/resolutions/:resolutionId', manage, async (request, reply) => {
    const row = resolutionOf(request);
    if (!row) return reply.callNotFound();
    const values = fields(request.body, RESOLUTION_FIELDS);
    const result = updateResolution(app.db, actorOf(request), row.r.id, values);
    return after(request, reply, result, { kind: 'item', itemId: row.itemId }, `resolution-edit-${row.r.id}`, values, 'Resolution saved');
  });

  app.post<ResolutionParams>('/meetings/:meetingId/minutes/resolutions/:resolutionId/remove', manage, async (request, reply) => {
    const row = resolutionOf(request);
    if (!row) return reply.callNotFound();
    const result = removeResolution(app.db, actorOf(request), row.r.id);
    return after(request, reply, result, { kind: 'item', itemId: row.itemId }, `resolution-${row.itemId}`, {}, 'Resolution removed');
  });

  type ActionParams = { Params: { meetingId: string; actionId: string } };
  const actionOf = (request: FastifyRequest<ActionParams>) => {
    const id = parseId(request.params.actionId) ?? 0;
    return app.db
      .select({ a: actions, meetingId: agendaItems.meetingId })
      .from(actions)
      .innerJoin(agendaItems, eq(agendaItems.id, actions.agendaItemId))
      .where(and(eq(actions.id, id), eq(agendaItems.meetingId, parseId(request.params.meetingId) ?? 0)))
      .get();
  };

  app.get<ActionParams>('/meetings/:meetingId/minutes/actions/:actionId/edit', manage, async (request, reply) => {
    const row = actionOf(request);
    const props = row ? propsFor(request, reply) : null;
    const item = props?.data.items.find((i) => i.actions.some((a) => a.id === row?.a.id));
    const action = item?.actions.find((a) => a.id === row?.a.id);
    if (!row || !item || !action) return reply.callNotFound();
    return show(request, reply, { kind: 'item', itemId: item.id }, { form: `action-edit-${action.id}`, values: actionValues(action.id, action), errors: {} });
  });

  app.post<ActionParams>('/meetings/:meetingId/minutes/actions/:actionId', manage, async (request, reply) => {
    const row = actionOf(request);
    if (!row) return reply.callNotFound();
    const prefix = `action-edit-${row.a.id}`;
    const { due, values } = actionForm(request.body, prefix);
    const result = updateMinutedAction(app.db, actorOf(request), row.a.id, values, due);
    return after(request, reply, result, { kind: 'item', itemId: row.a.agendaItemId }, prefix, values, 'Action saved');
  });

  app.post<ActionParams>('/meetings/:meetingId/minutes/actions/:actionId/remove', manage, async (request, reply) => {
    const row = actionOf(request);
    if (!row) return reply.callNotFound();
    const result = removeMinutedAction(app.db, actorOf(request), row.a.id);
    return after(request, reply, result, { kind: 'item', itemId: row.a.agendaItemId }, `action-${row.a.agendaItemId}`, {}, 'Action removed');
  });

  app.post<MeetingParams>('/meetings/:meetingId/minutes/publish', manage, async (request, reply) => {
    const values = fields(request.body, ['changeSummary'] as const);
    const result = publishMinutes(app.db, { meetingId: meetingIdOf(request), publishedAt: app.now(), changeSummary: values.changeSummary }, actorOf(request));
    const message = result.ok ? `Version ${result.value.version} of the minutes is published, as a draft until approved` : '';
    return after(request, reply, result, { kind: 'publish' }, 'publish', values, message);
  });

  app.post<MeetingParams>('/meetings/:meetingId/minutes/amendments', manage, async (request, reply) => {
    const values = fields(request.body, AMENDMENT_FIELDS);
    const result = recordAmendment(app.db, actorOf(request), meetingIdOf(request), values, app.now());
    return after(request, reply, result, { kind: 'amendments' }, 'amendment', values, 'Amendment recorded');
  });

  // Import: a file or pasted text, a preview, then the import once confirmed.
  const importPage = (request: FastifyRequest<MeetingParams>, reply: FastifyReply, errors: FieldErrors, text: string, status?: number) => {
    const data = getMinutesEditor(app.db, meetingIdOf(request));
    if (!data) return reply.callNotFound();
    return reply.page({
      title: `Import minutes: ${data.meeting.committee.name}, ${formatDate(data.meeting.startsAt)}`,
      nav: 'manage',
      status,
      body: ImportPage({ meeting: data.meeting, csrfToken: reply.csrfToken(), errors, text }),
    });
  };

  app.get<MeetingParams>('/meetings/:meetingId/minutes/import', manage, async (request, reply) => importPage(request, reply, {}, ''));

  app.post<MeetingParams>('/meetings/:meetingId/minutes/import', manage, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const pasted = typeof body.text === 'string' ? body.text : '';
    const file = body.file && typeof body.file === 'object' && 'bytes' in body.file ? (body.file as { filename: string; bytes: Uint8Array; truncated: boolean }) : null;
    let text = pasted;
    let problem: string | null = null;
    if (file && (file.filename !== '' || file.bytes.length > 0)) {
      const decoded = file.truncated ? { problem: 'The file is larger than 1 MB: minutes as plain text are far smaller. Check it is the right file.' } : decodeMinutesFile(file.bytes);
      if ('problem' in decoded) problem = decoded.problem;
      else text = decoded.text;
    } else if (pasted.trim() === '') {
      return importPage(request, reply, { file: 'Choose a plain-text file of the minutes, or paste them into the box' }, pasted, 422);
    }
    if (Buffer.byteLength(text) > MAX_IMPORT_BYTES) problem = 'The text is larger than 1 MB: minutes as plain text are far smaller. Check it is the right text.';
    const parsed = problem ? { ...parseMinutesText(''), problems: [problem] } : parseMinutesText(text);
    const data = getMinutesEditor(app.db, meetingIdOf(request));
    if (!data) return reply.callNotFound();
    const plan = planImport(app.db, data.meeting.id, parsed);
    return reply.page({
      title: 'Check the minutes before importing them',
      nav: 'manage',
      body: ImportPreviewPage({ meeting: data.meeting, csrfToken: reply.csrfToken(), plan, text: problem ? '' : text, fileName: file?.filename ?? null }),
    });
  });

  app.post<MeetingParams>('/meetings/:meetingId/minutes/import/confirm', manage, async (request, reply) => {
    const { text } = fields(request.body, ['text'] as const);
    if (text.trim() === '') return importPage(request, reply, { file: 'Choose a plain-text file of the minutes, or paste them into the box' }, '', 422);
    const parsed = parseMinutesText(text);
    const result = applyImport(app.db, actorOf(request), meetingIdOf(request), parsed, text, app.now());
    if (!result.ok) {
      const data = getMinutesEditor(app.db, meetingIdOf(request));
      if (!data) return reply.callNotFound();
      return reply.page({
        title: 'The minutes could not be imported',
        nav: 'manage',
        status: 409,
        body: ClientErrorPage({ title: 'The minutes could not be imported', message: Object.values(result.errors).join(' ') }),
      });
    }
    const s = result.value;
    return reply.seeOther(
      `${base(request)}`,
      `Imported ${s.items} items, ${s.attendees} attendees, ${s.declarations} declarations, ${s.resolutions} resolutions and ${s.actions} actions. Check them, then publish.`,
    );
  });
};
