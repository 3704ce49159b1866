import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { eq } from 'drizzle-orm';
import { closeDatabase, openDatabase, type Database } from '../../src/db/client';
import { actionOwners, actions, committees, outbox, recommendations } from '../../src/db/schema';
import { sendReminders } from '../../src/features/actions/reminders';
import { createAgendaItem, createCommittee, createMeeting, createPerson } from '../helpers/factories';
import { TestSmtpServer } from '../mail/helpers';

/**
 * Reminders: a week before an action is due and once it is overdue, once
 * per step, through `npm run reminders` and a real SMTP server, run twice
 * one after the other and twice at the same time.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-reminders-'));
const dbPath = path.join(tmp, 'db.sqlite');
let db: Database;
let smtp: TestSmtpServer;
let itemId = 0;
let personId = 0;

const today = (days = 0) => DateTime.now().setZone('Europe/London').plus({ days }).toISODate() ?? '';

function addAction(description: string, dueDate: string, status: 'open' | 'done' = 'open') {
  const id = db.insert(actions).values({ agendaItemId: itemId, description, dueDate, status }).returning().get().id;
  db.insert(actionOwners).values({ actionId: id, name: 'Ms F Momen', personId, position: 0 }).run();
  return id;
}

function runReminders(): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/reminders.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_PATH: dbPath,
        SMTP_URL: smtp.url(),
        PUBLIC_URL: 'https://scrutiny.example.gov.uk',
        LOG_LEVEL: 'silent',
      },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

beforeAll(async () => {
  smtp = await TestSmtpServer.start();
  db = openDatabase(dbPath);
  const committee = createCommittee(db, { name: 'Health & Adult Social Care Select Committee', slug: 'hasc' });
  const meeting = createMeeting(db, committee.id, { date: today(-40), status: 'held' });
  itemId = createAgendaItem(db, meeting.id, { kind: 'business', title: 'Community hospitals' }).id;
  personId = createPerson(db, { name: 'Ms F Momen', kind: 'officer', email: 'f.momen@example.gov.uk' }).id;
});
afterAll(async () => {
  closeDatabase(db);
  await smtp.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('npm run reminders', () => {
  it('emails the week before and when overdue, once each, however often and however many run at once', async () => {
    addAction('Send the bed numbers', today(5));
    addAction('Report on waiting times', today(-3));
    addAction('Not due for a month', today(30));
    addAction('Already done', today(-3), 'done');

    const first = await runReminders();
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain('Reminders queued: 1 due within a week, 1 overdue.');
    expect(smtp.received.map((m) => m.mail.subject).sort()).toEqual([
      'Due in a week: Send the bed numbers',
      'Overdue: Report on waiting times',
    ]);
    const overdue = smtp.received.find((m) => m.mail.subject?.startsWith('Overdue'));
    expect(overdue?.envelope.to).toEqual(['f.momen@example.gov.uk']);
    expect(overdue?.mail.text).toMatch(/https:\/\/scrutiny\.example\.gov\.uk\/actions\/update\/[A-Za-z0-9_-]{43}/);

    const again = await runReminders();
    expect(again.out).toContain('Reminders queued: 0 due within a week, 0 overdue.');
    expect(smtp.received).toHaveLength(2);

    addAction('Write to the ICB', today(6));
    const [a, b] = await Promise.all([runReminders(), runReminders()]);
    expect([a.code, b.code], a.out + b.out).toEqual([0, 0]);
    expect(
      smtp.received.map((m) => m.mail.subject).filter((s) => s === 'Due in a week: Write to the ICB'),
    ).toHaveLength(1);
    expect(smtp.received).toHaveLength(3);
  }, 60_000);

  it('reminds a recommendation’s contact of a response due and late, once each, through the same command', async () => {
    const committeeId = db.select({ id: committees.id }).from(committees).get()?.id ?? 0;
    const contact = createPerson(db, { name: 'Mr C Contact', kind: 'partner', email: 'c.contact@example.nhs.uk' }).id;
    const add = (reference: string, responseDueOn: string) =>
      db
        .insert(recommendations)
        .values({
          committeeId,
          reference,
          text: `Recommendation ${reference}`,
          addressedTo: 'Buckinghamshire CCG',
          contactPersonId: contact,
          status: 'awaiting_response',
          sentOn: today(-60),
          responseDueOn,
        })
        .run();
    add('HASC/R/1', today(3));
    add('HASC/R/2', today(-2));
    const toContact = () => smtp.received.filter((m) => m.envelope.to.includes('c.contact@example.nhs.uk'));
    const first = await runReminders();
    expect(first.out).toContain('Response reminders queued: 1 due within a week, 1 late.');
    expect(
      toContact()
        .map((m) => m.mail.subject?.split(':')[0])
        .sort(),
    ).toEqual(['Response due by ' + DateTime.fromISO(today(3)).toFormat('cccc d LLLL yyyy'), 'Response overdue']);
    const [a, b] = await Promise.all([runReminders(), runReminders()]);
    expect(a.out + b.out).not.toContain('Response reminders queued: 1');
    expect(toContact()).toHaveLength(2);
  }, 60_000);

  it('sends a new step when the due date moves, and the overdue one after the week before', () => {
    const now = new Date();
    const id = addAction('Moved date', today(4));
    sendReminders(db, now, { base: 'https://x.example' });
    db.update(actions)
      .set({ dueDate: today(7) })
      .where(eq(actions.id, id))
      .run();
    sendReminders(db, now, { base: 'https://x.example' });
    sendReminders(db, new Date(now.getTime() + 10 * 86_400_000), { base: 'https://x.example' });
    const subjects = db
      .select({ subject: outbox.subject })
      .from(outbox)
      .all()
      .map((r) => r.subject)
      .filter((s) => s.endsWith('Moved date'));
    expect(subjects).toEqual(['Due in a week: Moved date', 'Due in a week: Moved date', 'Overdue: Moved date']);
  });
});
