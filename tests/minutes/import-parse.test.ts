import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMinutesFile, parseMinutesText, type ParsedMinutes } from '../../src/features/minutes/import/parse';
import { makePdf } from '../helpers/pdf';

/**
 * The importer against the minutes of 5 November 2020, as printed in the
 * agenda pack of 7 January 2021 (tests/fixtures holds that text exactly as the
 * reference pack has it). Every expected value below was written by hand from
 * reading the minutes, not copied from the importer's output.
 */
const SOURCE = fs.readFileSync('src/features/demo/papers/minutes-2020-11-05.txt');
const parsed = parseMinutesFile(SOURCE);
const item = (n: number) => {
  const found = parsed.items.find((i) => i.number === n);
  if (!found) throw new Error(`no item ${n}`);
  return found;
};

describe('the minutes of 5 November 2020', () => {
  it('reads the heading: the date and when the meeting began and ended', () => {
    expect(parsed.committee).toBe('Health & Adult Social Care Select Committee');
    expect(parsed.date).toBe('2020-11-05');
    expect(parsed.startedAt).toBe('10:00');
    expect(parsed.endedAt).toBe('13:24');
    expect(parsed.problems).toEqual([]);
  });

  it('finds every attendee, in the order listed', () => {
    const names = (list: ParsedMinutes['attendance']['present']) => list.map((a) => a.name);
    expect(names(parsed.attendance.present)).toEqual([
      'K Ahmed',
      'Z Ahmed',
      'A Bacon',
      'P Birchley',
      'M Bradford',
      'M Collins',
      'G Hollis',
      'S Jenkins',
      'J MacBean',
      'G Powell',
      'B Roberts',
      'A Turner',
      'L Walsh',
      'J Wassell',
      'Zoe McIntosh',
    ]);
    expect(names(parsed.attendance.inAttendance)).toEqual(['Mrs E Wheaton', 'A Macpherson']);
    expect(names(parsed.attendance.apologies)).toEqual(['L Wood']);
    expect(parsed.attendance.absent).toEqual([]);
  });

  it('finds every item with its title, numbered as minuted', () => {
    expect(parsed.items.map((i) => `${i.number}. ${i.title}`)).toEqual([
      '1. Apologies for absence/changes in membership',
      '2. Declarations of interest',
      '3. Minutes',
      '4. Public Questions',
      "5. Chairman's update",
      '6. Proposed closure of New Chapel Surgery, Long Crendon',
      '7. County-wide engagement exercise',
      '8. Pharmacy services',
      '9. Buckinghamshire, Oxfordshire and West Berkshire Integrated Care System - joint health scrutiny committee',
      '10. Work programme',
      '11. Director for Public Health Annual Report',
      '12. Date of next meeting',
    ]);
  });

  it('finds the declarations: Mr A Turner’s under item 2, and the two made during item 8', () => {
    expect(
      parsed.declarations.map((d) => ({
        name: d.name,
        itemNumber: d.itemNumber,
        minutedUnder: d.minutedUnder,
        nature: d.nature,
        kindStated: d.kindStated,
      })),
    ).toEqual([
      {
        name: 'Mr A Turner',
        itemNumber: null,
        minutedUnder: 2,
        nature: 'he was a trustee of an independent adult day care provider charity',
        kindStated: false,
      },
      {
        name: 'The Chairman',
        itemNumber: 8,
        minutedUnder: 8,
        nature:
          'having known Mr Kalpesh Patel for several years as he was the Chairman of the local Rotary group and an owner of numerous pharmacies',
        kindStated: false,
      },
      { name: 'K Patel', itemNumber: 8, minutedUnder: 8, nature: 'a previous chair of the LPC', kindStated: false },
    ]);
  });

  it('finds every resolution, with its outcome, including the three of item 9', () => {
    const all = parsed.items.flatMap((i) => i.resolutions.map((r) => ({ item: i.number, ...r })));
    expect(all).toEqual([
      {
        item: 3,
        outcome: 'AGREED',
        text: 'The minutes of the meeting held on 10 September 2020 were AGREED as an accurate record.',
      },
      {
        item: 7,
        outcome: 'NOTED',
        text: 'The Committee NOTED the contents of a report to the Health and Well-Being Board and RECEIVED a verbal update on how the community engagement exercise was progressing.',
      },
      {
        item: 9,
        outcome: 'DISCUSSED',
        text: 'Members of the Health and Adult Social Care Select Committee DISCUSSED the progress made to date in setting up a joint health scrutiny committee for the BOB ICS which will aid continued negotiations.',
      },
      {
        item: 9,
        outcome: 'APPROVED',
        text: 'Members APPROVED the draft terms of reference and AGREED to delegate the final sign-off of the terms of reference for the joint health scrutiny committee to the Chairman of the Health & Adult Social Care Select Committee.',
      },
      {
        item: 9,
        outcome: 'APPROVED',
        text: 'Members APPROVED that the final terms of reference will be discussed and ratified at Full Council.',
      },
    ]);
  });

  it('finds every ACTION with its owners, both “ACTION: owner” and “ACTION: owner to do something”', () => {
    const all = parsed.items.flatMap((i) =>
      i.actions.map((a) => ({ item: i.number, owners: a.owners, description: a.description, from: a.descriptionFrom })),
    );
    expect(all).toEqual([
      {
        item: 3,
        owners: ['The Chairman'],
        description:
          'The Chairman acknowledged J Wassell’s comment and stated she would contact the Oxford Health NHS Foundation Trust for formal confirmation.',
        from: 'text before it',
      },
      {
        item: 6,
        owners: ['Mr A Turner', 'Ms F Cayley', 'Ms F Momem'],
        description: 'To discuss Option 4',
        from: 'action line',
      },
      {
        item: 7,
        owners: ['Mr Leveson'],
        description: 'To provide a breakdown of the ages of respondents for circulation',
        from: 'action line',
      },
      {
        item: 8,
        owners: ['Chairman'],
        description: 'To write to the Chairman of the Health & Wellbeing Board',
        from: 'action line',
      },
      {
        item: 11,
        owners: ['L Wheaton'],
        description: 'To circulate and email requesting feedback on the DPHAR',
        from: 'action line',
      },
    ]);
  });

  it('keeps the narrative as each item’s minute text, without the RESOLVED and ACTION lines', () => {
    expect(item(2).minuteText).toBe(
      'Mr A Turner declared an interest as he was a trustee of an independent adult day care provider charity.',
    );
    expect(item(12).minuteText).toBe('Thursday 7 January 2021 at 10am.');
    expect(item(3).minuteText).toContain('The Chairman acknowledged J Wassell’s comment');
    expect(item(3).minuteText).not.toContain('RESOLVED');
    expect(item(3).minuteText).not.toContain('ACTION');
    // Paragraphs survive the PDF's line wrapping.
    expect(item(6).minuteText.split('\n\n').length).toBeGreaterThan(10);
    expect(item(6).minuteText).toContain('The Chairman thanked everyone for their participation.');
  });

  it('places everything: nothing left unplaced, and only page furniture left out', () => {
    expect(parsed.items.flatMap((i) => i.unplaced)).toEqual([]);
    expect(parsed.setAside).toEqual(['Agenda Item 3', 'Agenda Item']);
  });

  it('drops no word of any item', () => {
    const text = SOURCE.toString('utf8');
    const body = text.slice(text.indexOf('Agenda Item\n1'));
    const words = (s: string) => new Set(s.replace(/\\/g, '').match(/[\p{L}\p{N}][\p{L}\p{N}'’&-]*/gu) ?? []);
    const output = words(
      parsed.items
        .map((i) =>
          [
            i.number,
            i.title,
            i.minuteText,
            ...i.resolutions.map((r) => r.text),
            ...i.actions.flatMap((a) => [...a.owners, a.description]),
          ].join(' '),
        )
        .join(' '),
    );
    const missing = [...words(body)].filter(
      (w) => !output.has(w) && !['Agenda', 'Item', 'RESOLVED', 'ACTION'].includes(w),
    );
    expect(missing).toEqual([]);
  });
});

describe('the whole paper, with its appendix', () => {
  it('reads the same minutes and keeps the appendix’s text in the last item rather than losing it', () => {
    // The paper in the agenda pack of 7 January 2021: the minutes, then the appendix printed after them.
    const whole = parseMinutesFile(
      Buffer.concat([SOURCE, fs.readFileSync('src/features/demo/papers/minutes-2020-11-05-appendix.txt')]),
    );
    expect(whole.items).toHaveLength(12);
    expect(whole.items.flatMap((i) => i.resolutions)).toEqual(parsed.items.flatMap((i) => i.resolutions));
    expect(whole.items.at(-1)?.minuteText).toContain('PHASE 1 ONLINE SURVEY');
  });
});

describe('what it cannot read', () => {
  it('says an empty file is empty', () => {
    expect(parseMinutesFile(new Uint8Array()).problems).toEqual(['The file is empty.']);
    expect(parseMinutesText('  \n\n ').problems).toEqual(['The file is empty.']);
  });

  it('says a PDF, a Word document or other binary file is not plain text', async () => {
    expect(parseMinutesFile(await makePdf('Minutes', 1)).problems[0]).toMatch(/^This is a PDF, not plain text/);
    expect(parseMinutesFile(new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 6, 0])).problems[0]).toMatch(
      /Word or other Office document/,
    );
    expect(parseMinutesFile(new Uint8Array([1, 2, 3, 0, 255, 254, 9, 65])).problems[0]).toMatch(
      /not a plain-text file/,
    );
  });

  it('reads Windows-1252 text, as older word processors save it', () => {
    const bytes = Buffer.concat([
      Buffer.from('Members present\nA Smith\n\n1. Apologies\nThe Chair\x92s welcome.\n', 'latin1'),
    ]);
    const result = parseMinutesFile(bytes);
    expect(result.encoding).toBe('windows-1252');
    expect(result.items[0]?.minuteText).toBe('The Chair’s welcome.');
  });

  it('keeps text in another layout as unplaced text, saying what it could not find', () => {
    const result = parseMinutesText('Notes of a chat\nWe talked about the budget.\nEveryone agreed to meet again.');
    expect(result.problems[0]).toMatch(/^No numbered items were found/);
    expect(result.items).toHaveLength(1);
    expect(result.items[0]?.unplaced[0]).toContain('We talked about the budget.');
    expect(result.items[0]?.minuteText).toContain('Everyone agreed to meet again.');
  });

  it('reads a RESOLVED block whatever its verb (agreed, unless it says otherwise), and keeps an ACTION with nobody named in the text, marked', () => {
    const result = parseMinutesText(
      [
        'Members present',
        'A Smith and B Jones',
        '',
        '1',
        '',
        'Budget',
        'The report was presented.',
        'RESOLVED: that the matter be left on the table.',
        'ACTION: to be confirmed.',
      ].join('\n'),
    );
    const first = result.items[0];
    expect(first?.resolutions).toEqual([{ text: 'the matter be left on the table.', outcome: 'AGREED' }]);
    expect(first?.actions).toEqual([]);
    expect(first?.unplaced).toEqual(['ACTION: to be confirmed.']);
    expect(first?.minuteText).not.toContain('RESOLVED');
    expect(first?.minuteText).toContain('ACTION: to be confirmed.');
  });

  it('reads other common layouts: "1. Title" lines, substitutes, virtual attendance and a due date', () => {
    const result = parseMinutesText(
      [
        'Minutes of the meeting held on Tuesday 3 March 2026 at the Council Chamber, commencing at 2pm and concluding at 3.45pm.',
        'Present: Cllr A Smith (Chairman), Cllr B Jones (virtual) and Cllr C Brown (substitute for Cllr D White)',
        'Apologies: Cllr D White',
        '',
        '1. Declarations of interest',
        'Cllr B Jones declared a disclosable pecuniary interest in item 2 as a director of the supplier, and left the room.',
        '2. Contract award',
        'Resolved: that the contract be approved.',
        'Action: Head of Finance to report back by 30 April 2026.',
      ].join('\n'),
    );
    expect(result.date).toBe('2026-03-03');
    expect([result.startedAt, result.endedAt]).toEqual(['14:00', '15:45']);
    expect(result.venue).toBe('the Council Chamber');
    expect(result.attendance.present).toEqual([
      { name: 'Cllr A Smith', role: 'Chairman', virtual: false, substituteFor: null },
      { name: 'Cllr B Jones', role: null, virtual: true, substituteFor: null },
      { name: 'Cllr C Brown', role: null, virtual: false, substituteFor: 'Cllr D White' },
    ]);
    expect(result.declarations).toEqual([
      {
        name: 'Cllr B Jones',
        itemNumber: 2,
        minutedUnder: 1,
        kind: 'disclosable_pecuniary',
        kindStated: true,
        nature: 'a director of the supplier, and left the room',
        withdrew: true,
      },
    ]);
    expect(result.items.map((i) => i.title)).toEqual(['Declarations of interest', 'Contract award']);
    expect(result.items[1]?.resolutions).toEqual([{ text: 'the contract be approved.', outcome: 'APPROVED' }]);
    expect(result.items[1]?.actions).toEqual([
      {
        owners: ['Head of Finance'],
        description: 'To report back by 30 April 2026.',
        descriptionFrom: 'action line',
        dueDate: '2026-04-30',
      },
    ]);
  });
});
