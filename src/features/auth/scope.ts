import { eq, sql } from 'drizzle-orm';
import { preparedOnce } from '../../db/prepared';
import type { Db } from '../../db/client';
import { parseId, parseSlug } from '../../lib/params';
import {
  memberships,
  organisations,
  people,
  meetings,
  agendaItemPresenters,
  agendaItems,
  documents,
  workProgrammeEntries,
  actions,
  users,
  attendance,
  declarations,
  resolutions,
  outbox,
  publicQuestions,
  recommendations,
  inquiries,
} from '../../db/schema';
import { actionOwnerPersonIds } from '../actions/queries';
import { getCommitteeBySlug } from '../committees/queries';
import { EMPTY_SCOPE, type Scope } from '../../lib/permissions';

/** The meeting's committee: a look-up nearly every /manage request makes, built once. */
const committeeOfMeeting = preparedOnce((db: Db) =>
  db
    .select({ committeeId: meetings.committeeId })
    .from(meetings)
    .where(eq(meetings.id, sql.placeholder('id')))
    .prepare(),
);

/**
 * Finds what a /manage URL's parameters point at. Returns null when a
 * parameter names nothing (the route answers 404). A parameter this function
 * does not know is a programming error: every new kind of /manage URL must be
 * taught here, so no route escapes the permission check.
 */
export function resolveScope(db: Db, params: Record<string, string>): Scope | null {
  let scope: Scope & { meetingId?: number } = { ...EMPTY_SCOPE };
  for (const [name, raw] of Object.entries(params)) {
    switch (name) {
      case 'slug': {
        const slug = parseSlug(raw);
        const row = slug ? getCommitteeBySlug(db, slug) : null;
        if (!row) return null;
        scope = { ...scope, committeeId: row.id };
        break;
      }
      case 'meetingId': {
        const id = parseId(raw);
        const row = id ? committeeOfMeeting(db).get({ id }) : null;
        if (!row || !id) return null;
        scope = { ...scope, committeeId: row.committeeId, meetingId: id };
        break;
      }
      case 'itemId':
      case 'presenterId':
      case 'documentId':
      case 'entryId':
      case 'attendanceId':
      case 'declarationId':
      case 'resolutionId':
      case 'questionId': {
        const id = parseId(raw);
        const meetingId = id ? meetingOfChild(db, name, id) : null;
        const row = meetingId ? committeeOfMeeting(db).get({ id: meetingId }) : null;
        // It belongs to the meeting its URL names, or it is not found there.
        if (!row || (scope.meetingId !== undefined && scope.meetingId !== meetingId)) return null;
        scope = { ...scope, committeeId: row.committeeId, meetingId: meetingId ?? undefined };
        break;
      }
      case 'actionId': {
        const id = parseId(raw);
        const row = id
          ? db
              .select({ committeeId: meetings.committeeId, meetingId: meetings.id })
              .from(actions)
              .innerJoin(agendaItems, eq(agendaItems.id, actions.agendaItemId))
              .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
              .where(eq(actions.id, id))
              .get()
          : null;
        // Under a meeting's URL, it must be an action of that meeting.
        if (!row || !id || (scope.meetingId !== undefined && scope.meetingId !== row.meetingId)) return null;
        scope = { ...scope, committeeId: row.committeeId, actionOwnerPersonIds: actionOwnerPersonIds(db, id) };
        break;
      }
      case 'organisationId': {
        const id = parseId(raw);
        if (!id || !db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id)).get())
          return null;
        break;
      }
      case 'personId': {
        const id = parseId(raw);
        if (!id || !db.select({ id: people.id }).from(people).where(eq(people.id, id)).get()) return null;
        break;
      }
      case 'membershipId': {
        const id = parseId(raw);
        const row = id
          ? db.select({ committeeId: memberships.committeeId }).from(memberships).where(eq(memberships.id, id)).get()
          : null;
        // A membership belongs to the committee its URL names, or it is not found there.
        if (!row || (scope.committeeId !== null && row.committeeId !== scope.committeeId)) return null;
        scope = { ...scope, committeeId: row.committeeId };
        break;
      }
      case 'wpEntryId': {
        const id = parseId(raw);
        const row = id
          ? db
              .select({ committeeId: workProgrammeEntries.committeeId })
              .from(workProgrammeEntries)
              .where(eq(workProgrammeEntries.id, id))
              .get()
          : null;
        // A topic belongs to the committee its URL names, or it is not found there.
        if (!row || (scope.committeeId !== null && row.committeeId !== scope.committeeId)) return null;
        scope = { ...scope, committeeId: row.committeeId };
        break;
      }
      case 'recommendationId':
      case 'inquiryId': {
        const id = parseId(raw);
        const table = name === 'recommendationId' ? recommendations : inquiries;
        const row = id ? db.select({ committeeId: table.committeeId }).from(table).where(eq(table.id, id)).get() : null;
        // It belongs to the committee its URL names, or it is not found there.
        if (!row || (scope.committeeId !== null && row.committeeId !== scope.committeeId)) return null;
        scope = { ...scope, committeeId: row.committeeId };
        break;
      }
      case 'userId': {
        const id = parseId(raw);
        if (!id || !db.select({ id: users.id }).from(users).where(eq(users.id, id)).get()) return null;
        break;
      }
      case 'messageId': {
        const id = parseId(raw);
        if (!id || !db.select({ id: outbox.id }).from(outbox).where(eq(outbox.id, id)).get()) return null;
        break;
      }
      default:
        throw new Error(`resolveScope does not know the /manage parameter "${name}"`);
    }
  }
  return scope;
}

/** The meeting an agenda item, presenter, paper, work programme entry or minuted record belongs to. */
function meetingOfChild(db: Db, kind: string, id: number): number | null {
  switch (kind) {
    case 'itemId':
      return db.select({ m: agendaItems.meetingId }).from(agendaItems).where(eq(agendaItems.id, id)).get()?.m ?? null;
    case 'presenterId':
      return (
        db
          .select({ m: agendaItems.meetingId })
          .from(agendaItemPresenters)
          .innerJoin(agendaItems, eq(agendaItems.id, agendaItemPresenters.agendaItemId))
          .where(eq(agendaItemPresenters.id, id))
          .get()?.m ?? null
      );
    case 'documentId':
      return db.select({ m: documents.meetingId }).from(documents).where(eq(documents.id, id)).get()?.m ?? null;
    case 'entryId':
      return (
        db
          .select({ m: workProgrammeEntries.plannedMeetingId })
          .from(workProgrammeEntries)
          .where(eq(workProgrammeEntries.id, id))
          .get()?.m ?? null
      );
    case 'attendanceId':
      return db.select({ m: attendance.meetingId }).from(attendance).where(eq(attendance.id, id)).get()?.m ?? null;
    case 'declarationId':
      return (
        db.select({ m: declarations.meetingId }).from(declarations).where(eq(declarations.id, id)).get()?.m ?? null
      );
    case 'resolutionId':
      return (
        db
          .select({ m: agendaItems.meetingId })
          .from(resolutions)
          .innerJoin(agendaItems, eq(agendaItems.id, resolutions.agendaItemId))
          .where(eq(resolutions.id, id))
          .get()?.m ?? null
      );
    case 'questionId':
      return (
        db.select({ m: publicQuestions.meetingId }).from(publicQuestions).where(eq(publicQuestions.id, id)).get()?.m ??
        null
      );
    default:
      return null;
  }
}
