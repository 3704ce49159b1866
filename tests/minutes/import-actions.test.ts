import { describe, expect, it } from 'vitest';
import { parseMinutesText } from '../../src/features/minutes/import/parse';

/**
 * Actions where minutes give tasks in prose, with no ACTION lines at all:
 * "Clerk to write to…", "Cllr Crisp agreed to contact…", one action each,
 * never a passive with nobody named ("Payment to be approved").
 */
const actionsOf = (body: string[]) =>
  parseMinutesText(['Present: Cllr A Smith, Cllr B Jones', '', '1. Business', ...body].join('\n')).items[0]?.actions ??
  [];

describe('reading tasks given in prose', () => {
  it('reads each task with its owners, from the verb on', () => {
    expect(
      actionsOf([
        'The footpath is still blocked. Clerk to email Highways about footpath 6. Cllr Crisp agreed to contact Mr Rolph and request a quote. HR to circulate the draft to all councillors.',
      ]).map((a) => ({ owners: a.owners, description: a.description, from: a.descriptionFrom })),
    ).toEqual([
      { owners: ['Clerk'], description: 'To email Highways about footpath 6.', from: 'sentence' },
      { owners: ['Cllr Crisp'], description: 'To contact Mr Rolph and request a quote.', from: 'sentence' },
      { owners: ['HR'], description: 'To circulate the draft to all councillors.', from: 'sentence' },
    ]);
  });

  it('reads a task given inside a sentence to the clerk, a councillor or initials, not to a bare word', () => {
    expect(
      actionsOf([
        'After discussion the council agreed to complete the form and for CM to return to SCDC. It was agreed for Members to consider it.',
      ]).map((a) => ({ owners: a.owners, description: a.description })),
    ).toEqual([{ owners: ['CM'], description: 'To return to SCDC.' }]);
  });

  it('reads a task in the passive on an ACTIONS line as an action with no owner, and a marker inside a paragraph', () => {
    expect(
      actionsOf([
        'ACTIONS: Cllr Crisp to manage order of no dog fouling signs. Payment to be approved at next meeting.',
        '',
        'All agreed that Mr Bergin should be appointed. ACTION: Clerk to appoint Mr Bergin.',
      ]).map((a) => ({ owners: a.owners, description: a.description })),
    ).toEqual([
      { owners: ['Cllr Crisp'], description: 'To manage order of no dog fouling signs.' },
      { owners: [], description: 'Payment to be approved at next meeting.' },
      { owners: ['Clerk'], description: 'To appoint Mr Bergin.' },
    ]);
  });

  it('reads tasks after a numbered label, after a comma and inside a resolution, not in a label ending in a colon', () => {
    // Items numbered "6/16", so the notes numbered 3, 5 are the item's own list.
    const actions = (body: string[]) =>
      parseMinutesText(
        [
          'Present: Cllr A Smith',
          '',
          '6/16 Matters Arising',
          ...body,
          '',
          '7/16 Planning',
          'None.',
          '',
          '8/16 Close',
          'Closed.',
        ].join('\n'),
      ).items[0]?.actions ?? [];
    expect(
      actions([
        '3. SAM2 Sites Rota: HR to send Andy Wallace a rota of the SAM2 sites.',
        '',
        '5. Sunken Drain: This work was currently outstanding, HR to chase.',
        '',
        'Extension to dwelling and erection of garage, The Croft, Flegg Green:',
        '',
        'Resolved: (1) That HR to contact Alex Laver about the start date. Prop. GK, 2nd JB, All agreed.',
      ]).map((a) => ({ owners: a.owners, description: a.description })),
    ).toEqual([
      { owners: ['HR'], description: 'To send Andy Wallace a rota of the SAM2 sites.' },
      { owners: ['HR'], description: 'To chase.' },
      { owners: ['HR'], description: 'To contact Alex Laver about the start date.' },
    ]);
  });

  it('reads an "Action:" after a sentence, a "Clerk to action" line, and an owner then a verb without "to"', () => {
    expect(
      actionsOf([
        'Letter from NCC regarding support for parents. Action: Poster to be displayed on notice boards.',
        '',
        'Sign at the Old School is damaged.',
        '',
        'Clerk to action',
        '',
        'Action: Parish Clerk arrange meeting for 8th November and invite the Miles Brothers.',
      ]).map((a) => ({ owners: a.owners, description: a.description })),
    ).toEqual([
      { owners: [], description: 'Poster to be displayed on notice boards.' },
      { owners: ['Clerk'], description: 'To action' },
      { owners: ['Parish Clerk'], description: 'Arrange meeting for 8th November and invite the Miles Brothers.' },
    ]);
  });

  it('reads a task after a label and a dash to someone named, and "…, and if not, Cllr X agreed to action"', () => {
    expect(
      actionsOf([
        'Indigo Road - Cllr Martin Storey agreed to follow up issues with NCC internally. T1 Birch Trees - Dismantle to ground level.',
        '',
        'It was agreed to check with volunteers if they wanted to remove the guards, and if not, Cllr Donna Stocking agreed to action.',
      ]).map((a) => ({ owners: a.owners, description: a.description })),
    ).toEqual([
      { owners: ['Cllr Martin Storey'], description: 'To follow up issues with NCC internally.' },
      { owners: ['Cllr Donna Stocking'], description: 'To action.' },
    ]);
  });

  it('takes no passive with nobody named, and reads prose for tasks only where there are no ACTION lines', () => {
    expect(actionsOf(['Payment to be approved at the next meeting. It to be noted.'])).toEqual([]);
    // A ruling from the chair is not a task.
    expect(actionsOf(['The Chairman agreed to permit discussion as follows.'])).toEqual([]);
    // "Also" begins a sentence; it is nobody.
    expect(actionsOf(['Also to advise the allotment association that no container is needed.'])).toEqual([]);
    expect(
      actionsOf(['Clerk to write to the school.', 'ACTION: Chairman to write to the Trust.']).map((a) => a.owners),
    ).toEqual([['Chairman']]);
  });

  it('reads one action per task on an ACTIONS line, a sentence without an owner going on the task before it', () => {
    expect(
      actionsOf([
        'The wall was inspected.',
        'ACTIONS: Cllr Jenkinson to close the climbing wall and look into quotes. The quote should go to Mr. Smith. Clerk to send a letter of thanks to Mr Lavender.',
      ]).map((a) => ({ owners: a.owners, description: a.description })),
    ).toEqual([
      {
        owners: ['Cllr Jenkinson'],
        description: 'To close the climbing wall and look into quotes. The quote should go to Mr. Smith.',
      },
      { owners: ['Clerk'], description: 'To send a letter of thanks to Mr Lavender.' },
    ]);
  });
});
