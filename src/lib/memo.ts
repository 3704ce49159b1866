/**
 * Results of pure functions of text, kept for the next call with the same
 * text: a published agenda's or minutes' frozen snapshot is parsed, and a
 * minute's Markdown rendered, once rather than on every page that shows it.
 * Bounded: when full, the oldest half goes.
 */
export class TextMemo<T> {
  private readonly kept = new Map<string, T>();

  constructor(
    private readonly compute: (text: string) => T,
    private readonly maxEntries = 2000,
  ) {}

  get(text: string): T {
    let value = this.kept.get(text);
    if (value === undefined) {
      value = this.compute(text);
      if (this.kept.size >= this.maxEntries) {
        let drop = Math.ceil(this.maxEntries / 2);
        for (const key of this.kept.keys()) {
          if (drop-- <= 0) break;
          this.kept.delete(key);
        }
      }
      this.kept.set(text, value);
    }
    return value;
  }
}

/** Freezes a parsed JSON value all the way down, so a shared one cannot be changed by one reader for the next. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
