import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ACCESS_LEVELS, allows, type Access } from '../lib/permissions';
import { resolveScope } from '../features/auth/scope';
import { recordAudit } from '../features/audit/commands';
import { actorOf } from './auth';
import { ForbiddenPage, SignedOutPage } from '../../views/auth/RefusalPages';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may use a /manage route: checked before the handler runs. */
    access?: Access;
  }
  interface FastifyInstance {
    /** Every /manage route with the access it declares (read by the permission tests). */
    manageRoutes: { method: string; url: string; access: Access }[];
  }
}

export interface ManageOptions {
  routes: FastifyPluginAsync[];
}

function loginUrl(request: FastifyRequest): string {
  return `/login?next=${encodeURIComponent(request.url)}`;
}

function refuseSignedOut(request: FastifyRequest, reply: FastifyReply) {
  const reading = request.method === 'GET' || request.method === 'HEAD';
  if (request.headers['hx-request'] === 'true' && reading) {
    // The page's script sends the user to sign in (static/js/app.js): nothing typed is lost by a read.
    return reply.status(401).send('');
  }
  if (reading) return reply.redirect(loginUrl(request), 302);
  // A form sent after the session ended: say so above it, and sign in beside it, so it can be sent again.
  return reply.refuse({
    status: 401,
    title: 'You have been signed out',
    body: SignedOutPage({ loginUrl: loginUrl(request) }),
    message:
      'Nothing was saved: your session had ended. Sign in again in a new tab, then send this form again: what you typed is still here.',
    link: { href: '/login?next=/manage', text: 'Sign in again' },
  });
}

/**
 * The /manage tree: one hook makes sure someone is signed in, one checks the
 * route's declared access against what its URL points at. A route that
 * declares no access cannot be registered.
 */
export const manage: FastifyPluginAsync<ManageOptions> = async (app: FastifyInstance, opts) => {
  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (!access || !ACCESS_LEVELS.includes(access)) {
      throw new Error(`/manage route ${String(route.method)} ${route.url} must declare config.access`);
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method !== 'HEAD') app.manageRoutes.push({ method, url: route.url, access });
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    if (!request.user) return refuseSignedOut(request, reply);
  });

  // Nothing under /manage is kept by a browser or a shared cache: drafts, exempt papers, members' packs.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'private, no-store');
    return payload;
  });

  app.addHook('preHandler', async (request, reply) => {
    const user = request.user;
    if (!user) return refuseSignedOut(request, reply);
    const access = request.routeOptions.config.access ?? 'admin';
    const scope = resolveScope(app.db, (request.params ?? {}) as Record<string, string>);
    if (!scope) return reply.callNotFound();
    if (allows(user, access, scope)) return;
    app.db.transaction((tx) =>
      recordAudit(tx, actorOf(request), {
        action: 'permission.refused',
        recordType: 'route',
        recordId: `${request.method} ${request.routeOptions.url ?? request.url}`,
        after: { url: request.url, access, role: user.role },
      }),
    );
    return reply.refuse({
      status: 403,
      title: 'You cannot do that',
      body: ForbiddenPage(),
      message:
        'Your account does not give you access to this page or this change. If you think it should, ask the clerk of the committee or an administrator.',
    });
  });

  for (const routes of opts.routes) await app.register(routes);
};
