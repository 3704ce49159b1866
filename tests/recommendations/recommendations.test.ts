import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { and, eq, isNotNull } from 'drizzle-orm';
import { buildTestApp } from '../helpers/app';
import { Client, DEMO_CLERK, DEMO_MEMBER } from '../helpers/client';
import { parse, textOf } from '../helpers/html';
import { createAgendaItem, createMeeting, createPerson } from '../helpers/factories';
import type { Database } from '../../src/db/client';
import {
  actions,
  agendaItems,
  auditLog,
  committees,
  meetings,
  outbox,
  recommendations,
  recommendationTargetChanges,
  workProgrammeEntries,
} from '../../src/db/schema';
import { sendResponseReminders } from '../../src/features/recommendations/reminders';
import { recommendationFigures } from '../../src/features/recommendations/queries';

/**
 * Recommendations followed to the end: made (a draft, not public), sent
 * (public, response due by the committee's period), answered (never before it
 * was sent), progressing (every target-date change with its reason, kept),
 * reviewed (a review point on the work programme); overdue responses shown
 * as overdue in public and on the clerk's dashboard; reminders once per step.
 */
let app: FastifyInstance;
let db: Database;
let clerk: Client;
let member: Client;
let now = new Date('2026-11-22T12:00:00Z');
const slug = 'health-and-adult-social-care';
const base = `/manage/committees/${slug}/recommendations`;
let committeeId: number;
let itemId: number;

beforeAll(async () => {
  ({ app, db } = await buildTestApp({ demo: true, clock: () => now }));
  clerk = new Client(app);
  await clerk.signIn(DEMO_CLERK.email, DEMO_CLERK.password);
  member = new Client(app);
  await member.signIn(DEMO_MEMBER.email, DEMO_MEMBER.password);
  committeeId = db.select().from(committees).where(eq(committees.slug, slug)).get()?.id ?? 0;
  // An item of the demo's 5 November 2020 meeting with published actions: the trail's other thread.
  itemId = db.select({ id: actions.agendaItemId }).from(actions).where(isNotNull(actions.publishedAt)).get()?.id ?? 0;
});
afterAll(() => app.close());

const blank = {
  text: '',
  addressedTo: '',
  addresseeOrganisationId: '',
  contactPersonId: '',
  agendaItemId: '',
  inquiryId: '',
};
const date = (name: string, iso: string) => {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year };
};

async function make(fields: Partial<typeof blank>): Promise<number> {
  const res = await clerk.submit(base, { ...blank, ...fields }, `${base}/new`);
  expect(res.statusCode).toBe(303);
  return Number(/recommendations\/(\d+)$/.exec(res.headers.location as string)?.[1]);
}
const rec = (id: number) => db.select().from(recommendations).where(eq(recommendations.id, id)).get();
const page = (id: number) => `${base}/${id}`;

describe('recommendations', () => {
  let id: number;
  let contactId: number;

  it('is made as a draft with a reference, refusing bad input with what was typed kept, and is not public', async () => {
    const refused = await clerk.submit(base, { ...blank, addressedTo: 'Kept addressee' }, `${base}/new`);
    expect(refused.statusCode).toBe(422);
    expect(textOf(refused.body)).toContain('Enter the recommendation');
    expect(parse(refused.body)('#addressedTo').val()).toBe('Kept addressee');

    contactId = createPerson(db, { name: 'Ms A Contact', email: 'contact@example.org', kind: 'officer' }).id;
    id = await make({
      text: 'That the Cabinet Member publishes a carers’ strategy, with its funding, by March.',
      addressedTo: 'Cabinet Member for Adult Social Care',
      contactPersonId: String(contactId),
      agendaItemId: String(itemId),
    });
    const made = rec(id);
    expect(made?.reference).toBe('HASC/R/1');
    expect(made?.status).toBe('draft');
    expect((await app.inject('/recommendations/HASC-R-1')).statusCode).toBe(404);
    expect(textOf((await app.inject(`/committees/${slug}/recommendations`)).body)).not.toContain('carers’ strategy');
    expect(
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'recommendation.create'), eq(auditLog.recordId, String(id))))
        .all(),
    ).toHaveLength(1);
  });

  it('is sent: public from then, its response due the committee’s period later', async () => {
    const future = await clerk.submit(`${page(id)}/send`, date('sentOn', '2026-12-25'), page(id));
    expect(future.statusCode).toBe(422);
    expect(textOf(future.body)).toContain('The date it was sent must be today or in the past');
    expect(parse(future.body)('#sentOn').val()).toBe('25');

    const sent = await clerk.submit(`${page(id)}/send`, date('sentOn', '2026-08-31'), page(id));
    expect(sent.statusCode).toBe(303);
    // 31 August + 2 months: 31 October.
    expect(rec(id)).toMatchObject({ status: 'awaiting_response', sentOn: '2026-08-31', responseDueOn: '2026-10-31' });

    const list = await app.inject(`/committees/${slug}/recommendations`);
    expect(list.statusCode).toBe(200);
    const text = textOf(list.body);
    expect(text).toContain('carers’ strategy');
    // Due 31 October, none received by 22 November: overdue, by 22 days.
    expect(text).toContain('Responses overdue');
    expect(text).toContain('Response overdue by 22 days');
    const one = await app.inject('/recommendations/HASC-R-1');
    expect(one.statusCode).toBe(200);
    expect(textOf(one.body)).toContain('(overdue)');
    // The trail: the item it was made at, and that item's published actions.
    const $ = parse(one.body);
    expect($('a[href^="/meetings/"]').length).toBeGreaterThan(0);
    expect($('a[href^="/actions/HASC-2020-11-05-"]').length).toBeGreaterThan(0);
  });

  it('shows the clerk the late response on the dashboard, and counts it in the figures', async () => {
    const home = await clerk.get('/manage');
    const $ = parse(home.body);
    expect(textOf(home.body)).toContain('Responses overdue');
    expect($(`a[href="${page(id)}"]`).length).toBe(1);
    expect(recommendationFigures(db, [committeeId], now).outcomes.find((o) => o.key === 'late')?.count).toBe(1);
    const manage = await clerk.get(base);
    expect(manage.statusCode).toBe(200);
    expect(parse(manage.body)('svg[role="img"] title').first().text()).toBe('Recommendations by outcome');
  });

  it('takes no response from before it was sent, and keeps what was typed', async () => {
    const early = await clerk.submit(
      `${page(id)}/responses`,
      { ...date('receivedOn', '2026-08-30'), decision: 'accepted', text: 'We agree.', respondent: '', documentId: '' },
      page(id),
    );
    expect(early.statusCode).toBe(422);
    expect(textOf(early.body)).toContain(
      'The response cannot be received before the recommendation was sent, on 31 August 2026',
    );
    expect(parse(early.body)('#text').text().trim()).toBe('We agree.');
    expect(parse(early.body)('input[name="decision"][value="accepted"]').attr('checked')).toBeDefined();

    const empty = await clerk.submit(
      `${page(id)}/responses`,
      { ...date('receivedOn', '2026-11-02'), decision: 'accepted', text: '', respondent: '', documentId: '' },
      page(id),
    );
    expect(textOf(empty.body)).toContain('Enter the response, or select the paper that is the response');

    const ok = await clerk.submit(
      `${page(id)}/responses`,
      {
        ...date('receivedOn', '2026-11-02'),
        decision: 'partly_accepted',
        text: 'The strategy will be published in April, not March.',
        respondent: 'Angela Macpherson',
        documentId: '',
      },
      page(id),
    );
    expect(ok.statusCode).toBe(303);
    expect(rec(id)?.status).toBe('responded');
    const text = textOf((await app.inject('/recommendations/HASC-R-1')).body);
    expect(text).toContain('Partly accepted, 2 November 2026, by Angela Macpherson');
    expect(text).toContain('The strategy will be published in April, not March.');
    expect(text).not.toContain('(overdue)');
  });

  it('needs a reason for every change of the target date, and keeps each', async () => {
    const progress = (targetDate: string, reason: string, status = 'on_track') =>
      clerk.submit(
        `${page(id)}/progress`,
        { implementationStatus: status, ...date('targetDate', targetDate), reason },
        page(id),
      );
    const noReason = await progress('2027-04-30', '');
    expect(noReason.statusCode).toBe(422);
    expect(textOf(noReason.body)).toContain('Say why the target date is set');
    expect(parse(noReason.body)('#targetDate').val()).toBe('30');
    expect((await progress('2027-04-30', 'Given in the Cabinet Member’s response')).statusCode).toBe(303);
    const again = await progress('2027-06-30', '');
    expect(textOf(again.body)).toContain('Say why the target date changes from 30 April 2027');
    expect((await progress('2027-06-30', 'Consultation extended by two months', 'at_risk')).statusCode).toBe(303);
    // The same date again is no change: no reason needed, nothing added.
    expect((await progress('2027-06-30', '', 'at_risk')).statusCode).toBe(303);
    const changes = db
      .select()
      .from(recommendationTargetChanges)
      .where(eq(recommendationTargetChanges.recommendationId, id))
      .all();
    expect(changes.map((c) => [c.fromDate, c.toDate, c.reason])).toEqual([
      [null, '2027-04-30', 'Given in the Cabinet Member’s response'],
      ['2027-04-30', '2027-06-30', 'Consultation extended by two months'],
    ]);
    expect(rec(id)).toMatchObject({ implementationStatus: 'at_risk', targetDate: '2027-06-30' });
    const text = textOf((await app.inject('/recommendations/HASC-R-1')).body);
    expect(text).toContain('Consultation extended by two months');
    expect(text).toContain('Implementation: at risk');
    expect(recommendationFigures(db, [committeeId], now).implementation.at_risk).toBe(1);
    expect(textOf((await app.inject(`/committees/${slug}/recommendations`)).body)).toContain(
      'target 30 June 2027 (changed 1 time)',
    );
  });

  it('puts a review point on the work programme, for the first meeting after it is due', async () => {
    const later = createMeeting(db, committeeId, { startsAt: new Date('2027-06-10T09:00:00Z') });
    createMeeting(db, committeeId, { startsAt: new Date('2027-03-04T10:00:00Z') });
    const bad = await clerk.submit(`${page(id)}/review-points`, { afterMonths: '', meetingId: '' }, page(id));
    expect(textOf(bad.body)).toContain('Enter after how many months it is reviewed, or select a meeting');
    const ok = await clerk.submit(`${page(id)}/review-points`, { afterMonths: '6', meetingId: '' }, page(id));
    expect(ok.statusCode).toBe(303);
    const entry = db.select().from(workProgrammeEntries).where(eq(workProgrammeEntries.recommendationId, id)).get();
    // Six months after the response of 2 November 2026: 2 May 2027; the first meeting on or after it is 10 June.
    expect(entry).toMatchObject({ reviewDueOn: '2027-05-02', plannedMeetingId: later.id, status: 'scheduled' });
    expect(entry?.topic).toBe('Review of recommendation HASC/R/1');
    const wp = await app.inject(`/committees/${slug}/work-programme`);
    expect(parse(wp.body)('a[href="/recommendations/HASC-R-1"]').length).toBe(1);
    // The meeting's agenda item, once the agenda adds it, links back.
    const item = createAgendaItem(db, later.id, { title: 'Review of recommendation HASC/R/1' });
    db.update(workProgrammeEntries)
      .set({ agendaItemId: item.id })
      .where(eq(workProgrammeEntries.id, entry?.id ?? 0))
      .run();
    expect(textOf((await app.inject('/recommendations/HASC-R-1')).body)).toContain('(on its agenda)');
  });

  it('lets a member read but not change, and never shows one made at an exempt item', async () => {
    expect((await member.get(page(id))).statusCode).toBe(200);
    const refused = await member.submit(
      `${page(id)}/progress`,
      { implementationStatus: 'complete', reason: '' },
      page(id),
    );
    expect(refused.statusCode).toBe(403);
    expect(rec(id)?.implementationStatus).toBe('at_risk');

    const meeting = db.select().from(meetings).where(eq(meetings.committeeId, committeeId)).get();
    const exempt = createAgendaItem(db, meeting?.id ?? 0, { title: 'Contract award', exemptParagraph: 3 });
    const secret = await make({
      text: 'Secret recommendation canary',
      addressedTo: 'Cabinet',
      agendaItemId: String(exempt.id),
    });
    await clerk.submit(`${page(secret)}/send`, date('sentOn', '2026-11-01'), page(secret));
    expect(rec(secret)?.status).toBe('awaiting_response');
    const reference = (rec(secret)?.reference ?? '').replaceAll('/', '-');
    expect((await app.inject(`/recommendations/${reference}`)).statusCode).toBe(404);
    expect(textOf((await app.inject(`/committees/${slug}/recommendations`)).body)).not.toContain('canary');
    db.update(agendaItems).set({ exemptParagraph: null }).where(eq(agendaItems.id, exempt.id)).run();
    expect((await app.inject(`/recommendations/${reference}`)).statusCode).toBe(200);
    db.update(agendaItems).set({ exemptParagraph: 3 }).where(eq(agendaItems.id, exempt.id)).run();
  });

  it('reminds the contact a week before the response is due and when it is late, once per step', async () => {
    const due = await make({
      text: 'That the CCG publishes its waiting times each month.',
      addressedTo: 'Buckinghamshire CCG',
      contactPersonId: String(contactId),
    });
    await clerk.submit(`${page(due)}/send`, date('sentOn', '2026-09-27'), page(due));
    expect(rec(due)?.responseDueOn).toBe('2026-11-27');
    const links = { base: 'https://scrutiny.example' };
    const mails = () => db.select().from(outbox).where(eq(outbox.to, 'contact@example.org')).all();
    const before = mails().length;
    // HASC/R/1 has its response; the exempt one has no contact: only this one is due within the week.
    expect(sendResponseReminders(db, now, links)).toEqual({ dueSoon: 1, late: 0 });
    expect(sendResponseReminders(db, now, links)).toEqual({ dueSoon: 0, late: 0 });
    now = new Date('2026-11-28T09:00:00Z');
    expect(sendResponseReminders(db, now, links)).toEqual({ dueSoon: 0, late: 1 });
    expect(sendResponseReminders(db, now, links)).toEqual({ dueSoon: 0, late: 0 });
    const sent = mails().slice(before);
    expect(sent.map((m) => m.subject)).toEqual([
      `Response due by Friday 27 November 2026: ${rec(due)?.reference} from the Health & Adult Social Care Select Committee`,
      `Response overdue: ${rec(due)?.reference} from the Health & Adult Social Care Select Committee`,
    ]);
    expect(sent[0]?.text).toContain('https://scrutiny.example/recommendations/');
  });
});
