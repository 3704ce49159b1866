import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client';
import { KeptRenders } from '../src/features/site/queries';
import { createCommittee } from './helpers/factories';

/** The signed-in lists' memory (src/features/site/kept-renders.ts): never another database's, never stale. */
describe('kept renders', () => {
  it('keep each database its own, and make again after a write or at London midnight', () => {
    const a = openDatabase(':memory:');
    const b = openDatabase(':memory:');
    const kept = new KeptRenders<string>((v) => v.length);
    let made = 0;
    const make = (label: string) => () => `${label} ${++made}`;
    const evening = new Date('2027-04-01T22:59:00Z'); // 23:59 in London (summer time)
    expect(kept.get(a, evening, 'list', make('a'))).toBe('a 1');
    expect(kept.get(a, evening, 'list', make('a'))).toBe('a 1');
    // Another database at the same version, the same key and day: its own, not the first's.
    expect(kept.get(b, evening, 'list', make('b'))).toBe('b 2');
    expect(kept.get(a, evening, 'list', make('a'))).toBe('a 1');
    createCommittee(a, { name: 'Growth Select Committee', slug: 'growth' });
    expect(kept.get(a, evening, 'list', make('a'))).toBe('a 3');
    expect(kept.get(a, new Date('2027-04-01T23:01:00Z'), 'list', make('a'))).toBe('a 4');
    expect(kept.get(b, evening, 'list', make('b'))).toBe('b 2');
  });
});
