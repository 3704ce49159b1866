import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from './helpers/app';
import { Client, DEMO_MEMBER } from './helpers/client';
import { parse } from './helpers/html';
import { closeDatabase, openDatabase, type Database } from '../src/db/client';
import { auditLog, actionOwners, users } from '../src/db/schema';
import { recordAudit, systemActor } from '../src/features/audit/commands';
import { verifyAuditChain } from '../src/features/audit/queries';

let app: FastifyInstance;
let db: Database;
let actionId: number;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-audit-'));

beforeAll(async () => {
  ({ app, db } = await buildTestApp({ demo: true }));
  const member = db.select().from(users).where(eq(users.email, DEMO_MEMBER.email)).get();
  actionId =
    db
      .select()
      .from(actionOwners)
      .where(eq(actionOwners.personId, member?.personId ?? 0))
      .get()?.actionId ?? 0;
});
afterAll(async () => {
  await app.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the audit trail', () => {
  it('writes one row per change, with who, when, where and the record before and after', async () => {
    const client = new Client(app, '192.0.2.7');
    await client.signIn(DEMO_MEMBER.email, DEMO_MEMBER.password);
    const before = db.select().from(auditLog).all().length;
    const page = `/manage/actions/${actionId}`;
    const res = await client.submit(`${page}/updates`, { status: 'in_progress', note: 'Spoke to the CCG' }, page);
    expect(res.statusCode).toBe(303);
    const rows = db.select().from(auditLog).all().slice(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'action.update',
      recordType: 'action',
      recordId: String(actionId),
      userEmail: DEMO_MEMBER.email,
      ip: '192.0.2.7',
    });
    expect(JSON.parse(rows[0]?.before ?? 'null')).toEqual({ status: 'open' });
    // The form sent no choice of who reads the note: members and the clerk only.
    expect(JSON.parse(rows[0]?.after ?? 'null')).toEqual({
      status: 'in_progress',
      note: 'Spoke to the CCG',
      notePublic: false,
    });
    expect(rows[0]?.at).toBeInstanceOf(Date);
  });

  it('shows the history of the record on its manage page as a readable change', async () => {
    const client = new Client(app);
    await client.signIn(DEMO_MEMBER.email, DEMO_MEMBER.password);
    const res = await client.get(`/manage/actions/${actionId}`);
    const $ = parse(res.body);
    const history = $('.app-history tbody tr').first().text().replace(/\s+/g, ' ');
    expect(history).toContain(DEMO_MEMBER.email);
    expect(history).toContain('Updated the action');
    expect(history).toContain('Status: Open → In progress');
    expect(history).toContain('Note: Spoke to the CCG');
  });

  it('refuses UPDATE and DELETE on the table', () => {
    expect(() => db.$client.prepare("update audit_log set action = 'tampered' where id = 1").run()).toThrow(
      /append-only: rows cannot be updated/,
    );
    expect(() => db.$client.prepare('delete from audit_log where id = 1').run()).toThrow(
      /append-only: rows cannot be deleted/,
    );
  });

  it('verifies an intact chain', () => {
    const result = verifyAuditChain(db);
    expect(result.ok).toBe(true);
    expect(result.rows).toBeGreaterThan(1);
  });

  it('names the first row changed by hand, through npm run audit:verify', () => {
    const file = path.join(tmp, 'tampered.sqlite');
    const fileDb = openDatabase(file);
    fileDb.transaction((tx) => {
      for (let i = 1; i <= 5; i++)
        recordAudit(tx, systemActor('test'), {
          action: 'test.entry',
          recordType: 'thing',
          recordId: i,
          after: { n: i },
        });
    });
    closeDatabase(fileDb);

    const run = () =>
      spawnSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/audit-verify.ts'], {
        env: { ...process.env, DATABASE_PATH: file },
        encoding: 'utf8',
        timeout: 30_000,
      });
    const intact = run();
    expect(intact.status).toBe(0);
    expect(intact.stdout).toContain('Audit trail intact: 5 rows verified.');

    // Someone with the database file: drops the guard, edits row 3, puts the guard back.
    const raw = openDatabase(file).$client;
    raw.exec('drop trigger audit_log_no_update');
    raw.prepare(`update audit_log set after = '{"n":33}' where id = 3`).run();
    raw.exec(
      "CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be updated'); END;",
    );
    raw.close();

    const broken = run();
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/^Audit trail broken at row 3 \(.*\): its content does not match its hash\./);
  });

  it('notices a row removed or a hash recomputed to hide an edit', () => {
    const file = path.join(tmp, 'removed.sqlite');
    const fileDb = openDatabase(file);
    fileDb.transaction((tx) => {
      for (let i = 1; i <= 4; i++) recordAudit(tx, systemActor('test'), { action: 'test.entry', after: { n: i } });
    });
    const raw = fileDb.$client;
    raw.exec('drop trigger audit_log_no_delete');
    raw.prepare('delete from audit_log where id = 2').run();
    const removed = verifyAuditChain(fileDb);
    expect(removed).toMatchObject({ ok: false, brokenRowId: 3 });

    // Rewriting a row's own hash does not help: the next row still points at the old one.
    raw.exec('drop trigger audit_log_no_update');
    raw.prepare(`update audit_log set after = '{"n":44}', hash = 'f'||substr(hash, 2) where id = 4`).run();
    raw.prepare(`update audit_log set after = '{"n":11}' where id = 1`).run();
    expect(verifyAuditChain(fileDb)).toMatchObject({ ok: false, brokenRowId: 1 });
    closeDatabase(fileDb);
  });
});
