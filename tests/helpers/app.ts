import type { FastifyInstance, RouteOptions } from 'fastify';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { openDatabase, type Database } from '../../src/db/client';

export interface TestAppOptions {
  /** Load the demo committee (Buckinghamshire HASC). */
  demo?: boolean;
  /** Fix the clock. */
  now?: Date;
  /** A clock the test moves (instead of `now`). */
  clock?: () => Date;
  env?: Record<string, string>;
  /** Register extra routes in the site, before the app is ready (error handling tests). */
  extend?: (site: FastifyInstance) => void;
  /** Receives the log, one JSON line at a time (set LOG_LEVEL in env to hear it). */
  logStream?: { write(line: string): void };
  /** Hears of every route as it is registered. */
  onRoute?: (route: RouteOptions) => void;
}

export interface TestApp {
  app: FastifyInstance;
  db: Database;
}

/**
 * The real app on a fresh, migrated in-memory database. Call once per test
 * file (or per test) and close it in afterAll.
 */
export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_PATH: ':memory:',
    DEMO_DATA: options.demo ? 'true' : 'false',
    // Tests sign in often from one address; the rate-limit test sets its own.
    LOGIN_ATTEMPTS_PER_MINUTE: '1000',
    QUESTIONS_PER_HOUR: '10000',
    API_REQUESTS_PER_MINUTE: '100000',
    ...options.env,
  });
  const db = openDatabase(':memory:');
  const now = options.now;
  const app = await buildApp(config, {
    db,
    now: options.clock ?? (now ? () => now : undefined),
    extend: options.extend,
    logStream: options.logStream,
    onRoute: options.onRoute,
  });
  await app.ready();
  return { app, db };
}
