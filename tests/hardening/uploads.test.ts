import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../helpers/app';
import { Client, DEMO_CLERK } from '../helpers/client';
import { makePdf } from '../helpers/pdf';

let app: FastifyInstance;
const log: { level: number; msg: string; err?: { message?: string } }[] = [];

beforeAll(async () => {
  ({ app } = await buildTestApp({
    demo: true,
    env: { LOG_LEVEL: 'info' },
    logStream: { write: (line) => void log.push(JSON.parse(line)) },
  }));
});
afterAll(() => app.close());

const uploadsDir = () => path.join(app.files.root, 'uploads');
const januaryAgenda = '/manage/meetings/2/agenda';

/** Every kind of URL: public pages, sign-in, and /manage routes that do and do not take an upload. */
const URLS = [
  '/',
  '/meetings/1',
  '/login',
  '/logout',
  '/manage/meetings/3/agenda/items',
  '/manage/meetings/1/minutes/import',
];

/** Bodies a careless or hostile client sends as multipart. */
const MALFORMED: [string, string, string][] = [
  ['no boundary', 'multipart/form-data', 'just some text'],
  [
    'truncated before the closing boundary',
    'multipart/form-data; boundary=XYZ',
    '--XYZ\r\nContent-Disposition: form-data; name="title"\r\n\r\nhello',
  ],
  [
    'a file cut off mid-way',
    'multipart/form-data; boundary=XYZ',
    '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7',
  ],
  ['garbage', 'multipart/form-data; boundary=', '\u0000\u0001\u0002'],
];

describe('multipart bodies', () => {
  it('answers a malformed one with a 4xx on every URL, signed out or in, and logs no error', async () => {
    const clerk = new Client(app);
    await clerk.signIn(DEMO_CLERK.email, DEMO_CLERK.password);
    const cookie = [...clerk.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    log.length = 0;
    for (const url of URLS) {
      for (const [what, type, payload] of MALFORMED) {
        for (const headers of [{ 'content-type': type }, { 'content-type': type, cookie }]) {
          const res = await app.inject({ method: 'POST', url, headers, payload });
          expect(res.statusCode, `${what} to ${url}`).toBeGreaterThanOrEqual(400);
          expect(res.statusCode, `${what} to ${url}`).toBeLessThan(500);
        }
      }
    }
    expect(log.filter((l) => l.level >= 50).map((l) => l.err?.message ?? l.msg)).toEqual([]);
  });

  it('says what is wrong with a malformed upload in words', async () => {
    const clerk = new Client(app);
    await clerk.signIn(DEMO_CLERK.email, DEMO_CLERK.password);
    const cookie = [...clerk.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const [, type, payload] = MALFORMED[1] ?? ['', '', ''];
    const res = await app.inject({
      method: 'POST',
      url: '/manage/meetings/1/minutes/import',
      headers: { 'content-type': type, cookie },
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('The upload did not arrive whole');
    const noBoundary = await app.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'multipart/form-data' },
      payload: 'x',
    });
    expect(noBoundary.statusCode).toBe(400);
    expect(noBoundary.body).toContain('no boundary');
  });

  it('refuses an upload from someone signed out, or to a route that takes none, without reading it', async () => {
    for (const [url, signedIn] of [
      ['/manage/meetings/3/agenda/items/1/papers', false],
      ['/manage/meetings/1/minutes/import', false],
      ['/login', false],
      ['/meetings/1', false],
      ['/manage/meetings/3/agenda/items', true],
    ] as const) {
      const client = new Client(app);
      if (signedIn) await client.signIn(DEMO_CLERK.email, DEMO_CLERK.password);
      const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      // 20 MB, produced as it is read: what was read is what the server pulled.
      let read = 0;
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const total = 20 * 1024 * 1024;
      const body = new Readable({
        read() {
          if (read === 0) {
            read += 100;
            this.push(
              '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n',
            );
            return;
          }
          if (read >= total) return this.push(null);
          read += chunk.length;
          this.push(chunk);
        },
      });
      const res = await app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'multipart/form-data; boundary=XYZ', ...(cookie ? { cookie } : {}) },
        payload: body,
      });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(300);
      expect(res.statusCode, url).toBeLessThan(500);
      // Refused before the body was read: at most what the stream buffers ahead.
      expect(read, url).toBeLessThan(2 * 1024 * 1024);
    }
  });

  it('streams an accepted upload to a temporary file, keeps it as a paper by its hash, and leaves nothing behind', async () => {
    const clerk = new Client(app);
    await clerk.signIn(DEMO_CLERK.email, DEMO_CLERK.password);
    const page = await clerk.get(januaryAgenda);
    const itemId = /id="item-(\d+)"/.exec(page.body)?.[1];
    const pdf = await makePdf('Streamed paper', 3);
    const res = await clerk.upload(
      `${januaryAgenda}/items/${itemId}/papers`,
      { _csrf: await clerk.csrfToken(januaryAgenda), title: 'Streamed paper', kind: 'report', exemptParagraph: '' },
      { field: 'file', filename: 'streamed.pdf', bytes: pdf },
    );
    expect(res.statusCode).toBe(303);
    const hash = (await import('node:crypto')).createHash('sha256').update(pdf).digest('hex');
    expect(fs.existsSync(app.files.paperPath(hash))).toBe(true);
    // A refused upload (not a PDF) is removed too.
    const bad = await clerk.upload(
      `${januaryAgenda}/items/${itemId}/papers`,
      { _csrf: await clerk.csrfToken(januaryAgenda), title: 'Not a PDF', kind: 'report', exemptParagraph: '' },
      { field: 'file', filename: 'notes.txt', bytes: Buffer.from('plain text'), type: 'text/plain' },
    );
    expect(bad.statusCode).toBe(422);
    expect(fs.readdirSync(uploadsDir())).toEqual([]);
  });
});
