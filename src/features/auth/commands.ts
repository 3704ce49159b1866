import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { dummyHash, verifyPassword } from '../../lib/passwords';
import { recordAudit, type Actor } from '../audit/commands';
import { users } from '../../db/schema';
import { findUserByEmail } from '../users/queries';

export type SignInResult = { ok: true; userId: number; email: string } | { ok: false };

/**
 * Checks an email and password. Unknown email, wrong password and disabled
 * account all answer the same, after the same work (a hash is always
 * verified), and are recorded in the audit trail like successes.
 */
export async function checkSignIn(
  db: Db,
  ip: string,
  email: string,
  password: string,
  now: Date,
): Promise<SignInResult> {
  const normalised = email.trim().toLowerCase();
  const user = findUserByEmail(db, normalised);
  const passwordOk = await verifyPassword(user?.passwordHash ?? dummyHash(), password);
  const ok = Boolean(user && passwordOk && !user.disabled);
  const actor: Actor = { userId: ok && user ? user.id : null, email: normalised, ip };
  db.transaction((tx) => {
    if (ok && user) tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id)).run();
    recordAudit(tx, actor, {
      action: ok ? 'auth.sign_in' : 'auth.sign_in_failed',
      recordType: 'user',
      recordId: user?.id ?? null,
      after: ok
        ? { email: normalised }
        : {
            email: normalised,
            reason: !user ? 'unknown email' : user.disabled ? 'account disabled' : 'wrong password',
          },
      at: now,
    });
  });
  return ok && user ? { ok: true, userId: user.id, email: user.email } : { ok: false };
}

export function recordSignOut(db: Db, actor: Actor): void {
  db.transaction((tx) =>
    recordAudit(tx, actor, { action: 'auth.sign_out', recordType: 'user', recordId: actor.userId }),
  );
}
