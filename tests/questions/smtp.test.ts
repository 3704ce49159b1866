import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { desc, eq } from 'drizzle-orm';
import { buildTestApp } from '../helpers/app';
import { Client } from '../helpers/client';
import {
  createAgendaItem,
  createCommittee,
  createMeeting,
  createPerson,
  createUser,
  TEST_PASSWORD,
} from '../helpers/factories';
import { TestSmtpServer, type Received } from '../mail/helpers';
import type { Database } from '../../src/db/client';
import { publicQuestions } from '../../src/db/schema';

/**
 * Every message of the question scheme, sent through a real SMTP server in
 * the test's process, read back as a mail client reads it.
 */
let smtp: TestSmtpServer;
let app: FastifyInstance;
let db: Database;
let clerk: Client;
let clerkEmail = '';
let meetingId = 0;

beforeAll(async () => {
  smtp = await TestSmtpServer.start();
  ({ app, db } = await buildTestApp({
    now: new Date('2027-01-20T10:00:00Z'),
    env: {
      SMTP_URL: smtp.url(),
      MAIL_FROM: 'Democratic Services <democracy@council.example>',
      PUBLIC_URL: 'https://meetings.council.example',
    },
  }));
  const committee = createCommittee(db, { name: 'Health Select Committee', contactEmail: 'health@council.example' });
  const user = createUser(db, { role: 'clerk', committeeIds: [committee.id] });
  clerkEmail = user.email;
  clerk = new Client(app);
  await clerk.signIn(user.email, TEST_PASSWORD);
  meetingId = createMeeting(db, committee.id, { date: '2027-02-11' }).id;
  createAgendaItem(db, meetingId, { kind: 'public_questions', title: 'Public questions' });
  createPerson(db, { name: 'Ms R Answer', kind: 'officer', email: 'r.answer@trust.example.nhs.uk' });
});
afterAll(async () => {
  await app.close();
  await smtp.close();
});

/** The messages to one address, after everything queued has been delivered. */
async function inbox(to: string): Promise<Received[]> {
  await app.mail.flush();
  return smtp.received.filter((r) => r.envelope.to.includes(to));
}

async function ask(email: string, text: string) {
  const res = await new Client(app).submit(
    `/meetings/${meetingId}/questions`,
    { kind: 'question', name: 'Sam Asker', organisation: '', email, text, aboutItemId: '', consent: 'yes' },
    `/meetings/${meetingId}/questions/new`,
  );
  expect(res.statusCode).toBe(303);
  const q = db.select().from(publicQuestions).orderBy(desc(publicQuestions.id)).get();
  return { id: q?.id ?? 0, reference: q?.reference ?? '', link: String(res.headers.location).replace('?sent=yes', '') };
}

describe('the scheme’s emails, through SMTP', () => {
  it('acknowledges a question to the asker, with the link to follow it, and tells the clerk', async () => {
    const q = await ask('sam@example.org', 'Will the <script>alert(1)</script> clinic open?');
    const [ack] = await inbox('sam@example.org');
    expect(ack?.mail.from?.text).toBe('"Democratic Services" <democracy@council.example>');
    expect(ack?.mail.subject).toBe(`We have received your question (${q.reference})`);
    expect(ack?.mail.text).toContain(`https://meetings.council.example${q.link}`);
    expect(ack?.mail.text).toContain('> Will the <script>alert(1)</script> clinic open?');
    // The HTML body carries the text escaped, and the link as a link.
    expect(ack?.mail.html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(ack?.mail.html).not.toContain('<script>');
    expect(ack?.mail.html).toContain(`<a href="https://meetings.council.example${q.link}">`);
    const [notice] = await inbox(clerkEmail);
    expect(notice?.mail.subject).toBe(`A new question for Thursday 11 February 2027: ${q.reference}`);
    expect(notice?.mail.text).not.toContain('sam@example.org');
  });

  it('tells the asker of acceptance, of rejection with its reason, and of a published answer', async () => {
    const accepted = await ask('ann@example.org', 'Will the bus to the hospital run on Sundays?');
    const base = `/manage/meetings/${meetingId}/questions/${accepted.id}`;
    await clerk.submit(`${base}/accept`, {}, base);
    const rejected = await ask('rob@example.org', 'What about my own hospital appointment?');
    const other = `/manage/meetings/${meetingId}/questions/${rejected.id}`;
    await clerk.submit(
      `${other}/reject`,
      { reason: 'personal_case', note: 'Please call PALS on 01234 567890.' },
      other,
    );
    const annMail = await inbox('ann@example.org');
    expect(annMail.map((m) => m.mail.subject)).toContain(`Your question has been accepted (${accepted.reference})`);
    const robMail = (await inbox('rob@example.org')).at(-1);
    expect(robMail?.mail.subject).toBe(`Your question cannot be taken (${rejected.reference})`);
    expect(robMail?.mail.text).toContain('The reason: It is about a personal case');
    expect(robMail?.mail.text).toContain('Please call PALS on 01234 567890.');

    // The answer is asked of an officer, who is emailed the question and a link, not the asker's address.
    const person = db.select().from(publicQuestions).where(eq(publicQuestions.id, accepted.id)).get();
    expect(person?.status).toBe('accepted');
    const people = await clerk.get(base);
    const personId = /<option value="(\d+)"[^>]*>Ms R Answer<\/option>/.exec(people.body)?.[1] ?? '';
    await clerk.submit(
      `${base}/answerer`,
      {
        personId,
        organisationId: '',
        email: '',
        'answerer-due-day': '9',
        'answerer-due-month': '2',
        'answerer-due-year': '2027',
      },
      base,
    );
    const [request] = await inbox('r.answer@trust.example.nhs.uk');
    expect(request?.mail.subject).toBe(
      `A public question for you to answer by Tuesday 9 February 2027 (${accepted.reference})`,
    );
    expect(request?.mail.text).not.toContain('ann@example.org');
    const link = /https:\/\/meetings\.council\.example(\/questions\/answer\/[A-Za-z0-9_-]{43})/.exec(
      request?.mail.text ?? '',
    )?.[1];
    const answerer = new Client(app);
    await answerer.submit(link ?? '', { answerText: 'Yes, from April.', answeredBy: 'Ms R Answer, Transport' }, link);
    const [arrived] = (await inbox(clerkEmail)).filter((m) => m.mail.subject?.startsWith('A written answer'));
    expect(arrived?.mail.text).toContain(`https://meetings.council.example${base}`);
    await clerk.submit(`${base}/publish`, { confirmed: 'yes' }, base);
    const published = (await inbox('ann@example.org')).at(-1);
    expect(published?.mail.subject).toBe(`The answer to your question is published (${accepted.reference})`);
    expect(published?.mail.text).toContain(`https://meetings.council.example/meetings/${meetingId}#public-questions`);
  });
});
