import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { parse } from './html';

type Headers = Record<string, string>;

/**
 * A browser-like client over app.inject: keeps cookies between requests,
 * reads CSRF tokens from forms, and signs in.
 */
export class Client {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly app: FastifyInstance,
    readonly remoteAddress = '127.0.0.1',
  ) {}

  private cookieHeader(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse): void {
    for (const c of res.cookies) {
      const expired = c.expires !== undefined && new Date(c.expires).getTime() <= Date.now();
      if (expired || c.maxAge === 0 || c.value === '') this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async get(url: string, headers: Headers = {}): Promise<LightMyRequestResponse> {
    const cookie = this.cookieHeader();
    const res = await this.app.inject({
      method: 'GET',
      url,
      remoteAddress: this.remoteAddress,
      headers: { ...headers, ...(cookie ? { cookie } : {}) },
    });
    this.keep(res);
    return res;
  }

  /** Posts a form; a field given as a list is sent once per value, as checkboxes are. */
  async post(
    url: string,
    form: Record<string, string | string[]>,
    headers: Headers = {},
  ): Promise<LightMyRequestResponse> {
    const cookie = this.cookieHeader();
    const res = await this.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.remoteAddress,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers, ...(cookie ? { cookie } : {}) },
      payload: new URLSearchParams(
        Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])),
      ).toString(),
    });
    this.keep(res);
    return res;
  }

  /** Posts a multipart form with one file, the way a browser uploads one. */
  async upload(
    url: string,
    form: Record<string, string>,
    file: { field: string; filename: string; bytes: Uint8Array; type?: string } | null,
    headers: Headers = {},
  ): Promise<LightMyRequestResponse> {
    const boundary = `----scrutineer${Math.random().toString(16).slice(2)}`;
    const parts: Buffer[] = [];
    for (const [name, value] of Object.entries(form)) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    }
    if (file) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${file.type ?? 'application/pdf'}\r\n\r\n`,
        ),
        Buffer.from(file.bytes),
        Buffer.from('\r\n'),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    const cookie = this.cookieHeader();
    const res = await this.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.remoteAddress,
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        ...headers,
        ...(cookie ? { cookie } : {}),
      },
      payload: Buffer.concat(parts),
    });
    this.keep(res);
    return res;
  }

  /** The CSRF token of the first form on a page. */
  async csrfToken(url = '/login', headers: Headers = {}): Promise<string> {
    const res = await this.get(url, headers);
    const token = parse(res.body)('input[name="_csrf"]').first().attr('value');
    if (!token) throw new Error(`no CSRF token on ${url} (status ${res.statusCode})`);
    return token;
  }

  /** Posts a form the way a browser would: with the page's CSRF token. */
  async submit(url: string, form: Record<string, string | string[]>, tokenFrom = '/login', headers: Headers = {}) {
    return this.post(url, { _csrf: await this.csrfToken(tokenFrom, headers), ...form }, headers);
  }

  async signIn(email: string, password: string, next = '/manage'): Promise<LightMyRequestResponse> {
    return this.submit('/login', { email, password, next });
  }

  sessionCookie(): string | undefined {
    return this.cookies.get('scrutineer') ?? this.cookies.get('__Host-scrutineer');
  }
}

export const DEMO_CLERK = { email: 'clerk@demo.scrutineer.invalid', password: 'demo-clerk-password' };
export const DEMO_MEMBER = { email: 'member@demo.scrutineer.invalid', password: 'demo-member-password' };
