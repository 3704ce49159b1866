import { describe, expect, it } from 'vitest';
import {
  actionReference,
  actionSlug,
  committeeCode,
  daysOverdue,
  isOverdue,
  referenceFromSlug,
  reminderDay,
} from '../../src/lib/action-rules';
import { csvField, csvRow } from '../../src/lib/csv';
import { parseActionFilters } from '../../src/lib/action-filters';

const open = (dueDate: string) => ({ status: 'open' as const, dueDate });

describe('an action’s reference', () => {
  it('is the committee’s initials, the meeting’s date and its number, with dashes in URLs', () => {
    expect(committeeCode('Health & Adult Social Care Select Committee', 'hasc')).toBe('HASC');
    expect(committeeCode('Overview and Scrutiny Committee', 'osc')).toBe('OS');
    expect(committeeCode('Committee', 'the-committee')).toBe('THECOMMITTEE');
    const reference = actionReference('HASC', '2020-11-05', 3);
    expect(reference).toBe('HASC/2020-11-05/3');
    expect(actionSlug(reference)).toBe('HASC-2020-11-05-3');
    expect(referenceFromSlug('HASC-2020-11-05-3')).toBe(reference);
    for (const bad of ['HASC-2020-11-05', 'hasc-2020-11-05-3', 'HASC/2020-11-05/3', '../etc', 'HASC-2020-11-05-3x']) {
      expect(referenceFromSlug(bad)).toBeNull();
    }
  });
});

describe('overdue', () => {
  it('starts at midnight London time, in winter (GMT)', () => {
    expect(isOverdue(open('2027-01-14'), new Date('2027-01-14T23:59:59Z'))).toBe(false);
    expect(isOverdue(open('2027-01-14'), new Date('2027-01-15T00:00:00Z'))).toBe(true);
  });

  it('starts at midnight London time in summer, which is 23:00 UTC the day before', () => {
    expect(isOverdue(open('2027-07-14'), new Date('2027-07-14T22:59:59Z'))).toBe(false);
    expect(isOverdue(open('2027-07-14'), new Date('2027-07-14T23:00:00Z'))).toBe(true);
    expect(daysOverdue(open('2027-07-14'), new Date('2027-07-14T23:00:00Z'))).toBe(1);
  });

  it('counts whole London days across the clocks changing', () => {
    // Clocks go forward on Sunday 28 March 2027, and back on Sunday 31 October 2027.
    expect(daysOverdue(open('2027-03-27'), new Date('2027-03-29T09:00:00Z'))).toBe(2);
    expect(daysOverdue(open('2027-10-30'), new Date('2027-11-01T09:00:00Z'))).toBe(2);
    // The night the clocks go forward, midnight is still GMT; the night they go back, still BST.
    expect(isOverdue(open('2027-03-27'), new Date('2027-03-27T23:30:00Z'))).toBe(false);
    expect(isOverdue(open('2027-03-27'), new Date('2027-03-28T00:00:00Z'))).toBe(true);
    expect(isOverdue(open('2027-10-30'), new Date('2027-10-30T22:59:00Z'))).toBe(false);
    expect(isOverdue(open('2027-10-30'), new Date('2027-10-30T23:00:00Z'))).toBe(true);
  });

  it('never applies to a done or dropped action, or one with no date', () => {
    const late = new Date('2030-01-01T12:00:00Z');
    expect(isOverdue({ status: 'done', dueDate: '2027-01-01' }, late)).toBe(false);
    expect(isOverdue({ status: 'dropped', dueDate: '2027-01-01' }, late)).toBe(false);
    expect(isOverdue({ status: 'in_progress', dueDate: '2027-01-01' }, late)).toBe(true);
    expect(isOverdue({ status: 'open', dueDate: null }, late)).toBe(false);
  });

  it('is reminded of a week before', () => {
    expect(reminderDay('2027-04-02')).toBe('2027-03-26');
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and neutralises formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hello"')).toBe('"say ""hello"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    for (const lead of ['=', '+', '-', '@', '\t', '\r']) {
      // Quoted or not, the field starts with an apostrophe before the formula's first character.
      expect(csvField(`${lead}HYPERLINK("http://evil.example")`)).toMatch(new RegExp(`^"?'\\${lead}`));
    }
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField(null)).toBe('');
    expect(csvRow(['a', 2, null])).toBe('a,2,\r\n');
  });
});

describe('an action list’s filters', () => {
  it('refuses what it does not know, in words, and reads what it does', () => {
    const parsed = parseActionFilters(
      { status: ['open', 'done'], overdue: 'yes', from: '2027-01-01', to: '2027-02-01', sort: 'meeting', page: '3' },
      {},
    );
    expect(parsed.errors).toEqual({});
    expect(parsed.filters).toMatchObject({ statuses: ['open', 'done'], overdue: true, sort: 'meeting' });
    expect(parsed.page).toBe(3);
    const bad = parseActionFilters(
      { colour: 'red', status: 'late', from: '2027-02-30', sort: 'size', page: '0', committee: 'x' },
      {},
    );
    expect(Object.keys(bad.errors).sort()).toEqual(['colour', 'committee', 'from', 'page', 'sort', 'status']);
    expect(bad.errors.colour).toContain('is not a filter of this list');
    const backwards = parseActionFilters({ from: '2027-02-01', to: '2027-01-01' }, {});
    expect(backwards.errors.to).toBe('The end of the meeting range must be on or after its start');
  });
});
