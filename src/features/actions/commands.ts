import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Db } from '../../db/client';
import { invalid, valid, validate, type Validated } from '../../lib/validation';
import { recordAudit, type Actor } from '../audit/commands';
import { actionUpdates, actions } from '../../db/schema';
import { ACTION_STATUSES } from '../../lib/enums';

const actionUpdateSchema = z
  .object({
    status: z.enum(ACTION_STATUSES, { message: 'Select the status of the action' }),
    note: z.string().trim().max(2000, 'Note must be 2,000 characters or fewer'),
  })
  .strip();

/** The form as submitted; validated here. */
export type ActionUpdateInput = Record<string, unknown>;

/**
 * Records progress on an action: its new status and a note, who and when.
 * An update that changes nothing (same status, no note) is refused.
 */
export function updateAction(
  db: Db,
  actor: Actor & { personId: number | null },
  actionId: number,
  input: ActionUpdateInput,
  now: Date,
): Validated<{ updateId: number }> {
  const checked = validate(actionUpdateSchema, input);
  if (!checked.ok) return checked;
  const { status, note } = checked.value;
  return inTransaction(db, (tx) => {
    const before = tx.select().from(actions).where(eq(actions.id, actionId)).get();
    if (!before) throw new Error(`No action ${actionId}`);
    if (before.status === status && note === '') {
      return invalid({ note: 'Enter a note, or choose a different status' });
    }
    const after = tx.update(actions).set({ status, updatedAt: now }).where(eq(actions.id, actionId)).returning().get();
    const update = tx
      .insert(actionUpdates)
      .values({ actionId, status, note, authorPersonId: actor.personId, createdAt: now, updatedAt: now })
      .returning({ id: actionUpdates.id })
      .get();
    recordAudit(tx, actor, {
      action: 'action.update',
      recordType: 'action',
      recordId: actionId,
      before: { status: before.status },
      after: { status: after.status, note },
      at: now,
    });
    return valid({ updateId: update.id });
  });
}
