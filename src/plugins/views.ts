import fp from 'fastify-plugin';
import kitaHtml from '@kitajs/fastify-html-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Page, type NavSection } from '../../views/layout/Page';
import { Fragment } from '../../views/layout/Fragment';
import { RefusalNotice } from '../../views/errors/RefusalNotice';
import '../features/auth/session-types';

export interface RenderOptions {
  title: string;
  body: JSX.Element;
  nav?: NavSection;
  beforeContent?: JSX.Element;
  status?: number;
}

declare module 'fastify' {
  interface FastifyReply {
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

/** The site's address, for links that leave it (calendars, feeds): PUBLIC_URL, or this request's host. */
export function baseUrlOf(request: FastifyRequest): string {
  return request.server.config.publicUrl ?? `${request.protocol}://${request.host}`;
}

/** True for htmx requests that want a fragment rather than a whole page. */
export function wantsFragment(request: FastifyRequest): boolean {
  return request.headers['hx-request'] === 'true' && request.headers['hx-boosted'] !== 'true';
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
      const html = wantsFragment(this.request)
        ? Fragment({ title: options.title, children: options.body })
        : Page({
            title: options.title,
            children: options.body,
            nav: options.nav,
            beforeContent: options.beforeContent,
            signedIn: user ? { displayName: user.displayName, csrfToken: this.csrfToken() } : null,
            confirmation: flash,
          });
      void this.html(html);
      return this;
    });
    app.decorateReply('refuse', function refuse(this: FastifyReply, options: RefusalOptions) {
      if (this.request.headers['hx-request'] !== 'true')
        return this.page({ title: options.title, body: options.body, status: options.status });
      void this.status(options.status)
        .header('vary', 'HX-Request')
        .header('hx-retarget', '#main-content')
        .header('hx-reswap', 'afterbegin')
        .html(RefusalNotice({ title: options.title, message: options.message, link: options.link }));
      return this;
    });
    app.decorateReply('seeOther', function seeOther(this: FastifyReply, url: string, confirmation?: string) {
      if (confirmation && this.request.session) this.request.session.flash = confirmation;
      if (this.request.headers['hx-request'] === 'true') return this.header('hx-redirect', url).status(204).send();
      return this.redirect(url, 303);
    });
  },
  { name: 'views' },
);
