import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import {
  addDays,
  agendaPublishBy,
  clearWorkingDaysBetween,
  deadlineState,
  isBankHoliday,
  isWorkingDay,
  meetingDeadlines,
  minutesDueBy,
  previousWorkingDay,
  questionsCloseAt,
} from '../../src/lib/deadlines';
import { formatDateTime, londonDate } from '../../src/lib/dates';

describe('working days in England and Wales', () => {
  it('excludes weekends, bank holidays, substitute days and one-off holidays', () => {
    expect(isWorkingDay('2021-01-07')).toBe(true); // Thursday
    expect(isWorkingDay('2021-01-09')).toBe(false); // Saturday
    expect(isBankHoliday('2020-12-28')).toBe(true); // Boxing Day substitute (Boxing Day was a Saturday)
    expect(isBankHoliday('2021-12-27')).toBe(true); // Christmas Day substitute
    expect(isBankHoliday('2022-01-03')).toBe(true); // New Year's Day substitute
    expect(isBankHoliday('2020-05-08')).toBe(true); // Early May bank holiday moved to VE Day
    expect(isBankHoliday('2020-05-04')).toBe(false);
    expect(isBankHoliday('2022-06-03')).toBe(true); // Platinum Jubilee
    expect(isBankHoliday('2023-05-08')).toBe(true); // Coronation
    expect(isBankHoliday('2021-04-02')).toBe(true); // Good Friday
    expect(isBankHoliday('2021-04-05')).toBe(true); // Easter Monday
    expect(isBankHoliday('2021-03-17')).toBe(false); // St Patrick's Day is not an English holiday
    expect(isBankHoliday('2021-08-02')).toBe(false); // Scotland's summer holiday is not England's
  });
});

describe('the last day to publish an agenda (clear working days)', () => {
  it('Elitestone: an agenda published on Thursday 26 April 1990 was too late for Tuesday 1 May', () => {
    for (const clearDays of [3, 5]) {
      const last = agendaPublishBy('1990-05-01', clearDays);
      expect(last < '1990-04-26').toBe(true);
      expect(clearWorkingDaysBetween('1990-04-26', '1990-05-01')).toBe(2);
    }
    expect(agendaPublishBy('1990-05-01', 3)).toBe('1990-04-25');
    expect(agendaPublishBy('1990-05-01', 5)).toBe('1990-04-23');
  });

  it('across Christmas 2020: Tuesday 29 December for the meeting of Thursday 7 January 2021', () => {
    expect(agendaPublishBy('2021-01-07', 5)).toBe('2020-12-29');
  });

  it('across Easter 2021: Good Friday and Easter Monday do not count', () => {
    expect(agendaPublishBy('2021-04-07', 5)).toBe('2021-03-28');
  });

  it('across the spring bank holidays', () => {
    expect(agendaPublishBy('2021-06-02', 5)).toBe('2021-05-24');
    // 2022: the spring bank holiday moved to Thursday 2 June, with the Jubilee on Friday 3 June.
    expect(agendaPublishBy('2022-06-07', 5)).toBe('2022-05-26');
  });

  it('across substitute days: New Year 2022', () => {
    // Thursday 6 January 2022: Wed 5 and Tue 4 count, Mon 3 (New Year substitute) does not,
    // then Fri 31, Thu 30, Wed 29 December. Publication may be the day before, even though
    // Tuesday 28 December is itself a substitute bank holiday: the publication day never counts.
    expect(agendaPublishBy('2022-01-06', 5)).toBe('2021-12-28');
    expect(clearWorkingDaysBetween('2021-12-28', '2022-01-06')).toBe(5);
  });

  it('on the day before the fifth working day back, even a weekend: publishing then still leaves five', () => {
    // Monday 29 March 2021 is the fifth working day before Wednesday 7 April.
    expect(clearWorkingDaysBetween('2021-03-28', '2021-04-07')).toBe(5);
    expect(clearWorkingDaysBetween('2021-03-29', '2021-04-07')).toBe(4);
  });

  it('always leaves exactly N clear working days, and the next day leaves fewer (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01T12:00:00Z'), max: new Date('2035-12-31T12:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 15 }),
        (date, n) => {
          const meeting = date.toISOString().slice(0, 10);
          const last = agendaPublishBy(meeting, n);
          expect(clearWorkingDaysBetween(last, meeting)).toBe(n);
          expect(clearWorkingDaysBetween(addDays(last, 1), meeting)).toBe(n - 1);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('public questions close', () => {
  it('at 12 noon on the last working day that leaves three clear working days', () => {
    // Meeting Thursday 7 January 2021: clear days Wed 6, Tue 5, Mon 4; questions close Thursday 31 December at noon.
    const at = questionsCloseAt('2021-01-07', 3, '12:00');
    expect(formatDateTime(at)).toBe('Thursday 31 December 2020, midday');
    // In British Summer Time the instant is 11:00 UTC.
    expect(questionsCloseAt('2021-06-10', 3, '12:00').toISOString()).toBe('2021-06-04T11:00:00.000Z');
  });

  it('always falls on a working day leaving N clear working days, and no later working day would (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T12:00:00Z'), max: new Date('2035-12-31T12:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 10 }),
        (date, n) => {
          const meeting = date.toISOString().slice(0, 10);
          const closing = londonDate(questionsCloseAt(meeting, n, '12:00'));
          expect(isWorkingDay(closing)).toBe(true);
          expect(clearWorkingDaysBetween(closing, meeting)).toBeGreaterThanOrEqual(n);
          let next = addDays(closing, 1);
          while (!isWorkingDay(next)) next = addDays(next, 1);
          expect(clearWorkingDaysBetween(next, meeting)).toBeLessThan(n);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('draft minutes are due', () => {
  it('ten working days after the meeting, skipping Christmas', () => {
    expect(minutesDueBy('2020-11-05', 10)).toBe('2020-11-19');
    expect(minutesDueBy('2020-12-17', 10)).toBe('2021-01-05');
  });

  it('on a working day exactly N working days after the meeting (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T12:00:00Z'), max: new Date('2035-12-31T12:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 20 }),
        (date, n) => {
          const meeting = date.toISOString().slice(0, 10);
          const due = minutesDueBy(meeting, n);
          expect(isWorkingDay(due)).toBe(true);
          expect(clearWorkingDaysBetween(meeting, due)).toBe(n - 1);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('where a deadline stands', () => {
  it('is due soon, missed, or done', () => {
    expect(deadlineState('2021-01-07', '2021-01-01', false)).toEqual({ state: 'due_soon', daysRemaining: 6 });
    expect(deadlineState('2021-01-07', '2020-12-01', false)).toEqual({ state: 'upcoming', daysRemaining: 37 });
    expect(deadlineState('2021-01-07', '2021-01-08', false)).toEqual({ state: 'missed', daysRemaining: -1 });
    expect(deadlineState('2021-01-07', '2021-01-08', true).state).toBe('done');
    expect(deadlineState('2021-03-28', '2021-03-27', false).daysRemaining).toBe(1); // across the clocks changing
  });

  it('gathers a meeting’s deadlines under its committee’s rules', () => {
    const d = meetingDeadlines('2021-01-07', {
      noticeClearDays: 5,
      questionCutoffClearDays: 3,
      questionCutoffTime: '12:00',
      minutesDueWorkingDays: 10,
    });
    expect(d.agendaPublishBy).toBe('2020-12-29');
    expect(d.agendaPublishByEnd.toISOString()).toBe('2020-12-29T23:59:59.000Z');
    expect(d.questionsCloseAt.toISOString()).toBe('2020-12-31T12:00:00.000Z');
    expect(d.minutesDueBy).toBe('2021-01-21');
    expect(previousWorkingDay('2021-01-04')).toBe('2020-12-31');
  });
});

/**
 * The calendar arithmetic against the plainest possible reference: walking
 * the calendar a day at a time with luxon DateTimes in Europe/London (how
 * the deadlines were first computed), over random meetings and rules.
 */
describe('deadlines as calendar arithmetic', () => {
  const holidays = new Holidays('GB', 'ENG', { types: ['public'] });
  const isHoliday = (d: DateTime) => holidays.getHolidays(d.year).some((h) => h.date.slice(0, 10) === d.toISODate());
  const working = (d: DateTime) => d.weekday <= 5 && !isHoliday(d);
  const back = (d: DateTime, n: number) => {
    let x = d;
    for (let found = 0; found < n;) {
      x = x.minus({ days: 1 });
      if (working(x)) found++;
    }
    return x;
  };
  const forward = (d: DateTime, n: number) => {
    let x = d;
    for (let found = 0; found < n;) {
      x = x.plus({ days: 1 });
      if (working(x)) found++;
    }
    return x;
  };

  it('gives the same days and instants as a day-by-day walk in Europe/London', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2031-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 20 }),
        (at, notice, cutoff, minutes) => {
          const date = londonDate(at);
          const meeting = DateTime.fromISO(date, { zone: 'Europe/London' });
          const d = meetingDeadlines(date, {
            noticeClearDays: notice,
            questionCutoffClearDays: cutoff,
            questionCutoffTime: '17:30',
            minutesDueWorkingDays: minutes,
          });
          const publishBy = (notice <= 0 ? meeting : back(meeting, notice)).minus({ days: 1 });
          expect(d.agendaPublishBy).toBe(publishBy.toISODate());
          expect(d.agendaPublishByEnd.getTime()).toBe(publishBy.endOf('day').set({ millisecond: 0 }).toMillis());
          const closes = back(cutoff <= 0 ? meeting : back(meeting, cutoff), 1).set({ hour: 17, minute: 30 });
          expect(d.questionsCloseAt.getTime()).toBe(closes.toMillis());
          expect(d.minutesDueBy).toBe((minutes <= 0 ? meeting : forward(meeting, minutes)).toISODate());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('ends a summer day at 23:59:59 BST, and refuses a date that does not exist', () => {
    const d = meetingDeadlines('2021-07-15', {
      noticeClearDays: 5,
      questionCutoffClearDays: 3,
      questionCutoffTime: '12:00',
      minutesDueWorkingDays: 10,
    });
    expect(d.agendaPublishBy).toBe('2021-07-07');
    expect(d.agendaPublishByEnd.toISOString()).toBe('2021-07-07T22:59:59.000Z');
    expect(d.questionsCloseAt.toISOString()).toBe('2021-07-09T11:00:00.000Z');
    expect(() => agendaPublishBy('2021-02-30', 5)).toThrow(RangeError);
    expect(() => addDays('2021-1-5', 1)).toThrow(RangeError);
  });
});
