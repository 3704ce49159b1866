/**
 * Sends the reminders that are due (see src/features/actions/reminders.ts)
 * and delivers them, with whatever else waits in the outbox. Safe to run
 * every hour, and twice at once: each reminder goes once.
 *
 *   npm run reminders
 */
import pino from 'pino';
import { ConfigError, loadConfig } from '../src/config';
import { closeDatabase, openDatabase } from '../src/db/client';
import { sendReminders } from '../src/features/actions/reminders';
import { sendResponseReminders } from '../src/features/recommendations/reminders';
import { MailDelivery } from '../src/features/mail/delivery';
import { localUrl } from '../src/config';

try {
  const config = loadConfig();
  const db = openDatabase(config.databasePath, { auditKey: config.auditKey });
  const now = new Date();
  const links = { base: config.publicUrl ?? localUrl(config.host, config.port) };
  const run = sendReminders(db, now, links);
  console.log(`Reminders queued: ${run.dueSoon} due within a week, ${run.overdue} overdue.`);
  const responses = sendResponseReminders(db, now, links);
  console.log(`Response reminders queued: ${responses.dueSoon} due within a week, ${responses.late} late.`);
  const log = pino({ level: config.logLevel });
  const mail = new MailDelivery({ db, log, now: () => new Date(), smtpUrl: config.smtpUrl, from: config.mailFrom });
  await mail.flush();
  await mail.stop();
  closeDatabase(db);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
