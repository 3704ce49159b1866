import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { RANK_EXTENSION } from './rank-extension';
import * as tables from './schema';
import * as relations from './relations';

const schema = { ...tables, ...relations };
export type Schema = typeof schema;
/** Anything reads and writes can run on: the database, or a transaction in it. */
export type Db = BaseSQLiteDatabase<'sync', SQLite.RunResult, Schema>;
/** The open database itself, with its SQLite connection. */
export type Database = BetterSQLite3Database<Schema> & { $client: SQLite.Database };

export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

export interface OpenOptions {
  /**
   * The key that seals the audit trail (AUDIT_KEY). Without one, the key kept
   * in the file `audit.key` beside the database, made on first open; an
   * in-memory database gets a key of its own.
   */
  auditKey?: Buffer | null;
}

/** The audit key of each open connection: held outside the database it seals. */
const auditKeys = new WeakMap<SQLite.Database, Buffer>();

/** Where the audit key is kept when AUDIT_KEY is not set. */
export function auditKeyFile(databasePath: string): string {
  return path.join(path.dirname(databasePath), 'audit.key');
}

function keyBeside(databasePath: string): Buffer {
  if (databasePath === ':memory:') return randomBytes(32);
  const file = auditKeyFile(databasePath);
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  } catch {
    const key = randomBytes(32);
    // Made once, readable by this account only; "wx" never overwrites a key made meanwhile.
    try {
      fs.writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      return key;
    } catch {
      return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    }
  }
}

/** The better-sqlite3 connection under a database, or under a transaction on it. */
function connectionOf(db: Db): SQLite.Database {
  return (db as unknown as { session: { client: SQLite.Database } }).session.client;
}

/** The key that seals this database's audit trail (for a transaction too). */
export function auditKeyOf(db: Db): Buffer {
  const key = auditKeys.get(connectionOf(db));
  if (!key) throw new Error('This database was not opened with openDatabase: it has no audit key');
  return key;
}

/** Each connection's statements prepared by statementOf, by their SQL. */
const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

/**
 * A statement of SQL written by hand, prepared once per connection and kept
 * by its text: for the few hot queries drizzle cannot keep prepared (search's,
 * over a full-text table, whose shape varies with the filters given), where
 * preparing each time would cost a search more than a tenth of its time. Only
 * for a handful of texts: values are bound, never written into the SQL, and
 * what is kept is never forgotten.
 */
export function statementOf(db: Db, text: string): SQLite.Statement {
  const connection = connectionOf(db);
  let kept = statements.get(connection);
  if (!kept) statements.set(connection, (kept = new Map()));
  let statement = kept.get(text);
  if (!statement) kept.set(text, (statement = connection.prepare(text)));
  return statement;
}

/** Connections that have scrutineer_rank() (see rankFunction). */
const withRank = new WeakSet<SQLite.Database>();

/** Loads search's ranking function into a connection, where it was built (scripts/build-native.ts). */
function loadRank(sqlite: SQLite.Database): void {
  if (!fs.existsSync(RANK_EXTENSION)) return;
  // better-sqlite3 takes the entry point as a second argument; its types name only the path.
  (sqlite as unknown as { loadExtension(file: string, entryPoint: string): void }).loadExtension(
    RANK_EXTENSION,
    'sqlite3_scrutineerrank_init',
  );
  withRank.add(sqlite);
}

/**
 * The ranking function a search on this connection uses: scrutineer_rank()
 * where it is loaded (bm25()'s order, without bm25()'s second pass over the
 * index for a query of one phrase), or bm25() itself.
 */
export function rankFunction(db: Db): 'scrutineer_rank' | 'bm25' {
  return withRank.has(connectionOf(db)) ? 'scrutineer_rank' : 'bm25';
}

/**
 * Opens the SQLite database (creating its folder when needed), sets the
 * pragmas every connection needs, and applies pending migrations.
 */
export function openDatabase(databasePath: string, options: OpenOptions = {}): Database {
  if (databasePath !== ':memory:') {
    fs.mkdirSync(path.dirname(databasePath), { recursive: true });
  }
  const sqlite = new SQLite(databasePath);
  if (databasePath !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  loadRank(sqlite);
  const db = drizzle({ client: sqlite, schema, casing: 'snake_case' }) as Database;
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  auditKeys.set(sqlite, options.auditKey ?? keyBeside(databasePath));
  return db;
}

/**
 * Opens a database another connection already set up (openDatabase) for
 * reading only: no migrations, no writes; for a worker thread that reads
 * beside the server (WAL lets readers and the writer work at once).
 */
export function openReader(databasePath: string): Database {
  const sqlite = new SQLite(databasePath, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  loadRank(sqlite);
  return drizzle({ client: sqlite, schema, casing: 'snake_case' }) as Database;
}

export function closeDatabase(db: Database): void {
  if (db.$client.open) db.$client.close();
}

/**
 * Runs a command in one transaction that commits only when the command
 * succeeds: a refusal found part-way (`ok: false`) rolls back whatever was
 * written before it, so a form that fails never leaves anything half-saved.
 * Inside another transaction it is a savepoint.
 */
export function inTransaction<T extends { ok: boolean }>(db: Db, command: (tx: Db) => T): T {
  let refused: T | undefined;
  try {
    return db.transaction((tx) => {
      const result = command(tx);
      if (!result.ok) {
        refused = result;
        tx.rollback();
      }
      return result;
    });
  } catch (error) {
    if (refused) return refused;
    throw error;
  }
}

/** Thrown to undo a try-out. */
class TryOut extends Error {}

/**
 * Runs a command and undoes everything it wrote: what it would do, and
 * whether it would be refused, without doing it (an irreversible step
 * checks its form before it asks "are you sure?").
 */
export function tryOut<T>(db: Db, command: (tx: Db) => T): T {
  let result: T | undefined;
  try {
    db.transaction((tx) => {
      result = command(tx);
      throw new TryOut();
    });
  } catch (error) {
    if (!(error instanceof TryOut)) throw error;
  }
  return result as T;
}
