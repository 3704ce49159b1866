import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { formatDate } from '../../../lib/dates';
import { uploadBytes, uploadedFile } from '../../../lib/files';
import { fields, type FieldErrors } from '../../../lib/validation';
import { actorOf } from '../../../plugins/auth';
import { ImportPage, ImportPreviewPage } from '../../../../views/minutes/ImportPages';
import { getMeetingWithCommittee } from '../../meetings/queries';
import { applyImport, planImport } from '../import/apply';
import { MAX_IMPORT_BYTES, parseMinutesText, type ParsedMinutes } from '../import/parse';
import { parseMinutesUpload } from '../import/read';
import { manage, meetingIdOf, screenUrl, type MeetingParams, type MeetingRequest } from './screen';

const NOTHING = 'Choose a file of the minutes (text, Word or PDF), or paste them into the box';
const TOO_LARGE = 'The text is larger than 1 MB: minutes as plain text are far smaller. Check it is the right text.';

/** Import: a file or pasted text, a preview of what was read, then the import once confirmed. */
export const importRoutes: FastifyPluginAsync = async (app) => {
  // A text file or the text pasted, and the confirmation carrying that text back: multipart forms.
  const upload = { config: { ...manage.config, upload: true } };
  const meetingRef = (request: MeetingRequest) => {
    const row = getMeetingWithCommittee(app.db, meetingIdOf(request));
    return row ? { id: row.meeting.id, startsAt: row.meeting.startsAt, committee: { name: row.committee.name } } : null;
  };

  const importPage = (
    request: MeetingRequest,
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
    request: MeetingRequest,
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

  app.post<MeetingParams>('/meetings/:meetingId/minutes/import', upload, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const pasted = typeof body.text === 'string' ? body.text : '';
    const file = uploadedFile(body);
    if (file) {
      // A chosen file, even an empty one, is what the clerk means to import.
      const bytes = file.truncated ? null : uploadBytes(file);
      const { text, ...parsed } = bytes
        ? await parseMinutesUpload(bytes)
        : { ...parseMinutesText(''), problems: [TOO_LARGE], text: '' };
      return preview(request, reply, parsed, text, file.filename);
    }
    if (pasted.trim() === '') return importPage(request, reply, { file: NOTHING }, pasted, 422);
    if (Buffer.byteLength(pasted) > MAX_IMPORT_BYTES)
      return preview(request, reply, { ...parseMinutesText(''), problems: [TOO_LARGE] }, '', null);
    return preview(request, reply, parseMinutesText(pasted), pasted, null);
  });

  app.post<MeetingParams>('/meetings/:meetingId/minutes/import/confirm', upload, async (request, reply) => {
    const { text } = fields(request.body, ['text'] as const);
    if (text.trim() === '') return importPage(request, reply, { file: NOTHING }, '', 422);
    if (Buffer.byteLength(text) > MAX_IMPORT_BYTES) return importPage(request, reply, { text: TOO_LARGE }, '', 422);
    const parsed = parseMinutesText(text);
    const result = applyImport(app.db, actorOf(request), meetingIdOf(request), parsed, text, app.now());
    // Refused: the preview again, saying why.
    if (!result.ok) return preview(request, reply, parsed, text, null, 422);
    const s = result.value;
    return reply.seeOther(
      screenUrl(request),
      `Imported ${s.items} items, ${s.attendees} attendees, ${s.declarations} declarations, ${s.resolutions} resolutions and ${s.actions} actions. Check them, then publish.`,
    );
  });
};
