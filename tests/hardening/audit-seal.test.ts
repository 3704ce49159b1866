import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { auditKeyFile, closeDatabase, openDatabase } from '../../src/db/client';
import { chainHash, recordAudit, systemActor } from '../../src/features/audit/commands';
import { verifyAuditChain } from '../../src/features/audit/queries';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-seal-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A database file with a trail of `n` rows, in a folder of its own (so its own audit.key). */
function trail(name: string, n: number): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  const file = path.join(dir, 'db.sqlite');
  const db = openDatabase(file);
  db.transaction((tx) => {
    for (let i = 1; i <= n; i++) recordAudit(tx, systemActor('test'), { action: 'test.entry', after: { n: i } });
  });
  closeDatabase(db);
  return file;
}

/** Raw SQL on the file, as someone holding it could run, with the append-only guards dropped. */
function tamper(file: string, sql: string[]): void {
  const raw = openDatabase(file).$client;
  raw.exec('drop trigger audit_log_no_update; drop trigger audit_log_no_delete;');
  for (const s of sql) raw.exec(s);
  raw.close();
}

const verify = (file: string, auditKey?: Buffer) => {
  const db = openDatabase(file, { auditKey });
  const result = verifyAuditChain(db);
  closeDatabase(db);
  return result;
};

const cli = (file: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/audit-verify.ts'], {
    env: { ...process.env, DATABASE_PATH: file, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });

describe('the sealed audit trail', () => {
  it('keeps its key outside the database: a file beside it, readable by this account only', () => {
    const file = trail('key', 2);
    const key = auditKeyFile(file);
    expect(fs.existsSync(key)).toBe(true);
    expect(fs.statSync(key).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file).includes(fs.readFileSync(key, 'utf8').trim())).toBe(false);
    expect(verify(file)).toMatchObject({ ok: true, rows: 2 });
  });

  it('finds the newest rows removed, which a plain hash chain cannot', () => {
    const file = trail('truncated', 6);
    tamper(file, ['delete from audit_log where id > 4']);
    const result = verify(file);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toBe(
      'the trail ends at row 4 but its head says row 6: 2 rows removed from the end',
    );
    const run = cli(file);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('2 rows removed from the end');
  });

  it('finds a row edited and every hash after it recomputed, without the key', () => {
    const file = trail('rechained', 5);
    // Re-chain from row 3 with plain SHA-256, as the old verifier would have accepted, and move the head on.
    const db = openDatabase(file);
    const rows = db.$client.prepare('select * from audit_log order by id').all() as Record<string, unknown>[];
    closeDatabase(db);
    const sql: string[] = [];
    let prev = String(rows[1]?.hash);
    for (const row of rows.slice(2)) {
      const after = row.id === 3 ? '{"n":33}' : String(row.after);
      const content = {
        id: Number(row.id),
        at: new Date(Number(row.at)),
        userId: null,
        userEmail: String(row.user_email),
        ip: null,
        action: String(row.action),
        recordType: null,
        recordId: null,
        before: null,
        after,
      };
      const hash = chainHash(prev, content);
      sql.push(`update audit_log set after = '${after}', prev_hash = '${prev}', hash = '${hash}' where id = ${row.id}`);
      prev = hash;
    }
    sql.push(`update audit_head set last_hash = '${prev}'`);
    tamper(file, sql);
    expect(verify(file)).toMatchObject({ ok: false, brokenRowId: 3, reason: 'it is not sealed with the audit key' });
  });

  it('finds the head changed or removed, and says when the key is not the one that sealed the trail', () => {
    const moved = trail('head-moved', 4);
    tamper(moved, ['delete from audit_log where id = 4', 'update audit_head set last_id = 3, rows = 3']);
    expect(verify(moved)).toMatchObject({
      ok: false,
      reason: 'the head of the trail does not match its seal: it was changed',
    });

    const headless = trail('headless', 3);
    tamper(headless, ['delete from audit_head']);
    expect(verify(headless)).toMatchObject({ ok: false, brokenRowId: 1 });

    const intact = trail('other-key', 3);
    expect(verify(intact, Buffer.from('x'.repeat(40)))).toMatchObject({ ok: false, brokenRowId: 1 });
    const run = cli(intact, { AUDIT_KEY: 'y'.repeat(40) });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('check that AUDIT_KEY (or audit.key) is the key the trail was sealed with');
    const ok = cli(intact);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/Audit trail intact: 3 rows verified\.\nHead: row 3, k1:[0-9a-f]{64}/);
  });

  it('uses AUDIT_KEY when it is set, and no file then', () => {
    const dir = path.join(tmp, 'env');
    fs.mkdirSync(dir);
    const file = path.join(dir, 'db.sqlite');
    const key = Buffer.from('k'.repeat(48));
    const db = openDatabase(file, { auditKey: key });
    db.transaction((tx) => recordAudit(tx, systemActor('test'), { action: 'test.entry' }));
    closeDatabase(db);
    expect(fs.existsSync(auditKeyFile(file))).toBe(false);
    expect(cli(file, { AUDIT_KEY: 'k'.repeat(48) }).status).toBe(0);
  });
});
