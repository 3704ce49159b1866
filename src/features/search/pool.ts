import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FastifyBaseLogger } from 'fastify';
import type { SearchRequest, SearchResults } from './queries';

interface Slot {
  worker: Worker;
  /** Whether it has started (opened the database and said so). */
  started: boolean;
  /** The searches sent to this worker and not yet answered. */
  waiting: Map<number, { resolve: (r: SearchResults) => void; reject: (e: Error) => void }>;
}

/**
 * A worker is TypeScript, as the app is: it is started by a line that loads
 * ./worker.ts through tsx's API (a worker thread does not take on the loader
 * this process was started with).
 */
const TSX_API = ((packageJson: string) => {
  const entry = (
    JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { exports: Record<string, { import: { default: string } }> }
  ).exports['./esm/api']?.import.default;
  if (!entry) throw new Error('tsx has no ESM API (tsx/esm/api): search workers cannot start');
  return pathToFileURL(path.join(path.dirname(packageJson), entry)).href;
})(createRequire(import.meta.url).resolve('tsx/package.json'));
const WORKER = new URL('./worker.ts', import.meta.url).href;
const START = `import(${JSON.stringify(TSX_API)}).then((api) => api.tsImport(${JSON.stringify(WORKER)}, ${JSON.stringify(WORKER)}))`;

/**
 * Searches answered by worker threads, each with a read-only connection to
 * the database file (./worker.ts): the full-text index is read off the
 * server's own thread, so a long search (a phrase of common words) does not
 * hold up the pages and saves behind it, and searches run on every core.
 * Each goes to the worker with the fewest waiting. A worker that fails is
 * replaced, and what it was asked fails with it, never left hanging (the
 * route then answers it on its own thread). Nothing is written here: what was written is indexed on the
 * server's thread (catchUp) and committed before the search is sent, so a
 * worker's next read sees it.
 */
export class SearchPool {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closing = false;

  constructor(
    private readonly databasePath: string,
    size: number,
    private readonly log: FastifyBaseLogger,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(START, { eval: true, workerData: { databasePath: this.databasePath } });
    const slot: Slot = { worker, started: false, waiting: new Map() };
    worker.on('message', (message: { id?: number; ready?: boolean; result?: SearchResults; error?: string }) => {
      if (message.ready) slot.started = true;
      if (message.id === undefined) return;
      const waiting = slot.waiting.get(message.id);
      slot.waiting.delete(message.id);
      if (message.error !== undefined) waiting?.reject(new Error(`search failed: ${message.error}`));
      else if (message.result) waiting?.resolve(message.result);
    });
    const fail = (error: Error) => {
      for (const w of slot.waiting.values()) w.reject(error);
      slot.waiting.clear();
      const at = this.slots.indexOf(slot);
      if (this.closing || at < 0) return;
      // One that never started will not start again (a missing file, a database it cannot open): searches
      // go back to the server's own thread rather than starting workers for ever.
      if (!slot.started) {
        this.log.error({ err: error }, 'a search worker could not start: searching on the server’s own thread');
        this.slots.splice(at, 1);
        return;
      }
      this.log.error({ err: error }, 'a search worker stopped: starting another');
      this.slots[at] = this.spawn();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the search worker stopped (exit code ${code})`)));
    return slot;
  }

  /** Whether any worker is left to search (see spawn). */
  get usable(): boolean {
    return this.slots.length > 0;
  }

  /** Runs one search on the least busy worker. */
  search(request: SearchRequest): Promise<SearchResults> {
    const slot = this.slots.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.waiting.set(id, { resolve, reject });
      slot.worker.postMessage({ id, request });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
