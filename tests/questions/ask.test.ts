import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { desc, eq } from 'drizzle-orm';
import { buildTestApp } from '../helpers/app';
import { Client } from '../helpers/client';
import { parse, textOf } from '../helpers/html';
import { createAgendaItem, createCommittee, createMeeting, createUser } from '../helpers/factories';
import type { Database } from '../../src/db/client';
import { committees, meetings, outbox, publicQuestions } from '../../src/db/schema';

/**
 * Asking a question as a resident would: the form, the scheme's rules applied
 * (cut-off, word limit, cap), every kind of bad input answered in words with
 * the form as typed, and the traps for bots and floods.
 */
let app: FastifyInstance;
let db: Database;
let clock = new Date('2027-01-20T10:00:00Z');
let committeeId = 0;
let meetingId = 0;
let itemId = 0;
let clerkEmail = '';

beforeAll(async () => {
  ({ app, db } = await buildTestApp({ clock: () => clock, env: { QUESTIONS_PER_HOUR: '10000' } }));
  const committee = createCommittee(db, { name: 'Health Select Committee', contactEmail: 'health@example.gov.uk' });
  committeeId = committee.id;
  clerkEmail = createUser(db, { role: 'clerk', committeeIds: [committee.id] }).email;
  // Thursday 11 February 2027: questions close at noon on Friday 5 February.
  const meeting = createMeeting(db, committee.id, { date: '2027-02-11' });
  meetingId = meeting.id;
  createAgendaItem(db, meeting.id, { kind: 'apologies', title: 'Apologies for absence' });
  itemId = createAgendaItem(db, meeting.id, { kind: 'business', title: 'Community hospitals' }).id;
});
afterAll(() => app.close());
beforeEach(() => {
  clock = new Date('2027-01-20T10:00:00Z');
});

const FORM = {
  kind: 'question',
  name: 'Jo Resident',
  organisation: '',
  email: 'jo@example.org',
  text: 'Will the community hospital in Buckingham keep its beds?',
  aboutItemId: '',
  consent: 'yes',
  website: '',
};

async function ask(form: Record<string, string>, client = new Client(app), url = `/meetings/${meetingId}/questions`) {
  return client.submit(url, form, `/meetings/${meetingId}/questions/new`);
}

const newest = () => db.select().from(publicQuestions).orderBy(desc(publicQuestions.id)).get();
const mailFor = (to: string) => db.select().from(outbox).where(eq(outbox.to, to)).orderBy(desc(outbox.id)).all();
let n = 0;
const unique = () => `asker${++n}@example.org`;

describe('the question form', () => {
  it('is offered on the meeting page while questions are open, with the scheme in plain words', async () => {
    const page = parse((await app.inject(`/meetings/${meetingId}`)).body);
    expect(page('a[href$="/questions/new"]').text()).toContain('Ask a question');
    const form = await app.inject(`/meetings/${meetingId}/questions/new`);
    expect(form.statusCode).toBe(200);
    const text = textOf(form.body);
    expect(text).toContain('Questions close at Friday 5 February 2027, midday: three clear working days before');
    expect(text).toContain('A question can be up to 250 words long.');
    expect(text).toContain('Each person or organisation can ask one question at each meeting.');
    expect(text).toContain('It is erased 6 months after the meeting, on Wednesday 11 August 2027.');
    const $ = parse(form.body);
    expect($('[data-module="govuk-character-count"]').attr('data-maxwords')).toBe('250');
    expect($('#text-info').text()).toBe('You can enter up to 250 words');
    // Procedural items are not offered; business items are.
    expect(
      $('#aboutItemId option')
        .map((_, o) => $(o).text())
        .get(),
    ).toEqual(['Not about a particular item', '2. Community hospitals']);
  });

  it('says questions have closed, and when, after the cut-off', async () => {
    clock = new Date('2027-02-05T12:00:00Z');
    const res = await app.inject(`/meetings/${meetingId}/questions/new`);
    expect(textOf(res.body)).toContain('Questions for this meeting closed at Friday 5 February 2027, midday.');
    expect(parse(res.body)('form textarea')).toHaveLength(0);
    expect(textOf((await app.inject(`/meetings/${meetingId}`)).body)).toContain(
      'Questions for this meeting closed Friday 5 February 2027, midday',
    );
  });

  it('lists the committee’s meetings open for questions on its page', async () => {
    const slug = db.select().from(committees).where(eq(committees.id, committeeId)).get()?.slug;
    const $ = parse((await app.inject(`/committees/${slug}`)).body);
    expect($(`#ask-heading`).text()).toContain('Ask the committee a question');
    expect($(`a[href="/meetings/${meetingId}/questions/new"]`).text()).toBe(
      'Ask a question for Thursday 11 February 2027',
    );
  });
});

describe('sending a question', () => {
  it('gives a reference and a page to follow it, acknowledges it by email and tells the clerk', async () => {
    const email = unique();
    const res = await ask({ ...FORM, email, aboutItemId: String(itemId) });
    expect(res.statusCode).toBe(303);
    const location = String(res.headers.location);
    expect(location).toMatch(/^\/questions\/[A-Za-z0-9_-]{43}\?sent=yes$/);
    const q = newest();
    expect(q).toMatchObject({
      status: 'received',
      late: false,
      askerEmail: email,
      aboutItemId: itemId,
      channel: 'online',
    });
    expect(q?.reference).toMatch(/^Q-2027-02-11-\d{3}$/);
    const page = await app.inject(location);
    expect(page.headers['cache-control']).toBe('private, no-store');
    const $ = parse(page.body);
    expect($('.govuk-panel__title').text()).toBe('Your question has been sent');
    expect($('.govuk-panel__body strong').text()).toBe(q?.reference);
    const [ack] = mailFor(email);
    expect(ack?.kind).toBe('question_acknowledged');
    expect(ack?.subject).toBe(`We have received your question (${q?.reference})`);
    expect(ack?.text).toContain(`http://localhost:3000${location.replace('?sent=yes', '')}`);
    expect(ack?.text).toContain('will email you by Monday 8 February 2027');
    const [notice] = mailFor(clerkEmail);
    expect(notice?.kind).toBe('question_arrived');
    expect(notice?.text).toContain(`/manage/meetings/${meetingId}/questions/${q?.id}`);
    // The asker's address is never in the clerk's notice.
    expect(notice?.text).not.toContain(email);
  });

  it('takes exactly the word limit, and refuses one word more with the text kept', async () => {
    const words = (count: number) => Array.from({ length: count }, (_, i) => `w${i}`).join(' ');
    const at = await ask({ ...FORM, email: unique(), text: words(250) });
    expect(at.statusCode).toBe(303);
    const over = await ask({ ...FORM, email: unique(), text: words(251) });
    expect(over.statusCode).toBe(422);
    const $ = parse(over.body);
    expect($('#text-error').text()).toContain('Your question must be 250 words or fewer: it has 251, 1 too many');
    expect($('#text').text()).toBe(words(251));
  });

  const BAD: [string, Record<string, string>, string, string][] = [
    ['an empty question', { text: '   ' }, 'text', 'Enter your question'],
    ['no name', { name: '' }, 'name', 'Enter your name'],
    ['an invalid email', { email: 'jo at example' }, 'email', 'Enter an email address in the correct format'],
    ['no email', { email: '' }, 'email', 'Enter your email address'],
    ['no consent', { consent: '' }, 'consent', 'Confirm that you agree'],
    ['an unknown item', { aboutItemId: '999999' }, 'aboutItemId', 'Select an item from the list'],
  ];
  for (const [what, change, field, message] of BAD) {
    it(`answers ${what} in words, keeping what was typed`, async () => {
      const typed = { ...FORM, email: unique(), organisation: 'Buckingham Town Council', ...change };
      const res = await ask(typed);
      expect(res.statusCode).toBe(422);
      const $ = parse(res.body);
      expect($(`#${field}-error`).text()).toContain(message);
      expect(
        $('.govuk-error-summary a')
          .map((_, a) => $(a).attr('href'))
          .get(),
      ).toContain(`#${field}`);
      expect($('#name').val()).toBe(typed.name);
      expect($('#organisation').val()).toBe('Buckingham Town Council');
      expect($('#text').text()).toBe(typed.text);
    });
  }

  it('keeps a question sent after the cut-off, marked late, and tells the asker the chairman decides', async () => {
    // The form was opened while questions were open, and sent after they closed.
    const client = new Client(app);
    const token = await client.csrfToken(`/meetings/${meetingId}/questions/new`);
    clock = new Date('2027-02-08T09:00:00Z');
    const email = unique();
    const res = await client.post(`/meetings/${meetingId}/questions`, { ...FORM, email, _csrf: token });
    expect(res.statusCode).toBe(303);
    expect(newest()).toMatchObject({ late: true, status: 'received' });
    expect(mailFor(email)[0]?.text).toContain('It arrived after questions closed');
    expect(mailFor(clerkEmail)[0]?.kind).toBe('question_arrived_late');
    const status = textOf((await app.inject(String(res.headers.location))).body);
    expect(status).toContain('(after questions closed)');
  });

  it('refuses a meeting that is cancelled, held or not yet open, with the question kept', async () => {
    const other = createMeeting(db, committeeId, { date: '2027-03-11' });
    const url = `/meetings/${other.id}/questions`;
    const client = new Client(app);
    const send = () => client.submit(url, { ...FORM, email: unique() }, `/meetings/${meetingId}/questions/new`);
    db.update(meetings).set({ status: 'cancelled' }).where(eq(meetings.id, other.id)).run();
    let res = await send();
    expect(res.statusCode).toBe(422);
    expect(textOf(res.body)).toContain('This meeting has been cancelled, so it is not taking questions.');
    expect(parse(res.body)('#text').text()).toBe(FORM.text);
    db.update(meetings).set({ status: 'held' }).where(eq(meetings.id, other.id)).run();
    res = await send();
    expect(textOf(res.body)).toContain('This meeting took place on Thursday 11 March 2027');
    db.update(meetings).set({ status: 'scheduled' }).where(eq(meetings.id, other.id)).run();
    db.update(committees).set({ questionsOpenDaysBefore: 28 }).where(eq(committees.id, committeeId)).run();
    res = await send();
    expect(textOf(res.body)).toContain('Questions for this meeting open on Thursday 11 February 2027, midnight.');
    db.update(committees).set({ questionsOpenDaysBefore: null }).where(eq(committees.id, committeeId)).run();
  });

  it('holds each person, and each organisation, to the scheme’s number of questions', async () => {
    const email = unique();
    expect((await ask({ ...FORM, email })).statusCode).toBe(303);
    const again = await ask({ ...FORM, email: email.toUpperCase(), text: 'And another thing?' });
    expect(again.statusCode).toBe(422);
    expect(textOf(again.body)).toContain('You have already sent a question for this meeting');
    expect(parse(again.body)('#text').text()).toBe('And another thing?');
    const organisation = 'Winslow Town Council';
    expect((await ask({ ...FORM, email: unique(), organisation })).statusCode).toBe(303);
    expect((await ask({ ...FORM, email: unique(), organisation: ' winslow town council ' })).statusCode).toBe(422);
  });

  it('answers an unknown meeting with a 404', async () => {
    expect((await app.inject('/meetings/999999/questions/new')).statusCode).toBe(404);
    expect((await ask(FORM, new Client(app), '/meetings/999999/questions')).statusCode).toBe(404);
  });

  it('keeps a bot’s question (the trap field filled in) as suspected spam, and emails nobody', async () => {
    const email = unique();
    const before = db.select().from(outbox).all().length;
    const res = await ask({ ...FORM, email, website: 'http://spam.example' });
    expect(res.statusCode).toBe(303);
    expect(newest()).toMatchObject({ suspectedSpam: true, askerEmail: email });
    expect(db.select().from(outbox).all().length).toBe(before);
  });

  it('takes a body of 64 KB as a refused form with its text kept, not a 413', async () => {
    const long = 'x'.repeat(64 * 1024);
    const res = await ask({ ...FORM, email: unique(), text: long });
    expect(res.statusCode).toBe(422);
    expect(parse(res.body)('#text').text()).toBe(long);
    expect(textOf(res.body)).toContain('Your question is too long');
  });

  it('brings the form back filled in when the page had expired', async () => {
    const res = await new Client(app).post(`/meetings/${meetingId}/questions`, { ...FORM, _csrf: 'stale' });
    expect(res.statusCode).toBe(403);
    expect(textOf(res.body)).toContain('Your question was not sent: the page had been open too long.');
    expect(parse(res.body)('#text').text()).toBe(FORM.text);
    expect(parse(res.body)('input[name="_csrf"]').val()).toBeTruthy();
  });

  it('swaps errors into the form with htmx, and sends the asker on with HX-Redirect', async () => {
    const client = new Client(app);
    const refused = await ask({ ...FORM, email: 'nope' }, client);
    expect(refused.statusCode).toBe(422);
    const token = parse(refused.body)('input[name="_csrf"]').val() as string;
    const htmx = { 'hx-request': 'true', 'hx-target': 'form-page' };
    const bad = await client.post(`/meetings/${meetingId}/questions`, { ...FORM, email: 'nope', _csrf: token }, htmx);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).not.toContain('<html');
    expect(parse(bad.body)('#form-page .govuk-error-summary').text()).toContain('Enter an email address');
    const good = await client.post(
      `/meetings/${meetingId}/questions`,
      { ...FORM, email: unique(), _csrf: token },
      htmx,
    );
    expect(good.statusCode).toBe(204);
    expect(good.headers['hx-redirect']).toMatch(/^\/questions\/[A-Za-z0-9_-]{43}\?sent=yes$/);
  });
});

describe('asking to speak', () => {
  it('is offered where the scheme allows it, and a made-up kind is answered in words', async () => {
    db.update(committees).set({ speakingRequests: true }).where(eq(committees.id, committeeId)).run();
    const $ = parse((await app.inject(`/meetings/${meetingId}/questions/new`)).body);
    expect($('h1').text()).toBe('Ask a question, or ask to speak');
    expect(
      $('input[name="kind"]')
        .map((_, i) => $(i).val())
        .get(),
    ).toEqual(['question', 'deputation', 'statement']);
    const bad = await ask({ ...FORM, email: unique(), kind: 'petition' });
    expect(bad.statusCode).toBe(422);
    expect(parse(bad.body)('#kind-error').text()).toContain('Select whether you want to ask a question or to speak');
    const statement = await ask({
      ...FORM,
      email: unique(),
      kind: 'statement',
      text: 'I would like to speak about beds.',
    });
    expect(statement.statusCode).toBe(303);
    expect(newest()?.kind).toBe('statement');
    db.update(committees).set({ speakingRequests: false }).where(eq(committees.id, committeeId)).run();
    // Where it does not, only questions are taken: the form offers nothing else.
    expect(parse((await app.inject(`/meetings/${meetingId}/questions/new`)).body)('input[name="kind"]').val()).toBe(
      'question',
    );
  });
});

describe('the asker’s link', () => {
  it('answers a forged or mangled link with a clear page, not the question', async () => {
    for (const token of ['x'.repeat(43), 'short', '../../etc/passwd', 'A'.repeat(90)]) {
      const res = await app.inject(`/questions/${encodeURIComponent(token)}`);
      expect(res.statusCode, token).toBe(404);
      expect(textOf(res.body)).toContain('This link does not work');
    }
  });

  it('lets the asker withdraw, after asking first', async () => {
    const res = await ask({ ...FORM, email: unique() });
    const link = String(res.headers.location).replace('?sent=yes', '');
    const client = new Client(app);
    const question = await client.submit(`${link}/withdraw`, {}, link);
    expect(question.statusCode).toBe(200);
    expect(textOf(question.body)).toContain('Withdraw your question?');
    expect(newest()?.status).toBe('received');
    const done = await client.submit(`${link}/withdraw`, { confirmed: 'yes' }, link);
    expect(done.statusCode).toBe(303);
    expect(newest()?.status).toBe('withdrawn');
    expect(textOf((await app.inject(link)).body)).toContain('It has been withdrawn');
  });
});

describe('a flood from one address', () => {
  it('is limited per hour, with the form and its text kept', async () => {
    const limited = await buildTestApp({ clock: () => clock, env: { QUESTIONS_PER_HOUR: '2' } });
    const c = createCommittee(limited.db);
    const m = createMeeting(limited.db, c.id, { date: '2027-02-11' });
    const client = new Client(limited.app);
    const send = (i: number) =>
      client.submit(
        `/meetings/${m.id}/questions`,
        { ...FORM, email: `flood${i}@example.org` },
        `/meetings/${m.id}/questions/new`,
      );
    expect((await send(1)).statusCode).toBe(303);
    expect((await send(2)).statusCode).toBe(303);
    const third = await send(3);
    expect(third.statusCode).toBe(429);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect(textOf(third.body)).toContain('Too many questions have been sent from your connection');
    expect(parse(third.body)('#text').text()).toBe(FORM.text);
    await limited.app.close();
  });
});
