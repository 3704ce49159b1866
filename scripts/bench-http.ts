/**
 * The HTTP bench, side by side: the app on the demo database and a bare
 * Fastify route serving each page's same bytes from memory, each in a
 * process of its own, driven in turn by autocannon (50 connections, several
 * rounds). Then the uncached render of each page, the first request after a
 * write, and the clerk's autosave while 100 connections read public pages.
 *
 *   BENCH=http npm run bench
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import { request } from 'undici';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const slug = 'health-and-adult-social-care';

/** Starts a script in a process of its own (the app, or the bare route), so the load it serves is not its own. */
export function start(script: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Signs in as a browser would (the form's CSRF token, its cookies); the Cookie header of the session. */
export async function signInOverHttp(base: string, email: string, password: string): Promise<string> {
  const cookiesOf = (res: { headers: Record<string, string | string[] | undefined> }) =>
    ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0] ?? '');
  const form = await request(`${base}/login`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.body.text())?.[1] ?? '';
  const jar = cookiesOf(form);
  const signIn = await request(`${base}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
  });
  await signIn.body.text();
  if (signIn.statusCode !== 303) throw new Error(`signing in as ${email} answered ${signIn.statusCode}`);
  return [...jar, ...cookiesOf(signIn)].join('; ');
}

export async function ready(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      const res = await request(url);
      await res.body.text();
      if (res.statusCode === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not start`);
}

async function drive(url: string, connections: number, seconds = SECONDS, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections, duration: seconds, headers });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

export async function benchHttp(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-http-'));
  const dbPath = path.join(dir, 'demo.sqlite');
  const appPort = 4100 + Math.floor(Math.random() * 500);
  const barePort = appPort + 1;
  // The bench's 50 connections come from one address: the API's per-address limit is a policy, not the speed measured.
  const app = start('src/server.ts', {
    DATABASE_PATH: dbPath,
    PORT: String(appPort),
    HOST: '127.0.0.1',
    API_REQUESTS_PER_MINUTE: '100000000',
  });
  const base = `http://127.0.0.1:${appPort}`;
  await ready(`${base}/healthz`);

  const sqlite = new SQLite(dbPath, { readonly: true });
  const action = sqlite
    .prepare('select reference from actions where published_at is not null limit 1')
    .pluck()
    .get() as string;
  sqlite.close();
  const pages = [
    '/',
    '/meetings',
    '/meetings/2',
    '/meetings/1',
    '/committees',
    `/committees/${slug}`,
    `/committees/${slug}/actions`,
    `/actions/${action.replaceAll('/', '-')}`,
    `/committees/${slug}/recommendations`,
    `/committees/${slug}/work-programme`,
    '/api/v1/meetings/2',
  ];
  // The bare route sends the same bytes: the body and the app's own response headers (security headers, ETag …).
  const bodies: Record<string, { type: string; body: string; headers: Record<string, string> }> = {};
  const own = new Set(['date', 'connection', 'keep-alive', 'content-length', 'content-type', 'transfer-encoding']);
  for (const url of pages) {
    const res = await request(`${base}${url}`);
    const headers = Object.fromEntries(
      Object.entries(res.headers).flatMap(([k, v]) => (own.has(k) || v === undefined ? [] : [[k, String(v)]])),
    );
    bodies[url] = { type: String(res.headers['content-type']), body: await res.body.text(), headers };
    if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
  }
  const bodiesFile = path.join(dir, 'bodies.json');
  fs.writeFileSync(bodiesFile, JSON.stringify(bodies));
  const bare = start('scripts/bench-bare.ts', { BODIES: bodiesFile, PORT: String(barePort) });
  const bareBase = `http://127.0.0.1:${barePort}`;
  await ready(`${bareBase}/`);

  console.log(`HTTP: 50 connections, ${ROUNDS} rounds of ${SECONDS} s each, the app and a bare Fastify route in turn`);
  for (const url of pages) {
    const ours: Awaited<ReturnType<typeof drive>>[] = [];
    const theirs: Awaited<ReturnType<typeof drive>>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      ours.push(await drive(`${base}${url}`, 50));
      theirs.push(await drive(`${bareBase}${url}`, 50));
    }
    const avg = (xs: { rps: number }[]) => xs.reduce((n, x) => n + x.rps, 0) / xs.length;
    const worst = (xs: { p99: number }[]) => median(xs.map((x) => x.p99));
    const p50 = (xs: { p50: number }[]) => median(xs.map((x) => x.p50));
    const errors = ours.reduce((n, x) => n + x.errors, 0);
    console.log(
      `${url} (${Math.round(Buffer.byteLength(bodies[url]?.body ?? '') / 1024)} KB): ${Math.round(avg(ours))} req/s, p50 ${p50(ours)} ms, p99 ${worst(ours)} ms; bare ${Math.round(avg(theirs))} req/s, p50 ${p50(theirs)} ms, p99 ${worst(theirs)} ms; ratio ${(avg(ours) / avg(theirs)).toFixed(2)}${errors ? `; ${errors} errors` : ''}`,
    );
  }

  // Uncached: a cookie that names no session skips the page cache (the page renders as for a visitor).
  // The render is the app's own time (its Server-Timing); the round trip adds the client and the network.
  console.log(
    "Uncached render (median of 200 after 1,000 to warm up, one at a time; the server's own time, then the round trip):",
  );
  for (const url of pages) {
    const times: number[] = [];
    const renders: number[] = [];
    // Warmed first, as a page read all day is: the first few hundred renders run before the JIT has compiled them.
    for (let i = 0; i < 1000; i++)
      await (await request(`${base}${url}`, { headers: { cookie: 'scrutineer=none' } })).body.text();
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      const res = await request(`${base}${url}`, { headers: { cookie: 'scrutineer=none' } });
      await res.body.text();
      times.push(performance.now() - t);
      renders.push(Number(/app;dur=([\d.]+)/.exec(String(res.headers['server-timing']))?.[1] ?? NaN));
    }
    console.log(`  ${url}: render ${median(renders).toFixed(2)} ms, round trip ${median(times).toFixed(2)} ms`);
  }

  // The clerk, signed in, saving a minute while 100 connections read public pages.
  const cookie = await signInOverHttp(base, 'clerk@demo.scrutineer.invalid', 'demo-clerk-password');
  const screen = await request(`${base}/manage/meetings/2/minutes`, { headers: { cookie } });
  const screenHtml = await screen.body.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(screenHtml)?.[1] ?? '';
  const item = /\/manage\/meetings\/2\/minutes\/items\/(\d+)\/text/.exec(screenHtml)?.[1];
  if (screen.statusCode !== 200 || !item) {
    console.log(`Autosave: the minutes screen of meeting 2 answered ${screen.statusCode}; skipped`);
  } else {
    const db = new SQLite(dbPath, { readonly: true });
    let revision = db.prepare('select minute_revision from agenda_items where id = ?').pluck().get(item) as number;
    db.close();
    const save = async (n: number) => {
      const t = performance.now();
      const res = await request(`${base}/manage/meetings/2/minutes/items/${item}/text`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', cookie },
        body: new URLSearchParams({
          _csrf: token,
          minuteText: `Minute draft ${n}`,
          revision: String(revision),
        }).toString(),
      });
      const json = (await res.body.json()) as { revision?: number };
      if (res.statusCode !== 200 || json.revision === undefined) throw new Error(`autosave answered ${res.statusCode}`);
      revision = json.revision;
      return performance.now() - t;
    };
    // The first page read after a save: it renders again, once.
    await save(0);
    const t = performance.now();
    const first = await request(`${base}/meetings/2`);
    await first.body.text();
    console.log(`First request for /meetings/2 after a write: ${(performance.now() - t).toFixed(1)} ms`);
    const readers = Promise.all(['/meetings/2', '/meetings/1', '/'].map((url) => drive(`${base}${url}`, 34, 8)));
    await new Promise((r) => setTimeout(r, 1000));
    const saves: number[] = [];
    for (let n = 1; n <= 60; n++) {
      saves.push(await save(n));
      await new Promise((r) => setTimeout(r, 50));
    }
    const read = await readers;
    console.log(
      `Autosave while 100 connections read public pages: p50 ${percentile(saves, 50).toFixed(1)} ms, p99 ${percentile(saves, 99).toFixed(1)} ms (60 saves); readers ${Math.round(read.reduce((n, r) => n + r.rps, 0))} req/s`,
    );
  }

  app.kill('SIGTERM');
  bare.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  fs.rmSync(dir, { recursive: true, force: true });
}
