import type { IncomingHttpHeaders } from 'node:http';
import fp from 'fastify-plugin';
import { localUrl } from '../config';
import { focusFirst } from '../lib/focus';
import kitaHtml from '@kitajs/fastify-html-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Page, type FeedLink, type NavSection } from '../../views/layout/Page';
import { Fragment } from '../../views/layout/Fragment';
import { REFUSAL_NOTICE, RefusalNotice } from '../../views/errors/RefusalNotice';
import '../features/auth/session-types';
import type { FieldErrors } from '../lib/validation';
import type { FormState, FormValues } from '../../views/components/Live';

export interface RenderOptions {
  title: string;
  /** The page's content: markup, or markup kept as UTF-8 (a kept render), sent as it is without being copied into a string. */
  body: JSX.Element | Buffer;
  nav?: NavSection;
  beforeContent?: JSX.Element;
  status?: number;
  /** For an htmx fragment only: the first of these ids found takes the keyboard (see focusFirst). */
  focus?: readonly string[];
  /** Feeds that follow what the page shows, offered in its head (the site's always is). */
  feeds?: readonly FeedLink[];
  /** JSON-LD for the page's head, serialised with jsonForScript. */
  structuredData?: string;
}

/** After a command on a live screen's region: what to answer, however the form was sent. */
export interface ChangeAnswer {
  result: { ok: true } | { ok: false; errors: FieldErrors };
  /** The form as typed: its name (as its region spells it) and values, shown again when refused. */
  form: { name: string; values: FormValues };
  /** The region that changed, alone, with any other region it changed out of band (htmx); null when gone. */
  fragment(state?: FormState): string | null;
  /** The whole screen with the refused form in it (a plain form); null when gone. */
  page(state: FormState): RenderOptions | null;
  /** Where a plain form goes after the change, and what the banner there says. */
  back: string;
  confirmation: string;
  /** The status of a refusal: 422 unless said. */
  status?: number;
  /** A text saved elsewhere meanwhile, shown beside the refused one. */
  conflict?: { text: string; revision: number };
  /** What else an autosave's JSON answer says. */
  json?: Record<string, unknown>;
  /** Where the keyboard goes once the changed region is swapped in: the first of these ids that it holds. */
  focus?: readonly string[];
}

declare module 'fastify' {
  interface FastifyReply {
    /**
     * Answers a change to a region of a live screen: JSON for an autosave
     * (Accept: application/json), the region alone for htmx, or for a plain
     * form the screen again when refused (422) and a redirect when done (303).
     */
    answer(change: ChangeAnswer): FastifyReply;
    /**
     * Sends a page: the whole document, or only its content for an htmx
     * request that is not boosted (with the title, so history stays right).
     */
    page(options: RenderOptions): FastifyReply;
    /**
     * After a change: go to `url` (303, or HX-Redirect for htmx), showing
     * `confirmation` there as a success banner.
     */
    seeOther(url: string, confirmation?: string): FastifyReply;
    /**
     * A request refused (403, 409, 413, 500 …): the page saying so, or, for
     * an htmx request, the message put above the page it came from, so the
     * form that sent it keeps what was typed.
     */
    refuse(options: RefusalOptions): FastifyReply;
  }
}

export interface RefusalOptions {
  status: number;
  title: string;
  /** The whole page, for a request that is not htmx. */
  body: JSX.Element;
  /** One sentence for the notice above an htmx form. */
  message: string;
  link?: { href: string; text: string };
}

/**
 * The site's address, for links that leave it (calendars, feeds, open data):
 * PUBLIC_URL, or else the address the server listens on. Never the request's
 * Host header, which any client can set (evil.example would end up in a feed).
 */
export function baseUrlOf(request: FastifyRequest): string {
  return siteUrlOf(request.server);
}

/** A page reached by a private link (an asker's, a subscriber's): nobody else's cache keeps it, no search engine lists it. */
export const privately = (reply: FastifyReply) =>
  reply.header('cache-control', 'private, no-store').header('x-robots-tag', 'noindex');

/** The same address outside a request (links in the mail a timer sends). */
export function siteUrlOf(app: FastifyInstance): string {
  const { config } = app;
  if (config.publicUrl) return config.publicUrl;
  const address = app.server.address();
  return localUrl(config.host, address && typeof address === 'object' ? address.port : config.port);
}

/** True for htmx requests that want a fragment rather than a whole page. */
export function wantsFragment(request: FastifyRequest): boolean {
  return isFragmentRequest(request.headers);
}

/** The same, from a request's headers alone (the page cache reads them before Fastify does). */
export function isFragmentRequest(headers: IncomingHttpHeaders): boolean {
  return headers['hx-request'] === 'true' && headers['hx-boosted'] !== 'true';
}

/** Where a kept body goes in the page drawn around it (no markup has a NUL). */
const KEPT_BODY = '\u0000kept-body\u0000';

/**
 * The document with a kept body in it, as bytes: the page around it is drawn
 * (its user's name, its tokens), and the body, kept as UTF-8, is copied in as
 * it is; a page of 50 rows is not turned back into a string and encoded again.
 */
function documentAround(shell: string, body: Buffer): Buffer {
  const at = shell.indexOf(KEPT_BODY);
  if (at < 0) throw new Error('The page around a kept body has no place for it');
  const doctype = shell.startsWith('<html') ? '<!doctype html>' : '';
  return Buffer.concat([
    Buffer.from(doctype + shell.slice(0, at)),
    body,
    Buffer.from(shell.slice(at + KEPT_BODY.length)),
  ]);
}

/** Markup to keep (see KeptRenders) as the UTF-8 a page sends: drawn at once, never a promise. */
export function keptHtml(html: JSX.Element): Buffer {
  if (typeof html !== 'string') throw new TypeError('A kept render is drawn at once: this one is a promise');
  return Buffer.from(html);
}

export default fp(
  async (app) => {
    await app.register(kitaHtml);
    app.decorateReply('page', function page(this: FastifyReply, options: RenderOptions) {
      this.header('vary', 'HX-Request');
      if (options.status) this.status(options.status);
      const user = this.request.user;
      const session = this.request.session as { flash?: string } | undefined;
      const flash = session?.flash;
      if (flash && session) delete session.flash;
      const kept = Buffer.isBuffer(options.body) ? options.body : null;
      const fragment = wantsFragment(this.request);
      const body = kept ? (fragment ? kept.toString('utf8') : KEPT_BODY) : (options.body as JSX.Element);
      const html = fragment
        ? focusFirst(Fragment({ title: options.title, children: body }) as string, options.focus ?? [])
        : Page({
            title: options.title,
            children: body,
            nav: options.nav,
            beforeContent: options.beforeContent,
            signedIn: user ? { displayName: user.displayName, csrfToken: this.csrfToken() } : null,
            confirmation: flash,
            feeds: options.feeds,
            structuredData: options.structuredData,
          });
      if (kept && !fragment) {
        void this.type('text/html; charset=utf-8').send(documentAround(html as string, kept));
        return this;
      }
      void this.html(html);
      return this;
    });
    app.decorateReply('refuse', function refuse(this: FastifyReply, options: RefusalOptions) {
      if (this.request.headers['hx-request'] !== 'true')
        return this.page({ title: options.title, body: options.body, status: options.status });
      void this.status(options.status)
        .header('vary', 'HX-Request')
        .header('hx-retarget', `#${REFUSAL_NOTICE}`)
        .header('hx-reswap', 'outerHTML')
        .html(RefusalNotice({ title: options.title, message: options.message, link: options.link }));
      return this;
    });
    app.decorateReply('answer', function answer(this: FastifyReply, change: ChangeAnswer) {
      const json = String(this.request.headers.accept ?? '').includes('application/json');
      const fragment = wantsFragment(this.request);
      if (!change.result.ok) {
        const { errors } = change.result;
        const status = change.status ?? 422;
        if (json) return this.status(status).send({ ok: false, errors, conflict: change.conflict ?? null });
        const state: FormState = {
          form: change.form.name,
          values: change.form.values,
          errors,
          conflict: change.conflict,
        };
        if (fragment) {
          const html = change.fragment(state);
          if (html === null) {
            this.callNotFound();
            return this;
          }
          void this.status(status).header('vary', 'HX-Request').html(html);
          return this;
        }
        const page = change.page(state);
        if (page) return this.page({ ...page, status });
        this.callNotFound();
        return this;
      }
      if (json) return this.send({ ok: true, ...change.json });
      if (fragment) {
        const html = change.fragment();
        if (html === null) {
          this.callNotFound();
          return this;
        }
        void this.header('vary', 'HX-Request').html(change.focus ? focusFirst(html, change.focus) : html);
        return this;
      }
      return this.seeOther(change.back, change.confirmation);
    });
    app.decorateReply('seeOther', function seeOther(this: FastifyReply, url: string, confirmation?: string) {
      // A banner rides in the session: only a signed-in user has one (nobody else gets a session row).
      if (confirmation && this.request.user && this.request.session) this.request.session.flash = confirmation;
      if (this.request.headers['hx-request'] === 'true') return this.header('hx-redirect', url).status(204).send();
      return this.redirect(url, 303);
    });
  },
  { name: 'views' },
);
