import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { keptOnce, preparedOnce } from '../../db/prepared';
import type { Db } from '../../db/client';
import { londonDate } from '../../lib/dates';
import {
  meetings,
  agendaItems,
  people,
  actionOwners,
  actionUpdates,
  actions,
  attendance,
  declarations,
  minutesAmendments,
  minutesVersions,
  resolutions,
} from '../../db/schema';
import { membersOn, type MemberOnDay } from '../committees/queries';
import { getMeetingWithCommittee } from '../meetings/queries';
import { matchName, type NameMatch } from './names';
import type { ResolutionOutcome } from '../../lib/enums';
import type {
  MinutesSnapshot,
  MinutesSnapshotDeclaration,
  MinutesSnapshotItem,
  MinutesSnapshotQuestion,
} from '../../db/schema';
import { publicQuestionsOf } from '../questions/queries';

/** The minutes as they stand now, frozen into the shape a published version keeps. */
export function buildMinutesSnapshot(db: Db, meetingId: number): MinutesSnapshot {
  const meeting = db.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) throw new Error(`No meeting ${meetingId}`);
  const day = londonDate(meeting.startsAt);

  const memberIds = new Set(membersOn(db, meeting.committeeId, day).map((m) => m.personId));

  const present = db.query.attendance
    .findMany({
      where: eq(attendance.meetingId, meetingId),
      orderBy: [asc(attendance.position), asc(attendance.id)],
      with: { person: true, substituteFor: true },
    })
    .sync();

  const items = db.query.agendaItems
    .findMany({
      where: eq(agendaItems.meetingId, meetingId),
      orderBy: [asc(agendaItems.position), asc(agendaItems.id)],
      with: {
        resolutions: { orderBy: (r, { asc }) => [asc(r.position), asc(r.id)] },
        actions: {
          orderBy: (a, { asc }) => [asc(a.position), asc(a.id)],
          with: { owners: { orderBy: (o, { asc }) => [asc(o.position), asc(o.id)] } },
        },
      },
    })
    .sync();
  const numberOf = new Map(items.map((item, i) => [item.id, i + 1]));

  const declared = db.query.declarations
    .findMany({
      where: eq(declarations.meetingId, meetingId),
      orderBy: [asc(declarations.position), asc(declarations.id)],
      with: { person: true, agendaItem: true },
    })
    .sync();

  // Each accepted question under the item it was taken at, or the (first) public questions item.
  const questionsItem = items.find((i) => i.kind === 'public_questions' && i.exemptParagraph === null)?.id ?? null;
  const taken = publicQuestionsOf(db, meetingId);
  const questionsOf = (itemId: number): MinutesSnapshotQuestion[] =>
    taken
      .filter(
        (q) => (q.agendaItemId !== null && numberOf.has(q.agendaItemId) ? q.agendaItemId : questionsItem) === itemId,
      )
      .map((q) => ({
        number: q.number,
        reference: q.reference,
        askerName: q.askerName,
        askerOrganisation: q.askerOrganisation,
        text: q.text,
        answerKind: q.answerKind,
        answerText: q.answerText,
        answeredBy: q.answeredBy,
        supplementaryQuestion: q.supplementaryQuestion,
        supplementaryAnswer: q.supplementaryAnswer,
      }));

  return {
    startedAt: meeting.startedAt?.toISOString() ?? null,
    endedAt: meeting.endedAt?.toISOString() ?? null,
    venue: meeting.venue,
    attendance: present.map((a) => ({
      personId: a.personId,
      name: a.person.name,
      status: a.status,
      virtual: a.virtual,
      substituteFor: a.substituteFor?.name ?? null,
      isMember: memberIds.has(a.personId) || a.substituteForPersonId !== null,
      note: a.note,
    })),
    declarations: declared.map((d) => ({
      personId: d.personId,
      name: d.person.name,
      itemNumber: d.agendaItemId === null ? null : (numberOf.get(d.agendaItemId) ?? null),
      itemTitle: d.agendaItem?.title ?? null,
      kind: d.kind,
      nature: d.nature,
      sensitive: d.sensitive,
      withdrew: d.withdrew,
      dispensation: d.dispensation,
    })),
    items: items.map((item): MinutesSnapshotItem => ({
      id: item.id,
      number: numberOf.get(item.id) ?? 0,
      title: item.title,
      exemptParagraph: item.exemptParagraph,
      minuteText: item.minuteText,
      resolutions: item.resolutions.map((r) => ({ text: r.text, outcome: r.outcome })),
      actions: item.actions.map((a) => ({
        reference: a.reference,
        description: a.description,
        owners: a.owners.map((o) => o.name),
        dueDate: a.dueDate,
      })),
      questions: questionsOf(item.id),
    })),
  };
}

export interface PublishedMinutesVersion {
  id: number;
  version: number;
  publishedAt: Date;
  approvedAt: Date | null;
  /** The meeting whose resolution approved them. */
  approvedAtMeeting: { id: number; startsAt: Date } | null;
  changeSummary: string | null;
  snapshot: MinutesSnapshot;
}

/** A version's columns but its snapshot, which is read once per version (below). */
const { snapshot: _snapshot, ...versionColumns } = getTableColumns(minutesVersions);

// Read by every public page with minutes (and every agenda that confirms them): built once.
const versionRows = preparedOnce((db) => {
  const newestFirst = () =>
    db
      .select({ v: versionColumns, approvedAtMeeting: { id: meetings.id, startsAt: meetings.startsAt } })
      .from(minutesVersions)
      .leftJoin(resolutions, eq(resolutions.id, minutesVersions.approvingResolutionId))
      .leftJoin(agendaItems, eq(agendaItems.id, resolutions.agendaItemId))
      .leftJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(eq(minutesVersions.meetingId, sql.placeholder('meetingId')))
      .orderBy(desc(minutesVersions.version));
  return {
    all: newestFirst().prepare(),
    latest: newestFirst().limit(1).prepare(),
    snapshot: db
      .select({ snapshot: minutesVersions.snapshot })
      .from(minutesVersions)
      .where(eq(minutesVersions.id, sql.placeholder('id')))
      .prepare(),
    amendments: db
      .select({
        id: minutesAmendments.id,
        minutesVersionId: minutesAmendments.minutesVersionId,
        itemNumber: minutesAmendments.itemNumber,
        text: minutesAmendments.text,
        reason: minutesAmendments.reason,
        recordedAt: minutesAmendments.recordedAt,
      })
      .from(minutesAmendments)
      .where(eq(minutesAmendments.meetingId, sql.placeholder('meetingId')))
      .orderBy(asc(minutesAmendments.recordedAt), asc(minutesAmendments.id))
      .prepare(),
  };
});

/**
 * Each version's snapshot, parsed once: a published version keeps what it
 * froze (the trigger minutes_versions_frozen, migration 0005; only its
 * approval may be added, and that is not in the snapshot).
 */
const snapshotOf = keptOnce((db, id) => versionRows(db).snapshot.get({ id })?.snapshot);

/** Published versions of a meeting's minutes with the meeting that approved them, newest first. */
function publishedVersions(db: Db, meetingId: number, limit?: 1): PublishedMinutesVersion[] {
  const rows = versionRows(db);
  return (limit ? rows.latest : rows.all).all({ meetingId }).flatMap(({ v, approvedAtMeeting }) => {
    const snapshot = snapshotOf(db, v.id);
    return snapshot
      ? [
          {
            id: v.id,
            version: v.version,
            publishedAt: v.publishedAt,
            approvedAt: v.approvedAt,
            approvedAtMeeting,
            changeSummary: v.changeSummary,
            snapshot,
          },
        ]
      : [];
  });
}

/** The latest published version of a meeting's minutes, exempt content included. */
function latestMinutesVersion(db: Db, meetingId: number): PublishedMinutesVersion | null {
  return publishedVersions(db, meetingId, 1)[0] ?? null;
}

/**
 * Minutes as people read them. `withheld` items and a null `nature` mark what
 * the public may not see; the committee's own view has them in full.
 */
export interface MinutesView {
  startedAt: Date | null;
  endedAt: Date | null;
  venue: string | null;
  present: { name: string; virtual: boolean; substituteFor: string | null }[];
  inAttendance: { name: string; virtual: boolean }[];
  apologies: { name: string }[];
  absent: { name: string }[];
  declarations: {
    name: string;
    itemNumber: number | null;
    itemTitle: string | null;
    kind: MinutesSnapshot['declarations'][number]['kind'];
    /** Null when withheld: the interest is sensitive and this is the public view. */
    nature: string | null;
    sensitive: boolean;
    withdrew: boolean;
    dispensation: string | null;
  }[];
  items: MinutesViewItem[];
  /** Corrections recorded after approval; the text of one to an exempt item is withheld in public. */
  amendments: { itemNumber: number | null; text: string | null; reason: string; recordedAt: Date }[];
}

export interface MinutesViewItem {
  number: number;
  title: string;
  /** Paragraph of Schedule 12A when the item was exempt. */
  exemptParagraph: number | null;
  /** True when its content is left out (an exempt item, in public). */
  withheld: boolean;
  minuteText: string;
  resolutions: MinutesSnapshotItem['resolutions'];
  actions: MinutesSnapshotItem['actions'];
  questions: MinutesSnapshotQuestion[];
}

export interface PublicMinutes extends MinutesView {
  version: number;
  publishedAt: Date;
  approved: boolean;
  approvedAt: Date | null;
  approvedAtMeeting: { id: number; startsAt: Date } | null;
  changeSummary: string | null;
}

/** Frozen or current minutes as a view: for the public (`withhold`), without exempt content and sensitive natures. */
function minutesView(s: MinutesSnapshot, amendments: MinutesAmendment[], withhold: boolean): MinutesView {
  const exempt = new Set(s.items.filter((i) => i.exemptParagraph !== null).map((i) => i.number));
  const hidden = (itemNumber: number | null) => withhold && itemNumber !== null && exempt.has(itemNumber);
  return {
    startedAt: s.startedAt ? new Date(s.startedAt) : null,
    endedAt: s.endedAt ? new Date(s.endedAt) : null,
    venue: s.venue,
    present: s.attendance
      .filter((a) => a.status === 'present' && a.isMember)
      .map((a) => ({ name: a.name, virtual: a.virtual, substituteFor: a.substituteFor })),
    inAttendance: s.attendance
      .filter((a) => a.status === 'in_attendance' || (a.status === 'present' && !a.isMember))
      .map((a) => ({ name: a.name, virtual: a.virtual })),
    apologies: s.attendance.filter((a) => a.status === 'apologies').map((a) => ({ name: a.name })),
    absent: s.attendance.filter((a) => a.status === 'absent').map((a) => ({ name: a.name })),
    declarations: s.declarations.map((d) => ({
      name: d.name,
      itemNumber: d.itemNumber,
      // An exempt item's title is public (only its content is withheld).
      itemTitle: d.itemTitle,
      kind: d.kind,
      nature: withhold && d.sensitive ? null : d.nature,
      sensitive: d.sensitive,
      withdrew: d.withdrew,
      dispensation: d.dispensation,
    })),
    items: s.items.map((item) =>
      hidden(item.number)
        ? {
            number: item.number,
            title: item.title,
            exemptParagraph: item.exemptParagraph,
            withheld: true,
            minuteText: '',
            resolutions: [],
            actions: [],
            questions: [],
          }
        : {
            number: item.number,
            title: item.title,
            exemptParagraph: item.exemptParagraph,
            withheld: false,
            minuteText: item.minuteText,
            resolutions: item.resolutions,
            actions: item.actions,
            questions: item.questions ?? [],
          },
    ),
    amendments: amendments.map((a) => ({
      itemNumber: a.itemNumber,
      text: hidden(a.itemNumber) ? null : a.text,
      reason: hidden(a.itemNumber) ? '' : a.reason,
      recordedAt: a.recordedAt,
    })),
  };
}

/** Removes from published minutes what may not be published: exempt item content, sensitive interests. */
function toPublicMinutes(published: PublishedMinutesVersion, amendments: MinutesAmendment[] = []): PublicMinutes {
  return {
    version: published.version,
    publishedAt: published.publishedAt,
    approved: published.approvedAt !== null,
    approvedAt: published.approvedAt,
    approvedAtMeeting: published.approvedAtMeeting,
    changeSummary: published.changeSummary,
    ...minutesView(published.snapshot, amendments, true),
  };
}

/** The published minutes of a meeting with exempt content removed, or null when none are published. */
export function getPublicMinutes(db: Db, meetingId: number): PublicMinutes | null {
  const published = latestMinutesVersion(db, meetingId);
  return published ? toPublicMinutes(published, amendmentsOf(db, meetingId)) : null;
}

/** A meeting's amendments to its approved minutes, oldest first. */
function amendmentsOf(db: Db, meetingId: number): MinutesAmendment[] {
  return versionRows(db).amendments.all({ meetingId });
}

/** Every published version of a meeting's minutes, public-safe, oldest first; the approved one with its amendments. */
export function publicMinutesVersions(db: Db, meetingId: number): PublicMinutes[] {
  const amendments = amendmentsOf(db, meetingId);
  return publishedVersions(db, meetingId)
    .reverse()
    .map((v) =>
      toPublicMinutes(
        v,
        amendments.filter((a) => a.minutesVersionId === v.id),
      ),
    );
}

/** Whether two snapshots record the same minutes. */
export function sameMinutes(a: MinutesSnapshot, b: MinutesSnapshot): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export type MemberAttendance = 'present' | 'virtual' | 'apologies' | 'absent' | '';

export interface MinutesEditorItem {
  id: number;
  number: number;
  title: string;
  kind: typeof agendaItems.$inferSelect.kind;
  exemptParagraph: number | null;
  minuteText: string;
  minuteRevision: number;
  savedAt: Date;
  resolutions: { id: number; text: string; outcome: ResolutionOutcome; approvesMinutes: boolean }[];
  actions: { id: number; description: string; dueDate: string | null; owners: string[]; hasUpdates: boolean }[];
  /** For a "minutes of the previous meeting" item: the minutes it confirms. */
  confirms: {
    meetingId: number;
    startsAt: Date;
    minutesStatus: typeof meetings.$inferSelect.minutesStatus;
    latestVersion: number | null;
    unpublishedChanges: boolean;
  } | null;
}

export interface MinutesEditorData extends MinutesStateData {
  meeting: {
    id: number;
    startsAt: Date;
    startedAt: Date | null;
    endedAt: Date | null;
    status: typeof meetings.$inferSelect.status;
    minutesStatus: typeof meetings.$inferSelect.minutesStatus;
    committee: { id: number; name: string; slug: string };
  };
  members: { personId: number; name: string; role: MemberOnDay['role']; status: MemberAttendance }[];
  substitutes: { attendanceId: number; name: string; substituteFor: string; virtual: boolean }[];
  others: { attendanceId: number; name: string; capacity: string | null; virtual: boolean }[];
  /** Who may declare: members and substitutes. */
  declarers: { personId: number; name: string }[];
  declarations: (Omit<MinutesSnapshotDeclaration, 'personId'> & { id: number })[];
  items: MinutesEditorItem[];
  people: { id: number; name: string }[];
  amendments: MinutesAmendment[];
  /** What is recorded now, as the committee reads it (exempt content and sensitive natures included). */
  record: MinutesView;
}

/** Where a meeting's minutes stand: redrawn after every save, so kept light. */
export interface MinutesStateData {
  meetingId: number;
  minutesStatus: typeof meetings.$inferSelect.minutesStatus;
  versions: { version: number; publishedAt: Date; changeSummary: string | null; approvedAt: Date | null }[];
  /** The draft differs from the last published version (or nothing is published yet). */
  unpublishedChanges: boolean;
  locked: boolean;
  /** The meeting whose resolution approved them, once approved. */
  approvedAtMeeting: { id: number; startsAt: Date } | null;
  /** What is recorded now, as publishing would freeze it. */
  current: MinutesSnapshot;
}

export function getMinutesState(db: Db, meetingId: number): MinutesStateData | null {
  const meeting = db
    .select({ minutesStatus: meetings.minutesStatus })
    .from(meetings)
    .where(eq(meetings.id, meetingId))
    .get();
  if (!meeting) return null;
  const versions = db
    .select({
      version: minutesVersions.version,
      publishedAt: minutesVersions.publishedAt,
      changeSummary: minutesVersions.changeSummary,
      approvedAt: minutesVersions.approvedAt,
    })
    .from(minutesVersions)
    .where(eq(minutesVersions.meetingId, meetingId))
    .orderBy(asc(minutesVersions.version))
    .all();
  const current = buildMinutesSnapshot(db, meetingId);
  const latest = versions.length === 0 ? null : latestMinutesVersion(db, meetingId);
  return {
    meetingId,
    minutesStatus: meeting.minutesStatus,
    versions,
    unpublishedChanges: latest ? !sameMinutes(latest.snapshot, current) : true,
    locked: meeting.minutesStatus === 'approved',
    approvedAtMeeting: latest?.approvedAtMeeting ?? null,
    current,
  };
}

export interface MinutesAmendment {
  id: number;
  /** The approved version it corrects. */
  minutesVersionId: number;
  itemNumber: number | null;
  text: string;
  reason: string;
  recordedAt: Date;
}

/** Everything the minutes screen shows, in a fixed number of statements. */
export function getMinutesEditor(db: Db, meetingId: number): MinutesEditorData | null {
  const row = getMeetingWithCommittee(db, meetingId);
  if (!row) return null;
  const { meeting } = row;
  const committee = { id: row.committee.id, name: row.committee.name, slug: row.committee.slug };
  const members = membersOn(db, committee.id, londonDate(meeting.startsAt));
  const memberIds = new Set(members.map((m) => m.personId));
  const attended = db
    .select({ a: attendance, name: people.name })
    .from(attendance)
    .innerJoin(people, eq(people.id, attendance.personId))
    .where(eq(attendance.meetingId, meetingId))
    .orderBy(asc(attendance.position), asc(attendance.id))
    .all();
  const nameOf = new Map([
    ...members.map((m) => [m.personId, m.name] as const),
    ...attended.map((a) => [a.a.personId, a.name] as const),
  ]);
  const items = db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id))
    .all();
  const itemIds = items.map((i) => i.id);
  const numberOf = new Map(items.map((item, i) => [item.id, i + 1]));
  const resolutionRows =
    itemIds.length === 0
      ? []
      : db
          .select()
          .from(resolutions)
          .where(inArray(resolutions.agendaItemId, itemIds))
          .orderBy(asc(resolutions.position), asc(resolutions.id))
          .all();
  const actionRows =
    itemIds.length === 0
      ? []
      : db
          .select()
          .from(actions)
          .where(inArray(actions.agendaItemId, itemIds))
          .orderBy(asc(actions.position), asc(actions.id))
          .all();
  const actionIds = actionRows.map((a) => a.id);
  const owners =
    actionIds.length === 0
      ? []
      : db
          .select()
          .from(actionOwners)
          .where(inArray(actionOwners.actionId, actionIds))
          .orderBy(asc(actionOwners.position))
          .all();
  const updated = new Set(
    actionIds.length === 0
      ? []
      : db
          .selectDistinct({ id: actionUpdates.actionId })
          .from(actionUpdates)
          .where(inArray(actionUpdates.actionId, actionIds))
          .all()
          .map((u) => u.id),
  );
  const resolutionIds = resolutionRows.map((r) => r.id);
  const approving = new Set(
    resolutionIds.length === 0
      ? []
      : db
          .select({ id: minutesVersions.approvingResolutionId })
          .from(minutesVersions)
          .where(inArray(minutesVersions.approvingResolutionId, resolutionIds))
          .all()
          .map((v) => v.id),
  );
  const confirmIds = items.map((i) => i.confirmsMinutesOfMeetingId).filter((id): id is number => id !== null);
  const confirmed =
    confirmIds.length === 0
      ? []
      : db
          .select({ id: meetings.id, startsAt: meetings.startsAt, minutesStatus: meetings.minutesStatus })
          .from(meetings)
          .where(inArray(meetings.id, confirmIds))
          .all();
  const confirmedVersions = confirmIds.map((id) => ({ meetingId: id, latest: latestMinutesVersion(db, id) }));

  const declared = db
    .select({ d: declarations, name: people.name })
    .from(declarations)
    .innerJoin(people, eq(people.id, declarations.personId))
    .where(eq(declarations.meetingId, meetingId))
    .orderBy(asc(declarations.position), asc(declarations.id))
    .all();
  const state = getMinutesState(db, meetingId);
  if (!state) return null;
  const amendments = amendmentsOf(db, meetingId);

  const statusOf = (personId: number): MemberAttendance => {
    const a = attended.find((x) => x.a.personId === personId)?.a;
    if (!a || a.substituteForPersonId !== null) return '';
    if (a.status === 'present') return a.virtual ? 'virtual' : 'present';
    return a.status === 'in_attendance' ? '' : a.status;
  };
  const substitutes = attended.filter((a) => a.a.substituteForPersonId !== null);
  const substituting = new Set(substitutes.map((a) => a.a.personId));
  return {
    meeting: {
      id: meeting.id,
      startsAt: meeting.startsAt,
      startedAt: meeting.startedAt,
      endedAt: meeting.endedAt,
      status: meeting.status,
      minutesStatus: meeting.minutesStatus,
      committee,
    },
    // A member (say, on the committee's list of substitutes) recorded as standing in for another is listed with the substitutes.
    members: members
      .filter((m) => !substituting.has(m.personId))
      .map((m) => ({ personId: m.personId, name: m.name, role: m.role, status: statusOf(m.personId) })),
    substitutes: substitutes.map((a) => ({
      attendanceId: a.a.id,
      name: a.name,
      substituteFor: nameOf.get(a.a.substituteForPersonId ?? 0) ?? '',
      virtual: a.a.virtual,
    })),
    others: attended
      .filter((a) => a.a.substituteForPersonId === null && !memberIds.has(a.a.personId))
      .map((a) => ({ attendanceId: a.a.id, name: a.name, capacity: a.a.note, virtual: a.a.virtual })),
    declarers: [
      ...members.filter((m) => !substituting.has(m.personId)).map((m) => ({ personId: m.personId, name: m.name })),
      ...substitutes.map((a) => ({ personId: a.a.personId, name: a.name })),
    ],
    declarations: declared.map(({ d, name }) => ({
      id: d.id,
      name,
      itemNumber: d.agendaItemId === null ? null : (numberOf.get(d.agendaItemId) ?? null),
      itemTitle: items.find((i) => i.id === d.agendaItemId)?.title ?? null,
      kind: d.kind,
      nature: d.nature,
      sensitive: d.sensitive,
      withdrew: d.withdrew,
      dispensation: d.dispensation,
    })),
    items: items.map((item): MinutesEditorItem => {
      const other = confirmed.find((m) => m.id === item.confirmsMinutesOfMeetingId);
      const otherLatest = confirmedVersions.find((v) => v.meetingId === other?.id)?.latest;
      return {
        id: item.id,
        number: numberOf.get(item.id) ?? 0,
        title: item.title,
        kind: item.kind,
        exemptParagraph: item.exemptParagraph,
        minuteText: item.minuteText,
        minuteRevision: item.minuteRevision,
        savedAt: item.updatedAt,
        resolutions: resolutionRows
          .filter((r) => r.agendaItemId === item.id)
          .map((r) => ({ id: r.id, text: r.text, outcome: r.outcome, approvesMinutes: approving.has(r.id) })),
        actions: actionRows
          .filter((a) => a.agendaItemId === item.id)
          .map((a) => ({
            id: a.id,
            description: a.description,
            dueDate: a.dueDate,
            owners: owners.filter((o) => o.actionId === a.id).map((o) => o.name),
            hasUpdates: updated.has(a.id),
          })),
        confirms: other
          ? {
              meetingId: other.id,
              startsAt: other.startsAt,
              minutesStatus: other.minutesStatus,
              latestVersion: otherLatest?.version ?? null,
              unpublishedChanges: otherLatest
                ? !sameMinutes(otherLatest.snapshot, buildMinutesSnapshot(db, other.id))
                : true,
            }
          : null,
      };
    }),
    people: db.select({ id: people.id, name: people.name }).from(people).orderBy(asc(people.name)).all(),
    ...state,
    amendments,
    record: minutesView(state.current, amendments, false),
  };
}

/**
 * Who the names written in a meeting's minutes mean: people in the directory,
 * the committee's members on the day (and `also`, those at the meeting) looked
 * at first, "the Chairman" being the chairman then.
 */
export function meetingNameMatcher(db: Db, meeting: { committeeId: number; startsAt: Date }, also: number[] = []) {
  const members = membersOn(db, meeting.committeeId, londonDate(meeting.startsAt));
  const directory = db.select({ id: people.id, name: people.name, fullName: people.fullName }).from(people).all();
  const preferred = new Set([...members.map((m) => m.personId), ...also]);
  const roles = {
    chairman: members.find((m) => m.role === 'chairman')?.personId ?? null,
    vice_chairman: members.find((m) => m.role === 'vice_chairman')?.personId ?? null,
  };
  return {
    members,
    /** Looks at this person first from now on (someone found at the meeting). */
    prefer: (personId: number) => preferred.add(personId),
    match: (written: string): { id: number; name: string; how: NameMatch['how'] } | null => {
      const match = matchName(written, directory, preferred, roles);
      const person = match ? directory.find((p) => p.id === match.personId) : undefined;
      return person && match ? { id: person.id, name: person.name, how: match.how } : null;
    },
  };
}

/** A resolution of the minutes with the item it is on, for its edit form; null when there is none. */
export function minutedResolution(db: Db, resolutionId: number) {
  return (
    db
      .select({ id: resolutions.id, text: resolutions.text, outcome: resolutions.outcome, itemId: agendaItems.id })
      .from(resolutions)
      .innerJoin(agendaItems, eq(agendaItems.id, resolutions.agendaItemId))
      .where(eq(resolutions.id, resolutionId))
      .get() ?? null
  );
}

/** An action minuted at a meeting, with its owners as written, for its edit form; null when it is not that meeting's. */
export function minutedAction(db: Db, meetingId: number, actionId: number) {
  const row = db
    .select({
      id: actions.id,
      itemId: actions.agendaItemId,
      description: actions.description,
      dueDate: actions.dueDate,
    })
    .from(actions)
    .innerJoin(agendaItems, eq(agendaItems.id, actions.agendaItemId))
    .where(and(eq(actions.id, actionId), eq(agendaItems.meetingId, meetingId)))
    .get();
  if (!row) return null;
  const owners = db
    .select({ name: actionOwners.name })
    .from(actionOwners)
    .where(eq(actionOwners.actionId, actionId))
    .orderBy(asc(actionOwners.position))
    .all();
  return { ...row, owners: owners.map((o) => o.name) };
}
