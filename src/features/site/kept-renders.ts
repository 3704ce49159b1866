import type { Database } from '../../db/client';
import { londonDate } from '../../lib/dates';
import { PageStore } from '../../lib/page-store';
import { dataVersionOf } from './freshness';

interface Kept<V> {
  version: number;
  day: string;
  value: V;
}

/**
 * The costly part of a signed-in page (a list of 100,000 actions filtered,
 * counted and drawn), kept for the state of the data it was made from: the
 * data's version, which the database's triggers raise on every write to
 * what such a list shows, and the London day, since an open action becomes
 * overdue at midnight. A write or midnight, and the next request makes it
 * again; so what is kept is never stale. The key names everything else it
 * depends on (the address, and what the user may see), and the page around
 * it (the user's name, the forms' tokens) is drawn for each request.
 */
export class KeptRenders<V> {
  /** Each database its own: a process may serve more than one (the tests build an app, and a database, per file). */
  private readonly kept = new WeakMap<Database, PageStore<Kept<V>>>();

  constructor(
    private readonly sizeOf: (value: V) => number,
    private readonly maxBytes = 16 * 1024 * 1024,
    private readonly maxEntries = 2000,
  ) {}

  /** What `make` gives for this key now: from memory while the data and the day stand, else made (and kept). */
  get(db: Database, now: Date, key: string, make: () => V): V {
    let store = this.kept.get(db);
    if (!store) {
      store = new PageStore<Kept<V>>((k) => this.sizeOf(k.value) + 64, this.maxBytes, this.maxEntries);
      this.kept.set(db, store);
    }
    const version = dataVersionOf(db);
    const day = londonDate(now);
    const kept = store.get(key);
    if (kept && kept.version === version && kept.day === day) return kept.value;
    const value = make();
    store.set(key, { version, day, value });
    return value;
  }
}
