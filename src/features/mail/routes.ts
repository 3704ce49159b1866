import type { FastifyPluginAsync } from 'fastify';
import { MAIL_STATUSES, type MailStatus } from '../../lib/enums';
import { parseId } from '../../lib/params';
import { actorOf } from '../../plugins/auth';
import { OutboxPage } from '../../../views/mail/OutboxPage';
import { OutboxMessagePage } from '../../../views/mail/OutboxMessagePage';
import { getOutboxMessage, listOutbox, outboxCounts, OUTBOX_PAGE_SIZE } from './queries';
import { retryMail } from './commands';

type MessageParams = { Params: { messageId: string } };

function statusOf(raw: unknown): MailStatus | null {
  return typeof raw === 'string' && (MAIL_STATUSES as readonly string[]).includes(raw) ? (raw as MailStatus) : null;
}

/** /manage/outbox: administrators see every email the app has sent or is sending, and try a stuck one again. */
export const mailManageRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { status?: string } }>('/outbox', { config: { access: 'admin' } }, async (request, reply) => {
    const status = statusOf(request.query.status);
    return reply.page({
      title: 'Outbox',
      nav: 'manage',
      body: OutboxPage({
        messages: listOutbox(app.db, status),
        counts: outboxCounts(app.db),
        status,
        limit: OUTBOX_PAGE_SIZE,
        transport: app.mail.transport,
      }),
    });
  });

  app.get<MessageParams>('/outbox/:messageId', { config: { access: 'admin' } }, async (request, reply) => {
    const id = parseId(request.params.messageId);
    const message = id === null ? null : getOutboxMessage(app.db, id);
    if (!message) return reply.callNotFound();
    return reply.page({
      title: message.subject,
      nav: 'manage',
      body: OutboxMessagePage({ message, csrfToken: reply.csrfToken(), now: app.now() }),
    });
  });

  app.post<MessageParams>('/outbox/:messageId/retry', { config: { access: 'admin' } }, async (request, reply) => {
    const id = parseId(request.params.messageId);
    const result = id === null ? null : retryMail(app.db, actorOf(request), id, app.now());
    if (id === null || !result) return reply.callNotFound();
    if (!result.ok) {
      const message = getOutboxMessage(app.db, id);
      if (!message) return reply.callNotFound();
      return reply.page({
        title: message.subject,
        nav: 'manage',
        status: 409,
        body: OutboxMessagePage({ message, csrfToken: reply.csrfToken(), now: app.now(), errors: result.errors }),
      });
    }
    // After the commit: the message is due now, so the next run takes it.
    app.mail.kick();
    return reply.seeOther(`/manage/outbox/${id}`, 'The message will be tried again now');
  });
};
