import { createHmac } from 'node:crypto';
import { hashToken } from '../../../lib/tokens';
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

export { hashToken, looksLikeToken, newToken } from '../../../lib/tokens';
