import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from './helpers/html';

/**
 * The start command as a new user runs it: a real process, real port, real
 * SQLite file. (tsx is what `npm start` uses.)
 */
const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-server-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function envWith(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', ...extra };
  delete env.VITEST;
  return env;
}

function start(
  extra: Record<string, string>,
): Promise<{ child: ChildProcessWithoutNullStreams; url: string; output: () => string }> {
  const child = spawn(process.execPath, [TSX, 'src/server.ts'], { env: envWith(extra) });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 20_000);
    child.stdout.on('data', () => {
      const match = /Scrutineer is running at (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => out });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

function stop(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('npm start', () => {
  it('creates the database, loads the demo committee, serves it, and stops cleanly on SIGTERM', async () => {
    const dbPath = path.join(tmp, 'data', 'scrutineer.sqlite');
    const first = await start({ PORT: '0', DATABASE_PATH: dbPath });
    expect(first.url).toMatch(/^http:\/\/localhost:\d+$/);
    // The demo accounts' credentials are printed while the demo data is there.
    await new Promise((r) => setTimeout(r, 200));
    expect(first.output()).toContain('clerk@demo.scrutineer.invalid  password: demo-clerk-password');
    expect(first.output()).toContain('member@demo.scrutineer.invalid  password: demo-member-password');
    expect(fs.existsSync(dbPath)).toBe(true);

    const home = await fetch(`${first.url}/`);
    expect(home.status).toBe(200);
    const $ = parse(await home.text());
    const link = $('.app-meeting-list a')
      .filter((_, a) => $(a).find('time').text().trim() === 'Thursday 7 January 2021, 10am')
      .attr('href');
    expect(link).toMatch(/^\/meetings\/\d+$/);
    const meeting = await fetch(`${first.url}${link}`);
    expect(meeting.status).toBe(200);
    expect(await meeting.text()).toContain('Update from Healthwatch Bucks');

    expect(await stop(first.child)).toBe(0);

    // A second start reuses the data: nothing is loaded twice.
    const second = await start({ PORT: '0', DATABASE_PATH: dbPath });
    const committees = await (await fetch(`${second.url}/committees`)).text();
    expect(committees.match(/Health &amp; Adult Social Care Select Committee/g)).toHaveLength(1);
    expect(await stop(second.child)).toBe(0);
  });

  it.each([
    ['PORT', 'abc'],
    ['DATABASE_PATH', '   '],
    ['NODE_ENV', 'staging'],
  ])('stops with one line naming %s when it is bad', (variable, value) => {
    const result = spawnSync(process.execPath, [TSX, 'src/server.ts'], {
      env: envWith({ DATABASE_PATH: path.join(tmp, 'never.sqlite'), [variable]: value }),
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Scrutineer cannot start: ${variable} `));
  });
});
