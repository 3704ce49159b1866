/**
 * A change refused because what it would change is part of a record that is
 * now locked (approved minutes, and the agenda they record). The errors
 * plugin answers it with 409 and this message.
 */
export class LockedError extends Error {
  readonly statusCode = 409;
  readonly code = 'LOCKED';
}
