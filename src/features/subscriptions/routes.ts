import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { fields } from '../../lib/validation';
import { looksLikeToken } from '../../lib/tokens';
import { actorOf } from '../../plugins/auth';
import { baseUrlOf, privately, siteUrlOf } from '../../plugins/views';
import { ConfirmPage } from '../../../views/components/Confirm';
import { MessagePage, SubscribePage } from '../../../views/subscriptions/SubscriptionPages';
import { listCommittees } from '../committees/queries';
import {
  confirmSubscription,
  requestSubscription,
  sendSubscriptions,
  SUBSCRIBE_FIELDS,
  unsubscribe,
  type LinkOutcome,
  type SubscribeForm,
} from './commands';
import { followedLabel } from './messages';
import { subscriptionByConfirmToken, subscriptionByUnsubscribeToken, type SubscriptionView } from './queries';

/** How often what was published is sent to the subscriptions due. */
export const SWEEP_MS = 60_000;
/** Subscription requests one address may send in an hour. */
const REQUESTS_PER_HOUR = 20;

type TokenParams = { Params: { token: string } };

const labelOf = (s: SubscriptionView) =>
  followedLabel({ scope: s.scope, committeeName: s.committee?.name ?? null, query: s.query, frequency: s.frequency });

const UNKNOWN_LINK = {
  title: 'This link does not work',
  paragraphs: [
    'It is not a link that we sent. Check that you copied the whole link from the email, or ask for emails again.',
  ],
  link: { href: '/subscribe', text: 'Get emails when things are published' },
};

/**
 * Email alerts (no account): /subscribe asks, the emailed link confirms
 * (double opt-in), and the link in every message, or a mail program's
 * one-click POST to it, ends them. Every minute, the subscriptions due are
 * sent what was published since their last message.
 */
export const subscriptionRoutes: FastifyPluginAsync = async (app) => {
  await app.register(rateLimit, { global: false });
  const perIp = app.createRateLimit({ max: REQUESTS_PER_HOUR, timeWindow: 60 * 60_000 });

  let timer: NodeJS.Timeout | null = null;
  const sweep = () => {
    try {
      if (sendSubscriptions(app.db, app.now(), { base: siteUrlOf(app) }) > 0) app.mail.kick();
    } catch (error) {
      app.log.error({ err: error }, 'sending subscriptions failed');
    }
  };
  app.addHook('onReady', async () => {
    timer = setInterval(sweep, SWEEP_MS);
    timer.unref();
  });
  app.addHook('preClose', async () => {
    if (timer) clearInterval(timer);
  });

  const form = (reply: FastifyReply, values: SubscribeForm, errors: Record<string, string>, status = 200) =>
    reply.page({
      title: Object.keys(errors).length
        ? 'Error: Get emails when things are published'
        : 'Get emails when things are published',
      status,
      body: SubscribePage({ values, errors, committees: listCommittees(app.db), csrfToken: reply.csrfToken() }),
    });

  app.get<{ Querystring: { committee?: string; q?: string } }>('/subscribe', async (request, reply) => {
    const committee = typeof request.query.committee === 'string' ? request.query.committee : '';
    const q = typeof request.query.q === 'string' ? request.query.q : '';
    const scope = q ? 'search' : committee ? 'committee' : '';
    return form(reply, { email: '', scope, committee, q, frequency: 'immediate' }, {});
  });

  app.post('/subscribe', async (request, reply) => {
    const values = fields(request.body, SUBSCRIBE_FIELDS);
    const attempt = await perIp(request);
    if (!attempt.isAllowed && attempt.isExceeded) {
      void reply.header('retry-after', String(Math.max(1, attempt.ttlInSeconds)));
      const minutes = Math.max(1, Math.ceil(attempt.ttlInSeconds / 60));
      return form(
        reply,
        values,
        {
          _form: `Too many requests have come from your connection: try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        },
        429,
      );
    }
    const result = requestSubscription(app.db, actorOf(request), values, app.now(), { base: baseUrlOf(request) });
    if (!result.ok) return form(reply, values, result.errors, 422);
    app.mail.kick();
    return reply.seeOther('/subscribe/check-your-email');
  });

  app.get('/subscribe/check-your-email', async (_request, reply) =>
    reply.page({
      title: 'Check your email',
      body: MessagePage({
        title: 'Check your email',
        paragraphs: [
          'We have sent you a link. Open it to start your emails: nothing is sent until you do.',
          'The link works for 7 days. If no email comes, check your spam folder, or ask again.',
        ],
        link: { href: '/', text: 'Back to the home page' },
      }),
    }),
  );

  const outcomePage = (reply: FastifyReply, outcome: LinkOutcome, what: string, confirming: boolean) => {
    privately(reply);
    if (outcome === 'unknown')
      return reply.page({ title: UNKNOWN_LINK.title, status: 404, body: MessagePage(UNKNOWN_LINK) });
    const pages: Record<Exclude<LinkOutcome, 'unknown'>, { title: string; paragraphs: string[] }> = confirming
      ? {
          done: {
            title: 'Your emails are on',
            paragraphs: [`We will email you about ${what}.`, 'Every email has a link to stop them, whenever you want.'],
          },
          already: {
            title: 'Already confirmed',
            paragraphs: [`This link was already used: emails about ${what} have been confirmed.`],
          },
          expired: {
            title: 'This link has expired',
            paragraphs: ['A confirmation link works for 7 days. Ask for emails again and we will send a new one.'],
          },
        }
      : {
          done: { title: 'You have unsubscribed', paragraphs: [`We will not email you about ${what} again.`] },
          already: {
            title: 'Already unsubscribed',
            paragraphs: [`You had already unsubscribed: we do not email you about ${what}.`],
          },
          expired: { title: 'Already unsubscribed', paragraphs: [`We do not email you about ${what}.`] },
        };
    const page = pages[outcome];
    return reply.page({
      title: page.title,
      body: MessagePage({ ...page, link: { href: '/subscribe', text: 'Get emails about something else' } }),
    });
  };

  app.get<TokenParams>('/subscriptions/confirm/:token', async (request, reply) => {
    const { token } = request.params;
    const s = looksLikeToken(token) ? subscriptionByConfirmToken(app.db, token) : null;
    if (!s) return outcomePage(reply, 'unknown', '', true);
    if (s.status !== 'pending') return outcomePage(reply, 'already', labelOf(s), true);
    if (!s.confirmExpiresAt || s.confirmExpiresAt <= app.now()) return outcomePage(reply, 'expired', labelOf(s), true);
    privately(reply);
    return reply.page({
      title: 'Confirm your emails',
      body: ConfirmPage({
        title: 'Confirm your emails',
        paragraphs: [
          `You asked for emails about ${labelOf(s)}, ${s.frequency === 'daily' ? 'as a daily digest' : 'as things are published'}.`,
        ],
        action: `/subscriptions/confirm/${token}`,
        values: {},
        confirmText: 'Yes, send me these emails',
        back: { text: 'No, I did not ask for this', href: '/' },
        csrfToken: reply.csrfToken(),
      }),
    });
  });

  app.post<TokenParams>('/subscriptions/confirm/:token', async (request, reply) => {
    const { token } = request.params;
    const s = looksLikeToken(token) ? subscriptionByConfirmToken(app.db, token) : null;
    if (!s) return outcomePage(reply, 'unknown', '', true);
    return outcomePage(reply, confirmSubscription(app.db, actorOf(request), token, app.now()), labelOf(s), true);
  });

  app.get<TokenParams>('/unsubscribe/:token', async (request, reply) => {
    const { token } = request.params;
    const s = looksLikeToken(token) ? subscriptionByUnsubscribeToken(app.db, token) : null;
    if (!s) return outcomePage(reply, 'unknown', '', false);
    if (s.status === 'unsubscribed') return outcomePage(reply, 'already', labelOf(s), false);
    privately(reply);
    return reply.page({
      title: 'Stop these emails?',
      body: ConfirmPage({
        title: 'Stop these emails?',
        paragraphs: [`We will stop emailing you about ${labelOf(s)}.`],
        action: `/unsubscribe/${token}`,
        values: {},
        confirmText: 'Yes, unsubscribe',
        back: { text: 'No, keep them', href: '/' },
        csrfToken: reply.csrfToken(),
        destructive: true,
      }),
    });
  });

  // The page's button, or a mail program's one-click POST (RFC 8058: "List-Unsubscribe=One-Click", no CSRF token).
  app.post<TokenParams>('/unsubscribe/:token', { config: { csrf: false } }, async (request, reply) => {
    const { token } = request.params;
    const s = looksLikeToken(token) ? subscriptionByUnsubscribeToken(app.db, token) : null;
    if (!s) return outcomePage(reply, 'unknown', '', false);
    return outcomePage(reply, unsubscribe(app.db, actorOf(request), token, app.now()), labelOf(s), false);
  });
};
