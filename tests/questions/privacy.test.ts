import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { buildTestApp } from '../helpers/app';
import { Client } from '../helpers/client';
import { createAgendaItem, createCommittee, createMeeting, createUser, TEST_PASSWORD } from '../helpers/factories';
import { pdfPageTexts } from '../helpers/pdf';
import type { Database } from '../../src/db/client';
import { agendaItems, auditLog, meetings, outbox, publicQuestions } from '../../src/db/schema';
import { publishAgenda } from '../../src/features/agenda/commands/publishing';
import { publishMinutes } from '../../src/features/minutes/commands/publishing';
import { eraseExpiredAskerEmails } from '../../src/features/questions/commands/privacy';

/**
 * An asker's email address is for the clerk only. It never appears on a
 * public page, feed, calendar, PDF or API answer, nor in the audit trail
 * (which is never erased), and it is erased some months after the meeting.
 */
const EMAIL = 'private.asker@example.org';
let app: FastifyInstance;
let db: Database;
let clock = new Date('2027-01-20T10:00:00Z');
let meetingId = 0;
let slug = '';

beforeAll(async () => {
  ({ app, db } = await buildTestApp({ clock: () => clock }));
  const committee = createCommittee(db, { askerEmailMonths: 6 });
  slug = committee.slug;
  const user = createUser(db, { role: 'clerk', committeeIds: [committee.id] });
  const meeting = createMeeting(db, committee.id, { date: '2027-02-11' });
  meetingId = meeting.id;
  const item = createAgendaItem(db, meeting.id, { kind: 'public_questions', title: 'Public questions' });
  const resident = new Client(app);
  const asked = await resident.submit(
    `/meetings/${meetingId}/questions`,
    {
      kind: 'question',
      name: 'Pat Private',
      organisation: 'Residents’ Association',
      email: EMAIL,
      text: 'Will the clinic open on Saturdays?',
      aboutItemId: '',
      consent: 'yes',
    },
    `/meetings/${meetingId}/questions/new`,
  );
  expect(asked.statusCode).toBe(303);
  const q = db.select().from(publicQuestions).where(eq(publicQuestions.askerEmail, EMAIL)).get();
  const clerk = new Client(app);
  await clerk.signIn(user.email, TEST_PASSWORD);
  const base = `/manage/meetings/${meetingId}/questions/${q?.id}`;
  await clerk.submit(`${base}/accept`, {}, base);
  await clerk.submit(
    `${base}/answer`,
    {
      answerKind: 'written',
      answerText: 'Yes, from March.',
      answeredBy: 'The Practice Manager',
      answerDocumentId: '',
      supplementaryQuestion: '',
      supplementaryAnswer: '',
    },
    base,
  );
  await clerk.submit(`${base}/publish`, { confirmed: 'yes' }, base);
  const published = publishAgenda(db, { meetingId, publishedAt: new Date('2027-02-01T09:00:00Z') });
  if (!published.ok) throw new Error(JSON.stringify(published.errors));
  app.packs.enqueue(published.value.versionId);
  await app.packs.idle();
  db.update(meetings).set({ status: 'held' }).where(eq(meetings.id, meetingId)).run();
  db.update(agendaItems).set({ minuteText: 'Questions were heard.' }).where(eq(agendaItems.id, item.id)).run();
  expect(publishMinutes(db, { meetingId, publishedAt: new Date('2027-02-12T09:00:00Z') }).ok).toBe(true);
});
afterAll(() => app.close());

describe('an asker’s email address', () => {
  it('is on no public page, feed, calendar, PDF or API answer, though the question and name are', async () => {
    const surfaces = [
      '/',
      '/meetings',
      `/meetings/${meetingId}`,
      `/meetings/${meetingId}/agenda/print`,
      `/meetings/${meetingId}/agenda/versions/1`,
      `/meetings/${meetingId}/minutes/versions/1`,
      `/meetings/${meetingId}.ics`,
      `/committees/${slug}`,
      `/committees/${slug}/meetings.ics`,
      `/api/v1/meetings/${meetingId}`,
    ];
    let named = 0;
    for (const url of surfaces) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain(EMAIL);
      expect(res.body.toLowerCase(), url).not.toContain('private.asker');
      if (res.body.includes('Pat Private')) named++;
    }
    expect(named).toBeGreaterThanOrEqual(4);
    for (const url of [`/meetings/${meetingId}/minutes.pdf`, `/meetings/${meetingId}/agenda-pack.pdf`]) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      const text = (await pdfPageTexts(new Uint8Array(res.rawPayload))).join('\n');
      expect(text, url).not.toContain('private.asker');
    }
    const minutesPdf = await app.inject(`/meetings/${meetingId}/minutes.pdf`);
    expect((await pdfPageTexts(new Uint8Array(minutesPdf.rawPayload))).join('\n')).toContain(
      'Will the clinic open on Saturdays?',
    );
  });

  it('is never written into the audit trail, which is never erased', () => {
    for (const entry of db.select().from(auditLog).all()) {
      expect(`${entry.before ?? ''}${entry.after ?? ''}`).not.toContain(EMAIL);
    }
  });

  it('is erased the committee’s months after the meeting, from the question and from the outbox', () => {
    expect(db.select().from(outbox).where(eq(outbox.to, EMAIL)).all().length).toBeGreaterThan(0);
    clock = new Date('2027-08-11T08:00:00Z');
    expect(eraseExpiredAskerEmails(db, clock).erased).toBe(0);
    clock = new Date('2027-08-11T09:00:00Z');
    expect(eraseExpiredAskerEmails(db, clock).erased).toBe(1);
    const q = db.select().from(publicQuestions).where(eq(publicQuestions.askerName, 'Pat Private')).get();
    expect(q).toMatchObject({ askerEmail: null, text: 'Will the clinic open on Saturdays?' });
    expect(q?.askerEmailErasedAt?.toISOString()).toBe('2027-08-11T09:00:00.000Z');
    expect(db.select().from(outbox).where(eq(outbox.to, EMAIL)).all()).toEqual([]);
    expect(db.select().from(outbox).where(eq(outbox.to, '(erased)')).all().length).toBeGreaterThan(0);
    // Nothing left to erase the next time.
    expect(eraseExpiredAskerEmails(db, clock).erased).toBe(0);
  });
});
