import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDate, formatDateTime, formatTime, fromLondon, isoLondon, londonDate } from '../../src/lib/dates';

describe('dates in Europe/London', () => {
  it('shows a winter meeting the way clerks write it', () => {
    const start = fromLondon('2021-01-07', '10:00');
    expect(start.toISOString()).toBe('2021-01-07T10:00:00.000Z');
    expect(formatDateTime(start)).toBe('Thursday 7 January 2021, 10am');
  });

  it('stores a summer (BST) meeting as UTC and shows it in London time', () => {
    const start = fromLondon('2021-06-10', '10:30');
    expect(start.toISOString()).toBe('2021-06-10T09:30:00.000Z');
    expect(formatTime(start)).toBe('10.30am');
    expect(isoLondon(start)).toBe('2021-06-10T10:30:00+01:00');
  });

  it('writes afternoon times, midday and midnight in words clerks use', () => {
    expect(formatTime(fromLondon('2020-11-05', '13:24'))).toBe('1.24pm');
    expect(formatTime(fromLondon('2020-11-05', '12:00'))).toBe('midday');
    expect(formatTime(fromLondon('2020-11-05', '00:00'))).toBe('midnight');
  });

  it('gives the London calendar date of a late-evening UTC instant in summer', () => {
    expect(londonDate(new Date('2021-06-10T23:30:00Z'))).toBe('2021-06-11');
    expect(formatDate(new Date('2021-06-10T23:30:00Z'))).toBe('Friday 11 June 2021');
  });

  it('refuses a date that does not exist', () => {
    expect(() => fromLondon('2021-02-31', '10:00')).toThrow(RangeError);
    expect(() => fromLondon('2021-02-01', '25:00')).toThrow(RangeError);
  });

  describe("today's date, read from the day's bounds", () => {
    afterEach(() => vi.useRealTimers());

    it('changes at London midnight, in summer time and in winter, and not at UTC midnight', () => {
      for (const [before, after, day, next] of [
        ['2026-06-10T22:59:59.999Z', '2026-06-10T23:00:00.000Z', '2026-06-10', '2026-06-11'],
        ['2026-12-03T23:59:59.999Z', '2026-12-04T00:00:00.000Z', '2026-12-03', '2026-12-04'],
        // The clocks go back on 25 October 2026: that London day is 25 hours long.
        ['2026-10-25T23:59:59.999Z', '2026-10-26T00:00:00.000Z', '2026-10-25', '2026-10-26'],
      ] as const) {
        vi.useFakeTimers({ now: new Date(before) });
        expect(londonDate(new Date(before))).toBe(day);
        expect(londonDate(new Date(before))).toBe(day);
        expect(londonDate(new Date(after))).toBe(next);
        expect(londonDate(new Date(before))).toBe(day);
      }
      vi.useFakeTimers({ now: new Date('2026-10-25T00:30:00Z') });
      expect(londonDate(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25');
      expect(londonDate(new Date('2026-10-24T22:59:59Z'))).toBe('2026-10-24');
      expect(londonDate(new Date('2026-10-24T23:00:00Z'))).toBe('2026-10-25');
    });
  });
});
