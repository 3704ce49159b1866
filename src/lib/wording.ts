import { formatCalendarDate, formatDate } from './dates';
import { DECLARATION_KIND_LABELS, listInWords } from './labels';
import { exemptNotice } from './schedule12a';
import type { DeclarationKind } from './enums';

/** A declaration of interest as the minutes read it; a null nature is withheld (sensitive, in public). */
export interface DeclarationWords {
  name: string;
  itemNumber: number | null;
  itemTitle: string | null;
  kind: DeclarationKind;
  nature: string | null;
  sensitive: boolean;
  withdrew: boolean;
  dispensation: string | null;
}

/** An action as the minutes read it. */
export interface ActionWords {
  owners: string[];
  description: string;
  /** 'YYYY-MM-DD', London. */
  dueDate: string | null;
}

/**
 * The sentences minutes are read in, written once for the page, the PDF and
 * the version diff.
 */

/** "A Turner, B Jones (substituting for C Brown) and D Smith (attended virtually)". */
export function attendeeNames(people: { name: string; virtual?: boolean; substituteFor?: string | null }[]): string {
  return listInWords(
    people.map(
      (p) =>
        p.name +
        (p.substituteFor ? ` (substituting for ${p.substituteFor})` : '') +
        (p.virtual ? ' (attended virtually)' : ''),
    ),
  );
}

/** One declaration of interest as minuted; a withheld nature is said to be withheld. */
export function declarationSentence(d: DeclarationWords): string {
  const where = d.itemNumber === null ? '' : ` (item ${d.itemNumber}${d.itemTitle ? `, ${d.itemTitle}` : ''})`;
  const what =
    d.nature === null
      ? 'The nature of the interest is not published because it is sensitive.'
      : `${d.nature}${d.sensitive ? ' (Sensitive: not published.)' : ''}`;
  const left = d.withdrew ? 'Left the meeting for the item.' : 'Remained in the meeting.';
  return `${d.name}${where}: ${DECLARATION_KIND_LABELS[d.kind]}. ${what} ${left}${d.dispensation ? ` Dispensation: ${d.dispensation}` : ''}`;
}

/** "ACTION: Mr A Turner/Ms F Cayley: To visit." with its due date. */
export function actionLine(a: ActionWords): string {
  return `${a.owners.join('/')}: ${a.description}${a.dueDate ? ` (by ${formatCalendarDate(a.dueDate)})` : ''}`;
}

/** What stands for an item's content when it is withheld. */
export function withheldNotice(item: { exemptParagraph: number | null }): string {
  return item.exemptParagraph === null ? '' : exemptNotice(item.exemptParagraph);
}

/** "Approved as a correct record at the meeting of Thursday 7 January 2021." */
export function approvalSentence(approvedAtMeeting: { startsAt: Date } | null): string {
  return approvedAtMeeting
    ? `Approved as a correct record at the meeting of ${formatDate(approvedAtMeeting.startsAt)}.`
    : 'Approved as a correct record.';
}

/** Where a meeting was held, after "held on <date>": " at County Hall", " via MS Teams", " online". */
export function venuePhrase(venue: string | null): string {
  const v = venue?.trim();
  if (!v) return '';
  // A venue already written with its preposition ("via MS Teams", "at the Oculus", "online") keeps it.
  return /^(via|at|in|on|online|by)\b/i.test(v) ? ` ${v}` : ` at ${v}`;
}
