/**
 * The seven descriptions of exempt information in Part 1 of Schedule 12A to
 * the Local Government Act 1972, as the public sees them beside a withheld item.
 */
export const SCHEDULE_12A: Record<number, string> = {
  1: 'Information relating to any individual.',
  2: 'Information which is likely to reveal the identity of an individual.',
  3: 'Information relating to the financial or business affairs of any particular person (including the authority holding that information).',
  4: 'Information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter arising between the authority or a Minister of the Crown and employees of, or office holders under, the authority.',
  5: 'Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings.',
  6: 'Information which reveals that the authority proposes to give under any enactment a notice under or by virtue of which requirements are imposed on a person, or to make an order or direction under any enactment.',
  7: 'Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime.',
};

/** "Not for publication: paragraph 3 of Schedule 12A to the Local Government Act 1972." */
export function exemptNotice(paragraph: number): string {
  return `Not for publication: paragraph ${paragraph} of Schedule 12A to the Local Government Act 1972.`;
}

/** The paragraph numbers, 1 to 7. */
export const SCHEDULE_12A_PARAGRAPHS = Object.keys(SCHEDULE_12A).map(Number);

/** A form's paragraph field: '' (not exempt), a paragraph number, or null when it is neither. */
export function paragraphFromForm(value: string): number | '' | null {
  const v = value.trim();
  if (v === '') return '';
  return /^\d$/.test(v) && SCHEDULE_12A_PARAGRAPHS.includes(Number(v)) ? Number(v) : null;
}
