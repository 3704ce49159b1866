import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Db } from '../../db/client';
import { optionalText, requiredText } from '../../lib/forms';
import { invalid, valid, validate, type FieldErrors, type Validated } from '../../lib/validation';
import { recordAudit, type Actor } from '../audit/commands';
import { organisations, people } from '../../db/schema';
import { PERSON_KINDS } from '../../lib/enums';

const personSchema = z.object({
  name: requiredText(120, 'Enter the name as it is minuted, like Mr A Turner', 'Name'),
  fullName: optionalText(120, 'Full name'),
  honorific: optionalText(20, 'Title'),
  jobTitle: optionalText(200, 'Job title'),
  organisationId: z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : Number(v)))
    .refine((v) => v === null || Number.isSafeInteger(v), 'Select an organisation from the list'),
  kind: z.enum(PERSON_KINDS, { message: 'Select what kind of person this is' }),
});

/** Creates (no id) or updates a person in the directory from its form. */
export function savePerson(
  db: Db,
  actor: Actor,
  id: number | null,
  form: Record<string, unknown>,
): Validated<{ id: number }> {
  const checked = validate(personSchema, form);
  if (!checked.ok) return checked;
  const value = checked.value;
  return inTransaction(db, (tx): Validated<{ id: number }> => {
    if (
      value.organisationId !== null &&
      !tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, value.organisationId)).get()
    ) {
      return invalid({ organisationId: 'Select an organisation from the list' });
    }
    if (id === null) {
      const created = tx.insert(people).values(value).returning().get();
      recordAudit(tx, actor, { action: 'person.create', recordType: 'person', recordId: created.id, after: created });
      return valid({ id: created.id });
    }
    const before = tx.select().from(people).where(eq(people.id, id)).get();
    if (!before) throw new Error(`No person ${id}`);
    const after = tx.update(people).set(value).where(eq(people.id, id)).returning().get();
    recordAudit(tx, actor, { action: 'person.update', recordType: 'person', recordId: id, before, after });
    return valid({ id });
  });
}

/** A person chosen from the directory's list, or someone new by the name the minutes will use. */
export interface PersonChoice {
  personId: string;
  newPersonName: string;
}

/**
 * What is wrong with a person choice, keyed by its two fields' names (personId, newPersonName).
 * `what` names who is being chosen, for the messages ("a presenter").
 */
export function checkPersonChoice(choice: PersonChoice, what = 'a person'): FieldErrors {
  const errors: FieldErrors = {};
  const name = choice.newPersonName.trim();
  const picked = choice.personId.trim();
  if (picked === '' && !name) errors.personId = `Select ${what}, or enter the name of someone new`;
  else if (picked !== '' && name) errors.personId = 'Select a person or enter a new name, not both';
  else if (picked !== '' && !/^\d{1,9}$/.test(picked)) errors.personId = 'Select a person from the list';
  if (name.length > 120) errors.newPersonName = 'Name must be 120 characters or fewer';
  return errors;
}

/**
 * The id of the chosen person, adding someone new to the directory (audited);
 * null when the chosen id names nobody. Call inside the caller's transaction.
 */
export function personFromChoice(
  tx: Db,
  actor: Actor,
  choice: PersonChoice,
  kind: (typeof PERSON_KINDS)[number],
): number | null {
  const picked = choice.personId.trim();
  if (picked !== '')
    return (
      tx
        .select({ id: people.id })
        .from(people)
        .where(eq(people.id, Number(picked)))
        .get()?.id ?? null
    );
  const created = tx.insert(people).values({ name: choice.newPersonName.trim(), kind }).returning().get();
  recordAudit(tx, actor, { action: 'person.create', recordType: 'person', recordId: created.id, after: created });
  return created.id;
}
