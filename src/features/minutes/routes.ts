import fs from 'node:fs';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { formatDate } from '../../lib/dates';
import { dateParts } from '../../lib/forms';
import { parseId } from '../../lib/params';
import { uploadedFile } from '../../lib/files';
import { fields, type FieldErrors, type Validated } from '../../lib/validation';
import { actorOf } from '../../plugins/auth';
import { wantsFragment } from '../../plugins/views';
import { canManageCommittee } from '../../lib/permissions';
import { agendaItems, actionOwners, actions, resolutions } from '../../db/schema';
import { getMeetingSummary, getMeetingWithCommittee } from '../meetings/queries';
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
  LOCKED,
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
import {
  ACTION_FIELDS,
  AMENDMENT_FIELDS,
  APPROVAL_FIELDS,
  DECLARATION_FIELDS,
  OTHER_FIELDS,
  RESOLUTION_FIELDS,
  SUBSTITUTE_FIELDS,
  TIMES_FIELDS,
} from '../../lib/fields';
import { getPublicMinutes, getMinutesEditor, getMinutesState, publicMinutesVersions } from './queries';
import { diffMinutes } from './diff';
import { minutesPdf } from './pdf';
import {
  MAX_IMPORT_BYTES,
  decodeMinutesFile,
  parseMinutesFile,
  parseMinutesText,
  type ParsedMinutes,
} from './import/parse';
import { applyImport, planImport } from './import/apply';

type MeetingParams = { Params: { meetingId: string } };

/** The part of the screen a change redraws. */
type Region = { kind: keyof typeof REGIONS } | { kind: 'item'; itemId: number };

/** What redraws each region of the screen (an item's region is its resolutions and actions). */
const REGIONS = {
  times: TimesForm,
  attendance: AttendanceSection,
  declarations: DeclarationsSection,
  publish: PublishPanel,
  amendments: AmendmentsSection,
};

function anchorOf(region: Region): string {
  return region.kind === 'item'
    ? `#item-${region.itemId}`
    : `#minutes-${region.kind === 'publish' ? 'status' : region.kind}`;
}

/** An action's form as typed: its fields, and its due date's three boxes. */
function actionForm(body: unknown, prefix: string) {
  const due = dateParts(body, `${prefix}-due`);
  return {
    due,
    values: {
      ...fields(body, ACTION_FIELDS),
      [`${prefix}-due-day`]: due.day,
      [`${prefix}-due-month`]: due.month,
      [`${prefix}-due-year`]: due.year,
    },
  };
}

/** Public: the minutes as a PDF, and each published version with what changed from the one before. */
export const minutesPublicRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { id: string } }>('/meetings/:id/minutes.pdf', async (request, reply) => {
    const id = parseId(request.params.id);
    const meeting = id === null ? null : getMeetingSummary(app.db, id);
    const minutes = meeting ? getPublicMinutes(app.db, meeting.id) : null;
    if (!meeting || !minutes) return reply.callNotFound();
    // Named for everything it shows that can change: a new version, an approval, an amendment.
    const name = `minutes-${meeting.id}-v${minutes.version}-a${minutes.amendments.length}${minutes.approved ? '-approved' : ''}.pdf`;
    const file = app.files.packPath(name);
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      bytes = await minutesPdf({ committeeName: meeting.committee.name, startsAt: meeting.startsAt, minutes });
      app.files.putPack(name, bytes);
    }
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="minutes-meeting-${meeting.id}-v${minutes.version}.pdf"`)
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(bytes));
  });

  app.get<{ Params: { id: string; version: string } }>(
    '/meetings/:id/minutes/versions/:version',
    async (request, reply) => {
      const id = parseId(request.params.id);
      const versionNo = parseId(request.params.version);
      const meeting = id === null ? null : getMeetingSummary(app.db, id);
      if (!meeting || id === null || versionNo === null) return reply.callNotFound();
      const versions = publicMinutesVersions(app.db, id);
      const version = versions.find((v) => v.version === versionNo);
      if (!version) return reply.callNotFound();
      const previous = versions.find((v) => v.version === versionNo - 1) ?? null;
      return reply.page({
        title: `Minutes version ${versionNo}: ${meeting.committee.name}, ${formatDate(meeting.startsAt)}`,
        nav: 'meetings',
        body: MinutesVersionPage({
          meeting,
          version,
          latestVersion: versions.at(-1)?.version ?? versionNo,
          changes: previous ? diffMinutes(previous, version) : null,
        }),
      });
    },
  );
};

/** /manage: the live minute-taking screen, publishing, approval, amendments and import. */
export const minutesManageRoutes: FastifyPluginAsync = async (app) => {
  const meetingIdOf = (request: FastifyRequest<MeetingParams>) => parseId(request.params.meetingId) ?? 0;
  const base = (request: FastifyRequest<MeetingParams>) => `/manage/meetings/${meetingIdOf(request)}/minutes`;
  const manage = { config: { access: 'committee_manage' as const } };

  const propsFor = (
    request: FastifyRequest<MeetingParams>,
    reply: FastifyReply,
    state?: MinutesFormState,
  ): MinutesScreenProps | null => {
    const data = getMinutesEditor(app.db, meetingIdOf(request));
    if (!data || !request.user) return null;
    return {
      data,
      csrfToken: reply.csrfToken(),
      canEdit: canManageCommittee(request.user, data.meeting.committee.id),
      userId: request.user.id,
      state,
    };
  };

  /** The whole screen, or (htmx) the region that changed with the publishing panel out of band. */
  const show = (
    request: FastifyRequest<MeetingParams>,
    reply: FastifyReply,
    region: Region | null,
    state?: MinutesFormState,
    status?: number,
  ) => {
    const props = propsFor(request, reply, state);
    if (!props) return reply.callNotFound();
    if (region && wantsFragment(request)) {
      props.fragment = true;
      reply.header('vary', 'HX-Request').status(status ?? 200);
      const item = region.kind === 'item' ? props.data.items.find((i) => i.id === region.itemId) : undefined;
      const body = region.kind === 'item' ? (item ? ItemRecord({ ...props, item }) : '') : REGIONS[region.kind](props);
      return reply.html(`${body}${MinutesState({ state: props.data, oob: true })}`);
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

  app.get<MeetingParams>(
    '/meetings/:meetingId/minutes',
    { config: { access: 'committee_read' } },
    async (request, reply) => show(request, reply, null),
  );

  // Where the minutes stand, redrawn after each autosave.
  app.get<MeetingParams>(
    '/meetings/:meetingId/minutes/state',
    { config: { access: 'committee_read' } },
    async (request, reply) => {
      const state = getMinutesState(app.db, meetingIdOf(request));
      if (!state) return reply.callNotFound();
      return reply.header('vary', 'HX-Request').html(MinutesState({ state }));
    },
  );

  app.post<MeetingParams>('/meetings/:meetingId/minutes/times', manage, async (request, reply) => {
    const values = fields(request.body, TIMES_FIELDS);
    return after(
      request,
      reply,
      saveTimes(app.db, actorOf(request), meetingIdOf(request), values),
      { kind: 'times' },
      'times',
      values,
      'Times saved',
    );
  });

  app.post<MeetingParams>('/meetings/:meetingId/minutes/attendance', manage, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = Object.fromEntries(
      Object.entries(body).filter(([k, v]) => k.startsWith('status-') && typeof v === 'string'),
    ) as Record<string, string>;
    return after(
      request,
      reply,
      saveMemberAttendance(app.db, actorOf(request), meetingIdOf(request), values),
      { kind: 'attendance' },
      'attendance',
      values,
      'Attendance saved',
    );
  });

  app.post<MeetingParams>('/meetings/:meetingId/minutes/attendance/substitutes', manage, async (request, reply) => {
    const values = fields(request.body, SUBSTITUTE_FIELDS);
    return after(
      request,
      reply,
      addSubstitute(app.db, actorOf(request), meetingIdOf(request), values),
      { kind: 'attendance' },
      'substitute',
      values,
      'Substitute added',
    );
  });

  app.post<MeetingParams>('/meetings/:meetingId/minutes/attendance/others', manage, async (request, reply) => {
    const values = fields(request.body, OTHER_FIELDS);
    return after(
      request,
      reply,
      addOtherAttendee(app.db, actorOf(request), meetingIdOf(request), values),
      { kind: 'attendance' },
      'other',
      values,
      'Added to those in attendance',
    );
  });

  app.post<{ Params: { meetingId: string; attendanceId: string } }>(
    '/meetings/:meetingId/minutes/attendance/:attendanceId/remove',
    manage,
    async (request, reply) => {
      const result = removeAttendee(app.db, actorOf(request), parseId(request.params.attendanceId) ?? 0);
      return after(request, reply, result, { kind: 'attendance' }, 'attendance', {}, 'Removed from the attendance');
    },
  );

  app.post<MeetingParams>('/meetings/:meetingId/minutes/declarations', manage, async (request, reply) => {
    const values = fields(request.body, DECLARATION_FIELDS);
    return after(
      request,
      reply,
      addDeclaration(app.db, actorOf(request), meetingIdOf(request), values),
      { kind: 'declarations' },
      'declaration',
      values,
      'Declaration recorded',
    );
  });

  app.post<{ Params: { meetingId: string; declarationId: string } }>(
    '/meetings/:meetingId/minutes/declarations/:declarationId/remove',
    manage,
    async (request, reply) => {
      const result = removeDeclaration(app.db, actorOf(request), parseId(request.params.declarationId) ?? 0);
      return after(request, reply, result, { kind: 'declarations' }, 'declaration', {}, 'Declaration removed');
    },
  );

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
      return show(
        request,
        reply,
        null,
        { form: `text-${itemId}`, values, errors: result.errors, conflict: result.conflict },
        status,
      );
    }
    return reply.seeOther(`${base(request)}#item-${itemId}`, 'Minute saved');
  });

  app.post<ItemParams>('/meetings/:meetingId/minutes/items/:itemId/resolutions', manage, async (request, reply) => {
    const itemId = itemIdOf(request);
    const values = fields(request.body, RESOLUTION_FIELDS);
    return after(
      request,
      reply,
      addResolution(app.db, actorOf(request), itemId, values),
      { kind: 'item', itemId },
      `resolution-${itemId}`,
      values,
      'Resolution added',
    );
  });

  app.post<ItemParams>('/meetings/:meetingId/minutes/items/:itemId/actions', manage, async (request, reply) => {
    const itemId = itemIdOf(request);
    const prefix = `action-${itemId}`;
    const { due, values } = actionForm(request.body, prefix);
    return after(
      request,
      reply,
      addAction(app.db, actorOf(request), itemId, values, due),
      { kind: 'item', itemId },
      prefix,
      values,
      'Action added',
    );
  });

  app.post<ItemParams>('/meetings/:meetingId/minutes/items/:itemId/approve', manage, async (request, reply) => {
    const itemId = itemIdOf(request);
    const values = fields(request.body, APPROVAL_FIELDS);
    const result = approveMinutes(app.db, actorOf(request), itemId, values, app.now());
    return after(
      request,
      reply,
      result,
      { kind: 'item', itemId },
      `approve-${itemId}`,
      values,
      'The earlier minutes are approved and locked',
    );
  });

  type ResolutionParams = { Params: { meetingId: string; resolutionId: string } };
  const resolutionOf = (request: FastifyRequest<ResolutionParams>) => {
    const id = parseId(request.params.resolutionId) ?? 0;
    return app.db
      .select({ r: resolutions, itemId: agendaItems.id })
      .from(resolutions)
      .innerJoin(agendaItems, eq(agendaItems.id, resolutions.agendaItemId))
      .where(eq(resolutions.id, id))
      .get();
  };

  app.get<ResolutionParams>(
    '/meetings/:meetingId/minutes/resolutions/:resolutionId/edit',
    manage,
    async (request, reply) => {
      const row = resolutionOf(request);
      if (!row) return reply.callNotFound();
      return show(
        request,
        reply,
        { kind: 'item', itemId: row.itemId },
        { form: `resolution-edit-${row.r.id}`, values: resolutionValues(row.r), errors: {} },
      );
    },
  );

  app.post<ResolutionParams>(
    '/meetings/:meetingId/minutes/resolutions/:resolutionId',
    manage,
    async (request, reply) => {
      const row = resolutionOf(request);
      if (!row) return reply.callNotFound();
      const values = fields(request.body, RESOLUTION_FIELDS);
      const result = updateResolution(app.db, actorOf(request), row.r.id, values);
      return after(
        request,
        reply,
        result,
        { kind: 'item', itemId: row.itemId },
        `resolution-edit-${row.r.id}`,
        values,
        'Resolution saved',
      );
    },
  );

  app.post<ResolutionParams>(
    '/meetings/:meetingId/minutes/resolutions/:resolutionId/remove',
    manage,
    async (request, reply) => {
      const row = resolutionOf(request);
      if (!row) return reply.callNotFound();
      const result = removeResolution(app.db, actorOf(request), row.r.id);
      return after(
        request,
        reply,
        result,
        { kind: 'item', itemId: row.itemId },
        `resolution-${row.itemId}`,
        {},
        'Resolution removed',
      );
    },
  );

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
    if (!row) return reply.callNotFound();
    const owners = app.db
      .select({ name: actionOwners.name })
      .from(actionOwners)
      .where(eq(actionOwners.actionId, row.a.id))
      .orderBy(asc(actionOwners.position))
      .all();
    const values = actionValues(row.a.id, {
      owners: owners.map((o) => o.name),
      description: row.a.description,
      dueDate: row.a.dueDate,
    });
    return show(
      request,
      reply,
      { kind: 'item', itemId: row.a.agendaItemId },
      { form: `action-edit-${row.a.id}`, values, errors: {} },
    );
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
    return after(
      request,
      reply,
      result,
      { kind: 'item', itemId: row.a.agendaItemId },
      `action-${row.a.agendaItemId}`,
      {},
      'Action removed',
    );
  });

  app.post<MeetingParams>('/meetings/:meetingId/minutes/publish', manage, async (request, reply) => {
    const values = fields(request.body, ['changeSummary'] as const);
    const result = publishMinutes(
      app.db,
      { meetingId: meetingIdOf(request), publishedAt: app.now(), changeSummary: values.changeSummary },
      actorOf(request),
    );
    const message = result.ok
      ? `Version ${result.value.version} of the minutes is published, as a draft until approved`
      : '';
    return after(request, reply, result, { kind: 'publish' }, 'publish', values, message);
  });

  app.post<MeetingParams>('/meetings/:meetingId/minutes/amendments', manage, async (request, reply) => {
    const values = fields(request.body, AMENDMENT_FIELDS);
    const result = recordAmendment(app.db, actorOf(request), meetingIdOf(request), values, app.now());
    return after(request, reply, result, { kind: 'amendments' }, 'amendment', values, 'Amendment recorded');
  });

  // Import: a file or pasted text, a preview, then the import once confirmed.
  const meetingRef = (request: FastifyRequest<MeetingParams>) => {
    const row = getMeetingWithCommittee(app.db, meetingIdOf(request));
    return row ? { id: row.meeting.id, startsAt: row.meeting.startsAt, committee: { name: row.committee.name } } : null;
  };
  const NOTHING = 'Choose a plain-text file of the minutes, or paste them into the box';
  const TOO_LARGE = 'The text is larger than 1 MB: minutes as plain text are far smaller. Check it is the right text.';

  const importPage = (
    request: FastifyRequest<MeetingParams>,
    reply: FastifyReply,
    errors: FieldErrors,
    text: string,
    status?: number,
  ) => {
    const meeting = meetingRef(request);
    if (!meeting) return reply.callNotFound();
    return reply.page({
      title: `Import minutes: ${meeting.committee.name}, ${formatDate(meeting.startsAt)}`,
      nav: 'manage',
      status,
      body: ImportPage({ meeting, csrfToken: reply.csrfToken(), errors, text }),
    });
  };

  /** What was read, and what importing it would do, for the clerk to confirm. */
  const preview = (
    request: FastifyRequest<MeetingParams>,
    reply: FastifyReply,
    parsed: ParsedMinutes,
    text: string,
    fileName: string | null,
    status?: number,
  ) => {
    const meeting = meetingRef(request);
    if (!meeting) return reply.callNotFound();
    return reply.page({
      title: 'Check the minutes before importing them',
      nav: 'manage',
      status,
      body: ImportPreviewPage({
        meeting,
        csrfToken: reply.csrfToken(),
        plan: planImport(app.db, meeting.id, parsed),
        text,
        fileName,
      }),
    });
  };

  app.get<MeetingParams>('/meetings/:meetingId/minutes/import', manage, async (request, reply) =>
    importPage(request, reply, {}, ''),
  );

  app.post<MeetingParams>('/meetings/:meetingId/minutes/import', manage, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const pasted = typeof body.text === 'string' ? body.text : '';
    const file = uploadedFile(body);
    if (file) {
      // A chosen file, even an empty one, is what the clerk means to import.
      const parsed = file.truncated ? { ...parseMinutesText(''), problems: [TOO_LARGE] } : parseMinutesFile(file.bytes);
      const decoded = file.truncated ? null : decodeMinutesFile(file.bytes);
      return preview(request, reply, parsed, decoded && 'text' in decoded ? decoded.text : '', file.filename);
    }
    if (pasted.trim() === '') return importPage(request, reply, { file: NOTHING }, pasted, 422);
    if (Buffer.byteLength(pasted) > MAX_IMPORT_BYTES)
      return preview(request, reply, { ...parseMinutesText(''), problems: [TOO_LARGE] }, '', null);
    return preview(request, reply, parseMinutesText(pasted), pasted, null);
  });

  app.post<MeetingParams>('/meetings/:meetingId/minutes/import/confirm', manage, async (request, reply) => {
    const { text } = fields(request.body, ['text'] as const);
    if (text.trim() === '') return importPage(request, reply, { file: NOTHING }, '', 422);
    if (Buffer.byteLength(text) > MAX_IMPORT_BYTES) return importPage(request, reply, { text: TOO_LARGE }, '', 422);
    const parsed = parseMinutesText(text);
    const result = applyImport(app.db, actorOf(request), meetingIdOf(request), parsed, text, app.now());
    // Refused: the preview again, saying why.
    if (!result.ok) return preview(request, reply, parsed, text, null, LOCKED in result.errors ? 409 : 422);
    const s = result.value;
    return reply.seeOther(
      `${base(request)}`,
      `Imported ${s.items} items, ${s.attendees} attendees, ${s.declarations} declarations, ${s.resolutions} resolutions and ${s.actions} actions. Check them, then publish.`,
    );
  });
};
