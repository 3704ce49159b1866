import { describe, expect, it } from 'vitest';
import { parseMinutesText } from '../../src/features/minutes/import/parse';

/**
 * Resolutions as councils minute them: RESOLVED blocks whatever their verb,
 * and, in minutes that use no RESOLVED markers, decisions in prose ("It was
 * resolved to…", "Proposed by…, seconded by…, all in favour"), one per
 * decision, never an opinion or an earlier decision referred to.
 */
const resolutionsOf = (body: string[]) =>
  parseMinutesText(['Present: Cllr A Smith, Cllr B Jones', '', '1. Business', ...body].join('\n')).items[0]
    ?.resolutions ?? [];

describe('reading resolutions', () => {
  it('reads a RESOLVED block of any verb, inline after a dash', () => {
    expect(resolutionsOf(['Resolved – That Councillor Russell be elected as Chairman for the year.'])).toEqual([
      { text: 'That Councillor Russell be elected as Chairman for the year.', outcome: 'AGREED' },
    ]);
  });

  it('reads decisions in prose, one per decision, a proposal’s seconder and vote joined to it', () => {
    const found = resolutionsOf([
      'The clerk reported on the grass cutting. It was resolved to accept the finance reports and note the budget figures. It was resolved to appoint a sub-committee to deal with the Burrows business.',
      '',
      'Two applications for allotments 1 and 4 have been received. Proposed by BD and seconded by JH that the allotment be let to Donna-Melody Boxall. Carried 4 for and 1 against. Motion carried.',
      '',
      'The minutes were approved by all Councillors present and signed by the Chairman.',
    ]);
    expect(found.map((r) => r.text)).toEqual([
      'It was resolved to accept the finance reports and note the budget figures.',
      'It was resolved to appoint a sub-committee to deal with the Burrows business.',
      'Proposed by BD and seconded by JH that the allotment be let to Donna-Melody Boxall. Carried 4 for and 1 against. Motion carried.',
      'The minutes were approved by all Councillors present and signed by the Chairman.',
    ]);
  });

  it('reads an item that is one sentence and its own decision, and minutes "agreed with corrections"', () => {
    const parsed = parseMinutesText(
      [
        'Present: R Winter (Chairman), M. Burton',
        '',
        '1203       Minutes of the meeting held on the 4th November were approved and signed by the chairman.',
        '',
        '1204       Proposed Removal of Station Road Public Phone Box.',
        '',
        'The clerk has written to oppose the removal.',
        '',
        '1205       Signing of the Minutes',
        '',
        'The minutes of the 10th July were agreed with the following corrections.',
        '',
        'The budget were agreed on 3 May and stand.',
      ].join('\n'),
    );
    expect(parsed.items.map((i) => i.resolutions.map((r) => r.text))).toEqual([
      ['Minutes of the meeting held on the 4th November were approved and signed by the chairman.'],
      [],
      ['The minutes of the 10th July were agreed with the following corrections.'],
    ]);
  });

  it('keeps the rest of the paragraph as the minute', () => {
    const item = parseMinutesText(
      [
        'Present: Cllr A Smith',
        '',
        '1. Finance',
        'The clerk reported on the accounts. It was agreed to transfer £12000 from the deposit account.',
      ].join('\n'),
    ).items[0];
    expect(item?.minuteText).toBe('The clerk reported on the accounts.');
    expect(item?.resolutions.map((r) => r.text)).toEqual([
      'It was agreed to transfer £12000 from the deposit account.',
    ]);
  });

  it('does not take an opinion, one person’s agreement, an earlier decision or work carried out for a resolution', () => {
    expect(
      resolutionsOf([
        'Councillors agreed that the report was clear. Cllr Jenkinson agreed that he would close the wall off. The order for the defibrillator had been placed as agreed at the February meeting. Approximately 200 deliveries a day were carried out in the area.',
      ]),
    ).toEqual([]);
    // Accepting apologies is not a resolution.
    expect(resolutionsOf(['Absent TN illness and PD holiday which was accepted.'])).toEqual([]);
  });

  it('reads "all were in agreement" and "all agreed that …" as decisions of their own, "all agreed." as a vote', () => {
    expect(
      resolutionsOf([
        'It was agreed that 5 signs would be needed. All agreed that Cllr Crisp should instruct this. Cllr Pointeer would be happy to set this up. All were in agreement that this should be set up.',
        '',
        'This was approved, all agreed.',
      ]).map((r) => r.text),
    ).toEqual([
      'It was agreed that 5 signs would be needed.',
      'All agreed that Cllr Crisp should instruct this.',
      'All were in agreement that this should be set up.',
      'This was approved, all agreed.',
    ]);
    expect(resolutionsOf(['The Council was in agreement that this was not the case.'])).toEqual([]);
  });

  it('reads a decision minuted without its subject ("Unanimously agree to purchase.")', () => {
    expect(
      resolutionsOf(['Claire highlighted the items to be purchased. Unanimously agree to purchase.']).map(
        (r) => r.text,
      ),
    ).toEqual(['Unanimously agree to purchase.']);
  });

  it('reads "the PC agreed", "were considered and agreed" and a proposal seconded as decisions', () => {
    expect(
      resolutionsOf([
        'The actions from the Allotment meeting of 28th June were considered and agreed. A plot has been let.',
        '',
        'AR proposed that she will negotiate with the BC based on the above figures. CC seconded this',
        '',
        'A donation was requested by Macmillan Cancer Support. The PC agreed not to assist as the policy is only to support local charities.',
      ]).map((r) => r.text),
    ).toEqual([
      'The actions from the Allotment meeting of 28th June were considered and agreed.',
      'AR proposed that she will negotiate with the BC based on the above figures. CC seconded this',
      'The PC agreed not to assist as the policy is only to support local charities.',
    ]);
  });

  it('reads a RESOLVED alone on its line, its text after a blank line, with the list it introduces', () => {
    const found = resolutionsOf([
      'Councillor Steele proposed that the date of 28 June be amended to 21 June 2018.',
      '',
      'RESOLVED:',
      '',
      'That the following dates (Thursdays at 9.30 am) be agreed for meetings in 2018/19:',
      '',
      '21 June 2018',
      '',
      '27 September 2018',
    ]);
    expect(found.map((r) => r.text)).toEqual([
      'That the following dates (Thursdays at 9.30 am) be agreed for meetings in 2018/19:\n21 June 2018\n27 September 2018',
    ]);
    // "Resolved: (For information only)" heads a list of what was done.
    expect(resolutionsOf(['Resolved: (For information only)', '', '1. Refund cheque: Had been arranged.'])).toEqual([]);
  });

  it('reads a decision in prose, minuted with its vote, in an item without RESOLVED of minutes that use it', () => {
    const text = [
      'Present: Cllr A Smith',
      '',
      '1. Minutes',
      'The minutes were agreed as a true and accurate record. Prop. GK, 2nd JR, All agreed.',
      '',
      '2. Public Health',
      'It was agreed that an email would be circulated requesting comments.',
      'ACTION: Clerk to circulate an email requesting comments',
      '',
      '3. Finance',
      'RESOLVED: That the accounts be approved.',
    ].join('\n');
    expect(parseMinutesText(text).items.map((i) => i.resolutions.map((r) => r.text))).toEqual([
      ['The minutes were agreed as a true and accurate record. Prop. GK, 2nd JR, All agreed.'],
      [],
      ['That the accounts be approved.'],
    ]);
  });

  it('reads the body agreeing to do something as a decision in minutes that use RESOLVED, not someone agreeing', () => {
    expect(
      resolutionsOf([
        'RESOLVED: That the tree be removed at £120 pending permissions.',
        '',
        'It was agreed to review quarterly the use of the laptop. Councillors agreed to note the contents of the email. The Parish Council thanked Mr Gott, they also agreed to pass thanks to Tom. The Clerk agreed to check the permissions.',
      ]).map((r) => r.text),
    ).toEqual([
      'That the tree be removed at £120 pending permissions.',
      'It was agreed to review quarterly the use of the laptop.',
      'Councillors agreed to note the contents of the email.',
    ]);
  });

  it('reads decisions in prose only where the minutes mark none with RESOLVED', () => {
    expect(
      resolutionsOf([
        'It was agreed that the Chairman would write to the Trust.',
        'RESOLVED: That the report be noted.',
      ]).map((r) => r.text),
    ).toEqual(['That the report be noted.']);
  });

  it('reads "It was agreed that …" as a decision only where it is the minutes’ sole record of it', () => {
    // Minutes that use RESOLVED and no ACTION lines, in an item whose RESOLVED heads what was done for
    // information: the agreement is the only record of the decision.
    const noActions = [
      'Present: Cllr A Smith, Cllr B Jones',
      '',
      '1/16 Matters Arising',
      '',
      'Resolved: (For information only)',
      '',
      '1. Molehills: NALC had advised on a sign. It was agreed that JR would investigate the mole hills. HR to investigate previous costs.',
      '',
      '2. Key Contacts List: a list would be made. It was agreed that it would be resolved by the AGM.',
      '',
      '2/16 Finance',
      '',
      'Resolved: (1) That the accounts be accepted.',
      '',
      'It was agreed that the Chair would sign the cheques.',
    ].join('\n');
    expect(parseMinutesText(noActions).items.map((i) => i.resolutions.map((r) => r.text))).toEqual([
      [
        'It was agreed that JR would investigate the mole hills.',
        'It was agreed that it would be resolved by the AGM.',
      ],
      ['(1) That the accounts be accepted.'],
    ]);
    // Minutes that mark their tasks with ACTION: what was agreed is minuted as the ACTION after it.
    const withActions = [
      'Present: Cllr A Smith, Cllr B Jones',
      '',
      '1. Annual Report',
      'It was agreed that an email would be circulated requesting comments on the report.',
      'ACTION: L Wheaton to circulate an email requesting feedback',
      '',
      '2. Minutes',
      'RESOLVED: That the minutes be agreed.',
    ].join('\n');
    expect(parseMinutesText(withActions).items.map((i) => i.resolutions.length)).toEqual([0, 1]);
  });
});
