import fp from 'fastify-plugin';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { UploadedFile } from '../lib/files';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This route takes a multipart/form-data body (a file upload). Every other route refuses one unread. */
    upload?: boolean;
  }
  interface FastifyRequest {
    /** Files this request staged on disk: removed when it ends, unless kept. */
    staged: UploadedFile[];
  }
}

/** A multipart body refused: a client error with a message a person can act on, logged as no more than that. */
class UploadRefused extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'UploadRefused';
  }
}

const hasBoundary = (request: FastifyRequest) => /;\s*boundary=/i.test(String(request.headers['content-type'] ?? ''));

/**
 * File uploads. A multipart body is read only for a route that takes one
 * (`config.upload`) and a signed-in user; anything else is refused before a
 * byte of it is read. Files are streamed to a temporary file and hashed as
 * they arrive, never held in memory; a malformed or truncated body is a 400.
 */
export default fp(
  async (app) => {
    const fieldSize = 2 * 1024 * 1024;
    await app.register(multipart, {
      throwFileSizeLimit: false,
      // Fields up to 2 MB: pasted minutes are checked against their own 1 MB limit, never cut short unseen.
      limits: { fileSize: app.config.maxUploadBytes, files: 1, fields: 20, fieldSize, parts: 21 },
    });
    app.decorateRequest('staged', null as unknown as UploadedFile[]);

    app.addHook('preValidation', async (request) => {
      if (!request.isMultipart()) return;
      if (!hasBoundary(request)) {
        throw new UploadRefused(
          400,
          'The form could not be read: it was sent as an upload with no boundary between its parts. Send it again from the page.',
        );
      }
      // A mail program's one-click unsubscribe may be sent as multipart (RFC 8058): its body is not read.
      if (request.routeOptions.config.csrf === false) return;
      if (request.routeOptions.config.upload !== true) {
        throw new UploadRefused(415, 'This address takes no file upload: send the form from its page.');
      }
      if (!request.user) throw new UploadRefused(401, 'Sign in to upload a file.');
      request.staged = [];
      const body: Record<string, unknown> = {};
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            const file = await app.files.stage(part.file, part.filename);
            request.staged.push(file);
            body[part.fieldname] = file;
          } else if (typeof part.value === 'string') {
            body[part.fieldname] = part.value;
          }
        }
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        if (status === 413) throw new UploadRefused(413, 'The form had more fields or files than it can take.');
        throw new UploadRefused(
          400,
          'The upload did not arrive whole: the connection may have dropped. Nothing was saved; send it again.',
        );
      }
      request.body = body;
    });

    // Whatever was staged and not kept goes before the answer leaves (so the client never sees
    // it still there), or when the request ends unanswered.
    const cleanUp = (request: FastifyRequest) => {
      for (const file of request.staged ?? []) app.files.discard(file);
      request.staged = [];
    };
    app.addHook('onSend', async (request, _reply, payload) => {
      cleanUp(request);
      return payload;
    });
    app.addHook('onResponse', async (request) => cleanUp(request));
    app.addHook('onRequestAbort', async (request) => cleanUp(request));
  },
  { name: 'uploads', dependencies: ['auth'] },
);
