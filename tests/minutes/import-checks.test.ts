import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sentenceForName } from '../../src/features/minutes/import/checks';
import { dryRunReport, parseMinutesText } from '../../src/features/minutes/import/parse';

/**
 * The importer's sanity checks: what it read but looks unlikely is listed,
 * per item, with the text concerned, so the clerk knows where to look.
 */
const warnings = (text: string) => parseMinutesText(text).warnings;
const HEAD = 'Minutes of the meeting held on 4 May 2020\n\nPresent: Cllr A Smith (Chairman), Cllr B Jones\n\n';

describe('sanity checks on what was read', () => {
  it('finds nothing to say of minutes read cleanly', () => {
    const demo = fs.readFileSync('src/features/demo/papers/minutes-2020-11-05.txt', 'utf8');
    expect(parseMinutesText(demo).warnings).toEqual([]);
    expect(warnings(`${HEAD}1. Apologies\nNone.\n\n2. Minutes\nRESOLVED: that the minutes be approved.`)).toEqual([]);
  });

  it('says when a name in the attendance reads like a sentence, quoting it', () => {
    const found = warnings(
      'Present: Cllr A Smith, Representatives Of The Village Hall Management Committee And The Youth Club\n\n1. Apologies\nNone.',
    );
    expect(found).toEqual([
      {
        item: null,
        message: 'A name listed as present reads like a sentence: check the attendance was read right.',
        text: 'Representatives Of The Village Hall Management Committee And The Youth Club',
      },
    ]);
  });

  it('tells a name from a sentence', () => {
    for (const name of [
      'Cllr Mrs J Smith',
      'Dr Anna de Vries',
      'Lord Smith of Chesham',
      'The Parish Clerk',
      'Mr D Williams MBE',
    ])
      expect(sentenceForName(name), name).toBe(false);
    for (const name of ['it was noted that he was away', 'Cllr Smith reported on the 2019 figures', 'A B C D E F G H'])
      expect(sentenceForName(name), name).toBe(true);
  });

  it('says when the numbers go backwards or jump, quoting the line read as text', () => {
    const found = warnings(
      `${HEAD}1. Apologies\nNone.\n\n2. Planning\nText.\n\n1. Planning again\nText.\n\n5. Finance\nText.`,
    );
    expect(found).toEqual([
      {
        item: 2,
        message:
          'A line numbered 1, like an item’s heading, comes after item 2: the numbers go backwards, so it was read as text. Check whether it is an item.',
        text: '1. Planning again',
      },
      {
        item: 5,
        message: 'The items go from 2 to 5: check no item was missed in between.',
        text: '5. Finance',
      },
    ]);
  });

  it('reads a heading numbered again after a later item as an item, and says so', () => {
    const text = `${HEAD}7. Matters Arising\nText.\n\n8. Correspondence\nFor information.\n\n6. Planning\n\nNone\n\n7. Finance\n\nPaid.\n\n9. AOB\nNone.\n\n9. Date of Next Meeting.\n\n9 October.`;
    expect(parseMinutesText(text).items.map((i) => `${i.number} ${i.title}`)).toEqual([
      '7 Matters Arising',
      '8 Correspondence',
      '6 Planning',
      '7 Finance',
      '9 AOB',
      '9 Date of Next Meeting.',
    ]);
    expect(warnings(text).map((w) => [w.item, w.message, w.text])).toEqual([
      [
        6,
        'Item 6 comes after item 8: the minutes number it again, so it was read as an item where it stands. Check its number.',
        '6. Planning',
      ],
      [
        9,
        'The minutes number two items 9: the second was read as an item where it stands. Check its number.',
        '9. Date of Next Meeting.',
      ],
    ]);
  });

  it('says when one item holds most of a long document, or a title is a paragraph', () => {
    const long = Array.from({ length: 150 }, (_, i) => `Councillors discussed the matter at length, point ${i}.`).join(
      '\n\n',
    );
    const found = warnings(`${HEAD}1. Apologies\nNone.\n\n2. Everything else\n${long}`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ item: 2, text: expect.stringMatching(/^Councillors discussed the matter.*…$/) });
    expect(found[0]?.message).toMatch(
      /^Item 2’s text is [\d,]+ characters long, \d+% of the minutes: check it does not hold/,
    );
    expect((found[0]?.text ?? '').length).toBeLessThanOrEqual(200);
    // A heading whose paragraph goes on from it on the next line, in lower case: read as the title's second line.
    const heading = 'Update on the parish noticeboards';
    const after =
      'and the signs the clerk had ordered as chosen by Cllr Collins at the last meeting, with the image of the sign at the top of the board shown for approval';
    const title = `${heading} ${after}`;
    expect(warnings(`${HEAD}1. Apologies\nNone.\n\n2. ${heading}\n${after}\n\n3. Close\nClosed.`)).toEqual([
      {
        item: 2,
        message: `Item 2’s title is ${title.length} characters long: check its first paragraph was not taken for the title.`,
        text: title,
      },
    ]);
  });

  it('says when a RESOLVED or an ACTION marker gave nothing, quoting it', () => {
    const found = warnings(
      `${HEAD}1. Apologies\nNone.\n\n2. Finance\nThe accounts were discussed.\n\nRESOLVED:\n\n3. Close\nClosed.`,
    );
    expect(found).toEqual([
      {
        item: 2,
        message: 'A decision marker in item 2 gave no resolution: check the resolution was not lost.',
        text: 'RESOLVED:',
      },
    ]);
    const action = warnings(
      `${HEAD}1. Footpaths\nThe path by the church is overgrown.\nACTION: write to the county council about the path.`,
    );
    expect(action).toEqual([
      {
        item: 1,
        message: 'An ACTION marker in item 1 gave no action: check the action was not lost.',
        text: 'ACTION: write to the county council about the path.',
      },
    ]);
  });

  it('takes a RESOLVED that heads what was done for information for no decision marker', () => {
    expect(
      warnings(
        `${HEAD}1. Matters Arising\n\nResolved: (For information only)\n\nWeight Restriction: the sign was correct.\n\n2. Finance\n\nResolved: (1) That the accounts be accepted.`,
      ),
    ).toEqual([]);
  });

  it('puts the warnings in the --dry-run report', () => {
    const report = dryRunReport(parseMinutesText(`${HEAD}1. Apologies\nNone.\n\n3. Finance\nText.`));
    expect(report.warnings).toEqual([
      { item: 3, message: 'The items go from 1 to 3: check no item was missed in between.', text: '3. Finance' },
    ]);
  });
});
