import { eq, max } from 'drizzle-orm';
import { inTransaction, type Db } from '../../../db/client';
import { invalid, valid, type Validated } from '../../../lib/validation';
import { recordAudit, type Actor } from '../../audit/commands';
import { agendaItemPresenters, agendaItems } from '../../../db/schema';
import { checkPersonChoice, personFromChoice } from '../../people/commands';

import { openAgenda, openItem } from './guards';

export function addPresenter(
  db: Db,
  actor: Actor,
  itemId: number,
  form: { personId: string; newPersonName: string; capacity: string },
): Validated<{ presenterId: number }> {
  return inTransaction(db, (tx) => {
    const item = openItem(tx, itemId);
    const errors = checkPersonChoice(form);
    if (form.capacity.trim().length > 300) errors.capacity = 'Capacity must be 300 characters or fewer';
    if (Object.keys(errors).length > 0) return invalid(errors);
    const id = personFromChoice(tx, actor, form, 'partner');
    if (id === null) return invalid({ personId: 'Select a person from the list' });
    const position =
      (tx
        .select({ p: max(agendaItemPresenters.position) })
        .from(agendaItemPresenters)
        .where(eq(agendaItemPresenters.agendaItemId, itemId))
        .get()?.p ?? 0) + 1;
    const presenter = tx
      .insert(agendaItemPresenters)
      .values({ agendaItemId: itemId, personId: id, capacity: form.capacity.trim() || null, position })
      .returning()
      .get();
    recordAudit(tx, actor, {
      action: 'agenda.presenter_add',
      recordType: 'meeting',
      recordId: item.meetingId,
      after: { item: item.title, personId: id, capacity: presenter.capacity },
    });
    return valid({ presenterId: presenter.id });
  });
}

export function removePresenter(db: Db, actor: Actor, presenterId: number): void {
  db.transaction((tx) => {
    const row = tx
      .select({ p: agendaItemPresenters, meetingId: agendaItems.meetingId, title: agendaItems.title })
      .from(agendaItemPresenters)
      .innerJoin(agendaItems, eq(agendaItems.id, agendaItemPresenters.agendaItemId))
      .where(eq(agendaItemPresenters.id, presenterId))
      .get();
    if (!row) throw new Error(`No presenter ${presenterId}`);
    openAgenda(tx, row.meetingId);
    tx.delete(agendaItemPresenters).where(eq(agendaItemPresenters.id, presenterId)).run();
    recordAudit(tx, actor, {
      action: 'agenda.presenter_remove',
      recordType: 'meeting',
      recordId: row.meetingId,
      before: { item: row.title, personId: row.p.personId },
    });
  });
}

/** Checks that an upload really is a whole, readable, unencrypted PDF; returns its page count or what is wrong. */
