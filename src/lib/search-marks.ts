import { escapeXml } from './xml';

/** What the index puts around each matched word in a title or snippet (control characters no record contains). */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/** Marked text as HTML: the matched words in <mark>, everything else escaped. */
export function markedHtml(text: string): string {
  return text
    .split(MARK_START)
    .map((part, i) => {
      const end = i === 0 ? -1 : part.indexOf(MARK_END);
      if (end < 0) return escapeXml(part.replaceAll(MARK_END, ''));
      return `<mark>${escapeXml(part.slice(0, end))}</mark>${escapeXml(part.slice(end + 1).replaceAll(MARK_END, ''))}`;
    })
    .join('');
}
