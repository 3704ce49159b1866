import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Db } from '../../db/client';
import { optionalText, optionalUrl, requiredText } from '../../lib/forms';
import { invalid, valid, validate, type Validated } from '../../lib/validation';
import { recordAudit, type Actor } from '../audit/commands';
import { organisations } from '../../db/schema';
import { ORGANISATION_KINDS } from '../../lib/enums';

const organisationSchema = z.object({
  name: requiredText(200, 'Enter the name of the organisation', 'Name'),
  shortName: optionalText(50, 'Short name'),
  kind: z.enum(ORGANISATION_KINDS, { message: 'Select the kind of organisation' }),
  website: optionalUrl('Website'),
});

/** Creates (no id) or updates an organisation from its form. Names are unique. */
export function saveOrganisation(
  db: Db,
  actor: Actor,
  id: number | null,
  form: Record<string, unknown>,
): Validated<{ id: number }> {
  const checked = validate(organisationSchema, form);
  if (!checked.ok) return checked;
  const value = checked.value;
  return inTransaction(db, (tx): Validated<{ id: number }> => {
    const clash = tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        id === null
          ? eq(organisations.name, value.name)
          : and(eq(organisations.name, value.name), ne(organisations.id, id)),
      )
      .get();
    if (clash) return invalid({ name: 'An organisation with this name already exists' });
    if (id === null) {
      const created = tx.insert(organisations).values(value).returning().get();
      recordAudit(tx, actor, {
        action: 'organisation.create',
        recordType: 'organisation',
        recordId: created.id,
        after: created,
      });
      return valid({ id: created.id });
    }
    const before = tx.select().from(organisations).where(eq(organisations.id, id)).get();
    if (!before) throw new Error(`No organisation ${id}`);
    const after = tx.update(organisations).set(value).where(eq(organisations.id, id)).returning().get();
    recordAudit(tx, actor, { action: 'organisation.update', recordType: 'organisation', recordId: id, before, after });
    return valid({ id });
  });
}
