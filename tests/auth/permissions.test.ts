import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildTestApp } from '../helpers/app';
import { Client } from '../helpers/client';
import { parse, textOf } from '../helpers/html';
import {
  createAction,
  createQuestion,
  createAgendaItem,
  createAttendance,
  createDeclaration,
  createResolution,
  createCommittee,
  createMeeting,
  createMembership,
  createPerson,
  createUser,
  TEST_PASSWORD,
} from '../helpers/factories';
import type { Database } from '../../src/db/client';
import {
  actionOwners,
  auditLog,
  organisations,
  committees,
  agendaItemPresenters,
  documents,
  workProgrammeEntries,
  recommendations,
  inquiries,
  outbox,
} from '../../src/db/schema';
import { makePdf } from '../helpers/pdf';
import { publishAgenda } from '../../src/features/agenda/commands/publishing';
import { queueMail } from '../../src/features/mail/commands';
import { eq } from 'drizzle-orm';
import type { Access } from '../../src/lib/permissions';
import { manage } from '../../src/plugins/manage';

/**
 * Every /manage route, read from Fastify, tried by every kind of user. A new
 * route is covered the moment it is registered: its parameters must be known
 * below, and its declared access decides who must get through.
 */
let app: FastifyInstance;
let db: Database;
const params: Record<string, string> = {};
const people: Record<string, { email: string } | null> = {};

type Who = 'anonymous' | 'member' | 'owner' | 'otherClerk' | 'clerk' | 'admin';
const WHO: Who[] = ['anonymous', 'member', 'owner', 'otherClerk', 'clerk', 'admin'];

/** Who may pass each access level (administrators pass all). */
const ALLOWED: Record<Access, Who[]> = {
  signed_in: ['member', 'owner', 'otherClerk', 'clerk', 'admin'],
  directory: ['otherClerk', 'clerk', 'admin'],
  committee_read: ['member', 'owner', 'clerk', 'admin'],
  committee_manage: ['clerk', 'admin'],
  action_update: ['owner', 'clerk', 'admin'],
  admin: ['admin'],
};

beforeAll(async () => {
  ({ app, db } = await buildTestApp());
  const a = createCommittee(db, { slug: 'committee-a' });
  const b = createCommittee(db, { slug: 'committee-b' });
  const meeting = createMeeting(db, a.id);
  const item = createAgendaItem(db, meeting.id);
  const ownerPerson = createPerson(db, { name: 'Mr O Owner' });
  const memberPerson = createPerson(db, { name: 'Ms M Member' });
  const action = createAction(db, item.id, 'To report back', ['Mr O Owner']);
  db.update(actionOwners).set({ personId: ownerPerson.id }).where(eq(actionOwners.actionId, action.id)).run();
  // The account the admin-only routes act on: nobody signs in as it.
  const target = createUser(db, { role: 'member', committeeIds: [b.id] });

  people.anonymous = null;
  people.member = createUser(db, { role: 'member', personId: memberPerson.id, committeeIds: [a.id] });
  people.owner = createUser(db, { role: 'member', personId: ownerPerson.id, committeeIds: [a.id] });
  people.otherClerk = createUser(db, { role: 'clerk', committeeIds: [b.id] });
  people.clerk = createUser(db, { role: 'clerk', committeeIds: [a.id] });
  people.admin = createUser(db, { role: 'admin' });

  const organisation = db.insert(organisations).values({ name: 'Test Trust', kind: 'nhs_trust' }).returning().get();
  const presenter = db
    .insert(agendaItemPresenters)
    .values({ agendaItemId: item.id, personId: memberPerson.id })
    .returning()
    .get();
  const hash = app.files.putPaper(await makePdf('Paper', 1));
  const document = db
    .insert(documents)
    .values({
      meetingId: meeting.id,
      agendaItemId: item.id,
      title: 'A paper',
      kind: 'report',
      pageCount: 1,
      fileHash: hash,
      byteSize: 1,
    })
    .returning()
    .get();
  const entry = db
    .insert(workProgrammeEntries)
    .values({ committeeId: a.id, topic: 'A topic', plannedMeetingId: meeting.id })
    .returning()
    .get();
  // A published agenda with its pack built, so the pack routes have something to serve.
  const published = publishAgenda(db, { meetingId: meeting.id, publishedAt: new Date('2030-01-01T09:00:00Z') });
  if (!published.ok) throw new Error(JSON.stringify(published.errors));
  app.packs.enqueue(published.value.versionId);
  await app.packs.idle();
  const membership = createMembership(db, { committeeId: a.id, personId: memberPerson.id, role: 'member' });
  const attended = createAttendance(db, { meetingId: meeting.id, personId: ownerPerson.id, status: 'in_attendance' });
  const declared = createDeclaration(db, {
    meetingId: meeting.id,
    personId: memberPerson.id,
    kind: 'non_registrable',
    nature: 'Lives nearby',
  });
  const resolved = createResolution(db, {
    agendaItemId: item.id,
    text: 'The Committee NOTED the report.',
    outcome: 'NOTED',
  });
  // A message the outbox routes act on: failed, so "Try again now" has something to do.
  const message = queueMail(
    db,
    { kind: 'test', to: 'someone@example.org', subject: 'A message', text: 'Hello' },
    new Date('2030-01-01T09:00:00Z'),
  );
  db.update(outbox).set({ status: 'failed', attempts: 8 }).where(eq(outbox.id, message)).run();

  Object.assign(params, {
    slug: a.slug,
    meetingId: String(meeting.id),
    actionId: String(action.id),
    userId: String(target.id),
    organisationId: String(organisation.id),
    personId: String(memberPerson.id),
    membershipId: String(membership.id),
    itemId: String(item.id),
    presenterId: String(presenter.id),
    documentId: String(document.id),
    entryId: String(entry.id),
    wpEntryId: String(entry.id),
    recommendationId: String(
      db
        .insert(recommendations)
        .values({ committeeId: a.id, text: 'A recommendation', addressedTo: 'Cabinet', reference: 'TA/R/1' })
        .returning()
        .get().id,
    ),
    inquiryId: String(
      db
        .insert(inquiries)
        .values({ committeeId: a.id, slug: 'an-inquiry', title: 'An inquiry', kind: 'review' })
        .returning()
        .get().id,
    ),
    attendanceId: String(attended.id),
    declarationId: String(declared.id),
    resolutionId: String(resolved.id),
    messageId: String(message),
    questionId: String(createQuestion(db, meeting.id, { status: 'received', askerEmail: 'asker@example.org' }).id),
  });
});
afterAll(() => app.close());

function urlOf(pattern: string): string {
  return pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`The permission test has no value for :${name}; add one in beforeAll.`);
    return value;
  });
}

async function clientFor(who: Who): Promise<Client> {
  const client = new Client(app);
  const person = people[who];
  if (person) {
    const res = await client.signIn(person.email, TEST_PASSWORD);
    expect(res.statusCode, `${who} signs in`).toBe(303);
  }
  return client;
}

async function attempt(client: Client, who: Who, method: string, url: string): Promise<LightMyRequestResponse> {
  if (method === 'GET') return client.get(url);
  // A real form post: with the CSRF token of a page this client can open.
  const tokenPage = who === 'anonymous' ? '/login' : '/manage';
  return client.submit(url, {}, tokenPage);
}

function refused(res: LightMyRequestResponse): boolean {
  if ([401, 403, 404].includes(res.statusCode)) return true;
  return res.statusCode === 302 && String(res.headers.location).startsWith('/login');
}

describe('every /manage route', () => {
  it('is known to the permission test', () => {
    expect(app.manageRoutes.length).toBeGreaterThanOrEqual(6);
    const urls = app.manageRoutes.map((r) => `${r.method} ${r.url}`);
    expect(urls).toContain('GET /manage');
    expect(urls).toContain('POST /manage/actions/:actionId/updates');
    for (const route of app.manageRoutes) expect(() => urlOf(route.url)).not.toThrow();
  });

  it('lets in exactly who its access allows', async () => {
    const clients = Object.fromEntries(
      await Promise.all(WHO.map(async (w) => [w, await clientFor(w)] as const)),
    ) as Record<Who, Client>;
    const outcomes: string[] = [];
    for (const route of app.manageRoutes) {
      for (const who of WHO) {
        // Each attempt is undone afterwards, so a route that removes or publishes something
        // leaves the next user the same records to try.
        db.$client.exec('SAVEPOINT permission_attempt');
        let res: LightMyRequestResponse;
        try {
          res = await attempt(clients[who], who, route.method, urlOf(route.url));
        } finally {
          db.$client.exec('ROLLBACK TO permission_attempt');
          db.$client.exec('RELEASE permission_attempt');
        }
        const expected = ALLOWED[route.access].includes(who) ? 'allowed' : 'refused';
        const got = refused(res) ? 'refused' : 'allowed';
        outcomes.push(
          `${route.method} ${route.url} as ${who}: ${got}${got === expected ? '' : ` (expected ${expected}, status ${res.statusCode})`}`,
        );
        if (who === 'anonymous' && route.method === 'GET') {
          expect(res.statusCode).toBe(302);
          expect(res.headers.location).toBe(`/login?next=${encodeURIComponent(urlOf(route.url))}`);
        }
        if (who === 'otherClerk' && expected === 'refused') expect([403, 404]).toContain(res.statusCode);
      }
    }
    expect(outcomes.filter((o) => o.includes('expected'))).toEqual([]);
  });

  it('lets an action’s owner who sits on another committee open the action they may update', async () => {
    const elsewhere = createPerson(db, { name: 'Ms E Elsewhere' });
    const b = db
      .select()
      .from(committees)
      .all()
      .find((c) => c.slug === 'committee-b');
    const owner = createUser(db, { role: 'member', personId: elsewhere.id, committeeIds: [b?.id ?? 0] });
    db.update(actionOwners)
      .set({ personId: elsewhere.id })
      .where(eq(actionOwners.actionId, Number(params.actionId)))
      .run();
    const client = new Client(app);
    await client.signIn(owner.email, TEST_PASSWORD);
    const page = await client.get(`/manage/actions/${params.actionId}`);
    expect(page.statusCode).toBe(200);
    const update = await client.submit(
      `/manage/actions/${params.actionId}/updates`,
      { status: 'in_progress', note: 'Started' },
      `/manage/actions/${params.actionId}`,
    );
    expect(update.statusCode).toBe(303);
    expect((await client.get(update.headers.location as string)).statusCode).toBe(200);
    // Owning the action opens nothing else of that committee.
    expect((await client.get(`/manage/meetings/${params.meetingId}/agenda`)).statusCode).toBe(403);
  });

  it('answers 401 to an htmx request from someone signed out, for the page to send them to sign in', async () => {
    const res = await new Client(app).get('/manage', { 'hx-request': 'true' });
    expect(res.statusCode).toBe(401);
  });

  it('answers a refused htmx form with a notice above the page, leaving the form and what was typed in place', async () => {
    const member = await clientFor('member');
    const url = `/manage/meetings/${params.meetingId}/minutes/times`;
    const refused = await member.post(
      url,
      { _csrf: await member.csrfToken('/manage'), startedAt: '10am', endedAt: '' },
      { 'hx-request': 'true' },
    );
    expect(refused.statusCode).toBe(403);
    // Into the page's one notice box above its content: a second refusal replaces the first, never stacks.
    expect(refused.headers['hx-retarget']).toBe('#refusal-notice');
    expect(refused.headers['hx-reswap']).toBe('outerHTML');
    expect(parse(refused.body)('#refusal-notice')).toHaveLength(1);
    expect(textOf(refused.body, '[role="alert"]')).toContain('You cannot do that');
    // Signed out meanwhile: the same, with a way to sign in beside it.
    const signedOut = await new Client(app).post(url, { startedAt: '10am' }, { 'hx-request': 'true' });
    expect(signedOut.statusCode).toBe(401);
    expect(signedOut.headers['hx-retarget']).toBe('#refusal-notice');
    expect(textOf(signedOut.body)).toContain('what you typed is still here');
  });

  it('answers 404 for a record that does not exist, even to an administrator', async () => {
    const admin = await clientFor('admin');
    expect((await admin.get('/manage/actions/999999')).statusCode).toBe(404);
    expect((await admin.get('/manage/committees/no-such-committee')).statusCode).toBe(404);
    expect((await admin.get('/manage/actions/abc')).statusCode).toBe(404);
  });

  it('records refusals in the audit trail', async () => {
    const before = db.select().from(auditLog).all().length;
    const member = await clientFor('member');
    const res = await member.get('/manage/users');
    expect(res.statusCode).toBe(403);
    const refusals = db
      .select()
      .from(auditLog)
      .all()
      .slice(before)
      .filter((r) => r.action === 'permission.refused');
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ userEmail: people.member?.email, recordId: 'GET /manage/users' });
  });

  it('cannot be registered without declaring its access', async () => {
    const bare = Fastify();
    bare.decorate('manageRoutes', []);
    await expect(
      bare
        .register(manage, {
          prefix: '/manage',
          routes: [
            async (scope) => {
              scope.get('/undeclared', async () => 'oops');
            },
          ],
        })
        .ready(),
    ).rejects.toThrow(/must declare config.access/);
    await bare.close();
  });
});
