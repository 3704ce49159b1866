import { describe, expect, it } from 'vitest';
import { parseMinutesText } from '../../src/features/minutes/import/parse';

/**
 * Attendance as councils list it: labels alone or inline, one name a line or
 * one long line, roles and notes taken off the name and kept as its role, the
 * clerk named among those present counted as in attendance, and a list that
 * ends where the prose begins.
 */
const read = (preamble: string[]) => {
  const { attendance } = parseMinutesText([...preamble, '', '1. Apologies', 'None.'].join('\n'));
  const names = (list: { name: string }[]) => list.map((a) => a.name);
  return {
    present: names(attendance.present),
    inAttendance: names(attendance.inAttendance),
    apologies: names(attendance.apologies),
    roles: attendance.present.map((a) => a.role),
  };
};

describe('reading who attended', () => {
  it('reads one name a line, with its role after a dash, and the clerk in attendance', () => {
    expect(
      read([
        'Present: Mrs Claire Cann - Chair',
        '',
        'Ms Alison Richardson - Vice-Chair',
        '',
        'Mr Russell Drew',
        '',
        'In Attendance: Ms Lindsay Goward - Clerk',
        '',
        'Cllr Rockcliffe',
        '',
        '29 members of the public',
      ]),
    ).toEqual({
      present: ['Mrs Claire Cann', 'Ms Alison Richardson', 'Mr Russell Drew'],
      inAttendance: ['Ms Lindsay Goward', 'Cllr Rockcliffe'],
      apologies: [],
      roles: ['Chair', 'Vice-Chair', null],
    });
  });

  it('reads one long line with roles in brackets, the clerk after a comma, and ends at the prose', () => {
    expect(
      read([
        'PRESENT: Cllr R. Crisp (Chairman), Cllr A. Collins (Vice Chairman), Cllr S. Leet , Cllr M Peake and Mrs N Cooper, Clerk.',
        'Also present: Cllr Martin Storey – Norfolk County Council',
        'There was 1 member of the public.',
      ]),
    ).toEqual({
      present: ['Cllr R. Crisp', 'Cllr A. Collins', 'Cllr S. Leet', 'Cllr M Peake'],
      inAttendance: ['Mrs N Cooper', 'Cllr Martin Storey'],
      apologies: [],
      roles: ['Chairman', 'Vice Chairman', null, null],
    });
  });

  it('reads a collective prefix, "in the chair", honours, and a councillor attending under a procedure rule', () => {
    expect(
      read([
        'PRESENT: Councillor Robinson in the chair.',
        'Councillors Wilson (Vice-Chair), Allcock, Jawaid MBE and Ogg.',
        'Councillor Whiteley attended the meeting in accordance with the provisions of Procedure Rule 1.37 (b).',
        'The panel met at the Civic Centre, Scunthorpe.',
      ]),
    ).toEqual({
      present: ['Councillor Robinson', 'Wilson', 'Allcock', 'Jawaid', 'Ogg'],
      inAttendance: ['Whiteley'],
      apologies: [],
      roles: ['Chair', 'Vice-Chair', null, 'MBE', null],
    });
  });

  it('reads names each after "Cllr" with nothing between, and a table of names, initials and roles', () => {
    expect(
      read(['Present: Cllr Sue Lintern (Chair) Cllr Kit Hesketh-Harvey (Vice-Chair) Cllr Gail Reeve']).present,
    ).toEqual(['Cllr Sue Lintern', 'Cllr Kit Hesketh-Harvey', 'Cllr Gail Reeve']);
    expect(
      read([
        'Attendance:',
        'Cllr Jo Bruce JB Chairperson',
        'Cllr Brian Bruce BB',
        'Nicola Cooper NC Parish Clerk',
        'Members of the Public: 45',
      ]),
    ).toEqual({
      present: ['Cllr Jo Bruce', 'Cllr Brian Bruce'],
      inAttendance: ['Nicola Cooper'],
      apologies: [],
      roles: ['Chairperson', null],
    });
  });

  it('counts apologies minuted only inside an item', () => {
    const { attendance } = parseMinutesText(
      [
        'Present: Councillors Russell (Chairman), Cannon and Cooke',
        '',
        '1. Apologies for Absence',
        'Apologies for absence were received from Councillors Harper, Kehily and Parfitt-Reid.',
      ].join('\n'),
    );
    expect(attendance.apologies.map((a) => a.name)).toEqual(['Harper', 'Kehily', 'Parfitt-Reid']);
  });

  it('reads apologies sent, and those absent for a reason given under the apologies item', () => {
    const { attendance } = parseMinutesText(
      [
        'Present: Cllrs Drury (Chair), Cllrs Unwin, Jeram',
        '',
        '1. Apologies and reasons for absence: 002/24: Absent TN illness and PD holiday which was accepted. Cllr Kendrick sent his apology.',
        '',
        '2. Finance',
        'It was agreed that the accounts be paid.',
      ].join('\n'),
    );
    expect(attendance.apologies.map((a) => a.name)).toEqual(['TN', 'PD', 'Cllr Kendrick']);
  });

  it('reads apologies sent to an inbox, and accepting them is not a resolution', () => {
    const parsed = parseMinutesText(
      [
        'Present: Cllr A Smith',
        '',
        '1. ACCEPTANCE OF APOLOGIES FOR ABSENCE Apologies of absence were provided for Cllr F Eglington. This was accepted. Note from Clerk that emailed apologies were sent to the Northwold inbox from Cllr C Anderson prior to the meeting but not seen until afterwards.',
      ].join('\n'),
    );
    expect(parsed.attendance.apologies.map((a) => a.name)).toEqual(['Cllr F Eglington', 'Cllr C Anderson']);
    expect(parsed.items[0]?.resolutions).toEqual([]);
  });

  it('reads a table row whose role has an "and", someone minuted as attending, and a note of who chaired', () => {
    const parsed = parseMinutesText(
      [
        'Attendance:',
        '',
        'Cllr Jo Bruce                 JB        Chairperson',
        '',
        'Also in attendance:',
        '',
        'Cllr Colin Sampson        CS       Borough Council of King’s Lynn and West Norfolk',
        '',
        'Apologies',
        '',
        'Cllr O’Sullivan',
        '',
        'The Chairman of the Council (Cllr Kendal) in the Chair.',
        '',
        '1/16 Village Hall Update',
        'Victoria Gray, Chair of the Wereham Village Hall Charity attended the Parish Council to provide an update.',
      ].join('\n'),
    );
    expect(parsed.attendance.present.map((a) => [a.name, a.role])).toEqual([['Cllr Jo Bruce', 'Chairperson']]);
    expect(parsed.attendance.inAttendance.map((a) => [a.name, a.role])).toEqual([
      ['Cllr Colin Sampson', 'Borough Council of King’s Lynn and West Norfolk'],
      ['Victoria Gray', 'Chair of the Wereham Village Hall Charity'],
    ]);
    expect(parsed.attendance.apologies.map((a) => a.name)).toEqual(['Cllr O’Sullivan']);
  });

  it('reads a councillor run into the officer after them, and people with what they represent', () => {
    const parsed = parseMinutesText(
      [
        'Present: Cllr Sue Lintern (Chair) Cllr Trudy Mann Cllr Donna Stocking Helen Richardson (Parish Clerk and Financial Responsible Person)',
        '',
        'Also, in Attendance Public – 2 Cllr Martin Storey, Norfolk County Council Cllr Colin Sampson, BCKLWN Stephen Ward, Chair, and Ian Lury of the Bluebell Pub Campaign',
        '',
        '196/20 Openness and Transparency Notice The Chair read the notice.',
        '',
        '197/20 Apologies The Council noted that Cllr Mandy Leamon was absent, though apologies had not been received.',
      ].join('\n'),
    );
    expect(parsed.attendance.present.map((a) => a.name)).toEqual([
      'Cllr Sue Lintern',
      'Cllr Trudy Mann',
      'Cllr Donna Stocking',
    ]);
    expect(parsed.attendance.inAttendance.map((a) => [a.name, a.role])).toEqual([
      ['Helen Richardson', 'Parish Clerk and Financial Responsible Person'],
      ['Cllr Martin Storey', 'Norfolk County Council'],
      ['Cllr Colin Sampson', 'BCKLWN'],
      ['Stephen Ward', 'Chair'],
      ['Ian Lury', 'of the Bluebell Pub Campaign'],
    ]);
    expect(parsed.attendance.absent.map((a) => a.name)).toEqual(['Cllr Mandy Leamon']);
  });

  it('reads someone named as away as absent, unless a list has them', () => {
    const absent = (present: string) =>
      parseMinutesText(
        [
          `Present: ${present}`,
          '',
          '1. Welcome and Apologies.',
          'It was noted that S Thurlow was away and would not have received notice. The Chairman was absent from the photograph.',
        ].join('\n'),
      ).attendance.absent.map((a) => a.name);
    expect(absent('Cllr D Risk')).toEqual(['S Thurlow']);
    expect(absent('Cllr D Risk, Cllr S Thurlow')).toEqual([]);
  });

  it('reads a list with no label, the clerk on a line of her own, initials in brackets and a name listed twice', () => {
    const { attendance } = parseMinutesText(
      [
        'Minutes of a Meeting of the Council held at the Village Hall on Wednesday, 28 March 2007',
        '',
        'Councillors D Risk (Chairman) (DR), P Summers (PS), C McArthur (CM), P Summers (PS) and K Churchill (KC)',
        '',
        'Parish Clerk and RFO A M Hounsell',
        '',
        'One member of public – Claire Hanson Homefromhome',
        '',
        '1-0607/8 - Welcome and Apologies.',
        'The Chairman welcomed Councillors to the meeting.',
      ].join('\n'),
    );
    expect(attendance.present.map((a) => [a.name, a.role])).toEqual([
      ['D Risk', 'Chairman'],
      ['P Summers', null],
      ['C McArthur', null],
      ['K Churchill', null],
    ]);
    expect(attendance.inAttendance.map((a) => [a.name, a.role])).toEqual([
      ['A M Hounsell', 'Parish Clerk and RFO'],
      ['Claire Hanson', 'Homefromhome'],
    ]);
  });

  it('reads a role written before the name, after a dash or at the head of a list', () => {
    expect(
      read([
        'Present: Cllr Mr G. Hotchkin – Chairman, Cllrs J Frizzell, M Robinson and the Clerk – Adrian Illingworth',
        'In Attendance: Town Clerk, Mrs Jane Mills and Cllr Braund',
      ]),
    ).toEqual({
      present: ['Cllr Mr G. Hotchkin', 'J Frizzell', 'M Robinson'],
      inAttendance: ['Adrian Illingworth', 'Mrs Jane Mills', 'Cllr Braund'],
      apologies: [],
      roles: ['Chairman', null, null],
    });
  });

  it('reads an "Apologies" item whose text is the names alone, and nothing from its prose', () => {
    const names = (body: string[]) =>
      parseMinutesText(
        [
          'Members present:',
          '',
          'Dr J McCabe',
          '',
          'Mr D Charge',
          '',
          '1. Apologies for absence',
          '',
          ...body,
          '',
          '2. Finance',
          '',
          'Paid.',
        ].join('\n'),
      ).attendance.apologies.map((a) => a.name);
    expect(names(['Mrs S Hyde.'])).toEqual(['Mrs S Hyde']);
    expect(names(['Mr Malcolm Grief', '', 'Cllr P Jones and Cllr R Smith'])).toEqual([
      'Mr Malcolm Grief',
      'Cllr P Jones',
      'Cllr R Smith',
    ]);
    expect(names(['The chairman noted that all members were present this evening.'])).toEqual([]);
  });

  it('splits names at a full stop after a surname, not after an initial or a title', () => {
    const { attendance } = parseMinutesText(
      'Present: R Winter (Chairman), M. Burton, Mr. B. Hancock, A. Inglis. P. Drewery\n\n1201 Welcome\nThe Chairman welcomed all.',
    );
    expect(attendance.present.map((a) => a.name)).toEqual([
      'R Winter',
      'M. Burton',
      'Mr. B. Hancock',
      'A. Inglis',
      'P. Drewery',
    ]);
  });
});
