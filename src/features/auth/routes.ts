import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { field } from '../../lib/validation';
import { actorOf, renewCsrfSecret } from '../../plugins/auth';
import { LoginPage } from '../../../views/auth/LoginPage';
import { checkSignIn, recordSignOut } from './commands';
import { safeNext } from './redirects';

class TooManyAttempts extends Error {
  readonly statusCode = 429;
  constructor(seconds: number) {
    super(`Too many sign-in attempts. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`);
  }
}

const GENERIC_FAILURE = 'Enter the email address and password of an active account';

/** Sign in at /login, sign out (POST) at /logout. */
const authRoutes: FastifyPluginAsync = async (app) => {
  await app.register(rateLimit, { global: false });
  const perMinute = app.config.loginAttemptsPerMinute;
  const tooMany = (_request: FastifyRequest, context: { ttl: number }) =>
    new TooManyAttempts(Math.max(1, Math.ceil(context.ttl / 1000)));
  // A second limiter, keyed by the email typed: the route's own limiter (per IP) marks
  // the request as limited, so this one is applied by hand.
  const perEmail = app.createRateLimit({
    max: perMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => `email:${field(request.body, 'email').toLowerCase()}`,
  });

  app.get<{ Querystring: { next?: string } }>('/login', async (request, reply) => {
    const next = safeNext(request.query.next);
    if (request.user) return reply.redirect(next, 303);
    return reply.page({ title: 'Sign in', body: LoginPage({ csrfToken: reply.csrfToken(), next }) });
  });

  app.post(
    '/login',
    {
      config: {
        // Per IP address …
        rateLimit: { max: perMinute, timeWindow: 60_000, errorResponseBuilder: tooMany },
      },
      // … and per email address, whichever runs out first.
      preHandler: async (request) => {
        const attempt = await perEmail(request);
        if (!attempt.isAllowed && attempt.isExceeded) throw new TooManyAttempts(Math.max(1, attempt.ttlInSeconds));
      },
    },
    async (request, reply) => {
      const email = field(request.body, 'email');
      const password =
        typeof (request.body as Record<string, unknown> | undefined)?.password === 'string'
          ? String((request.body as Record<string, unknown>).password)
          : '';
      const next = safeNext(field(request.body, 'next'));
      const errors: Record<string, string> = {};
      if (!email) errors.email = 'Enter your email address';
      if (!password) errors.password = 'Enter your password';
      if (Object.keys(errors).length === 0) {
        const result = await checkSignIn(app.db, request.ip, email, password, app.now());
        if (result.ok) {
          // A new session id at sign-in: a session id planted before cannot be ridden.
          await request.session.regenerate();
          request.session.userId = result.userId;
          renewCsrfSecret(reply);
          if (request.headers['hx-request'] === 'true') return reply.header('hx-redirect', next).status(204).send();
          return reply.redirect(next, 303);
        }
        errors.email = GENERIC_FAILURE;
      }
      return reply.page({
        title: 'Sign in',
        body: LoginPage({ csrfToken: reply.csrfToken(), next, email, errors }),
        status: 422,
      });
    },
  );

  app.post('/logout', async (request, reply) => {
    if (request.user) recordSignOut(app.db, actorOf(request));
    await request.session.destroy();
    renewCsrfSecret(reply);
    return reply.redirect('/', 303);
  });
};

export default authRoutes;
