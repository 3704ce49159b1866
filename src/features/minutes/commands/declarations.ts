import { and, eq, max, ne } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Db } from '../../../db/client';
import { londonDate } from '../../../lib/dates';
import { optionalText, requiredText } from '../../../lib/forms';
import { invalid, valid, validate, type Validated } from '../../../lib/validation';
import type { Actor } from '../../audit/commands';
import { agendaItems, attendance, declarations } from '../../../db/schema';
import { membersOn } from '../../committees/queries';
import { DECLARATION_KINDS } from '../../../lib/enums';
import { DECLARATION_FIELDS } from '../../../lib/fields';

import { writable, begun, audit } from './guards';

// ---------------------------------------------------------------- declarations

const declarationSchema = z.object({
  personId: z.string().trim().regex(/^\d+$/, 'Select the member who declared the interest').transform(Number),
  itemId: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d+$/.test(v), 'Select an item from the list')
    .transform((v) => (v === '' ? null : Number(v))),
  kind: z.enum(DECLARATION_KINDS, { message: 'Select the kind of interest' }),
  nature: requiredText(2000, 'Enter the nature of the interest, as declared', 'Nature of the interest'),
  sensitive: z.string().transform((v) => v === 'yes'),
  withdrew: z
    .enum(['left', 'stayed'], { message: 'Select whether they left the room for the item' })
    .transform((v) => v === 'left'),
  dispensation: optionalText(500, 'Dispensation'),
});

/** A declaration of interest by a member (or a substitute at the meeting). */
export function addDeclaration(
  db: Db,
  actor: Actor,
  meetingId: number,
  form: Record<(typeof DECLARATION_FIELDS)[number], string>,
): Validated<null> {
  const checked = validate(declarationSchema, form);
  if (!checked.ok) return checked;
  const value = checked.value;
  return inTransaction(db, (tx) => {
    const open = writable(tx, meetingId);
    if (!open.ok) return open;
    const members = membersOn(tx, open.meeting.committeeId, londonDate(open.meeting.startsAt));
    const substitutes = tx
      .select({ personId: attendance.personId })
      .from(attendance)
      .where(and(eq(attendance.meetingId, meetingId), ne(attendance.status, 'in_attendance')))
      .all();
    if (
      !members.some((m) => m.personId === value.personId) &&
      !substitutes.some((s) => s.personId === value.personId)
    ) {
      return invalid({ personId: 'Select the member who declared the interest' });
    }
    if (
      value.itemId !== null &&
      !tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(and(eq(agendaItems.id, value.itemId), eq(agendaItems.meetingId, meetingId)))
        .get()
    ) {
      return invalid({ itemId: 'Select an item from the list' });
    }
    const position =
      (tx
        .select({ p: max(declarations.position) })
        .from(declarations)
        .where(eq(declarations.meetingId, meetingId))
        .get()?.p ?? 0) + 1;
    const row = tx
      .insert(declarations)
      .values({
        meetingId,
        personId: value.personId,
        agendaItemId: value.itemId,
        kind: value.kind,
        nature: value.nature,
        sensitive: value.sensitive,
        withdrew: value.withdrew,
        dispensation: value.dispensation,
        position,
      })
      .returning()
      .get();
    begun(tx, open.meeting);
    audit(tx, actor, meetingId, 'minutes.declaration_add', null, {
      personId: row.personId,
      itemId: row.agendaItemId,
      kind: row.kind,
      sensitive: row.sensitive,
      withdrew: row.withdrew,
    });
    return valid(null);
  });
}

export function removeDeclaration(db: Db, actor: Actor, declarationId: number): Validated<null> {
  return inTransaction(db, (tx) => {
    const row = tx.select().from(declarations).where(eq(declarations.id, declarationId)).get();
    if (!row) throw new Error(`No declaration ${declarationId}`);
    const open = writable(tx, row.meetingId);
    if (!open.ok) return open;
    tx.delete(declarations).where(eq(declarations.id, declarationId)).run();
    audit(tx, actor, row.meetingId, 'minutes.declaration_remove', { personId: row.personId, kind: row.kind }, null);
    return valid(null);
  });
}
