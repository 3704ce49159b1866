import { createHash } from 'node:crypto';
import { eq, lt, sql } from 'drizzle-orm';
import type { Session } from 'fastify';
import './session-types';
import type { Db } from '../../db/client';
import { preparedOnce } from '../../db/prepared';
import { sessions } from '../../db/schema';

type Callback<T = void> = (err?: Error | null, result?: T) => void;

const key = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex');

const sessionRow = preparedOnce((db) =>
  db
    .select({ data: sessions.data, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare(),
);

/** What a session holds besides its cookie (whose expiry moves on every request). */
const contentOf = (session: Session) => JSON.stringify({ ...session, cookie: undefined });

/**
 * @fastify/session's store, in SQLite. Keys are hashes of the cookie's
 * session id; a session past its expiry is treated as gone. Expired rows are
 * swept now and then as sessions are saved.
 *
 * Sessions roll (each request moves the idle expiry on), but a session
 * whose content has not changed is written again only once its expiry has
 * moved by a tenth of the idle time (at most a minute): reading pages does
 * not write to the database on every request, and the idle expiry holds to
 * within that.
 */
export class SqliteSessionStore {
  private saves = 0;
  /** What this process last wrote of each session, by key. */
  private readonly written = new Map<string, { content: string; expiresAt: number }>();
  private readonly touchMs: number;

  constructor(
    private readonly db: Db,
    idleMs = 8 * 3600_000,
  ) {
    this.touchMs = Math.min(60_000, idleMs / 10);
  }

  get(sessionId: string, callback: Callback<Session | null>): void {
    try {
      const row = sessionRow(this.db).get({ id: key(sessionId) });
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
      const id = key(sessionId);
      const content = contentOf(session);
      const last = this.written.get(id);
      if (last && last.content === content && expires.getTime() - last.expiresAt < this.touchMs) {
        callback(null);
        return;
      }
      const data = JSON.stringify(session);
      const userId = typeof session.userId === 'number' ? session.userId : null;
      this.db
        .insert(sessions)
        .values({ id, userId, data, expiresAt: expires })
        .onConflictDoUpdate({ target: sessions.id, set: { userId, data, expiresAt: expires } })
        .run();
      if (this.written.size >= 10_000) this.written.clear();
      this.written.set(id, { content, expiresAt: expires.getTime() });
      if (++this.saves % 100 === 0) this.sweep();
      callback(null);
    } catch (error) {
      callback(error as Error);
    }
  }

  destroy(sessionId: string, callback: Callback): void {
    try {
      this.written.delete(key(sessionId));
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
