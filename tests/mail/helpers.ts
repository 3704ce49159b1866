import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { openDatabase, type Database } from '../../src/db/client';

/** One message as the SMTP server received it. */
export interface Received {
  envelope: { from: string; to: string[] };
  mail: ParsedMail;
}

/**
 * A real SMTP server on 127.0.0.1, in the test's process: it keeps every
 * message it accepts, and refuses recipients while `refuse` is set.
 */
export class TestSmtpServer {
  readonly received: Received[] = [];
  readonly logins: { username: string; password: string }[] = [];
  /** While set, every recipient is refused with this reply (a temporary failure, 450). */
  refuse: string | null = null;
  /** How long each message takes to be accepted (to catch two tries at once). */
  delayMs = 0;
  private readonly server: SMTPServer;

  private constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      // Plain text on the loopback: no certificate to trust, and credentials allowed without TLS.
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      closeTimeout: 500,
      onAuth: (auth, _session, callback) => {
        this.logins.push({ username: auth.username ?? '', password: auth.password ?? '' });
        callback(null, { user: auth.username });
      },
      onRcptTo: (_address, _session, callback) => {
        if (!this.refuse) return callback();
        const error = new Error(this.refuse) as Error & { responseCode: number };
        error.responseCode = 450;
        return callback(error);
      },
      onData: (stream, session, callback) => {
        simpleParser(stream).then(
          (mail) => {
            const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
            this.received.push({ envelope: { from, to: session.envelope.rcptTo.map((r) => r.address) }, mail });
            setTimeout(() => callback(), this.delayMs);
          },
          (error: Error) => callback(error),
        );
      },
    });
  }

  /** Listens on `port` (0: a free one). */
  static async start(port = 0): Promise<TestSmtpServer> {
    const smtp = new TestSmtpServer();
    await new Promise<void>((resolve, reject) => {
      smtp.server.server.once('error', reject);
      smtp.server.listen(port, '127.0.0.1', () => resolve());
    });
    return smtp;
  }

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  /** SMTP_URL for this server, with credentials. */
  url(credentials = 'scrutineer:s3cret-pass'): string {
    return `smtp://${credentials}@127.0.0.1:${this.port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A clock the test moves on by hand. */
export class TestClock {
  constructor(private current: Date) {}
  now = (): Date => this.current;
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface MailTestApp {
  app: FastifyInstance;
  db: Database;
  clock: TestClock;
}

/** The real app on a fresh in-memory database (or the one given), with a clock the test moves. */
export async function buildMailApp(
  env: Record<string, string>,
  options: { db?: Database; logStream?: { write(line: string): void }; start?: Date } = {},
): Promise<MailTestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_PATH: ':memory:',
    DEMO_DATA: 'false',
    LOGIN_ATTEMPTS_PER_MINUTE: '1000',
    ...env,
  });
  const db = options.db ?? openDatabase(':memory:');
  const clock = new TestClock(options.start ?? new Date('2026-03-02T09:00:00Z'));
  const app = await buildApp(config, { db, now: clock.now, logStream: options.logStream });
  await app.ready();
  return { app, db, clock };
}

/** A log that keeps each JSON line. */
export function collectingLog(): { stream: { write(line: string): void }; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  return { stream: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) }, lines };
}
