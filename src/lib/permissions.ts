import type { UserRole } from './enums';

/** Who is asking, as far as permissions care (a signed-in user). */
export interface Permitted {
  role: UserRole;
  personId: number | null;
  /** Committees the user is assigned to (a clerk manages them; a member belongs to them). */
  committeeIds: number[];
}

/**
 * What a /manage route needs. Every /manage route declares one in its
 * config; the manage plugin checks it before the handler runs.
 *
 * - signed_in: any signed-in user (their own home page).
 * - directory: clerks (the shared directory of people and organisations; setting up a committee).
 * - committee_read: clerks and members of the route's committee (drafts, exempt papers), and
 *   the owners of the action the route names (an owner may be on another committee, or none).
 * - committee_manage: clerks of the route's committee.
 * - action_update: owners of the route's action, and clerks of its committee.
 * - admin: administrators only (users).
 *
 * Administrators may do everything.
 */
export const ACCESS_LEVELS = [
  'signed_in',
  'directory',
  'committee_read',
  'committee_manage',
  'action_update',
  'admin',
] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

/** What a route's URL points at, as far as permissions care. */
export interface Scope {
  committeeId: number | null;
  /** People who own the action the URL names. */
  actionOwnerPersonIds: number[];
}

export const EMPTY_SCOPE: Scope = { committeeId: null, actionOwnerPersonIds: [] };

function inCommittee(user: Permitted, scope: Scope): boolean {
  return scope.committeeId !== null && user.committeeIds.includes(scope.committeeId);
}

function ownsAction(user: Permitted, scope: Scope): boolean {
  return user.personId !== null && scope.actionOwnerPersonIds.includes(user.personId);
}

/** The one place that decides role × committee permissions. */
export function allows(user: Permitted, access: Access, scope: Scope): boolean {
  if (user.role === 'admin') return true;
  switch (access) {
    case 'signed_in':
      return true;
    case 'directory':
      return user.role === 'clerk';
    case 'committee_read':
      return inCommittee(user, scope) || ownsAction(user, scope);
    case 'committee_manage':
      return user.role === 'clerk' && inCommittee(user, scope);
    case 'action_update':
      return (user.role === 'clerk' && inCommittee(user, scope)) || ownsAction(user, scope);
    case 'admin':
      return false;
  }
}

/** Whether the user may manage (edit) a committee: for showing or hiding controls. */
export function canManageCommittee(user: Permitted, committeeId: number): boolean {
  return allows(user, 'committee_manage', { committeeId, actionOwnerPersonIds: [] });
}
