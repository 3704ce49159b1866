import { and, asc, desc, eq, exists, gte, inArray, isNotNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../../db/client';
import { agendaItems, meetings, committees, people, actionOwners, actionUpdates, actions } from '../../db/schema';
import { ACTION_STATUSES, type ActionStatus } from '../../lib/enums';
import { fromLondon, londonDate } from '../../lib/dates';
import { OPEN_ACTION_STATUSES } from '../../lib/action-rules';
import type { ActionFilters, ActionSort } from '../../lib/action-filters';
export type { ActionFilters } from '../../lib/action-filters';

export interface ActionSummary {
  id: number;
  reference: string | null;
  description: string;
  status: ActionStatus;
  dueDate: string | null;
  publishedAt: Date | null;
  owners: string[];
  itemId: number;
  itemTitle: string;
  meetingId: number;
  meetingStartsAt: Date;
  committee: { id: number; slug: string; name: string };
}

const OPEN = [...OPEN_ACTION_STATUSES];

const SUMMARY_COLUMNS = {
  id: actions.id,
  reference: actions.reference,
  description: actions.description,
  status: actions.status,
  dueDate: actions.dueDate,
  publishedAt: actions.publishedAt,
  itemId: agendaItems.id,
  itemTitle: agendaItems.title,
  meetingId: meetings.id,
  meetingStartsAt: meetings.startsAt,
  committee: { id: committees.id, slug: committees.slug, name: committees.name },
};

const joined = (db: Db) =>
  db
    .select(SUMMARY_COLUMNS)
    .from(actions)
    .innerJoin(agendaItems, eq(agendaItems.id, actions.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(committees, eq(committees.id, meetings.committeeId));

/** The owners of some actions, as minuted, in order. */
function withOwners<T extends { id: number }>(db: Db, rows: T[]): (T & { owners: string[] })[] {
  if (rows.length === 0) return [];
  const owners = db
    .select({ actionId: actionOwners.actionId, name: actionOwners.name })
    .from(actionOwners)
    .where(
      inArray(
        actionOwners.actionId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(actionOwners.position), asc(actionOwners.id))
    .all();
  const byAction = new Map<number, string[]>();
  for (const o of owners) byAction.set(o.actionId, [...(byAction.get(o.actionId) ?? []), o.name]);
  return rows.map((r) => ({ ...r, owners: byAction.get(r.id) ?? [] }));
}

function summaries(db: Db, where: SQL | undefined, limit: number): ActionSummary[] {
  const rows = joined(db)
    .where(where)
    .orderBy(asc(meetings.startsAt), asc(agendaItems.position), asc(actions.position))
    .limit(limit)
    .all();
  return withOwners(db, rows);
}

const ownedBy = (personId: number) =>
  exists(
    sql`(select 1 from ${actionOwners} where ${actionOwners.actionId} = ${actions.id} and ${actionOwners.personId} = ${personId})`,
  );

/** Open and in-progress actions owned by a person: overdue first (oldest due date first), then by meeting. */
export function openActionsOwnedBy(db: Db, personId: number, limit = 50): ActionSummary[] {
  const rows = joined(db)
    .where(and(ownedBy(personId), inArray(actions.status, OPEN)))
    .orderBy(sql`${actions.dueDate} is null`, asc(actions.dueDate), asc(meetings.startsAt), asc(actions.position))
    .limit(limit)
    .all();
  return withOwners(db, rows);
}

/** Open and in-progress actions of some committees, oldest meeting first. */
export function openActionsOfCommittees(db: Db, committeeIds: number[], limit = 50): ActionSummary[] {
  if (committeeIds.length === 0) return [];
  return summaries(db, and(inArray(committees.id, committeeIds), inArray(actions.status, OPEN)), limit);
}

export interface ActionUpdateView {
  id: number;
  status: ActionStatus;
  fromStatus: ActionStatus | null;
  note: string;
  notePublic: boolean;
  at: Date;
  author: string | null;
}

export interface ActionDetail extends ActionSummary {
  itemNumber: number;
  itemExempt: boolean;
  ownerPersonIds: number[];
  updates: ActionUpdateView[];
}

/** One action with its owners and every update, newest first. */
export function getAction(db: Db, id: number): ActionDetail | null {
  const [summary] = summaries(db, eq(actions.id, id), 1);
  if (!summary) return null;
  const items = db
    .select({ id: agendaItems.id, exempt: agendaItems.exemptParagraph })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, summary.meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id))
    .all();
  const itemNumber = items.findIndex((i) => i.id === summary.itemId) + 1;
  const updates = db
    .select({
      id: actionUpdates.id,
      status: actionUpdates.status,
      fromStatus: actionUpdates.fromStatus,
      note: actionUpdates.note,
      notePublic: actionUpdates.notePublic,
      at: actionUpdates.createdAt,
      author: sql<string | null>`coalesce(${actionUpdates.authorName}, ${people.name})`,
    })
    .from(actionUpdates)
    .leftJoin(people, eq(people.id, actionUpdates.authorPersonId))
    .where(eq(actionUpdates.actionId, id))
    .orderBy(desc(actionUpdates.createdAt), desc(actionUpdates.id))
    .all();
  return {
    ...summary,
    itemNumber,
    itemExempt: items.find((i) => i.id === summary.itemId)?.exempt != null,
    ownerPersonIds: actionOwnerPersonIds(db, id),
    updates,
  };
}

/** The directory people who own an action (owners named only in words are not people). */
export function actionOwnerPersonIds(db: Db, actionId: number): number[] {
  return db
    .select({ personId: actionOwners.personId })
    .from(actionOwners)
    .where(eq(actionOwners.actionId, actionId))
    .all()
    .map((o) => o.personId)
    .filter((p): p is number => p !== null);
}

/**
 * An action as the public may read it: only once the minutes that record it
 * are published, never one of an exempt item, and with its public notes only.
 */
export function publicAction(db: Db, reference: string): ActionDetail | null {
  const row = db
    .select({ id: actions.id })
    .from(actions)
    .where(and(eq(actions.reference, reference), isNotNull(actions.publishedAt)))
    .get();
  const action = row ? getAction(db, row.id) : null;
  if (!action || action.itemExempt) return null;
  return { ...action, updates: action.updates.filter((u) => u.notePublic || u.fromStatus !== u.status) };
}

const dayAfter = (isoDate: string) => DateTime.fromISO(isoDate).plus({ days: 1 }).toISODate() ?? isoDate;

function conditions(f: ActionFilters, now: Date): SQL | undefined {
  const today = londonDate(now);
  const parts: (SQL | undefined)[] = [
    f.committeeIds === null
      ? undefined
      : or(
          inArray(committees.id, f.committeeIds.length ? f.committeeIds : [-1]),
          f.orOwnerPersonId === null ? undefined : ownedBy(f.orOwnerPersonId),
        ),
    f.committeeId === null ? undefined : eq(committees.id, f.committeeId),
    f.statuses.length ? inArray(actions.status, f.statuses) : undefined,
    f.overdue ? and(inArray(actions.status, OPEN), lt(actions.dueDate, today)) : undefined,
    f.meetingId === null ? undefined : eq(meetings.id, f.meetingId),
    f.from ? gte(meetings.startsAt, fromLondon(f.from, '00:00')) : undefined,
    f.to ? lt(meetings.startsAt, fromLondon(dayAfter(f.to), '00:00')) : undefined,
    f.publishedOnly ? and(isNotNull(actions.publishedAt), sql`${agendaItems.exemptParagraph} is null`) : undefined,
    f.ownerPersonId === null ? undefined : ownedBy(f.ownerPersonId),
    f.owner
      ? exists(
          sql`(select 1 from ${actionOwners} where ${actionOwners.actionId} = ${actions.id} and ${actionOwners.name} like ${`%${f.owner.replace(/[%_\\]/g, (c) => `\\${c}`)}%`} escape '\\')`,
        )
      : undefined,
    f.organisationId === null
      ? undefined
      : exists(
          sql`(select 1 from ${actionOwners} join ${people} on ${people.id} = ${actionOwners.personId} where ${actionOwners.actionId} = ${actions.id} and ${people.organisationId} = ${f.organisationId})`,
        ),
  ];
  return and(...parts.filter((p): p is SQL => p !== undefined));
}

function ordering(sort: ActionSort) {
  switch (sort) {
    case 'due':
      return [sql`${actions.dueDate} is null`, asc(actions.dueDate), desc(meetings.startsAt), asc(actions.id)];
    case 'meeting':
      return [desc(meetings.startsAt), asc(agendaItems.position), asc(actions.position), asc(actions.id)];
    case 'status':
      return [
        sql`case ${actions.status} ${sql.raw(ACTION_STATUSES.map((s, i) => `when '${s}' then ${i}`).join(' '))} end`,
        sql`${actions.dueDate} is null`,
        asc(actions.dueDate),
        asc(actions.id),
      ];
    case 'reference':
      return [asc(meetings.startsAt), asc(actions.reference), asc(actions.id)];
  }
}

/** One page of a filtered list of actions, and how many there are in all. */
export function listActions(
  db: Db,
  f: ActionFilters,
  page: { number: number; size: number },
  now: Date,
): { rows: ActionSummary[]; total: number } {
  const where = conditions(f, now);
  const counted = db
    .select({ n: sql<number>`count(*)` })
    .from(actions)
    .innerJoin(agendaItems, eq(agendaItems.id, actions.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(committees, eq(committees.id, meetings.committeeId))
    .where(where)
    .get();
  const rows = joined(db)
    .where(where)
    .orderBy(...ordering(f.sort))
    .limit(page.size)
    .offset((page.number - 1) * page.size)
    .all();
  return { rows: withOwners(db, rows), total: counted?.n ?? 0 };
}

/** Every action of a filtered list, a batch at a time (the CSV export streams it). */
export function* allActions(db: Db, f: ActionFilters, now: Date, batch = 1000): Generator<ActionSummary[]> {
  const where = conditions(f, now);
  for (let offset = 0; ; offset += batch) {
    const rows = joined(db)
      .where(where)
      .orderBy(...ordering(f.sort))
      .limit(batch)
      .offset(offset)
      .all();
    if (rows.length > 0) yield withOwners(db, rows);
    if (rows.length < batch) return;
  }
}

/** The meetings a committee's public actions came from, newest first (the meeting filter). */
export function actionMeetings(db: Db, committeeId: number, publishedOnly: boolean) {
  return db
    .selectDistinct({ id: meetings.id, startsAt: meetings.startsAt })
    .from(actions)
    .innerJoin(agendaItems, eq(agendaItems.id, actions.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(meetings.committeeId, committeeId), publishedOnly ? isNotNull(actions.publishedAt) : undefined))
    .orderBy(desc(meetings.startsAt))
    .all();
}

/** Every action's status at a meeting, for the minutes' ACTION lines: by reference. */
export function actionStatusesOf(
  db: Db,
  meetingId: number,
): Map<string, { status: ActionStatus; dueDate: string | null }> {
  const rows = db
    .select({ reference: actions.reference, status: actions.status, dueDate: actions.dueDate })
    .from(actions)
    .innerJoin(agendaItems, eq(agendaItems.id, actions.agendaItemId))
    .where(and(eq(agendaItems.meetingId, meetingId), isNotNull(actions.publishedAt)))
    .all();
  return new Map(rows.flatMap((r) => (r.reference ? [[r.reference, { status: r.status, dueDate: r.dueDate }]] : [])));
}

/** Actions whose owners may be reminded: open, published or not, with a due date on or before `until`. */
export function actionsDueBy(db: Db, until: string) {
  return joined(db)
    .where(and(inArray(actions.status, OPEN), isNotNull(actions.dueDate), lte(actions.dueDate, until)))
    .orderBy(asc(actions.dueDate), asc(actions.id))
    .all();
}
