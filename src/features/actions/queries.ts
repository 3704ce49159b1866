import { ID_LIST, preparedOnce } from '../../db/prepared';
import { and, asc, desc, eq, exists, gte, inArray, isNotNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { SQLiteSelect } from 'drizzle-orm/sqlite-core';
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

/**
 * The two reads every list of actions makes, prepared once per database:
 * building a query's SQL costs more than running these two on a page of 50.
 */
const prepared = preparedOnce((db) => ({
  owners: db
    .select({ actionId: actionOwners.actionId, name: actionOwners.name })
    .from(actionOwners)
    .where(inArray(actionOwners.actionId, ID_LIST))
    .orderBy(asc(actionOwners.position), asc(actionOwners.id))
    .prepare(),
  summaries: joined(db).where(inArray(actions.id, ID_LIST)).prepare(),
}));

/** The owners of some actions, as minuted, in order. */
function withOwners<T extends { id: number }>(db: Db, rows: T[]): (T & { owners: string[] })[] {
  if (rows.length === 0) return [];
  const owners = prepared(db).owners.all({ ids: JSON.stringify(rows.map((r) => r.id)) });
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
  inArray(
    actions.id,
    sql`(select ${actionOwners.actionId} from ${actionOwners} where ${actionOwners.personId} = ${personId})`,
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

/** A placeholder holding a JSON array, read as a list (`x in …`). */
const listIn = (name: string) => sql`(select value from json_each(${sql.placeholder(name)}))`;

const ownedByPlaceholder = (name: string) =>
  inArray(
    actions.id,
    sql`(select ${actionOwners.actionId} from ${actionOwners} where ${actionOwners.personId} = ${sql.placeholder(name)})`,
  );

/**
 * A list's conditions with its values as placeholders (`filterValues`): the
 * same filters set make the same statement, built once (`filtered`).
 */
function conditions(f: ActionFilters): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    f.committeeIds === null
      ? undefined
      : or(
          inArray(actions.committeeId, listIn('committeeIds')),
          f.orOwnerPersonId === null ? undefined : ownedByPlaceholder('orOwnerPersonId'),
        ),
    f.committeeId === null ? undefined : eq(actions.committeeId, sql.placeholder('committeeId')),
    f.statuses.length ? inArray(actions.status, listIn('statuses')) : undefined,
    f.overdue ? and(inArray(actions.status, OPEN), lt(actions.dueDate, sql.placeholder('today'))) : undefined,
    f.meetingId === null ? undefined : eq(actions.meetingId, sql.placeholder('meetingId')),
    f.from ? gte(meetings.startsAt, sql.placeholder('from')) : undefined,
    f.to ? lt(meetings.startsAt, sql.placeholder('to')) : undefined,
    // Never set for an exempt item's action, and cleared if its item is made exempt (a trigger, migration 0010).
    f.publishedOnly ? isNotNull(actions.publishedAt) : undefined,
    f.ownerPersonId === null ? undefined : ownedByPlaceholder('ownerPersonId'),
    f.owner ? ownerNamed() : undefined,
    f.organisationId === null
      ? undefined
      : inArray(
          actions.id,
          sql`(select ${actionOwners.actionId} from ${actionOwners} join ${people} on ${people.id} = ${actionOwners.personId} where ${people.organisationId} = ${sql.placeholder('organisationId')})`,
        ),
  ];
  return and(...parts.filter((p): p is SQL => p !== undefined));
}

/** The values of a list's placeholders (`conditions`). */
function filterValues(f: ActionFilters, now: Date): Record<string, unknown> {
  return {
    committeeIds: JSON.stringify(f.committeeIds?.length ? f.committeeIds : [-1]),
    orOwnerPersonId: f.orOwnerPersonId,
    committeeId: f.committeeId,
    statuses: JSON.stringify(f.statuses),
    today: londonDate(now),
    meetingId: f.meetingId,
    from: f.from ? fromLondon(f.from, '00:00').getTime() : null,
    to: f.to ? fromLondon(dayAfter(f.to), '00:00').getTime() : null,
    ownerPersonId: f.ownerPersonId,
    owner: `%${f.owner.replace(/[%_\\]/g, (c) => `\\${c}`)}%`,
    organisationId: f.organisationId,
  };
}

/** Which filters are set, and the sort: a list's statement is the same for the same shape. */
function shapeOf(f: ActionFilters): string {
  return [
    f.committeeIds === null ? '' : f.orOwnerPersonId === null ? 'c' : 'co',
    f.committeeId === null ? '' : 'C',
    f.statuses.length ? 's' : '',
    f.overdue ? 'o' : '',
    f.meetingId === null ? '' : 'm',
    f.from ? 'f' : '',
    f.to ? 't' : '',
    f.publishedOnly ? 'p' : '',
    f.ownerPersonId === null ? '' : 'P',
    f.owner ? 'n' : '',
    f.organisationId === null ? '' : 'g',
    f.sort,
  ].join('.');
}

/**
 * Actions with an owner whose name has these words: a person in the
 * directory by their name (through the owners' person index), or an owner
 * named only in words, as minuted (a small partial index).
 */
function ownerNamed(): SQL {
  const pattern = sql.placeholder('owner');
  return inArray(
    actions.id,
    sql`(select ${actionOwners.actionId} from ${actionOwners} where ${actionOwners.personId} in (select ${people.id} from ${people} where ${people.name} like ${pattern} escape '\\') union all select ${actionOwners.actionId} from ${actionOwners} where ${actionOwners.personId} is null and ${actionOwners.name} like ${pattern} escape '\\')`,
  );
}

const DUE_ORDER = sql`coalesce(${actions.dueDate}, '9999-12-31')`;

function ordering(sort: ActionSort) {
  switch (sort) {
    case 'due':
      return [asc(DUE_ORDER), asc(actions.id)];
    case 'meeting':
      return [desc(meetings.startsAt), asc(actions.id)];
    case 'status':
      return [
        sql`case ${actions.status} ${sql.raw(ACTION_STATUSES.map((s, i) => `when '${s}' then ${i}`).join(' '))} end`,
        asc(DUE_ORDER),
        asc(actions.id),
      ];
    case 'reference':
      // The same prefix (committee and meeting), then the shorter number first: 2 before 10.
      return [asc(meetings.startsAt), sql`length(${actions.reference})`, asc(actions.reference), asc(actions.id)];
  }
}

/** Each shape of list's two statements, by database (a few dozen shapes at most are ever used). */
const statements = new WeakMap<Db, Map<string, ReturnType<typeof buildStatements>>>();

/**
 * The statements of a list of one shape: how many, and the ids of a page in
 * order, joining only what the filters and the sort need (the list's columns,
 * committee and meeting, are on the action itself, so the common lists read
 * one table and its indexes; the count never needs the sort's join).
 */
function buildStatements(db: Db, f: ActionFilters) {
  const where = conditions(f);
  const byDates = f.from !== null || f.to !== null;
  const bySort = byDates || f.sort === 'meeting' || f.sort === 'reference';
  // The join changes the query's type, not its columns: the selections below name actions' only.
  const joined = <Q extends SQLiteSelect>(q: Q, join: boolean): Q =>
    (join ? (q.innerJoin(meetings, eq(meetings.id, actions.meetingId)) as unknown as Q) : q).where(where) as Q;
  return {
    count: joined(
      db
        .select({ n: sql<number>`count(*)` })
        .from(actions)
        .$dynamic(),
      byDates,
    ).prepare(),
    ids: joined(db.select({ id: actions.id }).from(actions).$dynamic(), bySort)
      .orderBy(...ordering(f.sort))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(),
  };
}

function filtered(db: Db, f: ActionFilters, now: Date) {
  let kept = statements.get(db);
  if (!kept) statements.set(db, (kept = new Map()));
  const shape = shapeOf(f);
  let built = kept.get(shape);
  if (!built) kept.set(shape, (built = buildStatements(db, f)));
  const { count, ids } = built;
  const values = filterValues(f, now);
  return {
    count: () => count.get(values)?.n ?? 0,
    ids: (limit: number, offset: number) => ids.all({ ...values, limit, offset }).map((r) => r.id),
  };
}

/** The summaries of some actions, in the order of their ids. */
function summariesOf(db: Db, ids: number[]): ActionSummary[] {
  if (ids.length === 0) return [];
  const rows = withOwners(db, prepared(db).summaries.all({ ids: JSON.stringify(ids) }));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** One page of a filtered list of actions, and how many there are in all. */
export function listActions(
  db: Db,
  f: ActionFilters,
  page: { number: number; size: number },
  now: Date,
): { rows: ActionSummary[]; total: number } {
  const list = filtered(db, f, now);
  return { rows: summariesOf(db, list.ids(page.size, (page.number - 1) * page.size)), total: list.count() };
}

/** Every action of a filtered list, a batch at a time (the CSV export streams it). */
export function* allActions(db: Db, f: ActionFilters, now: Date, batch = 1000): Generator<ActionSummary[]> {
  const list = filtered(db, f, now);
  for (let offset = 0; ; offset += batch) {
    const ids = list.ids(batch, offset);
    if (ids.length > 0) yield summariesOf(db, ids);
    if (ids.length < batch) return;
  }
}

/** The meetings a committee's public actions came from, newest first (the meeting filter). */
export function actionMeetings(db: Db, committeeId: number, publishedOnly: boolean) {
  return db
    .select({ id: meetings.id, startsAt: meetings.startsAt })
    .from(meetings)
    .where(
      and(
        eq(meetings.committeeId, committeeId),
        // Each meeting stops at its first action found, through the item and action indexes.
        exists(
          sql`(select 1 from ${agendaItems} join ${actions} on ${actions.agendaItemId} = ${agendaItems.id} where ${agendaItems.meetingId} = ${meetings.id}${publishedOnly ? sql` and ${actions.publishedAt} is not null` : sql``})`,
        ),
      ),
    )
    .orderBy(desc(meetings.startsAt))
    .all();
}

const statusRows = preparedOnce((db) =>
  db
    .select({ reference: actions.reference, status: actions.status, dueDate: actions.dueDate })
    .from(actions)
    .innerJoin(agendaItems, eq(agendaItems.id, actions.agendaItemId))
    .where(and(eq(agendaItems.meetingId, sql.placeholder('meetingId')), isNotNull(actions.publishedAt)))
    .prepare(),
);

/** Every action's status at a meeting, for the minutes' ACTION lines: by reference. */
export function actionStatusesOf(
  db: Db,
  meetingId: number,
): Map<string, { status: ActionStatus; dueDate: string | null }> {
  const rows = statusRows(db).all({ meetingId });
  return new Map(rows.flatMap((r) => (r.reference ? [[r.reference, { status: r.status, dueDate: r.dueDate }]] : [])));
}

/** Actions whose owners may be reminded: open, published or not, with a due date on or before `until`. */
export function actionsDueBy(db: Db, until: string) {
  return joined(db)
    .where(and(inArray(actions.status, OPEN), isNotNull(actions.dueDate), lte(actions.dueDate, until)))
    .orderBy(asc(actions.dueDate), asc(actions.id))
    .all();
}

/**
 * The action log of a meeting: the committee's public actions still open
 * from its earlier meetings, oldest meeting first, as the next agenda lists
 * them under its minutes item.
 */
export function actionLogFor(db: Db, meetingId: number): ActionSummary[] {
  const meeting = db
    .select({ committeeId: meetings.committeeId, startsAt: meetings.startsAt })
    .from(meetings)
    .where(eq(meetings.id, meetingId))
    .get();
  if (!meeting) return [];
  return summaries(
    db,
    and(
      eq(actions.committeeId, meeting.committeeId),
      inArray(actions.status, OPEN),
      isNotNull(actions.publishedAt),
      lt(meetings.startsAt, meeting.startsAt),
    ),
    500,
  );
}

export interface ActionFigures {
  /** The most recent meetings with actions in the list, oldest first, with how many of each status. */
  byMeeting: { meetingId: number; startsAt: Date; counts: Record<ActionStatus, number> }[];
  /** Open actions by how long ago their meeting was. */
  ages: { label: string; count: number }[];
  total: number;
}

export const AGE_BANDS = [
  { label: 'Under a month', maxDays: 30 },
  { label: '1 to 3 months', maxDays: 91 },
  { label: '3 to 6 months', maxDays: 182 },
  { label: '6 to 12 months', maxDays: 365 },
  { label: 'Over a year', maxDays: Infinity },
] as const;

/**
 * The figures behind the follow-up charts, for a filtered list: each recent
 * meeting's actions by status, and the age of the open ones. Counted in SQL,
 * grouped by meeting.
 */
export function actionFigures(db: Db, f: ActionFilters, now: Date, meetingsShown = 8): ActionFigures {
  const where = conditions(f);
  const needsMeetings = f.from !== null || f.to !== null;
  let q = db
    .select({ meetingId: actions.meetingId, status: actions.status, n: sql<number>`count(*)` })
    .from(actions)
    .$dynamic();
  if (needsMeetings) q = q.innerJoin(meetings, eq(meetings.id, actions.meetingId)) as unknown as typeof q;
  const rows = q.where(where).groupBy(actions.meetingId, actions.status).all(filterValues(f, now));
  const ids = [...new Set(rows.map((r) => r.meetingId).filter((id): id is number => id !== null))];
  const dates = new Map(
    ids.length === 0
      ? []
      : db
          .select({ id: meetings.id, startsAt: meetings.startsAt })
          .from(meetings)
          .where(inArray(meetings.id, ids))
          .all()
          .map((m) => [m.id, m.startsAt] as const),
  );
  const empty = (): Record<ActionStatus, number> => ({ open: 0, in_progress: 0, done: 0, dropped: 0 });
  const perMeeting = new Map<number, Record<ActionStatus, number>>();
  const ages = AGE_BANDS.map((b) => ({ label: b.label, count: 0 }));
  let total = 0;
  for (const r of rows) {
    if (r.meetingId === null) continue;
    const counts = perMeeting.get(r.meetingId) ?? empty();
    counts[r.status] += r.n;
    perMeeting.set(r.meetingId, counts);
    total += r.n;
    const startsAt = dates.get(r.meetingId);
    if (startsAt && OPEN.includes(r.status)) {
      const days = (now.getTime() - startsAt.getTime()) / 86_400_000;
      const band = AGE_BANDS.findIndex((b) => days <= b.maxDays);
      const at = ages[band < 0 ? ages.length - 1 : band];
      if (at) at.count += r.n;
    }
  }
  const byMeeting = [...perMeeting.entries()]
    .flatMap(([meetingId, counts]) => {
      const startsAt = dates.get(meetingId);
      return startsAt ? [{ meetingId, startsAt, counts }] : [];
    })
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .slice(-meetingsShown);
  return { byMeeting, ages, total };
}
