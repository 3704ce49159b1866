/**
 * Remembers a pure function's answers by a key of its argument: pages show
 * the same few dates many times, a published snapshot is parsed, and a
 * minute's Markdown rendered, once rather than on every page that shows it.
 * Bounded: it starts again after `max` answers.
 */
export function remembered<A, K, V>(fn: (arg: A) => V, key: (arg: A) => K, max = 20_000): (arg: A) => V {
  const answers = new Map<K, V>();
  return (arg: A) => {
    const k = key(arg);
    let answer = answers.get(k);
    if (answer === undefined) {
      if (answers.size >= max) answers.clear();
      answer = fn(arg);
      answers.set(k, answer);
    }
    return answer;
  };
}

/** The key of a function of text: the text itself. */
export const byText = (text: string) => text;

/** Freezes a parsed JSON value all the way down, so a shared one cannot be changed by one reader for the next. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
