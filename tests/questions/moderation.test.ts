import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { and, desc, eq } from 'drizzle-orm';
import { buildTestApp } from '../helpers/app';
import { Client } from '../helpers/client';
import { parse, textOf } from '../helpers/html';
import {
  createAgendaItem,
  createCommittee,
  createMeeting,
  createPerson,
  createQuestion,
  createUser,
  TEST_PASSWORD,
} from '../helpers/factories';
import type { Database } from '../../src/db/client';
import { agendaItems, meetings, outbox, publicQuestions } from '../../src/db/schema';
import { publishAgenda } from '../../src/features/agenda/commands/publishing';
import { publishMinutes } from '../../src/features/minutes/commands/publishing';

/**
 * The clerk's side of the scheme, end to end over HTTP: the queue, each
 * decision and what the asker is told, the order, a question received by
 * post, the written answer asked of someone and sent back through its link,
 * the answer published, and the minutes that list the questions.
 */
let app: FastifyInstance;
let db: Database;
let clock = new Date('2027-01-20T10:00:00Z');
let clerk: Client;
let meetingId = 0;
let questionsItemId = 0;
let answererId = 0;

beforeAll(async () => {
  ({ app, db } = await buildTestApp({ clock: () => clock }));
  const committee = createCommittee(db, { name: 'Health Select Committee', contactEmail: 'health@example.gov.uk' });
  const user = createUser(db, { role: 'clerk', committeeIds: [committee.id] });
  clerk = new Client(app);
  await clerk.signIn(user.email, TEST_PASSWORD);
  const meeting = createMeeting(db, committee.id, { date: '2027-02-11' });
  meetingId = meeting.id;
  createAgendaItem(db, meeting.id, { kind: 'apologies', title: 'Apologies' });
  questionsItemId = createAgendaItem(db, meeting.id, { kind: 'public_questions', title: 'Public questions' }).id;
  createAgendaItem(db, meeting.id, { kind: 'business', title: 'Community hospitals' });
  answererId = createPerson(db, {
    name: 'Dr J Kent',
    jobTitle: 'Medical Director',
    kind: 'officer',
    email: 'j.kent@trust.example.nhs.uk',
  }).id;
});
afterAll(() => app.close());
beforeEach(() => {
  clock = new Date('2027-01-20T10:00:00Z');
});

const base = () => `/manage/meetings/${meetingId}/questions`;
const mailTo = (to: string) => db.select().from(outbox).where(eq(outbox.to, to)).orderBy(desc(outbox.id)).all();
const row = (id: number) => db.select().from(publicQuestions).where(eq(publicQuestions.id, id)).get();
let n = 0;

/** A resident's question, sent through the public form; returns its id and the asker's link. */
async function residentAsks(text: string, extra: Record<string, string> = {}) {
  const email = `resident${++n}@example.org`;
  const client = new Client(app);
  const res = await client.submit(
    `/meetings/${meetingId}/questions`,
    {
      kind: 'question',
      name: `Resident ${n}`,
      organisation: '',
      email,
      text,
      aboutItemId: '',
      consent: 'yes',
      ...extra,
    },
    `/meetings/${meetingId}/questions/new`,
  );
  expect(res.statusCode).toBe(303);
  const q = db.select().from(publicQuestions).orderBy(desc(publicQuestions.id)).get();
  if (!q) throw new Error('no question');
  return { id: q.id, email, link: String(res.headers.location).replace('?sent=yes', '') };
}

const decide = (id: number, action: string, form: Record<string, string> = {}) =>
  clerk.submit(`${base()}/${id}/${action}`, form, `${base()}/${id}`);

describe('the queue', () => {
  it('shows each question’s reference, full text, asker, status, received time and late flag', async () => {
    const onTime = await residentAsks('Will the minor injuries unit in Thame reopen this winter?');
    const queue = parse((await clerk.get(base())).body);
    const card = queue(`#question-${onTime.id}`);
    expect(card.find('.govuk-summary-card__title').text()).toBe(row(onTime.id)?.reference);
    const text = card.text().replace(/\s+/g, ' ');
    expect(text).toContain('Will the minor injuries unit in Thame reopen this winter?');
    expect(text).toContain('Resident');
    expect(text).toContain('Waiting for a decision');
    expect(text).toContain('Wednesday 20 January 2027, 10am (online form)');
    expect(card.find('.govuk-tag').text()).not.toContain('Late');
    // The clerk's home counts it.
    expect(textOf((await clerk.get('/manage')).body)).toMatch(/\d+ questions? waiting: Health Select Committee/);
  });

  it('is the committee’s clerks’ alone: a member of the committee is refused', async () => {
    const committeeId = db.select().from(meetings).where(eq(meetings.id, meetingId)).get()?.committeeId ?? 0;
    const member = createUser(db, { role: 'member', committeeIds: [committeeId] });
    const client = new Client(app);
    await client.signIn(member.email, TEST_PASSWORD);
    expect((await client.get(base())).statusCode).toBe(403);
  });
});

describe('deciding', () => {
  it('accepts: the question is public at once, and the asker is told', async () => {
    const q = await residentAsks('How many beds will Buckingham community hospital keep?');
    const res = await decide(q.id, 'accept');
    expect(res.statusCode).toBe(303);
    expect(row(q.id)?.status).toBe('accepted');
    expect(mailTo(q.email)[0]?.kind).toBe('question_accepted');
    expect(mailTo(q.email)[0]?.text).toContain(`http://localhost:3000${q.link}`);
    // The agenda is a draft: the meeting page shows it in its own section.
    const page = parse((await app.inject(`/meetings/${meetingId}`)).body);
    expect(page('#public-questions').text()).toContain('How many beds will Buckingham community hospital keep?');
    expect(page('#public-questions').text()).not.toContain(q.email);
  });

  it('rejects on a ground of the scheme with a note, both sent to the asker; without a ground, says so', async () => {
    const q = await residentAsks('Why was my neighbour’s care package cut?');
    const missing = await decide(q.id, 'reject', { reason: '', note: 'Contact the complaints team.' });
    expect(missing.statusCode).toBe(422);
    const $ = parse(missing.body);
    expect($('#reject-reason-error').text()).toContain('Select the reason');
    expect($('#reject-note').text()).toBe('Contact the complaints team.');
    expect($('.govuk-error-summary a').attr('href')).toBe('#reject-reason');
    const res = await decide(q.id, 'reject', { reason: 'personal_case', note: 'Contact the complaints team.' });
    expect(res.statusCode).toBe(303);
    const [mail] = mailTo(q.email);
    expect(mail?.kind).toBe('question_rejected');
    expect(mail?.text).toContain('It is about a personal case');
    expect(mail?.text).toContain('Contact the complaints team.');
    expect(textOf((await app.inject(q.link)).body)).toContain('Contact the complaints team.');
  });

  it('offers the likely duplicates, and combines one into another', async () => {
    const first = await residentAsks(
      'When will the new GP surgery in Winslow open, and how many doctors will it have?',
    );
    await decide(first.id, 'accept');
    const second = await residentAsks('How many doctors will the new Winslow GP surgery have when it opens?');
    const page = parse((await clerk.get(`${base()}/${second.id}`)).body);
    expect(page('#duplicates-heading').text()).toContain('Questions like this one');
    expect(page('.app-duplicate').first().text()).toContain(row(first.id)?.reference ?? '?');
    const res = await decide(second.id, 'merge', { intoId: String(first.id) });
    expect(res.statusCode).toBe(303);
    expect(row(second.id)).toMatchObject({ status: 'merged', mergedIntoId: first.id });
    expect(mailTo(second.email)[0]?.text).toContain(row(first.id)?.reference ?? '?');
    // Combining into itself, or into nothing, is refused in words.
    const third = await residentAsks('Is the Winslow surgery funded?');
    expect((await decide(third.id, 'merge', { intoId: String(third.id) })).statusCode).toBe(422);
  });

  it('withdraws for the asker after asking first, and tells them', async () => {
    const q = await residentAsks('Please withdraw this one.');
    const asked = await decide(q.id, 'withdraw');
    expect(textOf(asked.body)).toContain(`Withdraw ${row(q.id)?.reference}?`);
    expect(row(q.id)?.status).toBe('received');
    expect((await decide(q.id, 'withdraw', { confirmed: 'yes' })).statusCode).toBe(303);
    expect(row(q.id)?.status).toBe('withdrawn');
    expect(mailTo(q.email)[0]?.kind).toBe('question_withdrawn');
  });

  it('orders the accepted questions, and numbers them in that order', async () => {
    const a = await residentAsks('First question on ambulances?');
    const b = await residentAsks('Second question on ambulances?');
    await decide(a.id, 'accept');
    await decide(b.id, 'accept');
    const order = () =>
      db
        .select({ id: publicQuestions.id })
        .from(publicQuestions)
        .where(and(eq(publicQuestions.meetingId, meetingId), eq(publicQuestions.status, 'accepted')))
        .orderBy(publicQuestions.position)
        .all()
        .map((r) => r.id);
    expect(order().slice(-2)).toEqual([a.id, b.id]);
    expect((await decide(b.id, 'move', { direction: 'up' })).statusCode).toBe(303);
    expect(order().slice(-2)).toEqual([b.id, a.id]);
  });

  it('adds a question sent by post with the time it arrived, late when that was after the cut-off', async () => {
    clock = new Date('2027-02-08T09:00:00Z');
    const form = {
      kind: 'question',
      name: 'Mr T Letter',
      organisation: '',
      email: '',
      text: 'Sent by post: will the hospital bus run on Sundays?',
      aboutItemId: '',
      channel: 'post',
      'received-day': '6',
      'received-month': '2',
      'received-year': '2027',
      receivedTime: '9am',
    };
    const res = await clerk.submit(base(), form, `${base()}/new`);
    expect(res.statusCode).toBe(303);
    const q = db.select().from(publicQuestions).orderBy(desc(publicQuestions.id)).get();
    expect(q).toMatchObject({ channel: 'post', late: true, askerEmail: null });
    expect(q?.submittedAt?.toISOString()).toBe('2027-02-06T09:00:00.000Z');
    const future = await clerk.submit(base(), { ...form, 'received-day': '9' }, `${base()}/new`);
    expect(future.statusCode).toBe(422);
    expect(textOf(future.body)).toContain('The date it arrived must be today or in the past');
    expect(parse(future.body)('#text').text()).toBe(form.text);
  });
});

describe('the answer', () => {
  it('is asked of someone in the directory, sent back through their link once, and the clerk is told', async () => {
    const q = await residentAsks('Will the stroke unit stay at Stoke Mandeville?');
    await decide(q.id, 'accept');
    const res = await decide(q.id, 'answerer', {
      personId: String(answererId),
      organisationId: '',
      email: '',
      'answerer-due-day': '9',
      'answerer-due-month': '2',
      'answerer-due-year': '2027',
    });
    expect(res.statusCode).toBe(303);
    const [request] = mailTo('j.kent@trust.example.nhs.uk');
    expect(request?.kind).toBe('answer_requested');
    expect(request?.subject).toContain('by Tuesday 9 February 2027');
    expect(request?.text).toContain('Will the stroke unit stay at Stoke Mandeville?');
    expect(request?.text).not.toContain(q.email);
    const link = /http:\/\/localhost:3000(\/questions\/answer\/[A-Za-z0-9_-]{43})/.exec(request?.text ?? '')?.[1];
    expect(link).toBeTruthy();
    const answerer = new Client(app);
    const form = await answerer.get(link ?? '');
    expect(form.statusCode).toBe(200);
    expect(form.headers['cache-control']).toBe('private, no-store');
    expect(textOf(form.body)).toContain('The answer is due by Tuesday 9 February 2027');
    const empty = await answerer.submit(link ?? '', { answerText: '', answeredBy: 'Dr J Kent' }, link);
    expect(empty.statusCode).toBe(422);
    const sent = await answerer.submit(
      link ?? '',
      { answerText: 'Yes: the unit stays, with two more consultants.', answeredBy: 'Dr J Kent, Medical Director' },
      link,
    );
    expect(sent.statusCode).toBe(303);
    expect(row(q.id)).toMatchObject({
      status: 'answered',
      answerKind: 'written',
      answeredBy: 'Dr J Kent, Medical Director',
    });
    expect(row(q.id)?.answerPublishedAt).toBeNull();
    const clerkMail = db.select().from(outbox).where(eq(outbox.kind, 'answer_arrived')).all();
    expect(clerkMail.length).toBeGreaterThan(0);
    // The link works once: a second answer is refused in words, and what was typed is shown to copy.
    const again = await answerer.post(link ?? '', {
      answerText: 'A second thought.',
      answeredBy: 'Dr J Kent',
      // Sent again from the tab that still shows the form.
      _csrf: parse(form.body)('input[name="_csrf"]').val() as string,
    });
    expect(again.statusCode).toBe(409);
    expect(textOf(again.body)).toContain('Your answer has been sent');
    expect(textOf(again.body)).toContain('A second thought.');
    // Not published until the clerk says so.
    expect((await app.inject(`/meetings/${meetingId}`)).body).not.toContain('two more consultants');
    const ask = await decide(q.id, 'publish');
    expect(textOf(ask.body)).toContain('Publish the answer to');
    expect((await decide(q.id, 'publish', { confirmed: 'yes' })).statusCode).toBe(303);
    expect((await app.inject(`/meetings/${meetingId}`)).body).toContain('two more consultants');
    expect(mailTo(q.email)[0]?.kind).toBe('answer_published');
  });

  it('answers a forged answer link with a clear page, keeping what was typed to copy', async () => {
    const client = new Client(app);
    const link = `/questions/answer/${'y'.repeat(43)}`;
    const page = await client.get(link);
    expect(page.statusCode).toBe(404);
    const token = await client.csrfToken(`/meetings/${meetingId}/questions/new`);
    const posted = await client.post(link, { answerText: 'My careful answer.', answeredBy: 'Me', _csrf: token });
    expect(posted.statusCode).toBe(404);
    expect(textOf(posted.body)).toContain('This link does not work');
    expect(textOf(posted.body)).toContain('My careful answer.');
  });

  it('records one given at the meeting, with a supplementary; published, it shows under the item', async () => {
    const q = await residentAsks('Will parking at the hospital be free for carers?');
    await decide(q.id, 'accept');
    const res = await decide(q.id, 'answer', {
      answerKind: 'oral',
      answerText: 'The Trust will report back in March.',
      answeredBy: 'Ms A Chief, Chief Executive',
      answerDocumentId: '',
      supplementaryQuestion: 'And for volunteers?',
      supplementaryAnswer: 'Yes, for volunteers too.',
    });
    expect(res.statusCode).toBe(303);
    await decide(q.id, 'publish', { confirmed: 'yes' });
    publishAgenda(db, { meetingId, publishedAt: new Date('2027-02-01T09:00:00Z') });
    const page = parse((await app.inject(`/meetings/${meetingId}`)).body);
    const item = page('#public-questions');
    expect(item.closest('li.app-agenda-item').find('h3').text()).toContain('Public questions');
    expect(item.text()).toContain('Answer at the meeting');
    expect(item.text()).toContain('The Trust will report back in March.');
    expect(item.text()).toContain('Yes, for volunteers too.');
    const api = JSON.parse((await app.inject(`/api/v1/meetings/${meetingId}`)).body) as {
      publicQuestions: { text: string; answer: { text: string } | null }[];
    };
    expect(api.publicQuestions.find((p) => p.text.includes('parking'))?.answer?.text).toBe(
      'The Trust will report back in March.',
    );
    // After the meeting the minutes' public questions item lists them, with their answers.
    db.update(meetings).set({ status: 'held' }).where(eq(meetings.id, meetingId)).run();
    db.update(agendaItems)
      .set({ minuteText: 'The Committee heard the public questions.' })
      .where(eq(agendaItems.id, questionsItemId))
      .run();
    clock = new Date('2027-02-12T10:00:00Z');
    const published = publishMinutes(db, { meetingId, publishedAt: clock });
    expect(published.ok).toBe(true);
    const minutes = parse((await app.inject(`/meetings/${meetingId}`)).body)('#minutes');
    expect(minutes.find('.app-minuted-questions').text()).toContain('Will parking at the hospital be free for carers?');
    expect(minutes.find('.app-minuted-questions').text()).toContain('Answered at the meeting:');
  });
});

describe('a question made in the database', () => {
  it('cannot be reached under another meeting’s address', async () => {
    const other = createMeeting(db, db.select().from(meetings).get()?.committeeId ?? 0, { date: '2027-05-06' });
    const q = createQuestion(db, other.id, { status: 'received' });
    expect((await clerk.get(`${base()}/${q.id}`)).statusCode).toBe(404);
    expect((await clerk.get(`/manage/meetings/${other.id}/questions/${q.id}`)).statusCode).toBe(200);
  });
});
