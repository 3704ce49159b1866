import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundPage, ServerErrorPage, ClientErrorPage } from '../../views/errors/ErrorPages';

export interface ErrorsOptions {
  /** Show error details (the stack) on the 500 page: only with SHOW_ERROR_DETAILS=true, never in production. */
  showDetails: boolean;
}

function isApi(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return path.startsWith('/api/') || path === '/healthz';
}

/** The API, the health check, and a screen's autosave (which asks for JSON). */
function wantsJson(request: FastifyRequest): boolean {
  return isApi(request) || String(request.headers.accept ?? '').startsWith('application/json');
}

const CLIENT_ERROR_TITLES: Record<number, string> = {
  400: 'There is a problem with the request',
  401: 'You need to sign in',
  403: 'You cannot do that',
  405: 'That cannot be done here',
  409: 'This can no longer be changed',
  413: 'What you sent is too large',
  415: 'That type of content cannot be sent here',
  429: 'Too many attempts',
};

/**
 * One place that turns failures into answers: the 404 page, a page naming a
 * bad request (413, 400 …), and the 500 page, which never shows a stack
 * trace outside development. JSON routes get JSON.
 */
export default fp<ErrorsOptions>(
  async (app, opts) => {
    const notFound = (request: FastifyRequest, reply: FastifyReply) => {
      if (wantsJson(request)) return reply.status(404).send({ error: 'Not found', statusCode: 404 });
      return reply.refuse({
        title: 'Page not found',
        body: NotFoundPage(),
        message: 'What this asked for was not found: it may have been removed. Reload the page.',
        status: 404,
      });
    };
    app.setNotFoundHandler(notFound);

    app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const status =
        typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600
          ? error.statusCode
          : 500;
      if (status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ err: { message: error.message, code: error.code } }, 'request refused');

      if (status === 404) return notFound(request, reply);
      if (wantsJson(request)) {
        const message = status >= 500 ? 'Internal server error' : error.message;
        if (isApi(request)) return reply.status(status).send({ error: message, statusCode: status });
        // An autosave gets a refused form's answer, so it can say why (409: the minutes are locked).
        return reply.status(status).send({ ok: false, error: message, statusCode: status, errors: { _form: message } });
      }
      if (status >= 500) {
        return reply.refuse({
          title: 'Sorry, there is a problem with the service',
          body: ServerErrorPage({ detail: opts.showDetails ? (error.stack ?? error.message) : undefined }),
          message: 'Nothing was saved. Try again later: what you typed is still here.',
          status,
        });
      }
      if (error.code?.startsWith('FST_CSRF')) {
        return reply.refuse({
          title: 'This form could not be sent',
          body: ClientErrorPage({
            title: 'This form could not be sent',
            message:
              'Nothing was saved. The page you sent it from had expired, or was not opened from this site. Go back, reload the page, and try again: anything you typed will still be in the form when you go back.',
          }),
          message: 'Nothing was saved: this page had expired. Copy what you typed, reload the page, and send it again.',
          status: 403,
        });
      }
      const title = CLIENT_ERROR_TITLES[status] ?? 'There is a problem with the request';
      const message = status === 413 ? 'The request was larger than the service accepts.' : error.message;
      return reply.refuse({ title, body: ClientErrorPage({ title, message }), message, status });
    });
  },
  { name: 'errors', dependencies: ['views'] },
);
