import { createHash, createHmac, randomBytes } from 'node:crypto';
import { auditKeyOf, type Db } from '../../../db/client';

/**
 * The unguessable links of an asker (to follow their question) and an answerer
 * (to send the answer back), with no account. Only a token's hash is stored.
 *
 * An asker's link is derived from the question's id with a key held outside
 * the database (derived from the audit key), so each later email can carry the
 * same link without the link itself being stored. An answerer's link is random
 * and used once; asking someone else makes a new one.
 */
export function statusToken(db: Db, questionId: number): { token: string; hash: string } {
  const linkKey = createHmac('sha256', auditKeyOf(db)).update('scrutineer question links').digest();
  const token = createHmac('sha256', linkKey).update(`status:${questionId}`).digest('base64url');
  return { token, hash: hashToken(token) };
}

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
