import { asc, eq, inArray, sql } from 'drizzle-orm';
import { preparedOnce } from '../../db/prepared';
import type { Db } from '../../db/client';
import { committees, userCommittees, users } from '../../db/schema';
import type { UserRole } from '../../lib/enums';

/** The signed-in user as every request sees it. */
export interface CurrentUser {
  id: number;
  email: string;
  displayName: string;
  role: UserRole;
  personId: number | null;
  /** Committees the user is assigned to (a clerk manages them; a member belongs to them). */
  committeeIds: number[];
}

/** Read on every signed-in request: built once. */
const userRows = preparedOnce((db) => ({
  user: db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      personId: users.personId,
      disabled: users.disabled,
    })
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare(),
  committees: db
    .select({ committeeId: userCommittees.committeeId })
    .from(userCommittees)
    .where(eq(userCommittees.userId, sql.placeholder('id')))
    .prepare(),
}));

/** The user for a session, or null when the account is gone or disabled. */
export function currentUser(db: Db, userId: number): CurrentUser | null {
  const rows = userRows(db);
  const user = rows.user.get({ id: userId });
  if (!user || user.disabled) return null;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    personId: user.personId,
    committeeIds: rows.committees.all({ id: userId }).map((a) => a.committeeId),
  };
}

export function findUserByEmail(db: Db, email: string) {
  return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get() ?? null;
}

export interface UserListing {
  id: number;
  email: string;
  displayName: string;
  role: UserRole;
  disabled: boolean;
  demo: boolean;
  lastSignInAt: Date | null;
  committees: string[];
}

/** Every account with the committees it is assigned to (two statements). */
export function listUsers(db: Db): UserListing[] {
  const all = db.select().from(users).orderBy(asc(users.email)).all();
  const links =
    all.length === 0
      ? []
      : db
          .select({ userId: userCommittees.userId, slug: committees.slug })
          .from(userCommittees)
          .innerJoin(committees, eq(committees.id, userCommittees.committeeId))
          .where(
            inArray(
              userCommittees.userId,
              all.map((u) => u.id),
            ),
          )
          .orderBy(asc(committees.slug))
          .all();
  return all.map((u) => ({
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    disabled: u.disabled,
    demo: u.demo,
    lastSignInAt: u.lastSignInAt,
    committees: links.filter((l) => l.userId === u.id).map((l) => l.slug),
  }));
}

/** Email addresses of the demo accounts still in the database. */
export function demoAccounts(db: Db): { email: string; role: UserRole; disabled: boolean }[] {
  return db
    .select({ email: users.email, role: users.role, disabled: users.disabled })
    .from(users)
    .where(eq(users.demo, true))
    .orderBy(asc(users.role))
    .all();
}
