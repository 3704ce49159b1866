import fs from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatDate } from '../../../lib/dates';
import { matchesEtag } from '../../../lib/http-cache';
import { canManageCommittee } from '../../../lib/permissions';
import { parseId } from '../../../lib/params';
import type { RenderOptions } from '../../../plugins/views';
import { AgendaEditorPage, draftFragment } from '../../../../views/agenda/AgendaEditor';
import type { FormState, FormValues } from '../../../../views/components/Live';
import type { AgendaEditorProps } from '../../../../views/agenda/editor/parts';
import { getAgendaEditor } from '../editor';

export type MeetingParams = { Params: { meetingId: string } };
export type ItemParams = { Params: { meetingId: string; itemId: string } };
export type MeetingRequest = FastifyRequest<MeetingParams>;

export const meetingIdOf = (request: MeetingRequest) => parseId(request.params.meetingId) ?? 0;
export const editorUrl = (request: MeetingRequest) => `/manage/meetings/${meetingIdOf(request)}/agenda`;

/** A route that changes the agenda: clerks of the committee. */
export const manage = { config: { access: 'committee_manage' as const } };

/** Everything the editor's regions are drawn from; null when the meeting is gone. */
export function editorProps(
  app: FastifyInstance,
  request: MeetingRequest,
  reply: FastifyReply,
  state?: FormState,
): AgendaEditorProps | null {
  const data = getAgendaEditor(app.db, meetingIdOf(request), app.now());
  if (!data) return null;
  return {
    data,
    csrfToken: reply.csrfToken(),
    // Clerks change an agenda until the meeting's minutes are approved; then it is part of that record.
    canEdit: request.user ? canManageCommittee(request.user, data.meeting.committee.id) && !data.locked : false,
    state,
  };
}

export function editorPage(props: AgendaEditorProps): RenderOptions {
  return {
    title: `Agenda: ${props.data.meeting.committee.name}, ${formatDate(props.data.meeting.startsAt)}`,
    nav: 'manage',
    body: AgendaEditorPage(props),
  };
}

/**
 * After a command on the editor: the changed region again (htmx; the draft,
 * unless said), the editor with the refused form in it, or back to the editor
 * at `anchor` (plain form).
 */
export function answerEditor(
  app: FastifyInstance,
  request: MeetingRequest,
  reply: FastifyReply,
  change: {
    result: { ok: true } | { ok: false; errors: Record<string, string> };
    form: string;
    values: FormValues;
    anchor: string;
    confirmation: string;
    fragment?: (props: AgendaEditorProps) => string;
    /** Where the keyboard goes after an in-place change (the first of these ids in the fragment). */
    focus?: readonly string[];
  },
) {
  const fragment = change.fragment ?? draftFragment;
  return reply.answer({
    result: change.result,
    form: { name: change.form, values: change.values },
    fragment: (state) => {
      const props = editorProps(app, request, reply, state);
      return props ? fragment(props) : null;
    },
    page: (state) => {
      const props = editorProps(app, request, reply, state);
      return props ? editorPage(props) : null;
    },
    back: `${editorUrl(request)}${change.anchor}`,
    confirmation: change.confirmation,
    focus: change.focus,
  });
}

/** Sends a stored PDF, or the 404 page when the file is missing. */
export function sendPdf(reply: FastifyReply, file: string, downloadName: string) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return reply.callNotFound();
  // Papers and packs never change once written (papers are named by their content's hash): the file's size and time tag it.
  const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  void reply
    .header('etag', etag)
    .header('last-modified', stat.mtime.toUTCString())
    .header('cache-control', 'public, max-age=60')
    .header('x-content-type-options', 'nosniff');
  if (matchesEtag(reply.request.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename="${downloadName.replace(/[^A-Za-z0-9._-]/g, '-')}"`)
    .send(fs.createReadStream(file));
}
