import { createHash } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import type { Session } from 'fastify';
import './session-types';
import type { Db } from '../../db/client';
import { sessions } from '../../db/schema';

type Callback<T = void> = (err?: Error | null, result?: T) => void;

const key = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex');

/**
 * @fastify/session's store, in SQLite. Keys are hashes of the cookie's
 * session id; a session past its expiry is treated as gone. Expired rows are
 * swept now and then as sessions are saved.
 */
export class SqliteSessionStore {
  private saves = 0;

  constructor(private readonly db: Db) {}

  get(sessionId: string, callback: Callback<Session | null>): void {
    try {
      const row = this.db
        .select()
        .from(sessions)
        .where(eq(sessions.id, key(sessionId)))
        .get();
      if (!row || row.expiresAt.getTime() <= Date.now()) {
        callback(null, null);
        return;
      }
      callback(null, JSON.parse(row.data) as Session);
    } catch (error) {
      callback(error as Error);
    }
  }

  set(sessionId: string, session: Session, callback: Callback): void {
    try {
      const expires = session.cookie.expires ? new Date(session.cookie.expires) : new Date(Date.now() + 8 * 3600_000);
      const data = JSON.stringify(session);
      const userId = typeof session.userId === 'number' ? session.userId : null;
      this.db
        .insert(sessions)
        .values({ id: key(sessionId), userId, data, expiresAt: expires })
        .onConflictDoUpdate({ target: sessions.id, set: { userId, data, expiresAt: expires } })
        .run();
      if (++this.saves % 100 === 0) this.sweep();
      callback(null);
    } catch (error) {
      callback(error as Error);
    }
  }

  destroy(sessionId: string, callback: Callback): void {
    try {
      this.db
        .delete(sessions)
        .where(eq(sessions.id, key(sessionId)))
        .run();
      callback(null);
    } catch (error) {
      callback(error as Error);
    }
  }

  /** Deletes expired sessions. */
  sweep(now = new Date()): number {
    return this.db.delete(sessions).where(lt(sessions.expiresAt, now)).run().changes;
  }
}
