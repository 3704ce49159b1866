import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { MIGRATIONS_FOLDER, closeDatabase, openDatabase } from '../../src/db/client';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-schema-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const DOMAIN_TABLES = [
  'organisations',
  'people',
  'committees',
  'memberships',
  'meetings',
  'agenda_items',
  'agenda_item_presenters',
  'agenda_versions',
  'documents',
  'public_questions',
  'attendance',
  'declarations',
  'resolutions',
  'minutes_versions',
  'actions',
  'action_owners',
  'action_updates',
  'recommendations',
  'recommendation_responses',
  'recommendation_target_changes',
  'inquiry_members',
  'inquiry_sessions',
  'inquiries',
  'work_programme_entries',
];

describe('database schema and migrations', () => {
  it('applies every migration to an empty database, creating every record of the domain', () => {
    const file = path.join(tmp, 'fresh', 'scrutineer.sqlite');
    const db = openDatabase(file);
    const tables = db.$client
      .prepare("select name from sqlite_master where type = 'table' order by name")
      .all()
      .map((r) => (r as { name: string }).name);
    for (const table of DOMAIN_TABLES) expect(tables).toContain(table);

    const applied = db.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number };
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
      entries: unknown[];
    };
    expect(applied.n).toBe(journal.entries.length);
    closeDatabase(db);
  });

  it('upgrades a database left at any earlier migration, keeping its data', () => {
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
      entries: { tag: string }[];
    };
    for (let upTo = 1; upTo < journal.entries.length; upTo++) {
      // A migrations folder as it was when only the first `upTo` had landed.
      const older = path.join(tmp, `migrations-${upTo}`);
      fs.mkdirSync(path.join(older, 'meta'), { recursive: true });
      const kept = journal.entries.slice(0, upTo);
      fs.writeFileSync(path.join(older, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: kept }));
      for (const entry of kept)
        fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), path.join(older, `${entry.tag}.sql`));

      const file = path.join(tmp, `upgrade-${upTo}.sqlite`);
      const raw = new SQLite(file);
      const db = drizzle({ client: raw });
      migrate(db, { migrationsFolder: older });
      raw.prepare("insert into committees (slug, name, kind) values ('kept', 'Kept Committee', 'select')").run();
      raw.prepare('insert into meetings (committee_id, starts_at) values (1, 0)').run();
      raw
        .prepare(
          `insert into agenda_versions (meeting_id, version, published_at, snapshot) values (1, 1, 0, '{"items":[],"questions":[]}')`,
        )
        .run();
      raw.close();

      const upgraded = openDatabase(file);
      expect(upgraded.$client.prepare('select name from committees').all(), `from migration ${upTo}`).toEqual([
        { name: 'Kept Committee' },
      ]);
      expect(upgraded.$client.prepare('select count(*) as n from agenda_versions').get()).toEqual({ n: 1 });
      closeDatabase(upgraded);
    }
  });

  it('opens with WAL, foreign keys and a busy timeout', () => {
    const db = openDatabase(path.join(tmp, 'pragmas.sqlite'));
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
    closeDatabase(db);
  });

  it('reopens an existing database without applying anything twice or losing data', () => {
    const file = path.join(tmp, 'reopen.sqlite');
    const first = openDatabase(file);
    first.$client.prepare("insert into organisations (name, kind) values ('Kept', 'council')").run();
    closeDatabase(first);
    const second = openDatabase(file);
    expect(second.$client.prepare('select name from organisations').all()).toEqual([{ name: 'Kept' }]);
    closeDatabase(second);
  });

  it('has the named indexes that pages look records up by', () => {
    const db = openDatabase(':memory:');
    const indexes = db.$client
      .prepare("select name from sqlite_master where type = 'index' and name not like 'sqlite_%'")
      .all()
      .map((r) => (r as { name: string }).name);
    for (const name of [
      'committees_slug_unique',
      'meetings_committee_starts_idx',
      'meetings_starts_idx',
      'agenda_items_meeting_position_idx',
      'agenda_versions_meeting_version_unique',
      'minutes_versions_meeting_version_unique',
      'attendance_meeting_person_unique',
      'actions_status_due_idx',
      'recommendations_due_idx',
      'work_programme_committee_idx',
    ]) {
      expect(indexes).toContain(name);
    }
    closeDatabase(db);
  });

  it('enforces foreign keys and the allowed values of coded columns', () => {
    const db = openDatabase(':memory:');
    expect(() => db.$client.prepare('insert into meetings (committee_id, starts_at) values (999, 0)').run()).toThrow(
      /FOREIGN KEY/,
    );
    db.$client.prepare("insert into committees (slug, name, kind) values ('c', 'C', 'select')").run();
    expect(() =>
      db.$client.prepare("insert into meetings (committee_id, starts_at, status) values (1, 0, 'abandoned')").run(),
    ).toThrow(/CHECK constraint failed: meetings_status_check/);
    expect(() =>
      db.$client.prepare("insert into committees (slug, name, kind) values ('Bad Slug', 'D', 'select')").run(),
    ).toThrow(/committees_slug_check/);
    closeDatabase(db);
  });

  it('has a committed migration for every change to the schema', () => {
    // drizzle-kit compares the schema with the migrations' snapshots; on a
    // copy of the folder, so a missing migration is reported, not written.
    const copy = path.join(tmp, 'migrations-copy');
    fs.cpSync(MIGRATIONS_FOLDER, copy, { recursive: true });
    const before = fs.readdirSync(copy).sort();
    const result = spawnSync(
      process.execPath,
      [
        path.resolve('node_modules/drizzle-kit/bin.cjs'),
        'generate',
        '--dialect=sqlite',
        '--schema=./src/db/schema/index.ts',
        // drizzle-kit prefixes './' to the folder, so it must be relative.
        `--out=${path.relative(process.cwd(), copy)}`,
        '--casing=snake_case',
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/Error/);
    expect(fs.readdirSync(copy).sort()).toEqual(before);
    expect(result.stdout).toMatch(/No schema changes/);
  });
});
