import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import type { Config } from './config';
import { closeDatabase, openDatabase, type Database } from './db/client';
import views from './plugins/views';
import errors from './plugins/errors';
import siteRoutes from './features/site/routes';
import committeeRoutes from './features/committees/routes';
import meetingRoutes from './features/meetings/routes';
import { databaseIsEmpty, loadDemoData } from './features/demo/commands';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Database;
    /** The current time; tests may fix it. */
    now(): Date;
  }
}

export interface AppDependencies {
  /** Use this database instead of opening `config.databasePath` (tests). */
  db?: Database;
  now?: () => Date;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Builds the application: opens the database (applying migrations), loads the
 * demo committee into an empty database when configured to, then registers
 * plugins and features. Closing the app closes the database after the server.
 */
export async function buildApp(config: Config, deps: AppDependencies = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    bodyLimit: 1024 * 1024,
    trustProxy: false,
  });

  const db = deps.db ?? openDatabase(config.databasePath);
  if (config.loadDemoData && databaseIsEmpty(db)) {
    loadDemoData(db);
    app.log.info('Loaded the demo committee into an empty database');
  }

  app.decorate('config', config);
  app.decorate('db', db);
  app.decorate('now', deps.now ?? (() => new Date()));
  app.addHook('onClose', async () => {
    closeDatabase(db);
  });

  await app.register(formbody);
  await app.register(fastifyStatic, {
    root: path.join(ROOT, 'static'),
    prefix: '/static/',
    index: false,
    maxAge: config.nodeEnv === 'production' ? '1h' : 0,
  });
  await app.register(views);
  await app.register(errors, { showDetails: config.nodeEnv === 'development' });

  await app.register(siteRoutes);
  await app.register(committeeRoutes);
  await app.register(meetingRoutes);

  return app;
}
