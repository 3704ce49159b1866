import { describe, expect, it } from 'vitest';
import { parseMinutesText } from '../../src/features/minutes/import/parse';

/**
 * Items as councils number them: minute numbers running through the year,
 * with their year, after "Minute No.", headings in capitals with the minute
 * on the same line. Numbers that are not items (a date in a title, a list
 * inside an item, sub-items) are not taken for items.
 */
const items = (text: string) => parseMinutesText(text).items.map((i) => `${i.number} ${i.title}`);

describe('finding the items', () => {
  it('reads minute numbers that run through the year, and with their year', () => {
    expect(items('Present: Cllr A Smith\n\n233 MINUTES\nText.\n\n234 PLANNING\nText.\n\n236 FINANCE\nText.')).toEqual([
      '233 MINUTES',
      '234 PLANNING',
      '236 FINANCE',
    ]);
    expect(items('Present: Cllr A Smith\n\n196/20 Openness Notice\nRead.\n\n197/20 Apologies\nNone.')).toEqual([
      '196 Openness Notice',
      '197 Apologies',
    ]);
    // The item, then the council year: "1-0607/8" is item 1 of 2006/07.
    expect(items('Present: Cllr A Smith\n\n1-0607/8 - Welcome.\nText.\n\n2-0607/8 – Declarations\nNone.')).toEqual([
      '1 Welcome.',
      '2 Declarations',
    ]);
    // The title, then the year's minute reference.
    expect(
      items(
        'Present: Cllr A Smith\n\n1. Allotment: 005/24 – 2 applications for allotments 1 and 4 have been received. Proposed by BD and seconded by JH that the allotment be let. Carried 4 for and 1 against. Motion carried.\n\n2. Finance:006/24:\nPaid.',
      ),
    ).toEqual(['1 Allotment', '2 Finance']);
    // The meeting's reference, then the minute number: "1006/134" is minute 134 of June 2010.
    expect(items('Present: Cllr A Smith\n\n1006/134 Announcements\nRead.\n\n1006/135 Apologies\nNone.')).toEqual([
      '134 Announcements',
      '135 Apologies',
    ]);
    expect(items('Minute No. 45 Apologies\nNone.\n\nMinute No. 46 Declarations\nNone.')).toEqual([
      '45 Apologies',
      '46 Declarations',
    ]);
  });

  it('takes a heading in capitals or in title case off the text that follows it on the same line', () => {
    const parsed = parseMinutesText(
      'PRESENT: Cllr R Crisp (Chairman)\n\n1. PUBLIC FORUM Reference to a requested update from the February meeting regarding progression on broadband connection at the cabinet on Methwold Road was made.\n\n2. To Receive Declarations of Interest from Members Cllr Trudy Mann declared an interest regarding the public house at item 3 of the agenda of this meeting tonight.\n\n3. To Confirm the Date of the Next Ordinary Meeting – Wednesday 6 January 2021 at 7 pm, with a Neighbourhood Plan Meeting at 6.30 pm to record all the minutes.',
    );
    expect(parsed.items.map((i) => [i.number, i.title])).toEqual([
      [1, 'PUBLIC FORUM'],
      [2, 'To Receive Declarations of Interest from Members'],
      [3, 'To Confirm the Date of the Next Ordinary Meeting'],
    ]);
    expect(parsed.items[0]?.minuteText).toMatch(/^Reference to a requested update/);
    expect(parsed.items[1]?.minuteText).toMatch(/^Cllr Trudy Mann declared an interest/);
    expect(parsed.items[2]?.minuteText).toMatch(/^Wednesday 6 January 2021 at 7 pm/);
  });

  it('reads a heading that starts on the line of the item before, and a title before a sentence that names someone', () => {
    const parsed = parseMinutesText(
      [
        'Present: Cllr A Smith',
        '',
        '198/20 To Receive Apologies of Absence The Council noted that none were received.',
        '',
        '199/20 To Receive Declarations of Interest from Members Cllr Trudy Mann declared an interest regarding the Bluebell public house at item 201/20.',
        '',
        '200/20 To Approve the Minutes of the Meeting held on 11 November 2020',
        '',
        'The application was refused on 24 November 2020 by Delegated Decision 201/20 To Receive an update on the Bluebell Campaign The Chair shared an update.',
        '',
        '202/20 To Receive the Clerk’s Report The Clerk gave her report.',
      ].join('\n'),
    );
    expect(parsed.items.map((i) => `${i.number} ${i.title}`)).toEqual([
      '198 To Receive Apologies of Absence',
      '199 To Receive Declarations of Interest from Members',
      '200 To Approve the Minutes of the Meeting held on 11 November 2020',
      '201 To Receive an update on the Bluebell Campaign',
      '202 To Receive the Clerk’s Report',
    ]);
    expect(parsed.declarations.map((d) => [d.name, d.itemNumber])).toEqual([['Cllr Trudy Mann', 201]]);
  });

  it('takes a heading in capitals that goes on in lower case off the sentence after it', () => {
    const parsed = parseMinutesText(
      [
        'Present: Cllr A Smith',
        '',
        '1. TO APPROVE AND SIGN THE MINUTES OF THE MEETING held 7th February 2017 The minutes were approved by all Councillors present and signed by the Chairman as a true record.',
        '',
        '2. PARISH NOTICEBOARDS – update and sign off design The Clerk confirmed that the signs have been ordered as chosen.',
      ].join('\n'),
    );
    expect(parsed.items.map((i) => [i.title, i.minuteText])).toEqual([
      ['TO APPROVE AND SIGN THE MINUTES OF THE MEETING held 7th February 2017', ''],
      [
        'PARISH NOTICEBOARDS – update and sign off design',
        'The Clerk confirmed that the signs have been ordered as chosen.',
      ],
    ]);
    expect(parsed.items[0]?.resolutions.map((r) => r.text)).toEqual([
      'The minutes were approved by all Councillors present and signed by the Chairman as a true record.',
    ]);
    expect(parsed.warnings).toEqual([]);
  });

  it('takes a short title ended by its own full stop or colon off the sentence after it, not an abbreviation', () => {
    const parsed = parseMinutesText(
      [
        'Present: R Winter (Chairman), M. Burton',
        '',
        '1205       Finance. It was agreed to pay the room hire invoice of £175.00',
        '',
        '1206       Matters Reported:          Potholes and the state of the roads being in a terrible state.',
        '',
        '1207       Mr. Cade wished to resign from looking after the planters. The Chairman thanked him.',
      ].join('\n'),
    );
    expect(parsed.items.map((i) => [i.number, i.title])).toEqual([
      [1205, 'Finance'],
      [1206, 'Matters Reported'],
      [1207, 'Mr. Cade wished to resign from looking after the planters. The Chairman thanked him.'],
    ]);
    expect(parsed.items[0]?.resolutions.map((r) => r.text)).toEqual([
      'It was agreed to pay the room hire invoice of £175.00',
    ]);
    expect(parsed.items[1]?.minuteText).toBe('Potholes and the state of the roads being in a terrible state.');
  });

  it('does not take a date in the title, a numbered list inside an item, or sub-items for items', () => {
    const text = [
      '2 December 2020 Minutes of the Parish Council',
      'Present: Cllr A Smith',
      '',
      '1. Apologies',
      'None.',
      '',
      '2. Matters Arising',
      'The footpaths officer wrote:',
      '',
      '1. The council has a duty to keep rights of way open for walkers.',
      '',
      '2. Paths that cross farmland should not be disturbed by the farmer.',
      '',
      '3. Sign replacements at the Village Hall are in hand this month.',
      '',
      '3. Finance',
      '3.1 Payments',
      'Approved.',
      '',
      '4. Planning',
      'None.',
    ].join('\n');
    expect(items(text)).toEqual(['1 Apologies', '2 Matters Arising', '3 Finance', '4 Planning']);
  });

  it('takes a numbered line after an unwrapped paragraph that has no full stop for an item', () => {
    // A paragraph a line: a line without a full stop still ends its paragraph.
    const long =
      'Apologies received from Cllrs Tarry, Ogden and Johnson, with the reasons for absence noted by members present';
    expect(
      items(
        [
          'Present: Cllr A Smith',
          '1. Apologies',
          long,
          '2. Minutes of the Annual Parish Meeting 2017 (18/01)',
          `The minutes were accepted as a true record, ${long.toLowerCase()}.`,
          '3. Personal Representation (18/03)',
          'No members of the public present.',
        ].join('\n'),
      ),
    ).toEqual([
      '1 Apologies',
      '2 Minutes of the Annual Parish Meeting 2017 (18/01)',
      '3 Personal Representation (18/03)',
    ]);
  });
});
