import type { FastifyPluginAsync } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { field } from '../../lib/validation';
import { actorOf, renewCsrfSecret } from '../../plugins/auth';
import { LoginPage } from '../../../views/auth/LoginPage';
import { checkSignIn, recordSignOut } from './commands';
import { safeNext } from './redirects';

const GENERIC_FAILURE = 'Enter the email address and password of an active account';

/** Sign in at /login, sign out (POST) at /logout. */
const authRoutes: FastifyPluginAsync = async (app) => {
  await app.register(rateLimit, { global: false });
  const perMinute = app.config.loginAttemptsPerMinute;
  // Two limiters, per IP address and per email address typed, whichever runs out first. Both are
  // applied once the form is read, so a refusal is the sign-in form again with the email kept
  // and one message in its error summary (never a second box above it).
  const perIp = app.createRateLimit({ max: perMinute, timeWindow: 60_000 });
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
      preHandler: async (request, reply) => {
        for (const limiter of [perIp, perEmail]) {
          const attempt = await limiter(request);
          if (attempt.isAllowed || !attempt.isExceeded) continue;
          const seconds = Math.max(1, attempt.ttlInSeconds);
          const message = `Too many sign-in attempts. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
          return reply
            .status(429)
            .header('retry-after', String(seconds))
            .page({
              title: 'Sign in',
              status: 429,
              body: LoginPage({
                csrfToken: reply.csrfToken(),
                next: safeNext(field(request.body, 'next')),
                email: field(request.body, 'email'),
                errors: { email: message },
              }),
            });
        }
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
