import { describe, expect, it } from 'vitest';
import { PageStore } from '../../src/lib/page-store';

/** The page cache's memory: bounded in bytes and in pages, the least recently read leaving first. */
describe('the page store', () => {
  const store = () => new PageStore<string>((s) => s.length, 10, 3);

  it('keeps pages until their bytes pass the bound, then lets the least recently read go', () => {
    const s = store();
    s.set('a', '1234');
    s.set('b', '1234');
    expect(s.get('a')).toBe('1234'); // a is now read more recently than b
    s.set('c', '1234'); // 12 bytes: b goes
    expect(s.get('b')).toBeUndefined();
    expect(s.get('a')).toBe('1234');
    expect(s.get('c')).toBe('1234');
    expect(s.bytes).toBe(8);
  });

  it('bounds the number of pages too, and counts a replaced page once', () => {
    const s = store();
    for (const k of ['a', 'b', 'c', 'd']) s.set(k, 'x');
    expect(s.size).toBe(3);
    expect(s.get('a')).toBeUndefined();
    s.set('d', 'xyz');
    expect(s.bytes).toBe(5);
    expect(s.size).toBe(3);
  });

  it('keeps nothing larger than its whole budget', () => {
    const s = store();
    s.set('big', '12345678901');
    expect(s.get('big')).toBeUndefined();
    expect(s.bytes).toBe(0);
  });
});
