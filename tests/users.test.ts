import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, StartupError } from '../src/app';
import { loadConfig } from '../src/config';
import { closeDatabase, openDatabase } from '../src/db/client';
import { loadDemoData } from '../src/features/demo/commands';
import { createUser } from '../src/features/users/commands';
import { systemActor } from '../src/features/audit/commands';
import { createCommittee } from './helpers/factories';
import { verifyPasswordSync } from '../src/lib/passwords';
import { FileStore } from '../src/lib/files';
import { users } from '../src/db/schema';
import { eq } from 'drizzle-orm';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-users-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');
function cli(dbFile: string, args: string[], input?: string) {
  return spawnSync(process.execPath, [TSX, 'scripts/user.ts', ...args], {
    env: { ...process.env, DATABASE_PATH: dbFile },
    input,
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('accounts', () => {
  it('are created with an argon2id hash and validated clearly', async () => {
    const db = openDatabase(':memory:');
    const c = createCommittee(db, { slug: 'health' });
    const ok = await createUser(db, systemActor('test'), {
      email: ' Clerk@Example.ORG ',
      displayName: 'A Clerk',
      role: 'clerk',
      password: 'long-enough-password',
      committeeSlugs: [c.slug],
    });
    expect(ok).toMatchObject({ ok: true, value: { email: 'clerk@example.org', role: 'clerk' } });
    const stored = db.select().from(users).where(eq(users.email, 'clerk@example.org')).get();
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(verifyPasswordSync(stored?.passwordHash ?? '', 'long-enough-password')).toBe(true);

    const problems = await createUser(db, systemActor('test'), {
      email: 'not-an-email',
      displayName: '',
      role: 'clerk',
      password: 'short',
      committeeSlugs: [],
    });
    expect(problems).toEqual({
      ok: false,
      errors: {
        email: 'Enter an email address in the correct format, like name@example.org',
        displayName: 'Enter a name',
        password: 'Password must be at least 12 characters',
      },
    });
    const duplicate = await createUser(db, systemActor('test'), {
      email: 'clerk@example.org',
      displayName: 'Again',
      role: 'clerk',
      password: 'long-enough-password',
      committeeSlugs: ['health'],
    });
    expect(duplicate).toEqual({ ok: false, errors: { email: 'An account with this email address already exists' } });
    const noCommittee = await createUser(db, systemActor('test'), {
      email: 'c2@example.org',
      displayName: 'C2',
      role: 'clerk',
      password: 'long-enough-password',
      committeeSlugs: ['nope'],
    });
    expect(noCommittee).toEqual({ ok: false, errors: { committeeSlugs: 'There is no committee "nope"' } });
    closeDatabase(db);
  });

  it('are managed with npm run user: add (password from stdin), list, disable, enable, remove-demo', async () => {
    const file = path.join(tmp, 'cli.sqlite');
    const db = openDatabase(file);
    await loadDemoData(db, new FileStore(path.join(tmp, 'files')));
    closeDatabase(db);

    const add = cli(
      file,
      [
        'add',
        '--email',
        'new.clerk@example.org',
        '--name',
        'New Clerk',
        '--role',
        'clerk',
        '--committee',
        'health-and-adult-social-care',
        '--password-stdin',
      ],
      'a-long-new-password\n',
    );
    expect(add.stderr).toBe('');
    expect(add.stdout.trim()).toBe('Added clerk new.clerk@example.org.');

    const refused = cli(
      file,
      [
        'add',
        '--email',
        'x@example.org',
        '--name',
        'X',
        '--role',
        'clerk',
        '--committee',
        'health-and-adult-social-care',
        '--password-stdin',
      ],
      'short\n',
    );
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Password must be at least 12 characters');

    const list = cli(file, ['list']);
    expect(list.stdout).toContain('new.clerk@example.org\tclerk\tNew Clerk\thealth-and-adult-social-care');
    expect(list.stdout).toContain(
      'clerk@demo.scrutineer.invalid\tclerk\tLiz Wheaton (demo clerk)\thealth-and-adult-social-care\t(demo)',
    );

    expect(cli(file, ['disable', '--email', 'NEW.clerk@example.org']).stdout.trim()).toBe(
      'Disabled new.clerk@example.org.',
    );
    expect(cli(file, ['list']).stdout).toMatch(/new\.clerk@example\.org.*\(disabled\)/);
    expect(cli(file, ['enable', '--email', 'new.clerk@example.org']).stdout.trim()).toBe(
      'Enabled new.clerk@example.org.',
    );
    expect(cli(file, ['disable', '--email', 'nobody@example.org']).status).toBe(1);

    const removed = cli(file, ['remove-demo']);
    expect(removed.stdout.trim()).toBe('Removed clerk@demo.scrutineer.invalid, member@demo.scrutineer.invalid.');
    expect(cli(file, ['list']).stdout).not.toContain('demo.scrutineer.invalid');
    expect(cli(file, ['frobnicate']).status).toBe(1);
  });

  it('refuses to start in production while any demo account exists', async () => {
    const file = path.join(tmp, 'prod.sqlite');
    const db = openDatabase(file);
    await loadDemoData(db, new FileStore(path.join(tmp, 'files')));
    closeDatabase(db);
    const config = loadConfig({ NODE_ENV: 'production', DATABASE_PATH: file, LOG_LEVEL: 'silent' });
    await expect(buildApp(config)).rejects.toThrow(StartupError);
    await expect(buildApp(config)).rejects.toThrow(
      /demo accounts exist \(clerk@demo\.scrutineer\.invalid, member@demo\.scrutineer\.invalid\)/,
    );

    const start = spawnSync(process.execPath, [TSX, 'src/server.ts'], {
      env: { ...process.env, NODE_ENV: 'production', DATABASE_PATH: file, PORT: '0' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(start.status).toBe(1);
    expect(start.stderr.trim().split('\n')).toHaveLength(1);
    expect(start.stderr).toMatch(/^Scrutineer cannot start: demo accounts exist/);

    cli(file, ['remove-demo']);
    const app = await buildApp(config);
    await app.close();
  });

  it('does not load the demo data in production unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).loadDemoData).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }).loadDemoData).toBe(true);
  });
});
