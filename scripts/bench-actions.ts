/**
 * The follow-up benchmark (part of `npm run bench`): a generated dataset of
 * 100,000 actions and 5,000 recommendations across 30 committees, served over
 * real HTTP, 10 clients at once, the app in a process of its own; each page
 * beside a bare Fastify route (in its own process too) serving the same
 * bytes, so the figure is what our code costs over Fastify's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import { closeDatabase, openDatabase, type Database } from '../src/db/client';
import { ready, signInOverHttp, start } from './bench-http';
import { hashPasswordSync } from '../src/lib/passwords';

const COMMITTEES = 30;
const ACTIONS = 100_000;
const RECOMMENDATIONS = 5_000;
const CLIENTS = 10;

/** Fills the database with SQL (fast), dated around `now`. */
export function generate(db: Database, now: Date): void {
  const sqlite = db.$client;
  const day = 86_400_000;
  sqlite.exec('begin');
  const committee = sqlite.prepare(
    "insert into committees (name, slug, kind, status) values (?, ?, 'select', 'active') returning id",
  );
  const meeting = sqlite.prepare(
    "insert into meetings (committee_id, starts_at, status, minutes_status) values (?, ?, 'held', 'published') returning id",
  );
  const item = sqlite.prepare(
    "insert into agenda_items (meeting_id, position, kind, title) values (?, ?, 'business', ?) returning id",
  );
  const person = sqlite.prepare("insert into people (name, kind, email) values (?, 'officer', ?) returning id");
  const action = sqlite.prepare(
    'insert into actions (agenda_item_id, position, reference, description, due_date, status, published_at) values (?, ?, ?, ?, ?, ?, ?) returning id',
  );
  const owner = sqlite.prepare('insert into action_owners (action_id, person_id, name, position) values (?, ?, ?, ?)');
  const recommendation = sqlite.prepare(
    "insert into recommendations (committee_id, agenda_item_id, reference, text, addressed_to, sent_on, response_due_on, status) values (?, ?, ?, ?, 'Cabinet Member for Health', ?, ?, 'awaiting_response')",
  );
  const people = Array.from({ length: 500 }, (_, i) => {
    const name = `Ms Officer ${i + 1}`;
    return { id: (person.get(name, `officer${i + 1}@example.gov.uk`) as { id: number }).id, name };
  });
  const statuses = ['open', 'in_progress', 'done', 'dropped'] as const;
  const meetingsPer = 40;
  const itemsPer = 5;
  const perItem = Math.ceil(ACTIONS / (COMMITTEES * meetingsPer * itemsPer));
  let made = 0;
  let recs = 0;
  for (let c = 1; c <= COMMITTEES; c++) {
    const committeeId = (committee.get(`Bench ${c} Select Committee`, `bench-${c}`) as { id: number }).id;
    for (let m = 0; m < meetingsPer; m++) {
      const startsAt = now.getTime() - (meetingsPer - m) * 14 * day;
      const date = new Date(startsAt).toISOString().slice(0, 10);
      const meetingId = (meeting.get(committeeId, startsAt) as { id: number }).id;
      for (let i = 1; i <= itemsPer; i++) {
        const itemId = (item.get(meetingId, i, `Item ${i}: a matter, with, commas`) as { id: number }).id;
        if (recs < RECOMMENDATIONS && i === 1) {
          for (let r = 0; r < 5 && recs < RECOMMENDATIONS; r++, recs++) {
            recommendation.run(
              committeeId,
              itemId,
              `B${c}/R/${recs + 1}`,
              `Recommend that the executive reviews matter ${recs}`,
              date,
              new Date(startsAt + 60 * day).toISOString().slice(0, 10),
            );
          }
        }
        for (let a = 0; a < perItem && made < ACTIONS; a++, made++) {
          const due = new Date(startsAt + ((made % 90) + 7) * day).toISOString().slice(0, 10);
          const id = (
            action.get(
              itemId,
              a + 1,
              `B${c}/${date}/${(i - 1) * perItem + a + 1}`,
              `Action ${made}: report back on "the matter", with figures`,
              due,
              statuses[made % 4],
              startsAt + day,
            ) as { id: number }
          ).id;
          const who = people[made % people.length];
          if (who) owner.run(id, who.id, who.name, 0);
        }
      }
    }
  }
  sqlite.exec('commit');
  sqlite.exec('analyze');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** `total` requests, `CLIENTS` at a time; latencies in ms, sorted. */
async function load(url: string, headers: Record<string, string>, total: number): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      next++;
      const start = performance.now();
      const res = await request(url, { headers });
      await res.body.arrayBuffer();
      if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
      times.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, worker));
  return times.sort((a, b) => a - b);
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

/** The RSS of a process, from /proc (Linux), in bytes; 0 where there is none. */
function rssOf(pid: number | undefined): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return Number(kb ?? 0) * 1024;
  } catch {
    return 0;
  }
}

export async function benchActions(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-bench-'));
  const dbPath = path.join(dir, 'bench.sqlite');
  const now = new Date();
  const seed = openDatabase(dbPath);
  const startGen = performance.now();
  generate(seed, now);
  seed.$client
    .prepare("insert into users (email, display_name, role, password_hash) values (?, 'Bench Admin', 'admin', ?)")
    .run('admin@bench.example', hashPasswordSync('bench-password-123'));
  closeDatabase(seed);
  console.log(
    `Follow-up dataset: ${ACTIONS.toLocaleString('en-GB')} actions, ${RECOMMENDATIONS.toLocaleString('en-GB')} recommendations, ${COMMITTEES} committees (${Math.round(performance.now() - startGen)} ms to generate)`,
  );

  // The app in a process of its own, as it is served: the clients here do not share its thread.
  const port = 4600 + Math.floor(Math.random() * 400);
  const app = start('src/server.ts', {
    DATABASE_PATH: dbPath,
    PORT: String(port),
    HOST: '127.0.0.1',
    DEMO_DATA: 'false',
  });
  const base = `http://127.0.0.1:${port}`;
  await ready(`${base}/healthz`);

  const signedIn = { cookie: await signInOverHttp(base, 'admin@bench.example', 'bench-password-123') };

  const pages: [string, string, Record<string, string>][] = [
    ['/manage/actions, first page, unfiltered', '/manage/actions', signedIn],
    ['/manage/actions, first page, overdue of one committee', '/manage/actions?committee=7&overdue=yes', signedIn],
    ['/manage/actions, owner search, sorted by meeting', '/manage/actions?owner=Officer%2042&sort=meeting', signedIn],
    ['/committees/:slug/actions (public), first page', '/committees/bench-7/actions', {}],
    ['/committees/:slug/actions (public), page 10 of open', '/committees/bench-7/actions?status=open&page=10', {}],
    ['/committees/:slug/recommendations (public)', '/committees/bench-7/recommendations', {}],
    // Committees 1–25 have 200 recommendations each, numbered across them: bench-7 has 1,201 to 1,400.
    ['/recommendations/:reference (public)', '/recommendations/B7-R-1300', {}],
    ['/manage/committees/:slug/recommendations, with figures', '/manage/committees/bench-7/recommendations', signedIn],
  ];
  // The bare route, in its own process too, answers each address with the same body and type.
  const bodies: Record<string, { type: string; body: string; headers: Record<string, string> }> = {};
  for (const [, url, headers] of pages) {
    const res = await request(`${base}${url}`, { headers });
    const body = await res.body.text();
    if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
    bodies[url] = { type: String(res.headers['content-type']), body, headers: {} };
  }
  const bodiesFile = path.join(dir, 'bodies.json');
  fs.writeFileSync(bodiesFile, JSON.stringify(bodies));
  const barePort = port + 1;
  const bare = start('scripts/bench-bare.ts', { BODIES: bodiesFile, PORT: String(barePort) });
  const bareBase = `http://127.0.0.1:${barePort}`;
  await ready(`${bareBase}/manage/actions`);

  // Each side warmed up alike first: a server's first thousand or so requests run before V8 has optimised
  // its code (their p99 is three times the steady one's); the figures are the steady state's.
  const WARM_UP = 1000;
  for (const [name, url, headers] of pages) {
    await load(`${base}${url}`, headers, WARM_UP);
    const ours = await load(`${base}${url}`, headers, 500);
    await load(`${bareBase}${url}`, {}, WARM_UP);
    const theirs = await load(`${bareBase}${url}`, {}, 500);
    console.log(
      `${name} (${Math.round((bodies[url]?.body.length ?? 0) / 1024)} KB): p50 ${ms(percentile(ours, 50))}, p99 ${ms(percentile(ours, 99))}; bare Fastify, same bytes: p50 ${ms(percentile(theirs, 50))}, p99 ${ms(percentile(theirs, 99))} (${CLIENTS} clients, 500 requests)`,
    );
  }

  // The CSV of about 10,000 rows (the meetings of the last 60 days), streamed: time and the server's memory.
  const csvUrl = `${base}/manage/actions.csv?from=${new Date(now.getTime() - 60 * 86_400_000).toISOString().slice(0, 10)}`;
  const times: number[] = [];
  let rows = 0;
  let growth = 0;
  for (let run = 0; run < 3; run++) {
    const before = rssOf(app.pid);
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, rssOf(app.pid))), 5);
    const start = performance.now();
    const res = await request(csvUrl, { headers: signedIn });
    let text = 0;
    let lines = 0;
    for await (const chunk of res.body) {
      text += (chunk as Buffer).length;
      lines += (chunk as Buffer).toString().split('\r\n').length - 1;
    }
    times.push(performance.now() - start);
    clearInterval(timer);
    growth = Math.max(growth, peak - before);
    rows = lines - 1;
    if (run === 0) console.log(`  CSV: ${rows.toLocaleString('en-GB')} rows, ${Math.round(text / 1024)} KB`);
  }
  console.log(
    `/manage/actions.csv, ${rows.toLocaleString('en-GB')} rows: median ${Math.round([...times].sort((a, b) => a - b)[1] ?? 0)} ms (runs: ${times.map((t) => Math.round(t)).join(', ')} ms); the server's memory grew by at most ${Math.round(growth / 1024 / 1024)} MB while sending`,
  );
  app.kill('SIGTERM');
  bare.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  fs.rmSync(dir, { recursive: true, force: true });
}
