/** Words and sentences as minutes write them: what every part of the importer reads text with. */
import { dateFromParts } from '../../../lib/forms';

export const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

/** "5", "November", "2020" → '2020-11-05', or null for a day the month does not have ("31 June"): as a form's date boxes are read. */
export function calendarDate(day: string, month: string, year: string): string | null {
  const read = dateFromParts({ day, month, year }, 'Date');
  return read.ok ? read.value : null;
}

/** Words a title keeps in lower case ("Declarations of Interest", "To Approve the Minutes"). */
export const SMALL_WORDS = new Set(
  'a an and as at by for from in into of on or per the to via with within without vs v'.split(' '),
);
/** Words that begin the sentence after a title on the same line ("Apologies The Council noted…"). */
export const SENTENCE_STARTS = new Set(
  'the a an it this there these members councillors cllr councillor mr mrs ms dr he she they we all no none apologies council clerk chair chairman'.split(
    ' ',
  ),
);

/** A word in lower case that is not one a title keeps small ("of", "the"): a sign of a sentence, not a heading. */
export const ownLowerCase = (w: string) => /^\p{Ll}/u.test(w) && !SMALL_WORDS.has(w);

/** A word ended by the full stop of an abbreviation, not of a title ("Mr.", "No."). */
export const ABBREVIATION =
  /^(?:Mr|Mrs|Ms|Dr|Cllr|Cllrs|Rev|Revd|St|No|Nos|Co|Ltd|Inc|Prof|Sgt|Insp|PC|Apr|Aug|Dec|Feb|Jan|Jun|Jul|Mar|Nov|Oct|Sep|Sept)\.$/;

/** A paragraph's sentences, each trimmed (a last one without a full stop included). */
export function sentencesOf(text: string): string[] {
  // A full stop inside a word or a number ("£175.00", "e.g") does not end a sentence.
  return (text.match(/(?:[^.!?]|[.!?](?=[^\s.!?]))+(?:[.!?]+(?=\s|$)|$)/g) ?? [])
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

/** A line of prose, not of names: several words in lower case that are not roles or joining words. */
export function isSentence(text: string): boolean {
  const lower = text
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter((w) => /^\p{Ll}{3,}/u.test(w) && !SMALL_WORDS.has(w) && !/^(?:and|chair\w*|clerk|vice|present)$/i.test(w));
  return lower.length >= 2;
}

export function endsSentence(s: string): boolean {
  return /[.!?:;"”’)]$/.test(s);
}

export const NAME_PARTICLES = new Set(['de', 'van', 'von', 'der', 'le', 'la', 'da', 'di', 'du', 'of']);
