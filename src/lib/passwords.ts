import { hash, hashSync, verify, verifySync } from '@node-rs/argon2';

/**
 * Passwords are hashed with argon2id (the library's default algorithm) at
 * its default cost, which OWASP lists as a sound minimum.
 */
const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function hashPasswordSync(password: string): string {
  return hashSync(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export function verifyPasswordSync(passwordHash: string, password: string): boolean {
  try {
    return verifySync(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a password nobody has, checked when the email is unknown so
 * that a wrong email takes as long to refuse as a wrong password.
 */
let dummy: string | undefined;
export function dummyHash(): string {
  dummy ??= hashSync('no account has this password, it only costs time');
  return dummy;
}

/** Null when acceptable, or what is wrong with it. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 256) return 'Password must be 256 characters or fewer';
  return null;
}
