/**
 * Pages kept in memory, by key, with a bound on their bytes and their
 * number: reading a page keeps it longest, and the least recently read go
 * first when a new one needs room.
 */
export class PageStore<T> {
  private readonly pages = new Map<string, T>();
  private total = 0;

  constructor(
    private readonly sizeOf: (value: T) => number,
    private readonly maxBytes: number,
    private readonly maxEntries: number,
  ) {}

  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.pages.size;
  }

  /** The page under a key, now the most recently read. */
  get(key: string): T | undefined {
    const value = this.pages.get(key);
    if (value !== undefined) {
      this.pages.delete(key);
      this.pages.set(key, value);
    }
    return value;
  }

  set(key: string, value: T): void {
    const old = this.pages.get(key);
    if (old !== undefined) {
      this.total -= this.sizeOf(old);
      this.pages.delete(key);
    }
    this.pages.set(key, value);
    this.total += this.sizeOf(value);
    for (const [oldest, page] of this.pages) {
      if (this.total <= this.maxBytes && this.pages.size <= this.maxEntries) break;
      this.pages.delete(oldest);
      this.total -= this.sizeOf(page);
    }
  }
}
