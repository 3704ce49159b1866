import os from 'node:os';
import path from 'node:path';

/**
 * Configuration, read from the environment once at start and validated.
 * Any bad value stops the start with one line that names the variable.
 */
export type NodeEnv = 'development' | 'production' | 'test';

export interface Config {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  /** Path of the SQLite file, or ':memory:' (tests). */
  databasePath: string;
  /** Where uploaded papers and built agenda packs are kept (outside static/). */
  filesPath: string;
  /** The largest paper that may be uploaded, in bytes. */
  maxUploadBytes: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Load the demo committee into an empty database at start. */
  loadDemoData: boolean;
  /**
   * Public base URL used in links that leave the site (feeds, calendars), when
   * set; otherwise the address the server listens on.
   */
  publicUrl: string | null;
  /** Signs the session cookie; generated and kept in the database when not given. */
  sessionSecret: string | null;
  /** A session ends after this long without a request. */
  sessionIdleMinutes: number;
  /** Mark cookies Secure (serve over HTTPS, or behind a proxy that does). */
  cookieSecure: boolean;
  /** Trust X-Forwarded-* from a reverse proxy (for client IPs and HTTPS). */
  trustProxy: boolean;
  /** Sign-in attempts allowed per minute, per IP address and per email address. */
  loginAttemptsPerMinute: number;
  /** Public questions that may be sent per hour from one IP address. */
  questionsPerHour: number;
  /** Requests to the open-data API one address may make in a minute. */
  apiRequestsPerMinute: number;
  /** Worker threads that answer searches (0: searches run on the server's own thread; an in-memory database always does). */
  searchWorkers: number;
  /** Put an error's stack on the 500 page (asked for explicitly; never in production). */
  showErrorDetails: boolean;
  /** The key that seals the audit trail; null: the file audit.key beside the database. */
  auditKey: Buffer | null;
  /** Where mail is sent (smtp:// or smtps://, perhaps with user:password); null: mail is only written to the log. */
  smtpUrl: string | null;
  /** The From of every email: an address, or "Name <address>". */
  mailFrom: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${raw}")`);
}

function port(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) {
    throw new ConfigError(name, `must be a whole number from 0 to 65535 (got "${raw}")`);
  }
  return Number(raw);
}

function wholeNumber(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return Number(raw);
}

function secret(env: Env, name: string): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  if (raw.length < 32) throw new ConfigError(name, 'must be at least 32 characters long');
  return raw;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(name, `must be true or false (got "${raw}")`);
}

function host(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/[\s/]/.test(raw)) throw new ConfigError(name, `must be a host name or IP address (got "${raw}")`);
  return raw;
}

function url(env: Env, name: string): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be an absolute http(s) URL (got "${raw}")`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ConfigError(name, `must be an absolute http(s) URL (got "${raw}")`);
  }
  return parsed.toString().replace(/\/$/, '');
}

/** An smtp:// or smtps:// URL; a refusal never repeats the password it may hold. */
function smtpUrl(env: Env, name: string): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let parsed: URL | null = null;
  try {
    parsed = new URL(raw);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') || parsed.hostname === '') {
    throw new ConfigError(name, 'must be an smtp:// or smtps:// URL, like smtps://user:password@mail.example.org:465');
  }
  if (parsed.port !== '' && Number(parsed.port) === 0) {
    throw new ConfigError(name, 'must name a port from 1 to 65535, or none for the usual one');
  }
  return raw;
}

const MAILBOX = /^[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\]+$/;
const DISPLAY_NAME = /^(?:"[^"\\]*"|[^<>()",;:@\\]+)$/;

/** "address" or "Name <address>": one mailbox, nothing that could start another header. */
function mailFrom(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/\p{Cc}/u.test(raw)) throw new ConfigError(name, 'must be one line, with no control characters');
  const value = raw.trim();
  const named = /^(.*?)\s*<([^<>]*)>$/.exec(value);
  const ok = named
    ? named[1] !== undefined && DISPLAY_NAME.test(named[1].trim()) && MAILBOX.test(named[2] ?? '')
    : MAILBOX.test(value);
  if (!ok) {
    throw new ConfigError(
      name,
      `must be an email address or "Name <address>", like Scrutineer <scrutiny@example.org> (got "${raw}")`,
    );
  }
  return value;
}

/** Error details go to the log; into a page only when asked for, and never in production. */
function showErrorDetails(env: Env, nodeEnv: NodeEnv): boolean {
  const show = bool(env, 'SHOW_ERROR_DETAILS', false);
  if (show && nodeEnv === 'production') {
    throw new ConfigError(
      'SHOW_ERROR_DETAILS',
      'must not be true when NODE_ENV=production: error details are for development',
    );
  }
  return show;
}

/** Reads and validates the configuration; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', NODE_ENVS, 'development');
  const h = host(env, 'HOST', 'localhost');
  const p = port(env, 'PORT', 3000);
  const rawDb = env.DATABASE_PATH;
  if (rawDb !== undefined && rawDb !== '' && rawDb.trim() === '') {
    throw new ConfigError('DATABASE_PATH', 'must be a file path, not blank');
  }
  const databasePath =
    rawDb === undefined || rawDb === ''
      ? path.resolve('data', 'scrutineer.sqlite')
      : rawDb === ':memory:'
        ? rawDb
        : path.resolve(rawDb);
  const rawFiles = env.FILES_PATH;
  const filesPath =
    rawFiles !== undefined && rawFiles.trim() !== ''
      ? path.resolve(rawFiles)
      : databasePath === ':memory:'
        ? path.join(os.tmpdir(), `scrutineer-files-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`)
        : path.join(path.dirname(databasePath), 'files');
  const publicUrl = url(env, 'PUBLIC_URL');
  return {
    nodeEnv,
    host: h,
    port: p,
    databasePath,
    filesPath,
    maxUploadBytes: wholeNumber(env, 'MAX_UPLOAD_MB', 20, 1, 500) * 1024 * 1024,
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
    loadDemoData: bool(env, 'DEMO_DATA', nodeEnv !== 'production'),
    publicUrl,
    sessionSecret: secret(env, 'SESSION_SECRET'),
    sessionIdleMinutes: wholeNumber(env, 'SESSION_IDLE_MINUTES', 480, 1, 10080),
    cookieSecure: bool(env, 'COOKIE_SECURE', false),
    trustProxy: bool(env, 'TRUST_PROXY', false),
    loginAttemptsPerMinute: wholeNumber(env, 'LOGIN_ATTEMPTS_PER_MINUTE', 5, 1, 1000),
    questionsPerHour: wholeNumber(env, 'QUESTIONS_PER_HOUR', 10, 1, 10000),
    apiRequestsPerMinute: wholeNumber(env, 'API_REQUESTS_PER_MINUTE', 300, 1, 100_000_000),
    searchWorkers: wholeNumber(env, 'SEARCH_WORKERS', Math.min(2, os.availableParallelism()), 0, 16),
    showErrorDetails: showErrorDetails(env, nodeEnv),
    auditKey: ((key) => (key ? Buffer.from(key, 'utf8') : null))(secret(env, 'AUDIT_KEY')),
    smtpUrl: smtpUrl(env, 'SMTP_URL'),
    mailFrom: mailFrom(env, 'MAIL_FROM', `Scrutineer <scrutineer@${mailHost(publicUrl)}>`),
  };
}

/** The host of the public address, for the default From; localhost when there is none. */
function mailHost(publicUrl: string | null): string {
  return publicUrl ? new URL(publicUrl).hostname : 'localhost';
}

/** The address people can open: "http://localhost:3000" (all-interfaces hosts shown as localhost). */
export function localUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}
