import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, RouteOptions } from 'fastify';
import { buildTestApp } from '../helpers/app';
import { Client } from '../helpers/client';
import { createQuestion, createUser, TEST_PASSWORD } from '../helpers/factories';
import { makePdf } from '../helpers/pdf';
import type { Database } from '../../src/db/client';
import * as fields from '../../src/lib/fields';
import {
  actions,
  agendaItemPresenters,
  agendaItems,
  attendance,
  memberships,
  declarations,
  documents,
  organisations,
  people,
  resolutions,
  users,
  workProgrammeEntries,
  outbox,
  publicQuestions,
} from '../../src/db/schema';
import { queueMail } from '../../src/features/mail/commands';

/**
 * Every route Fastify knows, posted random bodies under random content types
 * (forms, JSON, text, bytes and multipart of every shape, well made or not),
 * signed out and as a signed-in administrator past the CSRF check. Nothing may answer
 * 500 or worse: a bad request is the sender's fault and says so.
 */
// A fixed seed keeps CI repeatable; FUZZ_SEED=<n> explores further.
const routes: { method: string; url: string }[] = [];
let app: FastifyInstance;
let db: Database;
let csrf = '';
let cookie = '';
let pdf: Uint8Array;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ app, db } = await buildTestApp({
    demo: true,
    now: new Date('2021-01-05T09:00:00Z'),
    onRoute: (route: RouteOptions) => {
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD' && route.url !== '*') routes.push({ method, url: route.url });
      }
    },
  }));
  // The demo's packs are built, so a pack is served, not "being prepared" (a 503 with Retry-After).
  await app.packs.idle();
  // An administrator passes every access check, so every handler meets the fuzz.
  const admin = new Client(app);
  const account = createUser(db, { role: 'admin' });
  await admin.signIn(account.email, TEST_PASSWORD);
  csrf = await admin.csrfToken('/manage');
  cookie = [...admin.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  pdf = await makePdf('A paper', 1);
  createQuestion(db, 2, { status: 'received', askerEmail: 'asker@example.org', reference: 'Q-2021-01-07-099' });
  const first = (rows: { id: number }[]) => String(rows[0]?.id ?? 1);
  queueMail(db, { kind: 'test', to: 'someone@example.org', subject: 'A message', text: 'Hello' }, app.now());
  Object.assign(ids, {
    id: '2',
    meetingId: '2',
    version: '1',
    slug: 'health-and-adult-social-care',
    itemId: first(db.select({ id: agendaItems.id }).from(agendaItems).all()),
    actionId: first(db.select({ id: actions.id }).from(actions).all()),
    userId: first(db.select({ id: users.id }).from(users).all()),
    organisationId: first(db.select({ id: organisations.id }).from(organisations).all()),
    personId: first(db.select({ id: people.id }).from(people).all()),
    membershipId: first(db.select({ id: memberships.id }).from(memberships).all()),
    presenterId: first(db.select({ id: agendaItemPresenters.id }).from(agendaItemPresenters).all()),
    documentId: first(db.select({ id: documents.id }).from(documents).all()),
    entryId: first(db.select({ id: workProgrammeEntries.id }).from(workProgrammeEntries).all()),
    attendanceId: first(db.select({ id: attendance.id }).from(attendance).all()),
    declarationId: first(db.select({ id: declarations.id }).from(declarations).all()),
    resolutionId: first(db.select({ id: resolutions.id }).from(resolutions).all()),
    messageId: first(db.select({ id: outbox.id }).from(outbox).all()),
    // The question still waiting for a decision, so accept, reject and the rest have something to do.
    questionId: first(
      db.select({ id: publicQuestions.id }).from(publicQuestions).where(eq(publicQuestions.status, 'received')).all(),
    ),
    token: 'x'.repeat(43),
  });
});
afterAll(() => app.close());

/** Every field name the forms use, and a few more a hand-made request might carry. */
const FIELD_NAMES = [
  ...new Set([
    ...Object.values(fields).flatMap((list) => (Array.isArray(list) ? (list as readonly string[]) : [])),
    ...['email', 'password', 'next', 'confirmed', 'date-day', 'date-month', 'date-year', 'direction', 'text', 'file'],
    ...['status-1', 'status-2', 'kind', 'reason', 'postponedTo', 'version', 'title', 'owners', 'progress', 'note'],
  ]),
];

const awkwardText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', ' ', '0', '-1', '1e9', '99999999999999999999', 'NaN', 'null', '[]', '{}', 'yes', 'no'),
  fc.constantFrom('2021-02-30', '31/13/2021', '25:99', '10am', '\u0000', '%00', '../../etc/passwd', '<script>'),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

const formBody = fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 8 })), awkwardText, {
  maxKeys: 8,
});

/** A multipart body in one of the shapes seen in the wild, well made or broken. */
const multipart = fc
  .record({
    shape: fc.constantFrom('good', 'no-boundary', 'truncated', 'wrong-boundary', 'no-parts', 'garbage'),
    fields: formBody,
    file: fc.option(
      fc.record({
        field: fc.constantFrom('file', 'paper', 'minutes', 'other'),
        name: fc.constantFrom('paper.pdf', 'minutes.txt', '', '../x.pdf', 'a"b.pdf'),
        type: fc.constantFrom('application/pdf', 'text/plain', 'application/octet-stream', ''),
        bytes: fc.oneof(fc.constant('pdf'), fc.uint8Array({ maxLength: 200 })),
      }),
    ),
    garbage: fc.uint8Array({ maxLength: 200 }),
  })
  .map(({ shape, fields: form, file, garbage }) => {
    const boundary = 'fuzzboundary42';
    const parts: Buffer[] = Object.entries(form).map(([name, value]) =>
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
    if (file) {
      const type = file.type ? `\r\nContent-Type: ${file.type}` : '';
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"${type}\r\n\r\n`,
        ),
        Buffer.from(file.bytes === 'pdf' ? pdf : file.bytes),
        Buffer.from('\r\n'),
      );
    }
    const whole = Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]);
    switch (shape) {
      case 'good':
        return { type: `multipart/form-data; boundary=${boundary}`, payload: whole };
      case 'no-boundary':
        return { type: 'multipart/form-data', payload: whole };
      case 'truncated':
        return { type: `multipart/form-data; boundary=${boundary}`, payload: whole.subarray(0, whole.length / 2) };
      case 'wrong-boundary':
        return { type: 'multipart/form-data; boundary=another', payload: whole };
      case 'no-parts':
        return { type: `multipart/form-data; boundary=${boundary}`, payload: Buffer.from(`--${boundary}--\r\n`) };
      default:
        return { type: `multipart/form-data; boundary=${boundary}`, payload: Buffer.from(garbage) };
    }
  });

const body = fc.oneof(
  formBody.map((form) => ({
    type: 'application/x-www-form-urlencoded',
    payload: Buffer.from(new URLSearchParams(form).toString()),
  })),
  fc
    .string({ maxLength: 200 })
    .map((raw) => ({ type: 'application/x-www-form-urlencoded', payload: Buffer.from(raw) })),
  fc.json({ maxDepth: 3 }).map((json) => ({ type: 'application/json', payload: Buffer.from(json) })),
  fc.string({ maxLength: 100 }).map((raw) => ({ type: 'application/json', payload: Buffer.from(raw) })),
  fc.string({ maxLength: 100 }).map((raw) => ({ type: 'text/plain', payload: Buffer.from(raw) })),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ type: 'application/octet-stream', payload: Buffer.from(bytes) })),
  fc.uint8Array({ maxLength: 100 }).map((bytes) => ({ type: '', payload: Buffer.from(bytes) })),
  fc
    .constantFrom('application/x-www-form-urlencoded; charset=utf-16', 'multipart/mixed', 'image/png', ';;;')
    .map((type) => ({ type, payload: Buffer.from('a=1') })),
  multipart,
);

/** A parameter: usually a real record's, sometimes nonsense. */
function urlOf(pattern: string, nonsense: string | null): string {
  return pattern.replace(/:([A-Za-z]+)/g, (_, name: string) =>
    encodeURIComponent(nonsense ?? ids[name] ?? (name.endsWith('Id') ? '1' : 'x')),
  );
}

const request = fc.record({
  nonsense: fc.oneof(
    { arbitrary: fc.constant(null), weight: 4 },
    { arbitrary: fc.constantFrom('0', '-1', 'abc', '1.5', '99999999999999999999', '%', ' ', '1e3'), weight: 1 },
  ),
  body,
  signedIn: fc.boolean(),
  htmx: fc.boolean(),
  accept: fc.constantFrom('text/html', 'application/json', '*/*', ''),
});

describe('every route, fuzzed', () => {
  it('is read from Fastify', () => {
    const table = routes.map((r) => `${r.method} ${r.url}`);
    expect(table.length).toBeGreaterThan(60);
    expect(table).toContain('POST /login');
    expect(table).toContain('POST /manage/meetings/:meetingId/agenda/items/:itemId/papers');
    expect(table).toContain('GET /meetings/:id');
  });

  it('never answers 500 or worse, whatever is posted', { timeout: 300_000 }, async () => {
    const failures: string[] = [];
    for (const route of routes) {
      await fc
        .assert(
          fc.asyncProperty(request, async ({ nonsense, body: { type, payload }, signedIn, htmx, accept }) => {
            const options: InjectOptions = {
              method: route.method as InjectOptions['method'],
              url: urlOf(route.url, nonsense),
              headers: {
                ...(type ? { 'content-type': type } : {}),
                ...(accept ? { accept } : {}),
                ...(htmx ? { 'hx-request': 'true' } : {}),
                // The clerk's cookies as they were at sign-in: a fuzzed sign-out does not sign the next request out.
                ...(signedIn ? { 'x-csrf-token': csrf, cookie } : {}),
              },
              ...(route.method === 'GET' ? {} : { payload }),
            };
            // Each request is undone afterwards, so the next one meets the same records.
            db.$client.exec('SAVEPOINT fuzz');
            try {
              const res = await app.inject(options);
              if (res.statusCode >= 500) {
                failures.push(`${route.method} ${options.url} (${type}): ${res.statusCode} ${res.body.slice(0, 200)}`);
              }
              return res.statusCode < 500;
            } finally {
              db.$client.exec('ROLLBACK TO fuzz');
              db.$client.exec('RELEASE fuzz');
            }
          }),
          {
            numRuns: route.method === 'GET' ? 20 : 80,
            seed: Number(process.env.FUZZ_SEED ?? 20261201),
            endOnFailure: true,
          },
        )
        .catch(() => undefined);
    }
    expect(failures).toEqual([]);
  });
});
