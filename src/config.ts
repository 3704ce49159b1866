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
  /** Put an error's stack on the 500 page (asked for explicitly; never in production). */
  showErrorDetails: boolean;
  /** The key that seals the audit trail; null: the file audit.key beside the database. */
  auditKey: Buffer | null;
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
  return {
    nodeEnv,
    host: h,
    port: p,
    databasePath,
    filesPath,
    maxUploadBytes: wholeNumber(env, 'MAX_UPLOAD_MB', 20, 1, 500) * 1024 * 1024,
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
    loadDemoData: bool(env, 'DEMO_DATA', nodeEnv !== 'production'),
    publicUrl: url(env, 'PUBLIC_URL'),
    sessionSecret: secret(env, 'SESSION_SECRET'),
    sessionIdleMinutes: wholeNumber(env, 'SESSION_IDLE_MINUTES', 480, 1, 10080),
    cookieSecure: bool(env, 'COOKIE_SECURE', false),
    trustProxy: bool(env, 'TRUST_PROXY', false),
    loginAttemptsPerMinute: wholeNumber(env, 'LOGIN_ATTEMPTS_PER_MINUTE', 5, 1, 1000),
    showErrorDetails: showErrorDetails(env, nodeEnv),
    auditKey: ((key) => (key ? Buffer.from(key, 'utf8') : null))(secret(env, 'AUDIT_KEY')),
  };
}

/** The address people can open: "http://localhost:3000" (all-interfaces hosts shown as localhost). */
export function localUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}
