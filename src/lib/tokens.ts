import { createHash, randomBytes } from 'node:crypto';

/**
 * Unguessable links for people without an account (an asker, an answerer,
 * an action's owner). Only a token's hash is ever stored.
 */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A token as it appears in a link: 43 URL-safe characters. Anything else is not one of ours. */
export function looksLikeToken(raw: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(raw);
}
