import { and, asc, eq, inArray, isNotNull, isNull, like } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Db } from '../../db/client';
import { invalid, valid, validate, type Validated } from '../../lib/validation';
import { recordAudit, type Actor } from '../audit/commands';
import {
  actionOwnerLinks,
  actionOwners,
  actionUpdates,
  actions,
  agendaItems,
  committees,
  meetings,
  people,
} from '../../db/schema';
import { ACTION_STATUSES, type ActionStatus } from '../../lib/enums';
import { ACTION_STATUS_LABELS } from '../../lib/labels';
import { londonDate } from '../../lib/dates';
import {
  actionNumber,
  actionReference,
  actionSlug,
  committeeCode,
  isOpenAction,
  OWNER_LINK_DAYS,
} from '../../lib/action-rules';
import { hashToken, looksLikeToken, newToken } from '../../lib/tokens';
import { queueMail } from '../mail/commands';
import { ownerLinkMessage } from './messages';

const actionUpdateSchema = z
  .object({
    status: z.enum(ACTION_STATUSES, { message: 'Select the status of the action' }),
    note: z.string().trim().max(2000, 'Note must be 2,000 characters or fewer'),
    notePublic: z.enum(['yes', 'no', ''], { message: 'Say whether the note is public' }),
  })
  .strip();

/** The form as submitted; validated here. */
export type ActionUpdateInput = Record<string, unknown>;

/** Who wrote an update: a signed-in user, or an owner through their link. */
export type UpdateAuthor = Actor & { personId: number | null; name: string };

/** The addresses links are made from (the site's public address). */
export interface ActionLinks {
  base: string;
}

/**
 * Gives each action of a meeting (or of every meeting) that has none its
 * reference: the committee's code, the meeting's London date and the next
 * number at that meeting, in the order the minutes list them. A reference,
 * once given, never changes.
 */
export function numberActions(tx: Db, meetingId?: number): number {
  const rows = tx
    .select({
      id: actions.id,
      meetingId: meetings.id,
      startsAt: meetings.startsAt,
      name: committees.name,
      slug: committees.slug,
    })
    .from(actions)
    .innerJoin(agendaItems, eq(agendaItems.id, actions.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(committees, eq(committees.id, meetings.committeeId))
    .where(and(isNull(actions.reference), meetingId === undefined ? undefined : eq(meetings.id, meetingId)))
    .orderBy(asc(meetings.id), asc(agendaItems.position), asc(agendaItems.id), asc(actions.position), asc(actions.id))
    .all();
  const next = new Map<number, number>();
  for (const row of rows) {
    const code = committeeCode(row.name, row.slug);
    const day = londonDate(row.startsAt);
    const prefix = `${code}/${day}/`;
    let n = next.get(row.meetingId);
    if (n === undefined) {
      const taken = tx
        .select({ reference: actions.reference })
        .from(actions)
        .where(like(actions.reference, `${prefix}%`))
        .all()
        .map((r) => actionNumber(r.reference ?? ''));
      n = Math.max(0, ...taken) + 1;
    }
    tx.update(actions)
      .set({ reference: actionReference(code, day, n) })
      .where(eq(actions.id, row.id))
      .run();
    next.set(row.meetingId, n + 1);
  }
  return rows.length;
}

/**
 * Makes a meeting's actions public once its minutes are: all but those of
 * exempt items, which never are. Called when the minutes are published.
 */
export function publishActions(tx: Db, meetingId: number, at: Date): void {
  const ids = tx
    .select({ id: actions.id })
    .from(actions)
    .innerJoin(agendaItems, eq(agendaItems.id, actions.agendaItemId))
    .where(and(eq(agendaItems.meetingId, meetingId), isNull(agendaItems.exemptParagraph), isNull(actions.publishedAt)))
    .all()
    .map((r) => r.id);
  if (ids.length > 0) tx.update(actions).set({ publishedAt: at }).where(inArray(actions.id, ids)).run();
}

function checkUpdate(before: { status: ActionStatus }, status: ActionStatus, note: string) {
  if (before.status === status && note === '') {
    return invalid({ note: 'Enter a note, or choose a different status' });
  }
  if (!isOpenAction(before.status) && isOpenAction(status) && note === '') {
    return invalid({
      note: `Say why the action is open again: it was ${ACTION_STATUS_LABELS[before.status].toLowerCase()}`,
    });
  }
  return null;
}

/**
 * Records progress on an action: its new status and a note, public or not,
 * who and when. An update that changes nothing (same status, no note) is
 * refused, and so is moving a done or dropped action back without a note.
 */
export function updateAction(
  db: Db,
  author: UpdateAuthor,
  actionId: number,
  input: ActionUpdateInput,
  now: Date,
): Validated<{ updateId: number }> {
  const checked = validate(actionUpdateSchema, input);
  if (!checked.ok) return checked;
  const { status, note } = checked.value;
  const notePublic = checked.value.notePublic === 'yes' && note !== '';
  return inTransaction(db, (tx) => {
    const before = tx.select().from(actions).where(eq(actions.id, actionId)).get();
    if (!before) throw new Error(`No action ${actionId}`);
    const refused = checkUpdate(before, status, note);
    if (refused) return refused;
    const after = tx.update(actions).set({ status, updatedAt: now }).where(eq(actions.id, actionId)).returning().get();
    const update = tx
      .insert(actionUpdates)
      .values({
        actionId,
        status,
        fromStatus: before.status,
        note,
        notePublic,
        authorPersonId: author.personId,
        authorName: author.name,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: actionUpdates.id })
      .get();
    recordAudit(tx, author, {
      action: 'action.update',
      recordType: 'action',
      recordId: actionId,
      before: { status: before.status },
      after: { status: after.status, note, notePublic },
      at: now,
    });
    return valid({ updateId: update.id });
  });
}

/** An owner's link, when it is live: the action it is for and who holds it. */
export function ownerByLink(
  db: Db,
  token: string,
  now: Date,
): { actionId: number; ownerId: number; personId: number | null; name: string } | null {
  if (!looksLikeToken(token)) return null;
  const row = db
    .select({
      actionId: actionOwners.actionId,
      ownerId: actionOwners.id,
      personId: actionOwners.personId,
      name: actionOwners.name,
      expiresAt: actionOwnerLinks.expiresAt,
    })
    .from(actionOwnerLinks)
    .innerJoin(actionOwners, eq(actionOwners.id, actionOwnerLinks.actionOwnerId))
    .where(eq(actionOwnerLinks.tokenHash, hashToken(token)))
    .get();
  return row && row.expiresAt > now ? row : null;
}

/** The owners of an action who can be sent a link: a directory person with an email address. */
export function emailableOwners(db: Db, actionId: number) {
  return db
    .select({ ownerId: actionOwners.id, name: people.name, email: people.email })
    .from(actionOwners)
    .innerJoin(people, eq(people.id, actionOwners.personId))
    .where(and(eq(actionOwners.actionId, actionId), isNotNull(people.email)))
    .orderBy(asc(actionOwners.position))
    .all()
    .filter((o): o is { ownerId: number; name: string; email: string } => !!o.email && o.email.includes('@'));
}

/** A new link for an owner, replacing (and so ending) any earlier one. Only its hash is stored. */
export function issueOwnerLink(tx: Db, ownerId: number, now: Date): { token: string; expiresAt: Date } {
  tx.delete(actionOwnerLinks).where(eq(actionOwnerLinks.actionOwnerId, ownerId)).run();
  const { token, hash } = newToken();
  const expiresAt = new Date(now.getTime() + OWNER_LINK_DAYS * 86_400_000);
  tx.insert(actionOwnerLinks)
    .values({ actionOwnerId: ownerId, tokenHash: hash, expiresAt, createdAt: now, updatedAt: now })
    .run();
  return { token, expiresAt };
}

/**
 * Makes an owner a new link to update the action without signing in, and
 * emails it (replacing any earlier link, which stops working). Returns the
 * token for the caller's message, never stored itself.
 */
export function sendOwnerLink(
  tx: Db,
  actor: Actor,
  owner: { ownerId: number; name: string; email: string },
  action: { id: number; reference: string | null; description: string; dueDate: string | null },
  committeeName: string,
  links: ActionLinks,
  now: Date,
  why: 'new' | 'resent' = 'resent',
): string {
  const { token, expiresAt } = issueOwnerLink(tx, owner.ownerId, now);
  queueMail(
    tx,
    ownerLinkMessage(owner, action, committeeName, {
      update: `${links.base}/actions/update/${token}`,
      page: action.reference ? `${links.base}/actions/${actionSlug(action.reference)}` : null,
      expiresAt,
      why,
    }),
    now,
  );
  recordAudit(tx, actor, {
    action: 'action.link_sent',
    recordType: 'action',
    recordId: action.id,
    before: null,
    after: { owner: owner.name, email: owner.email },
    at: now,
  });
  return token;
}

/** The clerk's "send the link again" to one owner (or every owner with an email address). */
export function resendOwnerLinks(
  db: Db,
  actor: Actor,
  actionId: number,
  ownerId: number | null,
  links: ActionLinks,
  now: Date,
): Validated<{ sent: string[] }> {
  return inTransaction(db, (tx) => {
    const action = tx
      .select({
        id: actions.id,
        reference: actions.reference,
        description: actions.description,
        dueDate: actions.dueDate,
        committeeName: committees.name,
      })
      .from(actions)
      .innerJoin(agendaItems, eq(agendaItems.id, actions.agendaItemId))
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .innerJoin(committees, eq(committees.id, meetings.committeeId))
      .where(eq(actions.id, actionId))
      .get();
    if (!action) throw new Error(`No action ${actionId}`);
    const owners = emailableOwners(tx, actionId).filter((o) => ownerId === null || o.ownerId === ownerId);
    if (owners.length === 0) {
      return invalid({
        _form: 'No owner of this action has an email address in the directory: add one to the person first',
      });
    }
    for (const owner of owners) sendOwnerLink(tx, actor, owner, action, action.committeeName, links, now);
    return valid({ sent: owners.map((o) => o.name) });
  });
}
