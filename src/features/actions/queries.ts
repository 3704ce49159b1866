import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agendaItems, meetings, committees, people, actionOwners, actionUpdates, actions } from '../../db/schema';
import type { ActionStatus } from '../../lib/enums';

export interface ActionSummary {
  id: number;
  description: string;
  status: ActionStatus;
  dueDate: string | null;
  owners: string[];
  itemTitle: string;
  meetingId: number;
  meetingStartsAt: Date;
  committee: { id: number; slug: string; name: string };
}

const OPEN: ActionStatus[] = ['open', 'in_progress'];

function summaries(db: Db, where: ReturnType<typeof and>, limit: number): ActionSummary[] {
  const rows = db
    .select({
      id: actions.id,
      description: actions.description,
      status: actions.status,
      dueDate: actions.dueDate,
      itemTitle: agendaItems.title,
      meetingId: meetings.id,
      meetingStartsAt: meetings.startsAt,
      committee: { id: committees.id, slug: committees.slug, name: committees.name },
    })
    .from(actions)
    .innerJoin(agendaItems, eq(agendaItems.id, actions.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(committees, eq(committees.id, meetings.committeeId))
    .where(where)
    .orderBy(asc(meetings.startsAt), asc(agendaItems.position), asc(actions.position))
    .limit(limit)
    .all();
  const owners =
    rows.length === 0
      ? []
      : db
          .select({ actionId: actionOwners.actionId, name: actionOwners.name })
          .from(actionOwners)
          .where(
            inArray(
              actionOwners.actionId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(actionOwners.position))
          .all();
  return rows.map((r) => ({ ...r, owners: owners.filter((o) => o.actionId === r.id).map((o) => o.name) }));
}

/** Open and in-progress actions owned by a person, oldest meeting first. */
export function openActionsOwnedBy(db: Db, personId: number, limit = 50): ActionSummary[] {
  const owned = db
    .selectDistinct({ id: actionOwners.actionId })
    .from(actionOwners)
    .where(eq(actionOwners.personId, personId))
    .all()
    .map((r) => r.id);
  if (owned.length === 0) return [];
  return summaries(db, and(inArray(actions.id, owned), inArray(actions.status, OPEN)), limit);
}

/** Open and in-progress actions of some committees, oldest meeting first. */
export function openActionsOfCommittees(db: Db, committeeIds: number[], limit = 50): ActionSummary[] {
  if (committeeIds.length === 0) return [];
  return summaries(db, and(inArray(committees.id, committeeIds), inArray(actions.status, OPEN)), limit);
}

export interface ActionDetail extends ActionSummary {
  itemNumber: number;
  ownerPersonIds: number[];
  updates: { id: number; status: ActionStatus; note: string; at: Date; author: string | null }[];
}

/** One action with its owners and every update, newest first. */
export function getAction(db: Db, id: number): ActionDetail | null {
  const [summary] = summaries(db, and(eq(actions.id, id)), 1);
  if (!summary) return null;
  const item = db
    .select({ meetingId: agendaItems.meetingId, position: agendaItems.position, id: agendaItems.id })
    .from(actions)
    .innerJoin(agendaItems, eq(agendaItems.id, actions.agendaItemId))
    .where(eq(actions.id, id))
    .get();
  const itemNumber = item
    ? db
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(eq(agendaItems.meetingId, item.meetingId))
        .orderBy(asc(agendaItems.position), asc(agendaItems.id))
        .all()
        .findIndex((i) => i.id === item.id) + 1
    : 0;
  const ownerPersonIds = actionOwnerPersonIds(db, id);
  const updates = db
    .select({
      id: actionUpdates.id,
      status: actionUpdates.status,
      note: actionUpdates.note,
      at: actionUpdates.createdAt,
      author: people.name,
    })
    .from(actionUpdates)
    .leftJoin(people, eq(people.id, actionUpdates.authorPersonId))
    .where(eq(actionUpdates.actionId, id))
    .orderBy(desc(actionUpdates.createdAt), desc(actionUpdates.id))
    .all();
  return { ...summary, itemNumber, ownerPersonIds, updates };
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
