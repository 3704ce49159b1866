import nodemailer from 'nodemailer';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client';
import { outbox } from '../../db/schema';

type OutboxRow = typeof outbox.$inferSelect;

/** The waits after the 1st to 7th failed tries: 1 min, 5 min, 30 min, 2 h, 6 h, 12 h, a day. The 8th fails the message. */
export const RETRY_DELAYS_MS = [1, 5, 30, 120, 360, 720, 1440].map((minutes) => minutes * 60_000);
/** A message is marked failed after this many failed tries (it is kept, and can be tried again by hand). */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/**
 * A claimed message is not due again for this long: longer than a try can take (the SMTP
 * timeouts below), so no message is tried twice at once, and short enough that one whose try
 * was cut off by a crash is tried again soon after the restart.
 */
export const CLAIM_MS = 5 * 60_000;
/** How often the outbox is looked at for messages that have come due. */
export const POLL_MS = 5_000;

/** The wait after failed try number `attempts` (1 for the first). */
export function retryDelay(attempts: number): number {
  return RETRY_DELAYS_MS[Math.min(Math.max(attempts, 1), RETRY_DELAYS_MS.length) - 1] ?? 0;
}

/** How a message leaves: by SMTP, or (no SMTP_URL) into the log. */
interface Transport {
  readonly name: 'smtp' | 'log';
  send(message: OutboxRow): Promise<{ status: 'sent' | 'logged'; messageId: string | null }>;
  close(): void;
}

function smtpTransport(url: string, from: string): Transport {
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    // The bodies are our own strings: never a file or a web address for nodemailer to read.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    name: 'smtp',
    async send(message) {
      const info = await transporter.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: { 'Auto-Submitted': 'auto-generated', ...(message.headers ?? {}) },
      });
      if (info.rejected.length > 0) throw new Error(`The server refused the recipient: ${info.response}`);
      return { status: 'sent', messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

function logTransport(log: FastifyBaseLogger): Transport {
  return {
    name: 'log',
    send(message) {
      log.info(
        { outboxId: message.id, kind: message.kind, to: message.to, subject: message.subject, text: message.text },
        'mail written to the log, not sent (SMTP_URL is not set)',
      );
      return Promise.resolve({ status: 'logged', messageId: null });
    },
    close: () => undefined,
  };
}

/** An error as one line for the outbox page. */
function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim().slice(0, 1000) || 'Unknown error';
}

export interface MailDeliveryOptions {
  db: Db;
  log: FastifyBaseLogger;
  /** The clock (the app's, which tests may fix). */
  now: () => Date;
  /** smtp:// or smtps:// URL; null writes each message to the log instead. */
  smtpUrl: string | null;
  /** The From of every message. */
  from: string;
  pollMs?: number;
}

/**
 * Delivers the outbox: every queued message that is due, one at a time, by
 * SMTP or into the log. A message is claimed before it is tried (its next
 * try moved past the longest a try can take), so it is never tried twice at
 * once; it is marked only after the try, so a crash in between can at worst
 * send it twice, never lose it. A failed try waits longer each time
 * (RETRY_DELAYS_MS); after MAX_ATTEMPTS failed tries the message is failed.
 */
export class MailDelivery {
  /** How mail leaves: 'smtp', or 'log' when SMTP_URL is not set. */
  readonly transport: 'smtp' | 'log';
  private readonly sender: Transport;
  private readonly db: Db;
  private readonly log: FastifyBaseLogger;
  private readonly now: () => Date;
  private readonly pollMs: number;
  private poller: NodeJS.Timeout | null = null;
  private kicker: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(options: MailDeliveryOptions) {
    this.db = options.db;
    this.log = options.log;
    this.now = options.now;
    this.pollMs = options.pollMs ?? POLL_MS;
    this.sender = options.smtpUrl ? smtpTransport(options.smtpUrl, options.from) : logTransport(options.log);
    this.transport = this.sender.name;
  }

  /** Starts polling, and delivers at once whatever is due (messages queued while the server was down). */
  start(): void {
    if (this.stopped || this.poller) return;
    this.poller = setInterval(() => void this.run(), this.pollMs);
    this.poller.unref();
    this.kick();
  }

  /** Asks for a delivery run soon: call it after the transaction that queued a message has committed. */
  kick(): void {
    if (this.stopped || !this.poller || this.kicker) return;
    this.kicker = setTimeout(() => {
      this.kicker = null;
      void this.run();
    }, 0);
    this.kicker.unref();
  }

  /** Delivers everything due now; resolves when done (tests, and anything that must wait for it). */
  async flush(): Promise<void> {
    if (this.stopped) return;
    if (this.running) await this.running;
    await this.run();
  }

  /** Stops polling and waits for the message being tried: call it before the database closes. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poller) clearInterval(this.poller);
    if (this.kicker) clearTimeout(this.kicker);
    this.poller = null;
    this.kicker = null;
    if (this.running) await this.running;
    this.sender.close();
  }

  /** One run at a time: a run asked for during another follows it. Never rejects. */
  private run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = (async () => {
      do {
        this.again = false;
        await this.deliverDue();
      } while (this.again && !this.stopped);
    })()
      .catch((error: unknown) => this.log.error({ err: error }, 'mail delivery run failed'))
      .finally(() => {
        this.running = null;
      });
    this.running = run;
    return run;
  }

  private async deliverDue(): Promise<void> {
    while (!this.stopped) {
      const message = this.claimNext();
      if (!message) return;
      await this.deliver(message);
    }
  }

  /** Takes the message due longest, counting the try and moving its next try past this one. */
  private claimNext(): OutboxRow | null {
    const now = this.now();
    return this.db.transaction(
      (tx) => {
        const due = tx
          .select({ id: outbox.id })
          .from(outbox)
          .where(and(eq(outbox.status, 'queued'), lte(outbox.nextAttemptAt, now)))
          .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
          .limit(1)
          .get();
        if (!due) return null;
        return (
          tx
            .update(outbox)
            .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + CLAIM_MS) })
            .where(and(eq(outbox.id, due.id), eq(outbox.status, 'queued'), lte(outbox.nextAttemptAt, now)))
            .returning()
            .get() ?? null
        );
      },
      { behavior: 'immediate' },
    );
  }

  private async deliver(message: OutboxRow): Promise<void> {
    let outcome: { status: 'sent' | 'logged'; messageId: string | null };
    try {
      outcome = await this.sender.send(message);
    } catch (error) {
      this.recordFailure(message, error);
      return;
    }
    this.db
      .update(outbox)
      .set({ status: outcome.status, sentAt: this.now(), messageId: outcome.messageId, lastError: null })
      .where(eq(outbox.id, message.id))
      .run();
  }

  private recordFailure(message: OutboxRow, error: unknown): void {
    const lastError = oneLine(error);
    const last = message.attempts >= MAX_ATTEMPTS;
    this.db
      .update(outbox)
      .set(
        last
          ? { status: 'failed', lastError }
          : { lastError, nextAttemptAt: new Date(this.now().getTime() + retryDelay(message.attempts)) },
      )
      .where(eq(outbox.id, message.id))
      .run();
    this.log.warn(
      { outboxId: message.id, kind: message.kind, attempts: message.attempts, error: lastError },
      last ? 'mail failed on its last try: it is marked failed' : 'mail failed: it will be tried again',
    );
  }
}
