import { randomBytes } from 'node:crypto';
import fp from 'fastify-plugin';
import fastifyCookie from '@fastify/cookie';
import fastifySession from '@fastify/session';
import csrfProtection from '@fastify/csrf-protection';
import type { FastifyReply, FastifyRequest } from 'fastify';
import '../features/auth/session-types';
import { SqliteSessionStore } from '../features/auth/session-store';
import { currentUser, type CurrentUser } from '../features/users/queries';
import { ensureSetting } from '../features/settings/commands';
import type { Actor } from '../features/audit/commands';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null for the public. */
    user: CurrentUser | null;
  }
  interface FastifyReply {
    /** A CSRF token for forms on this page (creates the session's secret if needed). */
    csrfToken(): string;
  }
  interface FastifyContextConfig {
    /**
     * False for the one POST that needs no CSRF token: a mail program's one-click
     * unsubscribe (RFC 8058), which the token in its address authorises and which
     * changes nothing but that one subscription.
     */
    csrf?: boolean;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The CSRF secret's cookie: __Host- (this host only, HTTPS, whole site) when cookies are Secure. */
export const CSRF_COOKIE = (secure: boolean) => (secure ? '__Host-scrutineer-csrf' : 'scrutineer-csrf');

/** A new CSRF secret from the next page on (at sign-in and sign-out): a token from before no longer works. */
export function renewCsrfSecret(reply: FastifyReply): void {
  void reply.clearCookie(CSRF_COOKIE(reply.server.config.cookieSecure), { path: '/' });
}

/** Who is making this request, for the audit trail. */
export function actorOf(request: FastifyRequest): Actor {
  return { userId: request.user?.id ?? null, email: request.user?.email ?? null, ip: request.ip };
}

/**
 * Sessions (server-side, in SQLite; HttpOnly, SameSite=Lax, Secure when
 * COOKIE_SECURE; idle expiry), the signed-in user on every request, and a
 * CSRF check on every state-changing request, htmx or plain form.
 */
export default fp(
  async (app) => {
    const secret =
      app.config.sessionSecret ?? ensureSetting(app.db, 'session_secret', () => randomBytes(48).toString('base64url'));
    // Signs the CSRF cookie (the session plugin signs its own).
    await app.register(fastifyCookie, { secret });
    await app.register(fastifySession, {
      secret,
      // __Host- cookies are only ever sent to this host, over HTTPS, for the whole site.
      cookieName: app.config.cookieSecure ? '__Host-scrutineer' : 'scrutineer',
      store: new SqliteSessionStore(app.db, app.config.sessionIdleMinutes * 60_000),
      saveUninitialized: false,
      rolling: true,
      cookie: {
        httpOnly: true,
        sameSite: 'lax',
        secure: app.config.cookieSecure,
        path: '/',
        maxAge: app.config.sessionIdleMinutes * 60_000,
      },
    });
    // A signed double-submit cookie holds the CSRF secret, so a visitor who has not signed in
    // has no server-side session at all: the session is made at sign-in.
    await app.register(csrfProtection, {
      sessionPlugin: '@fastify/cookie',
      cookieKey: CSRF_COOKIE(app.config.cookieSecure),
      cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', secure: app.config.cookieSecure, path: '/' },
      // A form field (plain and multipart forms alike), or the header htmx sends.
      getToken: (request) => {
        const body = request.body as Record<string, unknown> | undefined;
        const field = typeof body?._csrf === 'string' ? body._csrf : undefined;
        const header = request.headers['x-csrf-token'];
        return field ?? (typeof header === 'string' ? header : undefined);
      },
    });

    app.decorateRequest('user', null);
    // One token for every form of a response: on a first visit the secret's cookie is only being set.
    const tokens = new WeakMap<FastifyReply, string>();
    app.decorateReply('csrfToken', function csrfToken(this: FastifyReply) {
      let token = tokens.get(this);
      if (token === undefined) {
        token = this.generateCsrf();
        tokens.set(this, token);
      }
      return token;
    });

    app.addHook('onRequest', async (request) => {
      const userId = request.session.userId;
      if (typeof userId !== 'number') return;
      request.user = currentUser(app.db, userId);
      // An account disabled or removed since sign-in: the session ends here.
      if (!request.user) await request.session.destroy();
    });

    // A page drawn for a signed-in user (their name, their sign-out form) is theirs alone.
    app.addHook('onSend', async (request, reply, payload) => {
      if (request.user) reply.header('cache-control', 'private, no-store');
      return payload;
    });

    app.addHook('preHandler', (request, reply, done) => {
      if (UNSAFE_METHODS.has(request.method) && request.routeOptions.config?.csrf !== false)
        app.csrfProtection(request, reply, done);
      else done();
    });
  },
  { name: 'auth', dependencies: ['views'] },
);
