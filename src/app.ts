import http from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import formbody from '@fastify/formbody';
import { FileStore } from './lib/files';
import { RateWindow } from './lib/rate-window';
import { PackBuilder } from './features/agenda/pack-jobs';
import { MailDelivery } from './features/mail/delivery';
import fastifyStatic from '@fastify/static';
import type { Config } from './config';
import { closeDatabase, openDatabase, type Database } from './db/client';
import securityHeaders from './plugins/security-headers';
import views from './plugins/views';
import errors from './plugins/errors';
import auth from './plugins/auth';
import uploads from './plugins/uploads';
import { manage } from './plugins/manage';
import siteRoutes from './features/site/routes';
import authRoutes from './features/auth/routes';
import committeeRoutes, { committeeManageRoutes } from './features/committees/routes';
import meetingRoutes, { meetingManageRoutes } from './features/meetings/routes';
import { meetingApiRoutes } from './features/meetings/api';
import { openDataApi } from './features/open-data/api';
import { agendaManageRoutes, agendaPublicRoutes } from './features/agenda/routes';
import { minutesManageRoutes, minutesPublicRoutes } from './features/minutes/routes';
import { organisationManageRoutes } from './features/organisations/routes';
import { peopleManageRoutes } from './features/people/routes';
import { dashboardManageRoutes } from './features/dashboard/routes';
import { actionManageRoutes } from './features/actions/routes/manage';
import { actionPublicRoutes } from './features/actions/routes/public';
import { workProgrammeManageRoutes, workProgrammePublicRoutes } from './features/work-programme/routes';
import { userManageRoutes } from './features/users/routes';
import pageCache, { PublicPages } from './plugins/page-cache';
import { recommendationManageRoutes } from './features/recommendations/routes/manage';
import { recommendationPublicRoutes } from './features/recommendations/routes/public';
import { inquiryManageRoutes, inquiryPublicRoutes } from './features/inquiries/routes';
import { feedRoutes } from './features/feeds/routes';
import { searchRoutes } from './features/search/routes';
import { subscriptionRoutes } from './features/subscriptions/routes';
import { downloadRoutes } from './features/open-data/routes';
import { questionManageRoutes } from './features/questions/routes/manage';
import { questionPublicRoutes } from './features/questions/routes/public';
import questionRetention from './features/questions/retention';
import { mailManageRoutes } from './features/mail/routes';
import { demoAccounts } from './features/users/queries';
import { ensureSetting } from './features/settings/commands';
import { databaseIsEmpty, loadDemoData } from './features/demo/commands';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Database;
    /** The current time; tests may fix it. */
    now(): Date;
    /** A random id made once per installation: keeps calendar UIDs unique and stable. */
    installationId: string;
    /** Uploaded papers and built packs. */
    files: FileStore;
    /** Builds agenda packs in the background. */
    packs: PackBuilder;
    /** Delivers the outbox; call `kick()` after a transaction that queued mail has committed. */
    mail: MailDelivery;
  }
}

export interface AppDependencies {
  /** Use this database instead of opening `config.databasePath` (tests). */
  db?: Database;
  now?: () => Date;
  /** Adds routes to the site, with its pages, errors and sessions (tests). */
  extend?: (site: FastifyInstance) => void | Promise<void>;
  /** Where the log goes instead of standard output (tests read it). */
  logStream?: { write(line: string): void };
  /** Hears of every route as it is registered (the fuzz test reads the whole table). */
  onRoute?: (route: RouteOptions) => void;
}

/** The app refuses to start (a bad state, not a bad variable). */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Builds the application: opens the database (applying migrations), loads the
 * demo committee into an empty database when configured to, then registers
 * plugins and features. Closing the app closes the database after the server.
 */
export async function buildApp(config: Config, deps: AppDependencies = {}): Promise<FastifyInstance> {
  // Public pages from memory, answered before Fastify sees the request (src/plugins/page-cache.ts).
  const pages = new PublicPages();
  // The open-data API's limit per address, counted by the server in front and by the API alike.
  const apiLimit = new RateWindow(config.apiRequestsPerMinute, 60_000);
  pages.limitApi(apiLimit, config.trustProxy);
  const app = Fastify({
    serverFactory: (handler, fastifyOptions) => {
      const options = fastifyOptions as {
        keepAliveTimeout?: number;
        requestTimeout?: number;
        connectionTimeout?: number;
      };
      const server = http.createServer((request, response) => {
        if (!pages.serve(request, response)) handler(request, response);
      });
      // As Fastify sets up a server it makes itself.
      server.keepAliveTimeout = options.keepAliveTimeout ?? 72_000;
      server.requestTimeout = options.requestTimeout ?? 0;
      server.setTimeout(options.connectionTimeout ?? 0);
      return server;
    },
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.body.password'],
      ...(deps.logStream ? { stream: deps.logStream } : {}),
    },
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
  });

  const db = deps.db ?? openDatabase(config.databasePath, { auditKey: config.auditKey });
  const files = new FileStore(config.filesPath);
  if (config.loadDemoData && databaseIsEmpty(db)) {
    await loadDemoData(db, files, { now: deps.now?.() ?? new Date() });
    app.log.info('Loaded the demo committee into an empty database');
  }
  if (config.nodeEnv === 'production') {
    const demo = demoAccounts(db);
    if (demo.length > 0) {
      closeDatabase(db);
      throw new StartupError(
        `demo accounts exist (${demo.map((d) => d.email).join(', ')}); remove them with "npm run user -- remove-demo" before running in production`,
      );
    }
  }

  if (deps.onRoute) app.addHook('onRoute', deps.onRoute);
  app.decorate('config', config);
  app.decorate('db', db);
  app.decorate('now', deps.now ?? (() => new Date()));
  app.decorate(
    'installationId',
    ensureSetting(db, 'installation_id', () => randomUUID()),
  );
  app.decorate('files', files);
  app.decorate('packs', new PackBuilder(db, files, app.log));
  app.decorate(
    'mail',
    new MailDelivery({ db, log: app.log, now: () => app.now(), smtpUrl: config.smtpUrl, from: config.mailFrom }),
  );
  app.addHook('onClose', async () => {
    // Finish the packs being built and the message being sent, then close the database under them.
    await Promise.all([app.packs.idle(), app.mail.stop()]);
    closeDatabase(db);
  });
  app.addHook('onReady', async () => {
    const resumed = app.packs.resume();
    if (resumed > 0) app.log.info({ versions: resumed }, 'building agenda packs left unfinished');
    if (config.nodeEnv === 'production' && !config.smtpUrl) {
      app.log.warn('SMTP_URL is not set: mail is only written to the log, not sent');
    }
    // Delivers what was queued while the server was down, then whatever comes due.
    app.mail.start();
  });

  // First: a signed-out visitor's public page may be answered from memory, before any other work.
  await app.register(pageCache, { pages });
  // How long the app took to answer (not what memory answers): browsers' tools and the bench read it.
  app.addHook('onSend', async (_request, reply, payload) => {
    void reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(2)}`);
    return payload;
  });
  await app.register(securityHeaders, {
    helmet: {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          objectSrc: ["'none'"],
          ...(config.cookieSecure ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      // HSTS only where the site is served over HTTPS.
      strictTransportSecurity: config.cookieSecure ? { maxAge: 31536000, includeSubDomains: true } : false,
    },
  });
  await app.register(formbody);
  // Static files sit outside the site's context: a stylesheet or script needs no session read,
  // user lookup or session write (there are several for every page).
  await app.register(
    async (assets) => {
      assets.setNotFoundHandler((_request, reply) =>
        reply.code(404).type('text/plain; charset=utf-8').send('Not found'),
      );
      await assets.register(fastifyStatic, {
        root: path.join(ROOT, 'static'),
        prefix: '/',
        index: false,
        maxAge: config.nodeEnv === 'production' ? '1h' : 0,
      });
    },
    { prefix: '/static' },
  );

  app.decorate('manageRoutes', []);
  await app.register(async (site) => {
    await site.register(views);
    await site.register(errors, { showDetails: config.showErrorDetails });
    await site.register(auth);
    await site.register(uploads);

    await site.register(siteRoutes);
    await site.register(authRoutes);
    await site.register(committeeRoutes);
    await site.register(meetingRoutes);
    await site.register(agendaPublicRoutes);
    await site.register(minutesPublicRoutes);
    await site.register(questionPublicRoutes);
    await site.register(actionPublicRoutes);
    await site.register(workProgrammePublicRoutes);
    await site.register(recommendationPublicRoutes);
    await site.register(inquiryPublicRoutes);
    await site.register(feedRoutes);
    await site.register(downloadRoutes);
    await site.register(openDataApi, {
      prefix: '/api/v1',
      limit: apiLimit,
      resources: [meetingApiRoutes],
    });
    await site.register(searchRoutes);
    await site.register(subscriptionRoutes);
    await site.register(questionRetention);

    await site.register(manage, {
      prefix: '/manage',
      routes: [
        dashboardManageRoutes,
        committeeManageRoutes,
        meetingManageRoutes,
        agendaManageRoutes,
        minutesManageRoutes,
        organisationManageRoutes,
        peopleManageRoutes,
        actionManageRoutes,
        workProgrammeManageRoutes,
        recommendationManageRoutes,
        inquiryManageRoutes,
        userManageRoutes,
        questionManageRoutes,
        mailManageRoutes,
      ],
    });
    await deps.extend?.(site);
  });

  return app;
}
