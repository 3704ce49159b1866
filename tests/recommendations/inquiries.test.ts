import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { and, eq, isNull } from 'drizzle-orm';
import { buildTestApp } from '../helpers/app';
import { Client, DEMO_CLERK, DEMO_MEMBER } from '../helpers/client';
import { parse, textOf } from '../helpers/html';
import type { Database } from '../../src/db/client';
import {
  agendaItems,
  committees,
  documents,
  inquiries,
  inquiryMembers,
  meetings,
  memberships,
  people,
} from '../../src/db/schema';

/**
 * Inquiries: the demo's one-day inquiry into support for carers in public;
 * the clerk records its members, terms of reference, evidence sessions and
 * report; its recommendations show on its page; the meeting that heard
 * evidence, and the item a recommendation was made at, link to them.
 */
let app: FastifyInstance;
let db: Database;
let clerk: Client;
const slug = 'health-and-adult-social-care';
const base = `/manage/committees/${slug}/inquiries`;

beforeAll(async () => {
  ({ app, db } = await buildTestApp({ demo: true, now: new Date('2026-11-22T12:00:00Z') }));
  clerk = new Client(app);
  await clerk.signIn(DEMO_CLERK.email, DEMO_CLERK.password);
});
afterAll(() => app.close());

const date = (name: string, iso: string) => {
  const [year = '', month = '', day = ''] = iso.split('-');
  return {
    [`${name}-day`]: iso ? String(Number(day)) : '',
    [`${name}-month`]: iso ? String(Number(month)) : '',
    [`${name}-year`]: year,
  };
};

describe('inquiries', () => {
  it('shows the demo’s inquiry in public, and 404 for one that does not exist', async () => {
    const list = await app.inject(`/committees/${slug}/inquiries`);
    expect(list.statusCode).toBe(200);
    expect(parse(list.body)(`a[href="/committees/${slug}/inquiries/support-for-carers"]`).length).toBe(1);
    const one = await app.inject(`/committees/${slug}/inquiries/support-for-carers`);
    expect(one.statusCode).toBe(200);
    expect(textOf(one.body)).toContain('The Committee held a one-day inquiry into support for carers in October 2018');
    expect((await app.inject(`/committees/${slug}/inquiries/no-such`)).statusCode).toBe(404);
  });

  it('records members, terms of reference, sessions and report, refusing bad input with what was typed kept', async () => {
    const committeeId = db.select().from(committees).where(eq(committees.slug, slug)).get()?.id ?? 0;
    const inquiry = db.select().from(inquiries).where(eq(inquiries.slug, 'support-for-carers')).get();
    const people_ = db
      .select({ id: people.id, name: people.name })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .where(eq(memberships.committeeId, committeeId))
      .limit(3)
      .all();
    expect(people_.length).toBe(3);
    const published = db
      .select({ meetingId: meetings.id, documentId: documents.id, title: documents.title })
      .from(documents)
      .innerJoin(meetings, eq(meetings.id, documents.meetingId))
      .where(and(eq(meetings.agendaStatus, 'published'), isNull(documents.exemptParagraph)))
      .get();
    expect(published).toBeDefined();
    const form = {
      title: 'Support for carers',
      kind: 'one_day',
      status: 'reported',
      summary: inquiry?.summary ?? '',
      termsOfReference: 'To examine the support available to unpaid carers in Buckinghamshire.',
      ...date('startedOn', '2018-10-15'),
      ...date('reportedOn', '2018-09-01'),
      memberIds: people_.map((p) => String(p.id)),
      chairId: String(people_[0]?.id),
      sessionMeetingIds: [String(published?.meetingId)],
      reportDocumentId: String(published?.documentId),
    };
    const url = `${base}/${inquiry?.id}`;
    const refused = await clerk.submit(url, form, `${url}/edit`);
    expect(refused.statusCode).toBe(422);
    expect(textOf(refused.body)).toContain('The report cannot come before the inquiry started');
    const $ = parse(refused.body);
    expect($('#termsOfReference').text().trim()).toBe(form.termsOfReference);
    expect($('input[name="memberIds"][checked]').length).toBe(3);

    const strangerChair = await clerk.submit(
      url,
      { ...form, ...date('reportedOn', '2019-03-01'), memberIds: form.memberIds.slice(1) },
      `${url}/edit`,
    );
    expect(textOf(strangerChair.body)).toContain('The chair must be one of the members you selected');

    const saved = await clerk.submit(url, { ...form, ...date('reportedOn', '2019-03-01') }, `${url}/edit`);
    expect(saved.statusCode).toBe(303);
    expect(
      db
        .select()
        .from(inquiryMembers)
        .where(eq(inquiryMembers.inquiryId, inquiry?.id ?? 0))
        .all(),
    ).toHaveLength(3);

    const page = await app.inject(`/committees/${slug}/inquiries/support-for-carers`);
    const text = textOf(page.body);
    expect(text).toContain(form.termsOfReference);
    expect(text).toContain(`${people_[0]?.name} (Chair)`);
    expect(text).toMatch(/Reported\s*1 March 2019/);
    expect(parse(page.body)(`a[href="/documents/${published?.documentId}"]`).length).toBe(1);
    expect(parse(page.body)(`a[href="/meetings/${published?.meetingId}"]`).length).toBe(1);

    // The session's meeting names the inquiry.
    const meeting = await app.inject(`/meetings/${published?.meetingId}`);
    expect(parse(meeting.body)(`a[href="/committees/${slug}/inquiries/support-for-carers"]`).length).toBe(1);
  });

  it('lists its sent recommendations, and the item one was made at links to it', async () => {
    const inquiry = db.select().from(inquiries).where(eq(inquiries.slug, 'support-for-carers')).get();
    const item = db
      .select({ id: agendaItems.id, meetingId: agendaItems.meetingId })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(and(eq(meetings.agendaStatus, 'published'), isNull(agendaItems.exemptParagraph)))
      .get();
    const recs = `/manage/committees/${slug}/recommendations`;
    const made = await clerk.submit(
      recs,
      {
        text: 'That every carer is offered an assessment within four weeks.',
        addressedTo: 'Cabinet Member for Adult Social Care',
        addresseeOrganisationId: '',
        contactPersonId: '',
        agendaItemId: String(item?.id),
        inquiryId: String(inquiry?.id),
      },
      `${recs}/new`,
    );
    const id = /(\d+)$/.exec(made.headers.location as string)?.[1];
    const before = await app.inject(`/committees/${slug}/inquiries/support-for-carers`);
    expect(textOf(before.body)).not.toContain('offered an assessment');
    await clerk.submit(`${recs}/${id}/send`, date('sentOn', '2019-03-20'), `${recs}/${id}`);
    const after = await app.inject(`/committees/${slug}/inquiries/support-for-carers`);
    expect(parse(after.body)('a[href="/recommendations/HASC-R-1"]').length).toBe(1);
    const meeting = await app.inject(`/meetings/${item?.meetingId}`);
    expect(parse(meeting.body)('#agenda a[href="/recommendations/HASC-R-1"]').length).toBe(1);
  });

  it('lets only the committee’s clerks change an inquiry', async () => {
    const member = new Client(app);
    await member.signIn(DEMO_MEMBER.email, DEMO_MEMBER.password);
    const inquiry = db.select().from(inquiries).where(eq(inquiries.slug, 'support-for-carers')).get();
    expect((await member.get(base)).statusCode).toBe(200);
    expect((await member.get(`${base}/${inquiry?.id}/edit`)).statusCode).toBe(403);
  });
});
