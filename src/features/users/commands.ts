import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Db } from '../../db/client';
import { hashPassword, passwordProblem } from '../../lib/passwords';
import { invalid, valid, validate, type Validated } from '../../lib/validation';
import { committees, sessions, userCommittees, users } from '../../db/schema';
import { recordAudit, type Actor } from '../audit/commands';
import { USER_ROLES, type UserRole } from '../../lib/enums';

const newUserSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'Enter an email address')
    .max(254, 'Email address must be 254 characters or fewer')
    .email('Enter an email address in the correct format, like name@example.org'),
  displayName: z.string().trim().min(1, 'Enter a name').max(100, 'Name must be 100 characters or fewer'),
  role: z.enum(USER_ROLES, { message: `Role must be one of ${USER_ROLES.join(', ')}` }),
  password: z.string().superRefine((p, ctx) => {
    const problem = passwordProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  committeeSlugs: z.array(z.string()).default([]),
  personId: z.number().int().positive().nullable().default(null),
  demo: z.boolean().default(false),
});

export type NewUserInput = z.input<typeof newUserSchema>;

/** A safe view of a user for the audit trail: never the password hash. */
function auditable(user: typeof users.$inferSelect, committeeSlugs: string[]) {
  const { passwordHash: _omit, ...rest } = user;
  return { ...rest, committees: committeeSlugs };
}

/** Creates an account (argon2id password hash), assigns its committees, and records it. */
export async function createUser(
  db: Db,
  actor: Actor,
  input: NewUserInput,
): Promise<Validated<{ id: number; email: string; role: UserRole }>> {
  const checked = validate(newUserSchema, input);
  if (!checked.ok) return checked;
  const value = checked.value;

  const committeeIds: number[] = [];
  for (const slug of value.committeeSlugs) {
    const committee = db.select({ id: committees.id }).from(committees).where(eq(committees.slug, slug)).get();
    if (!committee) return invalid({ committeeSlugs: `There is no committee "${slug}"` });
    committeeIds.push(committee.id);
  }
  if (value.role !== 'admin' && committeeIds.length === 0) {
    return invalid({ committeeSlugs: `A ${value.role} needs at least one committee` });
  }
  if (db.select({ id: users.id }).from(users).where(eq(users.email, value.email)).get()) {
    return invalid({ email: 'An account with this email address already exists' });
  }

  const passwordHash = await hashPassword(value.password);
  return inTransaction(db, (tx) => {
    const user = tx
      .insert(users)
      .values({
        email: value.email,
        displayName: value.displayName,
        passwordHash,
        role: value.role,
        personId: value.personId,
        demo: value.demo,
      })
      .returning()
      .get();
    for (const committeeId of committeeIds) tx.insert(userCommittees).values({ userId: user.id, committeeId }).run();
    recordAudit(tx, actor, {
      action: 'user.create',
      recordType: 'user',
      recordId: user.id,
      after: auditable(user, value.committeeSlugs),
    });
    return valid({ id: user.id, email: user.email, role: user.role });
  });
}

/**
 * Disables or re-enables an account. Disabling ends its sessions at once.
 * Returns false when there is no such user.
 */
export function setUserDisabled(db: Db, actor: Actor, userId: number, disabled: boolean): boolean {
  return db.transaction((tx) => {
    const before = tx.select().from(users).where(eq(users.id, userId)).get();
    if (!before) return false;
    if (before.disabled === disabled) return true;
    const after = tx.update(users).set({ disabled }).where(eq(users.id, userId)).returning().get();
    if (disabled) tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    recordAudit(tx, actor, {
      action: disabled ? 'user.disable' : 'user.enable',
      recordType: 'user',
      recordId: userId,
      before: { disabled: before.disabled },
      after: { disabled: after.disabled },
    });
    return true;
  });
}

/** Deletes the demo accounts (and their sessions): required before running in production. */
export function removeDemoUsers(db: Db, actor: Actor): string[] {
  return db.transaction((tx) => {
    const demo = tx.select().from(users).where(eq(users.demo, true)).all();
    for (const user of demo) {
      tx.delete(users).where(eq(users.id, user.id)).run();
      recordAudit(tx, actor, {
        action: 'user.delete',
        recordType: 'user',
        recordId: user.id,
        before: auditable(user, []),
      });
    }
    return demo.map((u) => u.email);
  });
}
