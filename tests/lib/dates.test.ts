import { describe, expect, it } from 'vitest';
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
});
