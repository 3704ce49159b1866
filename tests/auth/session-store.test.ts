import { afterAll, describe, expect, it } from 'vitest';
import type { Session } from 'fastify';
import { closeDatabase, openDatabase } from '../../src/db/client';
import { sessions } from '../../src/db/schema';
import { SqliteSessionStore } from '../../src/features/auth/session-store';

/**
 * Rolling sessions without a write per request: the store writes a session
 * again when what it holds changes, or when its expiry has moved on by a
 * tenth of the idle time (at most a minute), and never brings back one that
 * was destroyed.
 */
const db = openDatabase(':memory:');
afterAll(() => closeDatabase(db));

const IDLE = 10 * 60_000;
const store = new SqliteSessionStore(db, IDLE);
const sessionAt = (expires: number, extra: Record<string, unknown> = {}) =>
  ({ cookie: { expires: new Date(expires), originalMaxAge: IDLE }, ...extra }) as unknown as Session;
const save = (id: string, session: Session) =>
  new Promise<void>((resolve, reject) => store.set(id, session, (error) => (error ? reject(error) : resolve())));
const load = (id: string) =>
  new Promise<Session | null | undefined>((resolve, reject) =>
    store.get(id, (error, session) => (error ? reject(error) : resolve(session))),
  );
const storedExpiry = () => db.select().from(sessions).get()?.expiresAt.getTime();

describe('the session store', () => {
  it('writes a rolled session again only when it changes or its expiry has moved a tenth of the idle time', async () => {
    const start = Date.now() + IDLE;
    await save('abc', sessionAt(start, { next: '/manage' }));
    expect(storedExpiry()).toBe(start);
    // Read again 30 s later: the same session, its expiry 30 s on, is not written.
    await save('abc', sessionAt(start + 30_000, { next: '/manage' }));
    expect(storedExpiry()).toBe(start);
    // A minute on (a tenth of ten minutes): written.
    await save('abc', sessionAt(start + 60_000, { next: '/manage' }));
    expect(storedExpiry()).toBe(start + 60_000);
    // What it holds changed (a message to show): written at once.
    await save('abc', sessionAt(start + 61_000, { next: '/manage', flash: 'Saved' }));
    expect(storedExpiry()).toBe(start + 61_000);
    expect((await load('abc'))?.flash).toBe('Saved');
  });

  it('does not bring back a session deleted behind it (signed out everywhere) by an unchanged save', async () => {
    const start = Date.now() + IDLE;
    await save('def', sessionAt(start, { next: '/manage' }));
    db.delete(sessions).run();
    await save('def', sessionAt(start + 30_000, { next: '/manage' }));
    expect(await load('def')).toBeNull();
  });

  it('writes a session afresh once the store itself has destroyed it', async () => {
    const start = Date.now() + IDLE;
    await save('ghi', sessionAt(start, { next: '/manage' }));
    await new Promise<void>((resolve) => store.destroy('ghi', () => resolve()));
    expect(await load('ghi')).toBeNull();
    await save('ghi', sessionAt(start + 1000, { next: '/manage' }));
    expect(JSON.stringify(await load('ghi'))).toContain('/manage');
  });
});
