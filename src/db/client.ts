import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as tables from './schema';
import * as relations from './relations';

const schema = { ...tables, ...relations };
export type Schema = typeof schema;
/** Anything reads and writes can run on: the database, or a transaction in it. */
export type Db = BaseSQLiteDatabase<'sync', SQLite.RunResult, Schema>;
/** The open database itself, with its SQLite connection. */
export type Database = BetterSQLite3Database<Schema> & { $client: SQLite.Database };

export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

/**
 * Opens the SQLite database (creating its folder when needed), sets the
 * pragmas every connection needs, and applies pending migrations.
 */
export function openDatabase(databasePath: string): Database {
  if (databasePath !== ':memory:') {
    fs.mkdirSync(path.dirname(databasePath), { recursive: true });
  }
  const sqlite = new SQLite(databasePath);
  if (databasePath !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle({ client: sqlite, schema, casing: 'snake_case' }) as Database;
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
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
