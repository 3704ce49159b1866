import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { Validator } from '@seriousme/openapi-schema-validator';
import { buildTestApp } from '../helpers/app';
import type { Database } from '../../src/db/client';
import { eq } from 'drizzle-orm';
import { organisations, people } from '../../src/db/schema';

const SLUG = 'health-and-adult-social-care';
let app: FastifyInstance;
let db: Database;
let document: {
  openapi: string;
  paths: Record<string, { get?: { responses: Record<string, unknown>; parameters?: { name: string }[] } }>;
};

beforeAll(async () => {
  ({ app, db } = await buildTestApp({ demo: true, now: new Date('2026-12-01T12:00:00Z') }));
  document = (await app.inject('/api/v1/openapi.json')).json();
});
afterAll(() => app.close());

/** The document's operation for a path ("/api/v1/meetings/2" → "/meetings/{id}"). */
function operationOf(url: string): { template: string; responses: Record<string, unknown> } {
  const path = new URL(url, 'http://x').pathname.replace(/^\/api\/v1/, '');
  for (const [template, item] of Object.entries(document.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (pattern.test(path) && item.get) return { template, responses: item.get.responses };
  }
  throw new Error(`no operation in the document for ${url}`);
}

/** Every list and document, with each filter, and the refusals each can give. */
const REQUESTS = [
  '/api/v1/committees',
  `/api/v1/committees/${SLUG}`,
  '/api/v1/committees/no-such-committee',
  '/api/v1/organisations',
  '/api/v1/organisations?per_page=2&page=3',
  '/api/v1/people',
  `/api/v1/people?committee=${SLUG}&per_page=5`,
  '/api/v1/people?committee=no-such-committee',
  '/api/v1/meetings',
  `/api/v1/meetings?committee=${SLUG}&from=2020-11-01&to=2021-01-31`,
  '/api/v1/meetings?from=2026-01-01',
  '/api/v1/meetings?page=400',
  '/api/v1/meetings?unknown=1',
  '/api/v1/meetings?from=2021-02-30',
  '/api/v1/meetings?per_page=1000',
  '/api/v1/meetings/1',
  '/api/v1/meetings/2',
  '/api/v1/meetings/3',
  '/api/v1/meetings/4',
  '/api/v1/meetings/99999',
  '/api/v1/meetings/not-a-number',
  '/api/v1/actions',
  `/api/v1/actions?committee=${SLUG}&status=open&meeting=1`,
  '/api/v1/actions?overdue=true',
  '/api/v1/actions?status=finished',
  '/api/v1/recommendations',
  `/api/v1/recommendations?committee=${SLUG}&status=awaiting_response`,
  '/api/v1/recommendations?status=draft',
  '/api/v1/questions',
  `/api/v1/questions?committee=${SLUG}&meeting=4&per_page=1`,
  '/api/v1/questions?meeting=0',
];

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(
      structuredClone(document) as unknown as Parameters<Validator['validate']>[0],
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every resource the issue names, each with its parameters', () => {
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        '/actions',
        '/committees',
        '/committees/{slug}',
        '/meetings',
        '/meetings/{id}',
        '/organisations',
        '/people',
        '/questions',
        '/recommendations',
      ].sort(),
    );
    const names = (p: string) => (document.paths[p]?.get?.parameters ?? []).map((x) => x.name).sort();
    expect(names('/meetings')).toEqual(['committee', 'from', 'page', 'per_page', 'to']);
    expect(names('/actions')).toEqual(['committee', 'meeting', 'overdue', 'page', 'per_page', 'status']);
  });

  it('is described for people at /api/v1/docs, linked from every page', async () => {
    const page = await app.inject('/api/v1/docs');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('/api/v1/openapi.json');
    for (const path of Object.keys(document.paths)) expect(page.body).toContain(`GET /api/v1${path}`);
    expect((await app.inject('/')).body).toContain('href="/api/v1/docs"');
  });
});

describe('every API response', () => {
  it('validates against the OpenAPI document, for each status it gives', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ ...document, $id: 'api' });
    const seen = new Set<string>();
    const statuses = new Set<number>();
    for (const url of REQUESTS) {
      const res = await app.inject(url);
      const { template, responses } = operationOf(url);
      seen.add(template);
      statuses.add(res.statusCode);
      expect(res.headers['content-type'], url).toMatch(/^application\/json/);
      expect(Object.keys(responses), `${url} answered ${res.statusCode}`).toContain(String(res.statusCode));
      const pointer = `/paths/${template.replaceAll('/', '~1')}/get/responses/${res.statusCode}/content/application~1json/schema`;
      const validate = ajv.getSchema(`api#${pointer}`);
      expect(validate, url).toBeTypeOf('function');
      const valid = validate?.(res.json());
      expect(valid ? [] : validate?.errors, url).toEqual([]);
    }
    // The check has teeth: a page without its meta, or an event without its OCD id, is refused.
    const meetingsPage = ajv.getSchema(`api#/paths/~1meetings/get/responses/200/content/application~1json/schema`);
    expect(meetingsPage?.({ results: [] })).toBe(false);
    const event = (await app.inject('/api/v1/meetings')).json().results[0];
    delete event.id;
    expect(
      meetingsPage?.({
        meta: { page: 1, per_page: 50, total_count: 1, max_page: 1, next_url: null, previous_url: null },
        results: [event],
      }),
    ).toBe(false);
    expect([...seen].sort()).toEqual(Object.keys(document.paths).sort());
    expect([...statuses].sort()).toEqual([200, 400, 404]);
  });
});

describe('the resources', () => {
  it('pages a list with its total and the next page’s address, and an out-of-range page is empty', async () => {
    const first = (await app.inject('/api/v1/meetings?per_page=2')).json();
    expect(first.meta).toMatchObject({ page: 1, per_page: 2, max_page: Math.ceil(first.meta.total_count / 2) });
    expect(first.results).toHaveLength(2);
    const next = (await app.inject(new URL(first.meta.next_url).pathname + new URL(first.meta.next_url).search)).json();
    expect(next.meta.page).toBe(2);
    expect(next.results[0].id).not.toBe(first.results[0].id);
    const beyond = (await app.inject('/api/v1/meetings?page=400')).json();
    expect(beyond.results).toEqual([]);
    expect(beyond.meta.next_url).toBeNull();
  });

  it('filters meetings by committee and London dates, as OCD Events with stable ids', async () => {
    const list = (await app.inject(`/api/v1/meetings?committee=${SLUG}&from=2020-11-05&to=2020-11-05`)).json();
    expect(list.results).toHaveLength(1);
    const event = list.results[0];
    expect(event).toMatchObject({
      _type: 'event',
      classification: 'committee-meeting',
      start_date: '2020-11-05T10:00:00+00:00',
      timezone: 'Europe/London',
      status: 'passed',
      extras: { meeting_id: 1, committee_slug: SLUG },
    });
    expect(event.id).toMatch(/^ocd-event\/[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await app.inject('/api/v1/meetings?from=2020-11-05&to=2020-11-05')).json().results[0].id).toBe(event.id);
    // The host committee is a participant, by the id its own resource has.
    const committee = (await app.inject(`/api/v1/committees/${SLUG}`)).json();
    expect(event.participants[0]).toMatchObject({ entity_type: 'organization', entity_id: committee.id, note: 'host' });
    expect((await app.inject('/api/v1/meetings?committee=no-such-committee')).json().results).toEqual([]);
  });

  it('keeps every field the meeting document had, and adds the OCD Event’s beside them', async () => {
    // The agenda pack is built in the background; once it is, the meeting lists it among its documents.
    await app.packs.idle();
    const meeting = (await app.inject('/api/v1/meetings/2')).json();
    for (const field of [
      'id',
      'url',
      'calendarUrl',
      'committee',
      'startsAt',
      'endsAt',
      'venue',
      'onlineUrl',
      'webcastUrl',
      'minutesUrl',
      'status',
      'statusReason',
      'agendaStatus',
      'minutesStatus',
      'agendaPublishBy',
      'questionsCloseAt',
      'questionsOpen',
      'askUrl',
      'publicQuestions',
      'agenda',
      'minutes',
    ])
      expect(meeting, field).toHaveProperty(field);
    expect(meeting).toMatchObject({ id: 2, status: 'held', startsAt: '2021-01-07T10:00:00+00:00' });
    expect(meeting.agendaPublishBy).toMatch(/^2020-12-\d\dT23:59:59\+00:00$/);
    expect(meeting).toMatchObject({
      _type: 'event',
      classification: 'committee-meeting',
      start_date: meeting.startsAt,
      event_status: 'passed',
    });
    expect(meeting.ocd_id).toMatch(/^ocd-event\//);
    // Each agenda item keeps its fields and gains the OCD agenda item's: its papers as media.
    const item = meeting.agenda.items.find((i: { papers?: unknown[] }) => (i.papers ?? []).length > 0);
    expect(item).toMatchObject({ description: item.title, order: String(item.number) });
    expect(item.media[0].links[0].url).toBe(item.papers[0].url);
    expect((await app.inject(new URL(item.papers[0].url).pathname)).statusCode).toBe(200);
    expect(meeting.documents.map((d: { note: string }) => d.note)).toContain('Agenda pack');
  });

  it('gives people their public memberships only, and organisations without an email address', async () => {
    const everyone = (await app.inject('/api/v1/people?per_page=100')).json();
    expect(everyone.results.length).toBeGreaterThan(5);
    for (const person of everyone.results) {
      expect(Object.keys(person).sort()).toEqual(['_type', 'id', 'memberships', 'name']);
      expect(person.memberships.length).toBeGreaterThan(0);
      for (const m of person.memberships) expect(m.person_id).toBe(person.id);
    }
    // Contact details the directory keeps for the clerks, on a member and on an organisation.
    const member = everyone.results[0];
    db.update(people).set({ email: 'member.contact@council.example' }).where(eq(people.name, member.name)).run();
    db.update(organisations).set({ email: 'trust.contact@nhs.example' }).run();
    const bodies = [
      (await app.inject('/api/v1/people?per_page=100')).body,
      (await app.inject('/api/v1/organisations?per_page=100')).body,
      (await app.inject(`/api/v1/committees/${SLUG}`)).body,
    ].join('\n');
    const emails = [
      ...db.select({ email: people.email }).from(people).all(),
      ...db.select({ email: organisations.email }).from(organisations).all(),
    ].flatMap((r) => (r.email ? [r.email] : []));
    expect(emails.length).toBeGreaterThan(0);
    for (const email of emails) expect(bodies).not.toContain(email);
    expect(bodies).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  });

  it('lists published actions and public questions, linking each to its page', async () => {
    const actions = (await app.inject(`/api/v1/actions?committee=${SLUG}&meeting=1`)).json();
    expect(actions.results.length).toBeGreaterThan(0);
    expect(actions.results[0]).toMatchObject({ id: 'HASC/2020-11-05/1', meeting_id: 1, committee_slug: SLUG });
    expect((await app.inject(new URL(actions.results[0].url).pathname)).statusCode).toBe(200);
    const questions = (await app.inject('/api/v1/questions')).json();
    expect(questions.results.length).toBeGreaterThan(0);
    for (const q of questions.results) expect(JSON.stringify(q)).not.toMatch(/@/);
  });

  it('refuses an unknown parameter or a bad value in words, never a 500', async () => {
    const unknown = await app.inject('/api/v1/actions?colour=red');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toBe(
      'Unknown parameter "colour": this takes committee, status, meeting, overdue, page, per_page',
    );
    for (const url of [
      '/api/v1/meetings?page=0',
      '/api/v1/meetings?page=abc',
      '/api/v1/meetings?page=99999999999999999999',
      '/api/v1/actions?page=1e300',
      '/api/v1/meetings?per_page=101',
      '/api/v1/meetings?from=yesterday',
      '/api/v1/meetings?committee=%22%3E%3Cscript%3E',
      '/api/v1/actions?overdue=perhaps',
      '/api/v1/meetings/1?extra=1',
    ]) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error, url).toBeTypeOf('string');
    }
  });
});

describe('HTTP for the API', () => {
  it('answers any origin (CORS) with its ETag, and 304 to a matching If-None-Match', async () => {
    const res = await app.inject({ url: '/api/v1/committees', headers: { origin: 'https://example.org' } });
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(String(res.headers['access-control-expose-headers'])).toContain('RateLimit-Remaining');
    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    const again = await app.inject({ url: '/api/v1/committees', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.headers['ratelimit-limit']).toBeDefined();
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/meetings',
      headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toContain('GET');
  });

  it('limits each address, counting answers from memory too, with RateLimit headers and 429', async () => {
    const limited = await buildTestApp({ demo: true, env: { API_REQUESTS_PER_MINUTE: '3' } });
    try {
      const remaining: string[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await limited.app.inject('/api/v1/meetings/2');
        expect(res.statusCode).toBe(200);
        expect(res.headers['ratelimit-limit']).toBe('3');
        remaining.push(String(res.headers['ratelimit-remaining']));
      }
      expect(remaining).toEqual(['2', '1', '0']);
      const refused = await limited.app.inject('/api/v1/meetings/2');
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.json().error).toMatch(/rate limit/i);
      // The public pages are not the API's: they are not limited by it.
      expect((await limited.app.inject('/meetings/2')).statusCode).toBe(200);
    } finally {
      await limited.app.close();
    }
  });

  it('counts what the server answers from memory, before Fastify, the same way', async () => {
    const limited = await buildTestApp({ demo: true, env: { API_REQUESTS_PER_MINUTE: '4' } });
    try {
      // The demo's agenda packs are built in the background: a write that would make the next page render again.
      await limited.app.packs.idle();
      await limited.app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = limited.app.server.address() as { port: number };
      const answers: { status: number; remaining: string | null; timing: string | null }[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/committees`);
        answers.push({
          status: res.status,
          remaining: res.headers.get('ratelimit-remaining'),
          timing: res.headers.get('server-timing'),
        });
        await res.arrayBuffer();
      }
      expect(answers.map((a) => [a.status, a.remaining])).toEqual([
        [200, '3'],
        [200, '2'],
        [200, '1'],
        [200, '0'],
        [429, '0'],
      ]);
      // The first was rendered by the app; the next came from memory, with no app time.
      expect(answers[0]?.timing).toMatch(/^app;dur=/);
      expect(answers.slice(1, 4).map((a) => a.timing)).toEqual([null, null, null]);
    } finally {
      await limited.app.close();
    }
  });
});
