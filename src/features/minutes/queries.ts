import { and, asc, desc, eq, isNull, lte, or, gte } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { londonDate } from '../../lib/dates';
import { meetings } from '../meetings/schema';
import { agendaItems } from '../agenda/schema';
import { memberships } from '../committees/schema';
import { attendance, declarations, minutesVersions } from './schema';
import type { MinutesSnapshot, MinutesSnapshotItem } from './snapshot';

/** The minutes as they stand now, frozen into the shape a published version keeps. */
export function buildMinutesSnapshot(db: Db, meetingId: number): MinutesSnapshot {
  const meeting = db.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) throw new Error(`No meeting ${meetingId}`);
  const day = londonDate(meeting.startsAt);

  const memberIds = new Set(
    db
      .select({ personId: memberships.personId })
      .from(memberships)
      .where(
        and(
          eq(memberships.committeeId, meeting.committeeId),
          or(isNull(memberships.fromDate), lte(memberships.fromDate, day)),
          or(isNull(memberships.toDate), gte(memberships.toDate, day)),
        ),
      )
      .all()
      .map((m) => m.personId),
  );

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
    items: items.map(
      (item): MinutesSnapshotItem => ({
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
      }),
    ),
  };
}

export interface PublishedMinutesVersion {
  version: number;
  publishedAt: Date;
  approvedAt: Date | null;
  snapshot: MinutesSnapshot;
}

/** The latest published version of a meeting's minutes, exempt content included. */
export function latestMinutesVersion(db: Db, meetingId: number): PublishedMinutesVersion | null {
  const row = db
    .select()
    .from(minutesVersions)
    .where(eq(minutesVersions.meetingId, meetingId))
    .orderBy(desc(minutesVersions.version))
    .limit(1)
    .get();
  return row
    ? { version: row.version, publishedAt: row.publishedAt, approvedAt: row.approvedAt, snapshot: row.snapshot }
    : null;
}

export interface PublicMinutesItem {
  number: number;
  title: string;
  /** Paragraph of Schedule 12A when the item was exempt: its text is then withheld. */
  exemptParagraph: number | null;
  minuteText: string;
  resolutions: MinutesSnapshotItem['resolutions'];
  actions: MinutesSnapshotItem['actions'];
}

export interface PublicMinutes {
  version: number;
  publishedAt: Date;
  approved: boolean;
  approvedAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
  present: { name: string; virtual: boolean; substituteFor: string | null }[];
  inAttendance: { name: string; virtual: boolean }[];
  apologies: { name: string }[];
  absent: { name: string }[];
  declarations: {
    name: string;
    itemNumber: number | null;
    itemTitle: string | null;
    kind: MinutesSnapshot['declarations'][number]['kind'];
    /** Null when the interest is sensitive: its nature is not published. */
    nature: string | null;
    withdrew: boolean;
    dispensation: string | null;
  }[];
  items: PublicMinutesItem[];
}

/** Removes from published minutes what may not be published: exempt item text, sensitive interests. */
export function toPublicMinutes(published: PublishedMinutesVersion): PublicMinutes {
  const s = published.snapshot;
  const exemptItemNumbers = new Set(s.items.filter((i) => i.exemptParagraph !== null).map((i) => i.number));
  return {
    version: published.version,
    publishedAt: published.publishedAt,
    approved: published.approvedAt !== null,
    approvedAt: published.approvedAt,
    startedAt: s.startedAt ? new Date(s.startedAt) : null,
    endedAt: s.endedAt ? new Date(s.endedAt) : null,
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
      itemTitle: d.itemNumber !== null && exemptItemNumbers.has(d.itemNumber) ? null : d.itemTitle,
      kind: d.kind,
      nature: d.sensitive ? null : d.nature,
      withdrew: d.withdrew,
      dispensation: d.dispensation,
    })),
    items: s.items.map((item) =>
      item.exemptParagraph !== null
        ? {
            number: item.number,
            title: item.title,
            exemptParagraph: item.exemptParagraph,
            minuteText: '',
            resolutions: [],
            actions: [],
          }
        : {
            number: item.number,
            title: item.title,
            exemptParagraph: null,
            minuteText: item.minuteText,
            resolutions: item.resolutions,
            actions: item.actions,
          },
    ),
  };
}

/** The published minutes of a meeting with exempt content removed, or null when none are published. */
export function getPublicMinutes(db: Db, meetingId: number): PublicMinutes | null {
  const published = latestMinutesVersion(db, meetingId);
  return published ? toPublicMinutes(published) : null;
}
