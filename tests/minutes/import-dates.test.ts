import { describe, expect, it } from 'vitest';
import { parseMinutesText } from '../../src/features/minutes/import/parse';
import { calendarDate } from '../../src/features/minutes/import/text';

/** The meeting's date and times in the forms minutes give them. */
const when = (heading: string[], body: string[] = ['None.']) => {
  const p = parseMinutesText([...heading, 'Present: Cllr A Smith', '', '1. Apologies', ...body].join('\n'));
  return [p.date, p.startedAt, p.endedAt];
};

describe('reading when the meeting was', () => {
  it('reads dates with ordinals, a space before them, or a comma', () => {
    expect(when(['Minutes of the Meeting held on the 2nd January 2020'])[0]).toBe('2020-01-02');
    expect(when(['Minutes of the Finance Committee held on Friday 18 th June 2010'])[0]).toBe('2010-06-18');
    expect(when(['Minutes of the Annual Parish Meeting held on Wednesday 9 May, 2018'])[0]).toBe('2018-05-09');
  });

  it('reads the start from the heading’s time of day, and the end from "closed the meeting at"', () => {
    expect(
      when(
        ['Extraordinary Parish Council Meeting', '12 April 2016 at 6.30 pm'],
        ['Cllr Hotchkin closed the meeting at 7.20pm.'],
      ),
    ).toEqual(['2016-04-12', '18:30', '19:20']);
    expect(when(['MINUTES OF MEETING 8pm THURSDAY 18 SEPTEMBER 2008'])).toEqual(['2008-09-18', '20:00', null]);
  });

  it('reads the times from a "Duration of Meeting" item', () => {
    const p = parseMinutesText(
      [
        'MINUTES OF THE MEETING HELD ON Tuesday 21 May 2024',
        'Present: Cllr A Smith',
        '',
        '1. Duration of Meeting',
        '7.10 p.m. to 7.15 p.m.',
      ].join('\n'),
    );
    expect([p.date, p.startedAt, p.endedAt]).toEqual(['2024-05-21', '19:10', '19:15']);
  });

  it('still reads the date and attendance when no item is found', () => {
    const p = parseMinutesText(
      'Minutes of a Meeting held on Wednesday, 28 March 2007\nPresent: Cllr A Smith, Cllr B Jones\nWe talked.',
    );
    expect(p.date).toBe('2007-03-28');
    expect(p.attendance.present.map((a) => a.name)).toEqual(['Cllr A Smith', 'Cllr B Jones']);
    expect(p.problems[0]).toContain('No numbered items were found.');
  });

  it('reads a date only where the month has that day', () => {
    expect(calendarDate('29', 'February', '2024')).toBe('2024-02-29');
    expect(calendarDate('29', 'february', '2023')).toBeNull();
    expect(calendarDate('31', 'June', '2020')).toBeNull();
    expect(calendarDate('5', 'November', '2020')).toBe('2020-11-05');
    expect(calendarDate('0', 'May', '2020')).toBeNull();
    expect(when(['Minutes of the meeting held on 31 June 2020'])[0]).toBeNull();
  });
});
