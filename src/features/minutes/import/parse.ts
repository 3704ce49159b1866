/**
 * Reads plain-text minutes in the common English council layout — a heading
 * with the date and times, "Members present", "Others in attendance",
 * "Apologies", then numbered items with their narrative, "RESOLVED:" blocks
 * and "ACTION:" lines — into structured minutes.
 *
 * Pure: text in, structure out, no database. Nothing is dropped: text it
 * cannot place stays in the item's minute text and is listed in `unplaced`;
 * page furniture it leaves out ("Agenda Item 3", "Page 7") is listed in
 * `setAside`; what it could not read at all is said in `problems`.
 */
import { parseTime } from '../../../lib/forms';
import type { ResolutionOutcome } from '../../../lib/enums';
import { checkMinutes, type ItemSeen } from './checks';
import {
  ABBREVIATION,
  calendarDate,
  MONTHS,
  SENTENCE_STARTS,
  SMALL_WORDS,
  endsSentence,
  isSentence,
  ownLowerCase,
  sentencesOf,
} from './text';
import {
  ABSENT_IN_TEXT,
  APOLOGIES_IN_TEXT,
  APOLOGY_SENT,
  ATTENDED_IN_TEXT,
  ROLE_LEAD,
  attendanceEntries,
  looksLikeName,
  namesAhead,
  personMatches,
  readAttendee,
  splitList,
} from './attendance';
import {
  ACCEPTANCE,
  AGREED_THAT,
  AGREED_TO,
  MAY_DECIDE,
  TO_ACTION,
  narrativeDecisions,
  readTask,
  splitTasks,
  tasksIn,
} from './tasks';
import { readDeclarations } from './declarations';
import type { ParsedItem, ParsedMinutes, ParsedResolution } from './types';
export type {
  MinutesEncoding,
  ParsedAction,
  ParsedAttendee,
  ParsedDeclaration,
  ParsedItem,
  ParsedMinutes,
  ParsedResolution,
} from './types';

/** The largest file the importer reads. */
export const MAX_IMPORT_BYTES = 1024 * 1024;

const OUTCOME_WORDS: Record<string, ResolutionOutcome> = {
  NOTED: 'NOTED',
  NOTE: 'NOTED',
  AGREED: 'AGREED',
  AGREE: 'AGREED',
  APPROVED: 'APPROVED',
  APPROVE: 'APPROVED',
  RECEIVED: 'RECEIVED',
  RECEIVE: 'RECEIVED',
  DELEGATED: 'DELEGATED',
  DELEGATE: 'DELEGATED',
  RECOMMENDED: 'RECOMMENDED',
  RECOMMEND: 'RECOMMENDED',
  RECOMMENDS: 'RECOMMENDED',
  DISCUSSED: 'DISCUSSED',
  ENDORSED: 'ENDORSED',
  ENDORSE: 'ENDORSED',
  DEFERRED: 'DEFERRED',
  DEFER: 'DEFERRED',
  REFERRED: 'REFERRED',
  REFER: 'REFERRED',
  REJECTED: 'REJECTED',
  REJECT: 'REJECTED',
};

/** The outcome a resolution states: its first word in capitals from the list, or "be noted" and the like. */
export function outcomeOf(text: string): ResolutionOutcome | null {
  for (const word of text.match(/\b[A-Z]{4,}\b/g) ?? []) {
    const outcome = OUTCOME_WORDS[word];
    if (outcome) return outcome;
  }
  const lower =
    /\b(?:be|was|were|is|are|been)\s+(noted|agreed|approved|received|delegated|recommended|discussed|endorsed|deferred|referred|rejected)\b/i.exec(
      text,
    );
  return lower?.[1] ? (OUTCOME_WORDS[lower[1].toUpperCase()] ?? null) : null;
}

/** How an uploaded file's text was had: decoded as plain text, or read from a Word document or a PDF. */

export const EMPTY_MINUTES = (): ParsedMinutes => ({
  committee: null,
  date: null,
  startedAt: null,
  endedAt: null,
  venue: null,
  attendance: { present: [], inAttendance: [], apologies: [], absent: [] },
  declarations: [],
  items: [],
  setAside: [],
  problems: [],
  warnings: [],
  encoding: null,
});

/** Decodes an uploaded file, or says why it is not plain text. */
export function decodeMinutesFile(
  bytes: Uint8Array,
): { text: string; encoding: 'utf-8' | 'windows-1252' } | { problem: string } {
  if (bytes.length === 0) return { problem: 'The file is empty.' };
  if (bytes.length > MAX_IMPORT_BYTES)
    return {
      problem: 'The file is larger than 1 MB: minutes as plain text are far smaller. Check it is the right file.',
    };
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  if (head.startsWith('%PDF')) {
    return {
      problem:
        'This is a PDF, not plain text. Open it, copy the text of the minutes into a plain-text (.txt) file or paste it into the box, and import that.',
    };
  }
  if (head.startsWith('PK\u0003\u0004')) {
    return {
      problem:
        'This looks like a Word or other Office document, not plain text. Save the minutes as “Plain Text (.txt)” and import that.',
    };
  }
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i] ?? 0;
    if (b === 0)
      return {
        problem:
          'This is not a plain-text file (it holds binary data). Save the minutes as plain text (.txt) and import that.',
      };
    if (b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13) control++;
  }
  if (control > sample.length * 0.01) {
    return {
      problem:
        'This is not a plain-text file (it holds binary data). Save the minutes as plain text (.txt) and import that.',
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** Windows-1252's characters at 0x80–0x9F (curly quotes, dashes, €…); the rest is Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Node's TextDecoder reads "windows-1252" as Latin-1, losing the curly quotes Word puts in. */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? '') : String.fromCharCode(b);
  return out;
}

/** Parses an uploaded file: decoding, then `parseMinutesText`. */
export function parseMinutesFile(bytes: Uint8Array): ParsedMinutes {
  const decoded = decodeMinutesFile(bytes);
  if ('problem' in decoded) return { ...EMPTY_MINUTES(), problems: [decoded.problem] };
  const parsed = parseMinutesText(decoded.text);
  return { ...parsed, encoding: decoded.encoding };
}

interface Line {
  text: string;
  indented: boolean;
  blank: boolean;
}

const BULLET = /^(?:[•●▪◦‣∙·\u2022\uf0b7\uf0a7*]|-|–|o(?=\s))\s*/;
// Page furniture: "Agenda Item 3", "Page 2 of 9", and the item markers a ModernGov printed-minutes export leaves ("<AI1>").
const FURNITURE = [/^agenda item(?:\s+\d+[a-z]?)?$/i, /^page\s+\d+(?:\s+of\s+\d+)?$/i, /^<\/?[a-z]{1,4}\d*>$/i];
const RESOLVED =
  /^RESOLVED\b\s*(?:[:.\-–]\s*)?(?:that\s*[:,-]?\s*)?(.*)$|^Resolved\s*[:\-–]\s*(?:that\s*[:,-]?\s*)?(.*)$/;
/** "AGREED:" or "DECISION –" opening a line: a decision, as a RESOLVED is. */
const DECISION_MARKER = /^(?:AGREED|DECISION)\b\s*[:.\-–]/;
/** A line with an action marker, at its start or in mid-paragraph ("… ACTIONS: Clerk to …"). */
const hasActionMarker = (text: string) => ACTION.test(text) || /\bACTIONS?\s*[:\-–]/.test(text);
const ACTION = /^ACTIONS?(?:\s+BY)?\s*[:\-–]\s*(.*)$|^Actions?(?:\s+by)?\s*:\s*(.*)$/;
/** A time of day as minutes write it: "10.00 am", "7pm", "1.24 p.m.", "14:30". */
const TIME = String.raw`\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?`;

const SECTIONS: { key: keyof ParsedMinutes['attendance'] | 'ignored'; pattern: RegExp }[] = [
  // Members of the public given only as a number are not counted.
  { key: 'ignored', pattern: /^(?:members of the public|public)\b\s*[:–—-]?\s*(\d*.*)$/i },
  {
    key: 'inAttendance',
    pattern:
      /^(?:others in attendance|also,? in attendance|also present|in attendance|officers present|officers in attendance|officers)\b\s*:?\s*(.*)$/i,
  },
  {
    key: 'present',
    pattern:
      /^(?:members present|councillors present|committee members|members|present|attendees|attendance)\b\s*:?\s*(.*)$/i,
  },
  { key: 'apologies', pattern: /^(?:apologies for absence|apologies received|apologies)\b\s*:?\s*(.*)$/i },
  { key: 'absent', pattern: /^(?:members absent|absent)\b\s*:?\s*(.*)$/i },
];

/** Parses minutes already decoded to text. */
export function parseMinutesText(input: string): ParsedMinutes {
  const result = EMPTY_MINUTES();
  const text = input
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n')
    .replace(/\u00a0/g, ' ')
    .replace(/\t/g, ' ');
  if (text.trim() === '') {
    result.problems.push('The file is empty.');
    return result;
  }
  const lines: Line[] = text
    .split('\n')
    .map((raw) => ({ text: raw.trim().replace(/\s+/g, ' '), indented: /^\s/.test(raw), blank: raw.trim() === '' }));
  const width = wrapWidth(lines);
  splitRunOnHeadings(lines);

  // Where the numbered items start; text after a title on its number's line is the item's first paragraph.
  const { starts, passedOver } = findItemStarts(lines, width);
  for (let k = starts.length - 1; k >= 0; k--) {
    const start = starts[k];
    if (!start?.rest) continue;
    lines.splice(start.line + 1, 0, { text: start.rest, indented: false, blank: false }, BLANK_LINE);
    for (const later of starts.slice(k + 1)) later.line += 2;
    for (const later of passedOver) if (later.line > start.line) later.line += 2;
  }
  if (starts.length === 0) {
    result.problems.push(
      'No numbered items were found. The importer reads items numbered 1, 2, 3… each on its own line or before its title (like “1. Apologies”). Nothing was imported as items; all the text is kept below.',
    );
    // The date, times and attendance are still read from what there is.
    readPreamble(lines, result, true);
    result.warnings = checkMinutes(result, []);
    const all = lines.filter((l) => !l.blank).map((l) => l.text);
    result.items.push({
      number: 1,
      title: 'Minutes',
      minuteText: escapeMarkdown(all.join('\n')),
      resolutions: [],
      actions: [],
      unplaced: [all.join(' ')],
    });
    return result;
  }

  // Minutes that mark their decisions with RESOLVED and their tasks with ACTION are read for those; others for
  // decisions and tasks in prose.
  const markers = {
    resolutions: lines.some((l) => RESOLVED.test(l.text)),
    actions: lines.some((l) => hasActionMarker(l.text)),
  };
  const preambleUnplaced = readPreamble(lines.slice(0, starts[0]?.line ?? 0), result);

  const seen: ItemSeen[] = [];
  const itemBodies = new Map<ParsedItem, string[]>();
  starts.forEach((start, i) => {
    const end = starts[i + 1]?.line ?? lines.length;
    const item = readItem(lines, start, end, width, result, i === 0 ? preambleUnplaced : [], markers);
    result.items.push(item);
    const body = lines.slice(start.line + 1, end).map((l) => l.text);
    itemBodies.set(
      item,
      body.map((t) => t.trim()).filter((t) => t !== ''),
    );
    seen.push({
      // "Resolved: (For information only)" heads what was done, not a decision to find.
      resolutionMarkers: body.filter((t) => (RESOLVED.test(t) || DECISION_MARKER.test(t)) && !headsInformation(t)),
      actionMarkers: body.filter(hasActionMarker),
      passedOver: passedOver.filter((p) => p.line > start.line && p.line < end),
    });
  });

  // Apologies minuted only inside an item ("Apologies were received from Cllrs Tarry, Ogden and Johnson."):
  // where the heading lists none, the item is the record of them.
  if (result.attendance.apologies.length === 0) {
    const addApologies = (entries: string[]) => {
      for (const entry of attendanceEntries(entries)) {
        const attendee = readAttendee(entry);
        if (attendee) result.attendance.apologies.push(attendee.person);
      }
    };
    for (const item of result.items) {
      // "1. Apologies for absence" followed by the names alone ("Mrs S Hyde."), a line each.
      const body = itemBodies.get(item) ?? [];
      if (/^apologies\b/i.test(item.title) && body.length > 0 && body.every((l) => !isSentence(l) && l.length <= 200))
        addApologies(body);
      for (const m of item.minuteText.matchAll(APOLOGIES_IN_TEXT)) addApologies([namesAhead(m[1] ?? '')]);
      // "Absent TN illness and PD holiday which was accepted": under the apologies item, each name with its reason.
      if (/^apologies\b/i.test(item.title))
        for (const sentence of sentencesOf(item.minuteText)) {
          const absent = /^Absent\s*[:–—-]?\s+(.+?)(?:,?\s+which\s+(?:was|were)\s+accepted)?\.?$/.exec(sentence);
          if (!absent?.[1]) continue;
          const names = splitList(absent[1]).map(
            (part) => /^(?:\p{Lu}[\p{L}.'’-]*\s*)+?(?=\s+\p{Ll}|$)/u.exec(part)?.[0],
          );
          addApologies(names.filter((n): n is string => n !== undefined && n.trim() !== ''));
        }
      for (const m of item.minuteText.matchAll(APOLOGY_SENT)) addApologies([m[1] ?? '']);
    }
  }

  const listed = (name: string) =>
    Object.values(result.attendance).some((list) => list.some((a) => personMatches(a.name, name)));
  // "Victoria Gray, Chair of the Wereham Village Hall Charity attended the Parish Council to provide an
  // update": in attendance, where no list has them.
  for (const item of result.items)
    for (const m of item.minuteText.includes('attended') ? item.minuteText.matchAll(ATTENDED_IN_TEXT) : [])
      if (m[1] && !listed(m[1]))
        result.attendance.inAttendance.push({
          name: m[1],
          role: m[2]?.trim() || null,
          virtual: false,
          substituteFor: null,
        });
  // "It was noted that S Thurlow was away": absent, where no list says otherwise.
  for (const item of result.items)
    for (const m of /\b(?:away|absent)\b/.test(item.minuteText) ? item.minuteText.matchAll(ABSENT_IN_TEXT) : [])
      if (m[1] && !listed(m[1]))
        result.attendance.absent.push({ name: m[1], role: null, virtual: false, substituteFor: null });

  // "Duration of Meeting: 7.10 p.m. to 7.15 p.m." (ModernGov's last item).
  const duration = new RegExp(`duration of meeting\\s*:?\\s*(${TIME})\\s*(?:to|-|–)\\s*(${TIME})`, 'i').exec(text);
  if (duration?.[1] && duration[2]) {
    result.startedAt ??= clockTime(duration[1]);
    result.endedAt ??= clockTime(duration[2]);
  }
  if (!result.endedAt) {
    const closed =
      /\b(?:meeting\s+)?(?:closed|ended|concluded|finished|terminated)(?:\s+the\s+meeting)?\s+at\s+(\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?)/i.exec(
        text,
      );
    result.endedAt = closed?.[1] ? clockTime(closed[1]) : null;
  }
  const total =
    result.attendance.present.length +
    result.attendance.apologies.length +
    result.attendance.inAttendance.length +
    result.attendance.absent.length;
  if (total === 0)
    result.problems.push(
      'No attendance was found: the importer looks for “Members present”, “Others in attendance” and “Apologies” before the first item.',
    );
  if (!result.date) result.problems.push('The date of the meeting was not found in the heading.');
  result.warnings = checkMinutes(result, seen);
  return result;
}

/**
 * A heading that starts right after the previous item's last words, on the same line ("… Delegated Decision
 * 201/20 To Receive an update on the Bluebell Campaign The Chair …"): in minutes whose items are numbered
 * with their year ("196/20"), a number of that year missing from the line starts, followed by a capitalised
 * word, begins a line of its own. Changes the lines in place.
 */
function splitRunOnHeadings(lines: Line[]): void {
  const atStart = lines.map((l) => /^(\d{1,4})\/(\d{2})\s+\p{Lu}/u.exec(l.text)).filter((m) => m !== null);
  const years = new Map<string, Set<number>>();
  for (const m of atStart) {
    const year = m[2] ?? '';
    years.set(year, (years.get(year) ?? new Set()).add(Number(m[1])));
  }
  for (const [year, numbers] of years) {
    if (numbers.size < 3) continue;
    const max = Math.max(...numbers);
    const min = Math.min(...numbers);
    const heading = new RegExp(String.raw`^(.{20,}?\S)\s+((\d{1,4})\/${year}\s+\p{Lu}.*)$`, 'u');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (!line || line.blank) continue;
      const inside = heading.exec(line.text);
      const n = Number(inside?.[3]);
      if (!inside?.[1] || !inside[2] || numbers.has(n) || n < min || n > max) continue;
      // Only where the number fills a gap between the items before and after it.
      if (!numbers.has(n - 1) && !numbers.has(n + 1)) continue;
      lines.splice(i, 1, { ...line, text: inside[1] }, BLANK_LINE, { ...line, text: inside[2], indented: false });
      numbers.add(n);
    }
  }
}

/** The width lines were wrapped at: a line much shorter than it ends its paragraph. */
function wrapWidth(lines: Line[]): number {
  const lengths = lines
    .map((l) => l.text.length)
    .filter((n) => n >= 30)
    .sort((a, b) => a - b);
  if (lengths.length === 0) return 80;
  return lengths[Math.floor(lengths.length * 0.9)] ?? 80;
}

const BLANK_LINE: Line = { text: '', indented: false, blank: true };

interface ItemStart {
  line: number;
  number: number;
  /** The title when on the same line as the number ("1. Apologies"). */
  inlineTitle: string | null;
  /** The text after the title on the number's line ("1. PUBLIC FORUM Reference to…"): the item's first paragraph. */
  rest?: string;
}

function titleLike(s: string | undefined): boolean {
  return (
    s !== undefined &&
    s.length > 0 &&
    s.length <= 200 &&
    /^[A-Z0-9“"‘'(]/.test(s) &&
    !RESOLVED.test(s) &&
    !ACTION.test(s)
  );
}

function nextNonBlank(lines: Line[], from: number): number {
  let i = from;
  while (i < lines.length && lines[i]?.blank) i++;
  return i;
}

/**
 * An item's number as minutes write it: "3", "3.", "3)", "Item 3", "Minute
 * No. 45", a minute number running through the year ("233", "1201") or with
 * its year ("196/20", "1/16"). A sub-item ("7.1", "(a)", "i.") never is one.
 */
const ITEM_PREFIX = String.raw`(?:item\s+|minute\s+(?:no\.?\s*)?|min\.\s*)?`;
/** "1-0607/8": the item, then the council year. */
const YEAR_SUFFIX = String.raw`(?:-\d{2,4}\/\d{1,4})?`;
const ITEM_ALONE = new RegExp(String.raw`^${ITEM_PREFIX}(\d{1,4})(\/\d{1,4})?${YEAR_SUFFIX}[.:)]?$`, 'i');
const ITEM_INLINE = new RegExp(
  String.raw`^${ITEM_PREFIX}(\d{1,4})(\/\d{1,4})?${YEAR_SUFFIX}(?:[.:)]|\s[-–—])?\s+(\S.*)$`,
  'i',
);
const DATE_AFTER = new RegExp(String.raw`^(?:st|nd|rd|th)?\b\s*(?:${MONTHS})\b`, 'i');

/**
 * A title in capitals, then the text: the words without a lower-case letter (a bracket or a dash may
 * follow: kept), going on in lower case up to the sentence ("TO APPROVE … THE MEETING held 7th February
 * 2017 The minutes were …", "PARISH NOTICEBOARDS – update and sign off design The Clerk …"). Null when
 * the capitals are all there is; undefined when the line does not begin with capitals.
 */
function splitCapitals(words: string[]): { title: string; rest: string } | null | undefined {
  const capitals = (w: string) => /\p{Lu}/u.test(w) && !/\p{Ll}/u.test(w);
  let n = 0;
  while (n < words.length && (capitals(words[n] ?? '') || /^[\d&–—\-:/()]+$/.test(words[n] ?? ''))) n++;
  if (!(n >= 2 || (n === 1 && (words[0] ?? '').length >= 4))) return undefined;
  if (n >= words.length) return null;
  const lower = (w: string | undefined) => w !== undefined && ownLowerCase(w);
  // A sentence begins at a word that often starts one, followed by one in lower case or by a name and then one.
  const sentenceAt = (k: number) =>
    SENTENCE_STARTS.has((words[k] ?? '').toLowerCase()) &&
    /^\p{Lu}/u.test(words[k] ?? '') &&
    (lower(words[k + 1]) || lower(words[k + 2]));
  let end = n;
  if (lower(words[n]))
    for (let k = n + 1; k < Math.min(words.length - 1, n + 10); k++)
      if (sentenceAt(k)) {
        end = k;
        break;
      }
  return {
    title: words
      .slice(0, end)
      .join(' ')
      .replace(/[\s:–—-]+$/, ''),
    rest: words.slice(end).join(' '),
  };
}

/**
 * A long numbered line is a title followed by the item's text ("1. PUBLIC
 * FORUM Reference to…", "196/20 Openness and Transparency Notice The Chair
 * read…"): the title is the run of capitals, or of capitalised words, before
 * the first sentence. Null when the line does not begin with a title.
 */
function splitTitle(line: string): { title: string; rest: string } | null {
  const words = line.split(' ');
  const capitalised = splitCapitals(words);
  if (capitalised !== undefined) return capitalised;
  const lower = (w: string | undefined) => w !== undefined && ownLowerCase(w);
  // A short title ended by its own full stop or colon, then a sentence ("Finance. It was agreed to pay …").
  for (let k = 0; k < Math.min(words.length - 1, 6); k++) {
    const w = words[k] ?? '';
    if (lower(w)) break;
    if (/^\p{Lu}\p{L}+[.:]$/u.test(w) && !ABBREVIATION.test(w) && /^\p{Lu}/u.test(words[k + 1] ?? ''))
      return {
        title: words
          .slice(0, k + 1)
          .join(' ')
          .replace(/[.:]$/, ''),
        rest: words.slice(k + 1).join(' '),
      };
  }
  // A title in title case, then a sentence: the sentence begins at a capitalised word followed by a
  // lower-case one ("… Sign(s) Three prices had been …"), or by a name and then one ("… Members Cllr
  // Trudy Mann declared …").
  for (let k = 2; k < words.length - 1; k++) {
    const w = words[k] ?? '';
    if (!/^\p{Lu}/u.test(w) || SMALL_WORDS.has((words[k - 1] ?? '').toLowerCase())) continue;
    const starts = SENTENCE_STARTS.has(w.toLowerCase());
    if (lower(words[k + 1]) || (starts && (lower(words[k + 2]) || lower(words[k + 3])))) {
      // A title has no lower-case word of its own, but small ones ("to", "of") and a few in a phrase.
      const title = words.slice(0, k);
      if (title.filter((t) => lower(t)).length > 3) break;
      return { title: title.join(' '), rest: words.slice(k).join(' ') };
    }
  }
  // "To Confirm the Date of the Next Meeting – Wednesday 6 January 2021 at 7 pm, …": the title before a dash.
  const dash = line.search(/\s[–—-]\s/);
  if (dash > 0 && dash <= 150) return { title: line.slice(0, dash), rest: line.slice(dash + 3) };
  return null;
}

/** How much a title reads like a heading, not a sentence of a list: 2 for no lower-case word of its own, 0 for many. */
function headingWeight(title: string | null): number {
  if (title === null) return 2;
  const own = title.split(' ').slice(1).filter(ownLowerCase).length;
  return own === 0 ? 2 : own <= 2 ? 1 : 0;
}

interface ItemCandidate extends ItemStart {
  /** How its number is written: items of one document are numbered alike. */
  style: string;
  /** The number after a slash ("1006/134": the minute 134 of June 2010's meeting). */
  second?: number;
}

function itemCandidate(lines: Line[], i: number, width: number): ItemCandidate | null {
  const line = lines[i];
  if (!line || line.blank || FURNITURE.some((f) => f.test(line.text))) return null;
  const alone = ITEM_ALONE.exec(line.text);
  const inline = alone ? null : ITEM_INLINE.exec(line.text);
  const m = alone ?? inline;
  const number = Number(m?.[1] ?? NaN);
  if (!m || !Number.isInteger(number) || number < 1) return null;
  const style = `${/^\d/.test(line.text) ? '' : (/^\D+/.exec(line.text)?.[0] ?? '').toLowerCase().replace(/\W/g, '')}${m[2] ? '/' : ''}${/^\d+-\d/.test(line.text) ? '-' : ''}`;
  const second = m[2] ? { second: Number(m[2].slice(1)) } : {};
  if (alone) {
    const next = nextNonBlank(lines, i + 1);
    if (!titleLike(lines[next]?.text) || ITEM_ALONE.test(lines[next]?.text ?? '')) return null;
    return { line: i, number, inlineTitle: null, style, ...second };
  }
  const text = m[3] ?? '';
  // "10 September 2020 …", "2020 Annual Report": a date or a year, not an item.
  if (DATE_AFTER.test(text) || (!m[2] && number >= 1900 && number <= 2099 && /^\d{4}\s/.test(line.text))) return null;
  if (!titleLike(text.slice(0, 200))) return null;
  // An item's number begins a heading: after a blank line, a heading, or a sentence's end, not mid-paragraph.
  // Where lines are not wrapped (a paragraph a line), every line ends its paragraph.
  const prev = lines[i - 1];
  if (
    width <= 150 &&
    prev &&
    !prev.blank &&
    !FURNITURE.some((f) => f.test(prev.text)) &&
    !/[.:!?)]$/.test(prev.text) &&
    prev.text.length >= 40
  )
    return null;
  // "Allotment: 005/24 – 2 applications …", "Finance:006/24:": the title, then the year's minute reference.
  const reference = /^([^:]{2,120}?):\s*\d{1,4}\/\d{2,4}\s*(?:[:–—-]\s*|\s+|$)(.*)$/.exec(text);
  if (reference?.[1] && titleLike(reference[1]))
    return {
      line: i,
      number,
      inlineTitle: reference[1],
      ...(reference[2] ? { rest: reference[2] } : {}),
      style,
      ...second,
    };
  // A short heading in capitals, then a sentence of its own: the title and the item's first paragraph.
  const capitalised = endsSentence(text) ? splitCapitals(text.split(' ')) : undefined;
  if (capitalised && isSentence(capitalised.rest) && /^\p{Lu}/u.test(capitalised.rest))
    return { line: i, number, inlineTitle: capitalised.title, rest: capitalised.rest, style, ...second };
  // "To Receive Declarations of Interest from Members Cllr Trudy Mann declared an interest …": a title, then a
  // sentence that begins with a name or a word that begins sentences.
  const titled = endsSentence(text) && isSentence(text) ? splitTitle(text) : null;
  if (
    titled &&
    titled.title.split(' ').length >= 2 &&
    SENTENCE_STARTS.has((titled.rest.split(' ')[0] ?? '').toLowerCase()) &&
    isSentence(titled.rest)
  )
    return { line: i, number, inlineTitle: titled.title, rest: titled.rest, style, ...second };
  if (text.length <= 150 && !/[,;]$/.test(text) && !/[a-z]{2}(?:[.!?]|:\s)\s*\p{Lu}/u.test(text))
    return { line: i, number, inlineTitle: text, style, ...second };
  const split = splitTitle(text);
  if (!split)
    return text.length <= 150 && !/[,;]$/.test(text) ? { line: i, number, inlineTitle: text, style, ...second } : null;
  return { line: i, number, inlineTitle: split.title, rest: split.rest, style, ...second };
}

/**
 * The items: of every line that could begin one, the longest run numbered
 * alike and rising (by at most 25 at a step, so a list or a date inside an
 * item, or a number in a page title, never takes the place of the items).
 */
function findItemStarts(lines: Line[], width: number): { starts: ItemStart[]; passedOver: PassedOver[] } {
  const candidates: ItemCandidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    const c = itemCandidate(lines, i, width);
    if (c) candidates.push(c);
  }
  // "1006/134": the meeting's reference, then its minute number. Read both ways; the run that rises wins.
  for (const c of [...candidates])
    if (c.second !== undefined && c.second >= 1) candidates.push({ ...c, number: c.second, style: `${c.style}#` });
  let best: ItemCandidate[] = [];
  let bestScore = -1;
  for (const style of new Set(candidates.map((c) => c.style))) {
    const group = candidates.filter((c) => c.style === style);
    // The best run ending at each candidate: its score (items, then consecutive steps) and the one before.
    const score: number[] = [];
    const before: number[] = [];
    group.forEach((c, k) => {
      const own = 100 + headingWeight(c.inlineTitle);
      score[k] = own;
      before[k] = -1;
      for (let j = 0; j < k; j++) {
        const p = group[j];
        if (!p || c.number <= p.number || c.number - p.number > 25) continue;
        const s = (score[j] ?? 0) + own + (c.number - p.number === 1 ? 1 : 0);
        if (s > (score[k] ?? 0)) {
          score[k] = s;
          before[k] = j;
        }
      }
      // A run that starts at 1 is the more likely.
      if (before[k] === -1 && c.number === 1) score[k] = own + 1;
    });
    score.forEach((s, k) => {
      if (s <= bestScore) return;
      bestScore = s;
      const run: ItemCandidate[] = [];
      for (let j = k; j !== -1; j = before[j] ?? -1) if (group[j]) run.unshift(group[j] as ItemCandidate);
      best = run;
    });
  }
  // Lines numbered like the items, within them, but not in the run: their numbers go backwards or repeat.
  const first = best[0]?.line ?? 0;
  const style = best[0]?.style;
  const outside = candidates.filter((c) => c.style === style && c.line > first && !best.includes(c));
  // A heading of its own ("6. Planning", a short title alone on its line) numbered again after a later
  // item is an item misnumbered in the minutes ("… 8. Correspondence, 6. Planning, 7. Finance, 11. …"),
  // not a list: it is read as an item, and the numbers going backwards are flagged for the clerk.
  const misnumbered = outside.filter((c) => {
    const previous = best.filter((b) => b.line < c.line).at(-1);
    return (
      previous !== undefined &&
      c.number > 1 &&
      c.number <= previous.number &&
      c.rest === undefined &&
      c.inlineTitle !== null &&
      c.inlineTitle.length <= 60 &&
      headingWeight(c.inlineTitle) === 2 &&
      !/[,;:]$/.test(c.inlineTitle) &&
      (lines[c.line - 1]?.blank ?? true)
    );
  });
  const items = [...best, ...misnumbered].sort((a, b) => a.line - b.line);
  const passedOver = outside
    .filter((c) => !misnumbered.includes(c))
    .map((c) => ({ line: c.line, number: c.number, text: lines[c.line]?.text ?? '' }));
  return { starts: items.map(({ style: _style, second: _second, ...start }) => start), passedOver };
}

/** A line numbered like an item's heading that is not one of the items. */
interface PassedOver {
  line: number;
  number: number;
  text: string;
}

/** The heading and the attendance lists; returns lines it could not place. */
function readPreamble(lines: Line[], result: ParsedMinutes, wholeDocument = false): string[] {
  const unplaced: string[] = [];
  let section: keyof ParsedMinutes['attendance'] | 'ignored' | null = null;
  let buffer: string[] = [];
  const flush = () => {
    if (section && section !== 'ignored' && buffer.length > 0) {
      for (const entry of attendanceEntries(buffer)) {
        const attendee = readAttendee(entry);
        if (!attendee) continue;
        // Words that are not a name ("We talked about the budget"): kept, not made a person.
        if (!looksLikeName(attendee.person.name)) {
          unplaced.push(entry);
          continue;
        }
        // An officer or the clerk named among those present is in attendance, not a member present.
        const to = section === 'present' && attendee.officer ? 'inAttendance' : section;
        // A name listed twice by a slip ("P Summers (PS), …, P Summers (PS)") is one person.
        if (result.attendance[to].some((a) => a.name === attendee.person.name)) continue;
        result.attendance[to].push(attendee.person);
      }
    }
    buffer = [];
  };
  const heading: string[] = [];
  for (const line of lines) {
    if (line.blank) {
      continue;
    }
    if (FURNITURE.some((f) => f.test(line.text))) {
      result.setAside.push(line.text);
      continue;
    }
    const sectionMatch = SECTIONS.map((s) => ({ key: s.key, m: s.pattern.exec(line.text) })).find((s) => s.m);
    if (
      sectionMatch?.m &&
      (line.text.length < 200 || /^[^:;]{2,40}[:;]/.test(line.text)) &&
      !/\bheld on\b/i.test(line.text)
    ) {
      flush();
      section = sectionMatch.key;
      if (sectionMatch.m[1]) buffer.push(sectionMatch.m[1]);
      continue;
    }
    // "One member of public – Claire Hanson Homefromhome": a member of the public named is in attendance
    // (first and last name; what follows is whom they came for).
    const publicNamed = /^(?:\w+\s+)?members?\s+of\s+(?:the\s+)?public\s*[–—:-]\s*(.+)$/i.exec(line.text);
    if (publicNamed?.[1]) {
      flush();
      section = null;
      for (const entry of splitList(publicNamed[1])) {
        const named = /^(\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+)(?:\s+(.+))?$/u.exec(entry);
        if (named?.[1])
          result.attendance.inAttendance.push({
            name: named[1],
            role: named[2] ?? null,
            virtual: false,
            substituteFor: null,
          });
      }
      continue;
    }
    // No label: "Councillors D Risk (Chairman), P Summers …" lists the members; "Parish Clerk and RFO A M
    // Hounsell", the clerk.
    const members = /^(?:Councillors|Cllrs\.?)\s+(\p{Lu}.*)$/u.exec(line.text);
    if (members?.[1] && !isSentence(members[1]) && result.attendance.present.length === 0) {
      flush();
      section = 'present';
      buffer.push(members[1]);
      continue;
    }
    const officer = ROLE_LEAD.exec(line.text);
    if (officer?.[1] && officer[2] && !isSentence(officer[2])) {
      flush();
      section = null;
      result.attendance.inAttendance.push({ name: officer[2], role: officer[1], virtual: false, substituteFor: null });
      continue;
    }
    if (section) {
      // "Councillor Whiteley attended the meeting under Procedure Rule 1.37 (b)": in attendance.
      const attended = /^(?:Councillors?|Cllrs?\.?)\s+(.+?)\s+(?:also\s+)?attended\b/.exec(line.text);
      if (attended?.[1]) {
        flush();
        result.attendance.inAttendance.push({ name: attended[1], role: null, virtual: false, substituteFor: null });
        continue;
      }
      // A sentence ends the list ("The panel met at the Civic Centre.", "There was 1 member of the public.", "The
      // Chairman of the Council (Cllr Kendal) in the Chair.": no name begins with "The").
      if (isSentence(line.text) || /^the\s/i.test(line.text)) {
        flush();
        section = null;
        if (!/\bmembers? of the public\b/i.test(line.text)) heading.push(line.text);
        continue;
      }
      buffer.push(line.text);
      continue;
    }
    if (/^(.+?)\s+minutes$/i.test(line.text) && !result.committee) {
      result.committee = line.text.replace(/\s+minutes$/i, '');
      continue;
    }
    heading.push(line.text);
  }
  flush();

  const joined = heading.join(' ');
  if (joined !== '') {
    // "5 November 2020", "2nd January 2020", "18 th June 2010", "9 May, 2018".
    const date = new RegExp(`(\\d{1,2})\\s?(?:st|nd|rd|th)?\\s+(${MONTHS})\\s*,?\\s+(\\d{4})`, 'i').exec(joined);
    if (date) {
      result.date = calendarDate(date[1] ?? '', date[2] ?? '', date[3] ?? '');
    }
    const started =
      /\b(?:commenc\w*|start\w*|began|begin\w*)\s+at\s+(\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?)/i.exec(
        joined,
      );
    const ended =
      /\b(?:conclud\w*|clos\w*|end\w*|finish\w*)\s+at\s+(\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?)/i.exec(
        joined,
      );
    // Else the first time of day the heading gives ("… 12 April 2016 at 6.30 pm", "8pm THURSDAY 18 SEPTEMBER").
    const anyTime =
      started || wholeDocument ? null : /\b(\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.))(?![a-z])/i.exec(joined);
    result.startedAt = started?.[1] ? clockTime(started[1]) : anyTime?.[1] ? clockTime(anyTime[1]) : null;
    result.endedAt = ended?.[1] ? clockTime(ended[1]) : null;
    const venue = /\bheld\b.*?\b(?:in|at)\s+([^,]*?[A-Za-z][^,]*?)\s*,\s*(?:commenc|start|on\s)/i.exec(joined);
    result.venue = venue?.[1]?.trim() || null;
    const understood = /\bminutes of the\b|\bheld\b/i.test(joined);
    if (!understood) unplaced.push(joined);
  }
  return unplaced;
}

/** "10.00 am", "1.24 p.m.", "14:30", "10am" → 'HH:MM', as the forms read times. */
function clockTime(raw: string): string | null {
  return parseTime(raw.replace(/\.(?=m\.?$)|(?<=m)\.$/gi, ''));
}

/** A unit of an item's body: a paragraph, a list entry, a RESOLVED or an ACTION block. */
interface Unit {
  kind: 'text' | 'bullet' | 'resolved' | 'action';
  text: string;
  /** Blank line before it. */
  afterBlank: boolean;
}

function readItem(
  lines: Line[],
  start: ItemStart,
  end: number,
  width: number,
  result: ParsedMinutes,
  carried: string[],
  markers: { resolutions: boolean; actions: boolean },
): ParsedItem {
  let i = start.line + 1;
  let title = start.inlineTitle ?? '';
  if (!start.inlineTitle) {
    i = nextNonBlank(lines, i);
    title = lines[i]?.text ?? '';
    i++;
  }
  // A title wrapped onto a second line that starts in lower case (not the text split off its line).
  while (!start.rest && i < end && !lines[i]?.blank && /^[a-z]/.test(lines[i]?.text ?? '') && !endsSentence(title)) {
    title += ` ${lines[i]?.text ?? ''}`;
    i++;
  }
  // Drop the table-header furniture that precedes the next item's number.
  let last = end;
  while (last > i && (lines[last - 1]?.blank || FURNITURE.some((f) => f.test(lines[last - 1]?.text ?? '')))) {
    const l = lines[last - 1];
    if (l && !l.blank) result.setAside.push(l.text);
    last--;
  }

  const units = toUnits(lines.slice(i, last), width, result);
  const item: ParsedItem = {
    number: start.number,
    title: title.trim(),
    minuteText: '',
    resolutions: [],
    actions: [],
    unplaced: [...carried],
  };
  // An item that is one sentence, its own decision ("1203 Minutes of the meeting held on the 4th November were
  // approved and signed by the chairman."): the sentence is the title and the resolution.
  if (start.inlineTitle && !start.rest && !markers.resolutions && endsSentence(item.title) && isSentence(item.title))
    for (const text of narrativeDecisions(item.title).decisions)
      item.resolutions.push({ text, outcome: outcomeOf(text) ?? 'AGREED' });
  const paragraphs: string[] = carried.map((c) => escapeMarkdown(c));
  // An item's own RESOLVED, not one that heads what was done "for information only".
  const ownResolved = units.some(
    (u) => u.kind === 'resolved' && !FOR_INFORMATION.test(u.text.replace(BULLET, '').trim()),
  );
  let inResolutionBlock = false;
  let awaitingResolution = false;
  let listAfter: ParsedResolution | null = null;
  let lastText = '';

  for (const unit of units) {
    if (unit.kind === 'resolved') {
      inResolutionBlock = true;
      awaitingResolution = unit.text === '';
      if (unit.text === '') continue;
      if (!addResolution(item, unit.text, !markers.actions)) {
        paragraphs.push(escapeMarkdown(`RESOLVED: ${unit.text}`));
      }
      continue;
    }
    if (unit.kind === 'action') {
      inResolutionBlock = false;
      // "ACTIONS: Cllr Crisp to manage quotes. Clerk to send a letter of thanks.": one action per task.
      const tasks = splitTasks(unit.text);
      const action = readTask(tasks[0] ?? unit.text, lastText);
      if (action) item.actions.push(action, ...tasks.slice(1).flatMap((t) => readTask(t, '') ?? []));
      else {
        item.unplaced.push(`ACTION: ${unit.text}`.trim());
        paragraphs.push(escapeMarkdown(`ACTION: ${unit.text}`.trim()));
      }
      continue;
    }
    // "That the following dates be agreed:" goes on in the lines it introduces ("21 June 2018").
    if (listAfter && !isSentence(unit.text)) {
      listAfter.text += `\n${unit.text}`;
      continue;
    }
    listAfter = null;
    // "RESOLVED:" alone, its text after a blank line: the first paragraph after it is the resolution.
    if (awaitingResolution) {
      awaitingResolution = false;
      if (addResolution(item, unit.text, !markers.actions)) {
        listAfter = /:$/.test(unit.text.trim()) ? (item.resolutions.at(-1) ?? null) : null;
        continue;
      }
    }
    if (inResolutionBlock && !unit.afterBlank && (outcomeOf(unit.text) !== null || unit.kind === 'bullet')) {
      if (addResolution(item, unit.text, !markers.actions)) continue;
    }
    inResolutionBlock = false;
    if (/^\d{1,3}$/.test(unit.text)) item.unplaced.push(unit.text);
    // A decision minuted as narrative ("It was resolved to…", "Proposed by…, seconded by…, all in favour"), in
    // minutes that mark none with RESOLVED: a resolution, and the rest of the paragraph stays the minute.
    // Minutes that mark their decisions RESOLVED: a decision in prose is one where the body agreed to do
    // something ("It was agreed to review quarterly", "Councillors agreed to note the email"), or, in an item
    // with no RESOLVED of its own, where its vote is minuted with it ("… were agreed as a true and accurate
    // record. Prop. GK, 2nd JR, All agreed."). "It was agreed that an email would be circulated" is narrative
    // where the minutes mark their tasks with ACTION, since what was agreed is minuted as the ACTION after it;
    // in minutes with no ACTION lines, and in an item with no RESOLVED of its own, it is the only record of
    // the decision ("It was agreed that JR would investigate the mole hills"), and so a resolution.
    const agreedThat = !markers.actions && !ownResolved;
    const keep = markers.resolutions
      ? (decision: string, voted: boolean) =>
          AGREED_TO.test(decision) || (voted && !ownResolved) || (agreedThat && AGREED_THAT.test(decision))
      : undefined;
    // (Where neither can be, the paragraph is not read for decisions at all: most of a long document.)
    const mayDecide = !markers.resolutions || MAY_DECIDE.test(unit.text) || (agreedThat && AGREED_THAT.test(unit.text));
    const decided = unit.kind === 'text' && mayDecide ? narrativeDecisions(unit.text, keep) : null;
    if (!markers.actions) item.actions.push(...tasksIn(unit.text));
    // "Apologies … were provided for Cllr F Eglington. This was accepted.": accepting apologies is no resolution.
    if (decided && /\bapolog|\babsence\b/i.test(item.title))
      decided.decisions = decided.decisions.filter((d) => !ACCEPTANCE.test(d));
    if (decided && decided.decisions.length > 0) {
      for (const text of decided.decisions) item.resolutions.push({ text, outcome: outcomeOf(text) ?? 'AGREED' });
      if (decided.rest !== '') paragraphs.push(escapeMarkdown(decided.rest));
    } else {
      paragraphs.push(unit.kind === 'bullet' ? `- ${escapeMarkdown(unit.text)}` : escapeMarkdown(unit.text));
    }
    lastText = unit.text;
    for (const d of readDeclarations(unit.text, start.number, /declarations?\s+of\s+interest/i.test(item.title)))
      result.declarations.push(d);
  }
  // A RESOLVED heading with nothing the importer could read after it.
  if (inResolutionBlock && item.resolutions.length === 0 && units.some((u) => u.kind === 'resolved' && u.text === '')) {
    item.unplaced.push('RESOLVED:');
    paragraphs.push('RESOLVED:');
  }
  item.minuteText = joinParagraphs(paragraphs);
  return item;
}

/** "(For information only)": what a RESOLVED heads that is not a decision. */
const FOR_INFORMATION = /^\(?for information(?: only)?\)?\.?$/i;
/** A RESOLVED line that heads such a list ("Resolved: (For information only)"). */
const headsInformation = (line: string) => FOR_INFORMATION.test(line.replace(/^\W*resolved\s*[:.\-–]?\s*/i, '').trim());

/** A RESOLVED block is a resolution whatever its verb ("be elected", "be thanked"): agreed, unless it says otherwise. */
function addResolution(item: ParsedItem, text: string, readTasks = false): boolean {
  const cleaned = text.replace(BULLET, '').trim();
  if (cleaned === '') return false;
  // "Resolved: (For information only)" heads a list of what was done, not a decision.
  if (FOR_INFORMATION.test(cleaned)) return false;
  item.resolutions.push({ text: cleaned, outcome: outcomeOf(cleaned) ?? 'AGREED' });
  // In minutes without ACTION lines, a resolution may give the task ("(1) That HR to contact Alex Laver …",
  // "… HR to action.").
  if (readTasks) item.actions.push(...tasksIn(cleaned.replace(/^\(\w{1,3}\)\s*(?:That\s+)?/, '')));
  return true;
}

/** Markdown: list entries stay together, paragraphs are separated by a blank line. */
function joinParagraphs(paragraphs: string[]): string {
  let out = '';
  paragraphs.forEach((p, i) => {
    if (i === 0) out = p;
    else if (p.startsWith('- ') && paragraphs[i - 1]?.startsWith('- ')) out += `\n${p}`;
    else out += `\n\n${p}`;
  });
  return out;
}

/** Escapes what safe Markdown would read as emphasis or a list, where the minutes meant it literally. */
function escapeMarkdown(s: string): string {
  return s
    .replace(/([*_\\`])/g, '\\$1')
    .replace(/^(\d+)([.)])(\s)/, '$1\\$2$3')
    .replace(/^([-+])(\s)/, '\\$1$2');
}

function toUnits(given: Line[], width: number, result: ParsedMinutes): Unit[] {
  // "… All agreed that Mr Bergin should be appointed. ACTION: Clerk to appoint Mr Bergin.": a marker after a
  // sentence, inside a paragraph, begins the action there.
  const lines = given.flatMap((line) => {
    const m = /action/i.test(line.text)
      ? /^(.*?[.!?])\s+(ACTIONS?\s*[:\-–]\s*\S.*|Actions?:\s*\S.*)$/.exec(line.text)
      : null;
    return m?.[1] && m[2] && !ACTION.test(line.text)
      ? [
          { ...line, text: m[1] },
          { ...line, text: m[2] },
        ]
      : [line];
  });
  const units: Unit[] = [];
  let current: Unit | null = null;
  let sawBlank = false;
  const close = () => {
    if (current) units.push({ ...current, text: current.text.trim() });
    current = null;
  };
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (!line) continue;
    if (line.blank) {
      close();
      sawBlank = true;
      continue;
    }
    if (FURNITURE.some((f) => f.test(line.text))) {
      result.setAside.push(line.text);
      continue;
    }
    const resolved = RESOLVED.exec(line.text);
    // "Clerk to action" on a line of its own is an action line, as "Action: Clerk" is.
    const action = ACTION.exec(line.text) ?? (TO_ACTION.test(line.text) ? [line.text, line.text] : null);
    const bullet = BULLET.test(line.text) && line.text.length > 2;
    if (resolved || action || bullet) {
      close();
      current = resolved
        ? { kind: 'resolved', text: resolved[1] ?? resolved[2] ?? '', afterBlank: sawBlank }
        : action
          ? { kind: 'action', text: action[1] ?? action[2] ?? '', afterBlank: sawBlank }
          : { kind: 'bullet', text: line.text.replace(BULLET, ''), afterBlank: sawBlank };
    } else if (current === null) {
      current = { kind: 'text', text: line.text, afterBlank: sawBlank };
    } else {
      (current as Unit).text += ` ${line.text}`;
    }
    sawBlank = false;
    // Does this line end its paragraph?
    const next = lines[k + 1];
    const shortLine = line.text.length < width * 0.8;
    const c = current as Unit;
    if (c.kind === 'resolved' && c.text === '') {
      // "RESOLVED:" on a line of its own: what follows are the resolutions.
      close();
      continue;
    }
    if (!next || next.blank) continue;
    const nextStartsLower = /^[a-z(]/.test(next.text);
    if (nextStartsLower) continue;
    if (c.kind === 'action') {
      // An ACTION is one line, unless its last words wrapped onto a short line of their own.
      const after = lines[k + 2];
      const wrappedTail =
        !endsSentence(line.text) &&
        next.text.length < width * 0.4 &&
        (!after || after.blank || /^[A-Z]/.test(after.text));
      if (!wrappedTail) close();
      continue;
    }
    if ((endsSentence(line.text) && shortLine) || line.text.length < width * 0.6) close();
  }
  close();
  return units;
}

/** What `--dry-run` prints: what was read, for people and tools to check. */
export function dryRunReport(parsed: ParsedMinutes) {
  return {
    committee: parsed.committee,
    date: parsed.date,
    startedAt: parsed.startedAt,
    endedAt: parsed.endedAt,
    venue: parsed.venue,
    attendance: parsed.attendance,
    declarations: parsed.declarations,
    items: parsed.items.map((item) => ({
      number: item.number,
      title: item.title,
      resolutions: item.resolutions,
      actions: item.actions.map((a) => ({
        owners: a.owners,
        text: a.description,
        descriptionFrom: a.descriptionFrom,
        dueDate: a.dueDate,
      })),
      unplaced: item.unplaced,
      minuteText: item.minuteText,
    })),
    setAside: parsed.setAside,
    problems: parsed.problems,
    warnings: parsed.warnings,
  };
}
