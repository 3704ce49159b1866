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
import { DateTime } from 'luxon';
import { parseTime } from '../../../lib/forms';
import { splitOwners } from '../names';
import type { DeclarationKind, ResolutionOutcome } from '../../../lib/enums';
import { checkMinutes, type ImportWarning, type ItemSeen } from './checks';

export interface ParsedAttendee {
  /** As written ("Mrs E Wheaton", "Zoe McIntosh"). */
  name: string;
  /** What the list says of them besides the name ("Chairman", "Parish Clerk", "MBE"), as written. */
  role: string | null;
  virtual: boolean;
  substituteFor: string | null;
}

export interface ParsedResolution {
  text: string;
  outcome: ResolutionOutcome;
}

export interface ParsedAction {
  owners: string[];
  description: string;
  /**
   * Where the description came from: the ACTION line itself, the sentence before an "ACTION: owner"
   * line, or (in minutes with no ACTION lines) a sentence that gives someone a task ("Clerk to write…").
   */
  descriptionFrom: 'action line' | 'text before it' | 'sentence';
  /** 'YYYY-MM-DD' when the line says "by 31 January 2021". */
  dueDate: string | null;
}

export interface ParsedDeclaration {
  name: string;
  /** The item the interest relates to, when the minutes name one. */
  itemNumber: number | null;
  /** The item under which it was minuted. */
  minutedUnder: number;
  kind: DeclarationKind;
  /** False when the minutes do not say which kind: the kind is then a guess to check. */
  kindStated: boolean;
  nature: string;
  withdrew: boolean;
}

export interface ParsedItem {
  number: number;
  title: string;
  /** The narrative as safe Markdown: paragraphs and lists, RESOLVED and ACTION lines taken out. */
  minuteText: string;
  resolutions: ParsedResolution[];
  actions: ParsedAction[];
  /** Passages kept in the minute text that the importer could not turn into records. */
  unplaced: string[];
}

export interface ParsedMinutes {
  committee: string | null;
  /** 'YYYY-MM-DD'. */
  date: string | null;
  /** 'HH:MM', London. */
  startedAt: string | null;
  endedAt: string | null;
  venue: string | null;
  attendance: {
    present: ParsedAttendee[];
    inAttendance: ParsedAttendee[];
    apologies: ParsedAttendee[];
    absent: ParsedAttendee[];
  };
  declarations: ParsedDeclaration[];
  items: ParsedItem[];
  /** Lines left out as page furniture, shown so nothing vanishes unseen. */
  setAside: string[];
  /** What could not be read, in words for the clerk. */
  problems: string[];
  /** What was read but looks unlikely, per item, with the text concerned: for the clerk to check. */
  warnings: ImportWarning[];
  encoding: MinutesEncoding | null;
}

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
export type MinutesEncoding = 'utf-8' | 'windows-1252' | 'docx' | 'pdf';

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
  for (const b of sample) {
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
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

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
      resolutionMarkers: body.filter((t) => RESOLVED.test(t) || DECISION_MARKER.test(t)),
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
    for (const m of item.minuteText.matchAll(ATTENDED_IN_TEXT))
      if (m[1] && !listed(m[1]))
        result.attendance.inAttendance.push({
          name: m[1],
          role: m[2]?.trim() || null,
          virtual: false,
          substituteFor: null,
        });
  // "It was noted that S Thurlow was away": absent, where no list says otherwise.
  for (const item of result.items)
    for (const m of item.minuteText.matchAll(ABSENT_IN_TEXT))
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
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (!line || line.blank) continue;
      const inside = new RegExp(String.raw`^(.{20,}?\S)\s+((\d{1,4})\/${year}\s+\p{Lu}.*)$`, 'u').exec(line.text);
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

/** Words a title keeps in lower case ("Declarations of Interest", "To Approve the Minutes"). */
const SMALL_WORDS = new Set(
  'a an and as at by for from in into of on or per the to via with within without vs v'.split(' '),
);
/** Words that begin the sentence after a title on the same line ("Apologies The Council noted…"). */
const SENTENCE_STARTS = new Set(
  'the a an it this there these members councillors cllr councillor mr mrs ms dr he she they we all no none apologies council clerk chair chairman'.split(
    ' ',
  ),
);

/** A word in lower case that is not one a title keeps small ("of", "the"): a sign of a sentence, not a heading. */
const ownLowerCase = (w: string) => /^\p{Ll}/u.test(w) && !SMALL_WORDS.has(w);

/** A word ended by the full stop of an abbreviation, not of a title ("Mr.", "No."). */
const ABBREVIATION =
  /^(?:Mr|Mrs|Ms|Dr|Cllr|Cllrs|Rev|Revd|St|No|Nos|Co|Ltd|Inc|Prof|Sgt|Insp|PC|Apr|Aug|Dec|Feb|Jan|Jun|Jul|Mar|Nov|Oct|Sep|Sept)\.$/;

/** A paragraph's sentences, each trimmed (a last one without a full stop included). */
function sentencesOf(text: string): string[] {
  // A full stop inside a word or a number ("£175.00", "e.g") does not end a sentence.
  return (text.match(/(?:[^.!?]|[.!?](?=[^\s.!?]))+(?:[.!?]+(?=\s|$)|$)/g) ?? [])
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

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
      const parsed = DateTime.fromFormat(`${date[1]} ${date[2]} ${date[3]}`, 'd MMMM yyyy', {
        zone: 'Europe/London',
        locale: 'en-GB',
      });
      result.date = parsed.isValid ? parsed.toISODate() : null;
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

/** "Apologies (for absence) were received (and accepted) from/for X, Y and Z." */
const APOLOGIES_IN_TEXT =
  /\bapologies(?:\s+(?:for|of)\s+absence)?\s+(?:(?:were|had been|have been)\s+)?(?:received|given|provided|tendered|submitted|sent)(?:\s+and\s+accepted)?(?:\s+(?:to|via)\s+[^.;]{1,60}?)?\s+(?:from|for|by)\s+([^.;]+)/gi;
/** The names at the head of what an apology sentence goes on with ("Cllr C Anderson prior to the meeting …"). */
function namesAhead(text: string): string {
  const words = text.trim().split(/\s+/);
  const end = words.findIndex((w) => /^\p{Ll}/u.test(w) && w !== 'and' && !NAME_PARTICLES.has(w));
  return (end === -1 ? words : words.slice(0, end)).join(' ');
}

/** "Cllr Kendrick sent his apology", "Mrs Smith sent her apologies". */
const APOLOGY_SENT =
  /\b((?:(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?:\p{Lu}\.?\s?){0,3}\p{Lu}[\p{Ll}'’-]+)\s+(?:had\s+)?sent\s+(?:his|her|their)\s+apolog(?:y|ies)\b/gu;

/** "Victoria Gray, Chair of the Village Hall Charity attended the Parish Council": a first and last name. */
const ATTENDED_IN_TEXT =
  /(?:^|\.\s+)(\p{Lu}\p{Ll}+\s+\p{Lu}[\p{Ll}'’-]+)(?:,\s*([^,.]{3,80}?),?)?\s+attended\s+(?:the\s+)?(?:[Mm]eeting|[Pp]arish [Cc]ouncil|[Cc]ouncil)\b/gmu;

/** "S Thurlow was away", "Cllr Smith was absent": someone named with a title or initials, absent. */
const ABSENT_IN_TEXT =
  /\b((?:(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+(?:\p{Lu}\p{Ll}+\s+)?|(?:\p{Lu}\.?\s?){1,3}\s)\p{Lu}[\p{Ll}'’-]+)\s+(?:was|had been)\s+(?:away|absent)\b/gu;

/** The same person however the title is written ("Cllr A Smith", "A Smith"). */
function personMatches(a: string, b: string): boolean {
  const key = (n: string) =>
    n
      .replace(/^(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+/i, '')
      .replace(/[.\s]+/g, ' ')
      .trim()
      .toLowerCase();
  return key(a) === key(b);
}

/** Words of a role, not of a name ("Parish Clerk", "Vice-Chair", "Chairman"). */
const ROLE_WORDS =
  /^(?:(?:parish|town|deputy|assistant|locum)\s+)?(?:clerk|clerk and rfo|rfo|responsible financial officer|chair|chairman|chairperson|chairwoman|vice[- ]chair(?:man|person|woman)?|mayor|deputy mayor|minute taker|minutes|secretary|proper officer)$/i;
/** A line that is the clerk's role, then the clerk's name ("Parish Clerk and RFO A M Hounsell"). */
const ROLE_LEAD =
  /^((?:(?:parish|town|deputy|assistant|locum)\s+)?(?:clerk(?:\s+(?:and|&)\s+(?:rfo|responsible financial officer))?|rfo|responsible financial officer))\s*[:,–—-]?\s+((?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?:\p{Lu}\.?\s+){0,3}\p{Lu}[\p{L}'’-]+)$/iu;
/** A role that makes someone named among those present an officer in attendance, not a member. */
const OFFICER_ROLE =
  /\b(?:clerk|rfo|responsible financial|financial responsible|officer|minutes|minute taker|secretary|director|manager|head of|advis[eo]r|democratic services|governance)\b/i;

/** A line of prose, not of names: several words in lower case that are not roles or joining words. */
function isSentence(text: string): boolean {
  const lower = text
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter((w) => /^\p{Ll}{3,}/u.test(w) && !SMALL_WORDS.has(w) && !/^(?:and|chair\w*|clerk|vice|present)$/i.test(w));
  return lower.length >= 2;
}

/**
 * A list's lines as entries: a line ending in a comma or "and" goes on into
 * the next ("S Jenkins,\nJ MacBean"); otherwise each line is one or more
 * entries of its own ("Mrs Doreen Berry\nMr Russell Drew"). Entries are
 * split on commas, semicolons and "and" (outside brackets), and a run of
 * names each after "Cllr" with nothing between them is split before each.
 */
function attendanceEntries(lines: string[]): string[] {
  const joined: string[] = [];
  for (const line of lines) {
    const last = joined[joined.length - 1];
    if (last !== undefined && (/(?:[,;&]|\band)$/.test(last) || /^(?:and|&)\s/.test(line)))
      joined[joined.length - 1] = `${last} ${line}`;
    else joined.push(line);
  }
  // A collective prefix ("Councillors", "Cllrs") is taken off, at the head of the list or inside it.
  const entries = joined
    // A table's row ("Cllr Colin Sampson CS Borough Council of King’s Lynn and West Norfolk") is one person.
    .flatMap((line) => (tableRow(line) ? [line] : splitList(line.replace(/^from\s+/, ''))))
    .map((entry) =>
      entry
        .replace(/^(?:Councillors|Cllrs)\.?\s+(?=\S)/, '')
        // "Public – 2 Cllr Martin Storey": the public, given as a number, are not counted.
        .replace(/^(?:members of the\s+)?public\s*[–—:-]\s*\d+\s+(?=\S)/i, ''),
    );
  const out: string[] = [];
  let pendingRole: string | null = null;
  for (const entry of entries) {
    // Split before each "Cllr" outside brackets, when there are several ("(substitute for Cllr X)" is not one).
    const outside = entry.replace(/\([^)]*\)/g, (m) => '_'.repeat(m.length));
    const cuts = [...outside.matchAll(/\s(?=(?:Cllr|Councillor)\.?\s)/g)].map((m) => m.index ?? 0);
    const prefixes = (outside.match(/(?:^|\s)(?:Cllr|Councillor)\.?\s/g) ?? []).length;
    // "Norfolk County Council Cllr Colin Sampson": what the person before the comma represents, then the next.
    const before = cuts.length === 1 ? entry.slice(0, cuts[0]).trim() : '';
    const split =
      prefixes > 1 || (prefixes === 1 && ORGANISATION.test(before))
        ? [0, ...cuts].map((from, k) => entry.slice(from, cuts[k] ?? entry.length).trim()).filter((p) => p !== '')
        : [entry];
    // "BCKLWN Stephen Ward": an organisation's initials, then a name.
    const parts = split.flatMap((part) => {
      const acronym = /^([A-Z]{3,})\s+(\p{Lu}\p{Ll}+\s+\p{Lu}[\p{L}'’-]+)$/u.exec(part);
      if (acronym?.[1] && acronym[2]) return [acronym[1], acronym[2]];
      // "Cllr Donna Stocking Helen Richardson (Parish Clerk …)": a councillor, then the officer the role is of.
      const officer =
        /^((?:Cllr|Councillor)\.?\s+\p{Lu}\S*\s+\p{Lu}\S*)\s+(\p{Lu}\p{Ll}+\s+\p{Lu}[\p{L}'’-]+\s*\(([^)]*)\))$/u.exec(
          part,
        );
      return officer?.[1] && officer[2] && OFFICER_ROLE.test(officer[3] ?? '') ? [officer[1], officer[2]] : [part];
    });
    for (const raw of parts) {
      // "Ian Lury of the Bluebell Pub Campaign": the name, and whom they came for.
      const part = raw.replace(/^(\p{Lu}\p{Ll}+\s+\p{Lu}[\p{L}'’-]+)\s+(of\s+the\s+.+)$/u, '$1 ($2)');
      // "Cllr Martin Storey, Norfolk County Council": an organisation after a name is what they represent.
      if (out.length > 0 && ORGANISATION.test(part) && !/\(/.test(part) && looksLikeOrganisation(part)) {
        out[out.length - 1] += ` (${part.trim()})`;
        continue;
      }
      // "Mrs N Cooper, Clerk": the role after the comma belongs to the name before it; "Town Clerk, Mrs
      // Jane Mills" at the head of a list, to the name after it.
      if (pendingRole !== null) {
        out.push(`${part} (${pendingRole})`);
        pendingRole = null;
      } else if (ROLE_WORDS.test(part.trim()) && out.length > 0) out[out.length - 1] += ` (${part.trim()})`;
      else if (ROLE_WORDS.test(part.trim()) && entries.length > 1) pendingRole = part.trim();
      else out.push(part);
    }
  }
  if (pendingRole !== null) out.push(pendingRole);
  return out;
}

/** Words of an organisation, not of a person ("Norfolk County Council", "BCKLWN"). */
const ORGANISATION =
  /\b(?:Council|Authority|Trust|NHS|Police|Campaign|Association|Society|Partnership|Healthwatch)\b|^[A-Z]{3,}$/;
/** An organisation's name alone: its words capitalised, no title or initial of a person. */
function looksLikeOrganisation(text: string): boolean {
  return !/^(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\b/.test(text) && !/^\p{Lu}\.?\s/u.test(text);
}

/** A row of an attendance table: a name, its initials, then what they are ("Nicola Cooper NC Parish Clerk"). */
function tableRow(line: string): boolean {
  const row = /^(.*?\S)\s+([A-Z]{2,3})(?:\s+(.+))?$/.exec(line);
  return row?.[1] !== undefined && !/[,;]/.test(row[1]) && initialsOf(row[1]) === row[2];
}

/** A name's initials, titles and notes left out ("Cllr Jo Bruce" → "JB"). */
function initialsOf(name: string): string {
  return name
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+/i, '')
    .split(/[\s.]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

/** A person's name as lists write them: its words capitalised, but a few small ones ("of the", "de"). */
function looksLikeName(name: string): boolean {
  return name.split(/\s+/).every((w) => !/^\p{Ll}{3,}/u.test(w) || SMALL_WORDS.has(w) || NAME_PARTICLES.has(w));
}

/** Splits on commas, semicolons and " and " outside brackets. */
function splitList(text: string): string[] {
  const cleaned = text.replace(/\s+/g, ' ').trim().replace(/[.;]$/, '');
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < cleaned.length; i++) {
    const ch = cleaned[i] ?? '';
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    // A full stop between names ("A. Inglis. P. Drewery"): after a surname, not an initial or "Mr.".
    const fullStopBetween =
      ch === '.' &&
      cleaned[i + 1] === ' ' &&
      /^\p{Lu}/u.test(cleaned[i + 2] ?? '') &&
      /\p{L}{2,}$/u.test(current) &&
      !ABBREVIATION.test(`${/\S+$/.exec(current)?.[0] ?? ''}.`);
    if (depth === 0 && (ch === ',' || ch === ';' || fullStopBetween)) {
      parts.push(current);
      current = '';
      continue;
    }
    if (depth === 0 && cleaned.slice(i, i + 5) === ' and ') {
      parts.push(current);
      current = '';
      i += 4;
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * One entry of an attendance list as a person: roles and notes taken off the
 * name ("(Chair)", "– Chairman", "in the chair", "MBE", "JB Chairperson"),
 * "(substitute for X)" and "(virtual)" read; an officer's role says so. Null
 * for what is not a person ("29 members of the public", "None").
 */
function readAttendee(entry: string): { person: ParsedAttendee; officer: boolean } | null {
  let name = entry
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;,]$/, '');
  if (name === '' || /^(?:none|nil|no apologies.*|n\/a)$/i.test(name)) return null;
  if (/\bmembers? of the public\b|^public\b|^\d+$/i.test(name)) return null;
  let virtual = false;
  let substituteFor: string | null = null;
  const roles: string[] = [];
  // "D Risk (Chairman) (DR)": initials in brackets say how the minutes will name them; not a role.
  const ownInitials = initialsOf(name);
  name = name.replace(/\(([^)]*)\)/g, (_, note: string) => {
    if (note === ownInitials) return ' ';
    const sub = /(?:substitut\w*(?:\s+for)?|in place of|replacing)\s+(.+)/i.exec(note);
    if (sub?.[1]) substituteFor = sub[1].trim();
    else if (/virtual|remote|online|teams|zoom|video/i.test(note)) virtual = true;
    else roles.push(note);
    return ' ';
  });
  name = name
    .replace(/\s+in the chair$/i, () => {
      roles.push('Chair');
      return '';
    })
    .replace(/\s+[–—-]\s*(.+)$/, (_, role: string) => {
      roles.push(role);
      return '';
    })
    // "the Clerk – Adrian Illingworth": the role first, the name after the dash.
    .replace(/^(?:the\s+)?(.+)$/i, (whole, before: string) => {
      const after = roles[roles.length - 1];
      if (!ROLE_WORDS.test(before) || after === undefined || ROLE_WORDS.test(after)) return whole;
      roles[roles.length - 1] = before;
      return after;
    })
    .replace(/\s+(?:MBE|OBE|CBE|JP|DL)$/, (honour: string) => {
      roles.push(honour.trim());
      return '';
    });
  // A table's columns run together: "Jo Bruce JB Chairperson", "Nicola Cooper NC Parish Clerk".
  const initials = /^(.*?\S)\s+([A-Z]{2,3})(?:\s+(.+))?$/.exec(name);
  if (initials?.[1] && initials[2]) {
    if (initialsOf(initials[1]) === initials[2]) {
      name = initials[1];
      if (initials[3]) roles.push(initials[3]);
    }
  }
  name = name.replace(/\s+/g, ' ').trim();
  if (name === '') return null;
  return {
    person: { name, role: roles.length ? roles.join(', ') : null, virtual, substituteFor },
    officer: roles.some((r) => OFFICER_ROLE.test(r)),
  };
}

/** A unit of an item's body: a paragraph, a list entry, a RESOLVED or an ACTION block. */
interface Unit {
  kind: 'text' | 'bullet' | 'resolved' | 'action';
  text: string;
  /** Blank line before it. */
  afterBlank: boolean;
}

function endsSentence(s: string): boolean {
  return /[.!?:;"”’)]$/.test(s);
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
  const ownResolved = units.some((u) => u.kind === 'resolved');
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
    // record. Prop. GK, 2nd JR, All agreed."); "It was agreed that an email would be circulated" is narrative.
    const keep = markers.resolutions
      ? (decision: string, voted: boolean) => AGREED_TO.test(decision) || (voted && !ownResolved)
      : undefined;
    // (Where neither can be, the paragraph is not read for decisions at all: most of a long document.)
    const mayDecide = !markers.resolutions || MAY_DECIDE.test(unit.text);
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

/** A RESOLVED block is a resolution whatever its verb ("be elected", "be thanked"): agreed, unless it says otherwise. */
function addResolution(item: ParsedItem, text: string, readTasks = false): boolean {
  const cleaned = text.replace(BULLET, '').trim();
  if (cleaned === '') return false;
  // "Resolved: (For information only)" heads a list of what was done, not a decision.
  if (/^\(?for information(?: only)?\)?\.?$/i.test(cleaned)) return false;
  item.resolutions.push({ text: cleaned, outcome: outcomeOf(cleaned) ?? 'AGREED' });
  // In minutes without ACTION lines, a resolution may give the task ("(1) That HR to contact Alex Laver …",
  // "… HR to action.").
  if (readTasks) item.actions.push(...tasksIn(cleaned.replace(/^\(\w{1,3}\)\s*(?:That\s+)?/, '')));
  return true;
}

/** Who decides: the body, not one person ("Cllr Jenkinson agreed that he would…" is not a decision). */
const BODY = String.raw`(?:it|this|that|the (?:parish |town )?council|the pc|the committee|the panel|the board|the meeting|councillors|members|all members|all councillors|all present|all|they)`;
const DECISION = [
  // "It was (unanimously) resolved / agreed / decided", "This was seconded … and agreed by all members".
  /\b(?:it|this|that)\s+was\s+(?:\w+\s+){0,2}?(?:resolved|agreed|decided|approved|carried)\b(?! out)|\bagreed by all\b/i,
  // "The council agreed payment of £4", "The Parish Council also resolved to delegate", "All members agreed that …".
  new RegExp(String.raw`\b${BODY}\s+(?:\w+ly\s+|also\s+)?(?:resolved|agreed|decided|approved|voted)\b`, 'i'),
  // "The minutes were approved by all Councillors present", "The following cheques were approved".
  /\b(?:was|were)\s+(?:\w+ly\s+)?(?:\w+ed\s+and\s+)?(?:approved|accepted|adopted|carried|ratified|elected|agreed)\b(?! out| (?:on|at) )/i,
  // "Cllr Llewellyn elected as Chairman", "a resolution was passed", "approved by all".
  /\belected as\b|\ba resolution was passed\b|\bapproved by all\b/i,
  // "Proposed by BD and seconded by JH that the allotment be let …".
  /\bproposed by\b[^.]*\bseconded\b|^(?:on a proposition|proposed)\b/i,
  // "All were in agreement that this should be set up.", "All Councillors were in agreement."
  /\ball\s+(?:\w+\s+)?(?:were\s+)?in\s+agreement\b/i,
  // "Unanimously agree to purchase.", "Agreed to renew the insurance.", "Resolved that we join."
  /^(?:(?:unanimously|all)\s+)?agreed?\s+to\b|^(?:unanimously\s+)?resolved\s+(?:that|to)\b/i,
];
/** The body agreeing to do something ("It was agreed to check", "The Council agreed to review", "It agreed to"). */
const AGREED_TO = new RegExp(
  String.raw`\b(?:it was|it|the (?:parish |town )?council|the pc|the committee|the panel|the board|councillors|members|all members|all councillors|all)\s+(?:\w+ly\s+|also\s+)?(?:agreed|resolved|decided)\s+to\s+\p{Ll}`,
  'iu',
);
/** Words without which a paragraph of minutes that use RESOLVED holds no decision in prose to keep. */
const MAY_DECIDE =
  /\b(?:agreed|resolved|decided)\s+to\b|\bprop\.|\bseconded\b|\bin favour\b|\ball agreed\b|\bcarried\b|\b2nd\b/i;
/** Apologies or reasons accepted, as the apologies item minutes them. */
const ACCEPTANCE =
  /^(?:this|these|they|which|the apologies|apologies|the reasons?(?: for absence)?)\b[^.]*\b(?:was|were)\s+(?:\w+ly\s+)?accepted\b/i;
/** The votes and formalities that go with a decision, not a decision of their own. */
const PROCEDURE =
  /^(?:(?:this|it) was (?:proposed|seconded)\b|proposed by\b[^.]*seconded by\b[^.]*\.?$|seconded by\b|\S+(?:\s+\S+)?\s+seconded (?:this|the proposal|the motion)\b|prop\.|[A-Z]{2,3},?\s+2nd\s+[A-Z]{2,3}\b|2nd\s+[A-Z]{2,3}\b|(?:all|unanimously)\b[^.]*\bin favour\b|all agreed\b(?!\s+(?:that|to)\b)|motion carried\b|carried\b|(?:the )?(?:motion|vote) (?:was )?carried\b|\d+ (?:for|in favour)\b|minutes signed\b)/i;
/** Not decided here: an earlier decision referred to, or an opinion ("agreed that the report was clear"). */
const NOT_DECIDED =
  /\b(?:apolog\w*|absen\w*|reasons?)\b[^.]*\b(?:was|were)\s+(?:\w+ly\s+)?accepted\b|\b(?:as (?:previously |already )?(?:agreed|approved|resolved|decided)|(?:had|has|have) been (?:agreed|approved|resolved|decided)|previously (?:agreed|approved))\b|\b(?:agreed|in agreement) that\b(?![^.]*\b(?:be|should|would|will|shall|must|to|can)\b)[^.]*\b(?:was|were|is|are)\b/i;

/**
 * The decisions minuted as narrative in a paragraph, one per decision: a
 * proposal's seconder, vote and "carried" join the decision they belong to.
 * The rest is what the paragraph says besides.
 */
function narrativeDecisions(
  paragraph: string,
  keep: (decision: string, voted: boolean) => boolean = () => true,
): { decisions: string[]; rest: string } {
  const sentences = sentencesOf(paragraph);
  // The paragraph in order: each decision (with its vote joined) or other sentence.
  const parts: { text: string; decision: boolean; voted: boolean }[] = [];
  let joinable = false;
  sentences.forEach((sentence, k) => {
    const procedural = PROCEDURE.test(sentence);
    // "AR proposed that she will negotiate with the BC … CC seconded this": a proposal seconded is a decision.
    const seconded =
      /\bproposed\s+that\b/i.test(sentence) && /^\S+(?:\s+\S+)?\s+seconded\b/i.test(sentences[k + 1] ?? '');
    const decision = seconded || (!NOT_DECIDED.test(sentence) && DECISION.some((d) => d.test(sentence)));
    const last = parts.at(-1);
    if (procedural && joinable && last?.decision) {
      last.text += ` ${sentence}`;
      last.voted = true;
      return;
    }
    joinable = decision;
    parts.push({ text: sentence, decision, voted: false });
  });
  const kept = parts.map((p) => p.decision && keep(p.text, p.voted));
  return {
    decisions: parts.filter((_, k) => kept[k]).map((p) => p.text),
    rest: parts
      .filter((_, k) => !kept[k])
      .map((p) => p.text)
      .join(' '),
  };
}

/**
 * An ACTION line's tasks: a sentence that gives someone a task begins a new
 * one; any other sentence goes on the task before it.
 */
function splitTasks(text: string): string[] {
  const tasks: string[] = [];
  for (const sentence of sentencesOf(text)) {
    const trimmed = sentence.trim();
    const m = TASK_SENTENCE.exec(trimmed);
    if (tasks.length === 0 || (m?.[1] && !NOT_OWNERS.has(m[1])) || PASSIVE_TASK.test(trimmed)) tasks.push(trimmed);
    else tasks[tasks.length - 1] += ` ${trimmed}`;
  }
  return tasks.filter((t) => t !== '');
}

/** Who a task is given to in prose: the clerk, the chair, a councillor, initials, or a first name. */
const TASK_OWNER = String.raw`(?:(?:[Tt]he\s+)?(?:(?:[Pp]arish|[Tt]own|[Dd]eputy)\s+)?[Cc]lerk|(?:[Tt]he\s+)?(?:[Vv]ice[- ])?[Cc]hair(?:man|person)?|(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Miss|Dr)\.?\s+(?:[A-Z]\.?\s*){0,2}(?:[A-Z][a-z]+\s+)?[A-Z][\w'’-]+|[A-Z]{2,3}|[A-Z][a-z]+)`;
const TASK_SENTENCE = new RegExp(
  String.raw`^(${TASK_OWNER}(?:\s*(?:,|&|and|\/)\s*${TASK_OWNER})*)\s+(?:is to|are to|to|agreed to)\s+((?!be\b)[a-z].*)$`,
);
/** Capitalised words that begin a sentence but are nobody ("Payment to be approved", "It to …"). */
const NOT_OWNERS = new Set(
  'It This That There These Those Council Members Councillors Residents Everyone Nothing Agreed Proposed Decision Item Minutes Payment Notice Letter Report Work Quotes Poster Signs Action Actions Need Plans Costs Also Then Further Additionally Finally Still Now Next'.split(
    ' ',
  ),
);

/**
 * A task given inside a sentence ("… agreed to complete the form and for CM to return to SCDC."): to the
 * clerk, the chair, a councillor or someone's initials, never a bare word ("for Members to consider").
 */
const TASK_WITHIN = new RegExp(
  String.raw`(?:\bfor|,)\s+((?:[Tt]he\s+)?(?:(?:[Pp]arish|[Tt]own)\s+)?[Cc]lerk|(?:[Tt]he\s+)?[Cc]hair(?:man|person)?|(?:Cllrs?|Councillors?)\.?\s+(?:[A-Z]\.?\s*){0,2}(?:[A-Z][a-z]+\s+)?[A-Z][\w'’-]+|[A-Z]{2,3})\s+(?:agreed\s+)?to\s+((?!be\b)[a-z][^.;]*[.;]?)`,
);
/** "The Chairman agreed to permit discussion": a ruling from the chair, not a task. */
const RULING = /\bagreed to (?:permit|allow|accept|take|vary|suspend|defer|let)\b/;

/**
 * A task on an ACTIONS line with nobody named ("Payment to be approved at next meeting."): an action of its
 * own, with no owner, for the clerk to give one.
 */
const PASSIVE_TASK = /^(?:[Tt]he\s+)?\p{Lu}[\p{L}-]*(?:\s+\p{Ll}[\p{L}-]*){0,2}\s+to\s+be\s+\p{Ll}+/u;

/** An ACTION line's task: its owners and what they are to do, or, in the passive, no owner. */
function readTask(text: string, before: string): ParsedAction | null {
  if (PASSIVE_TASK.test(text.trim()))
    return { owners: [], description: text.trim(), descriptionFrom: 'action line', dueDate: dueDateIn(text) };
  return readAction(text, before);
}

/** Tasks given in prose ("Clerk to write to Highways.", "Cllr Crisp agreed to contact Mr Rolph."): one action each. */
function tasksIn(paragraph: string): ParsedAction[] {
  const out: ParsedAction[] = [];
  for (const sentence of sentencesOf(paragraph)) {
    // "3. SAM2 Sites Rota: HR to send …": a numbered note's label before the task.
    const unlabelled = sentence.trim().replace(/^(?:\d{1,2}[.)]\s+)?[^:.]{1,60}(?::|\s[-–—])\s+(?=\S)/, '');
    // A line ending in a colon is a label ("Extension to dwelling and erection of garage, Flegg Green:").
    if (/:$/.test(sentence.trim())) continue;
    // After a label, a task's owner is named ("Indigo Road - Cllr Martin Storey agreed to …"), never a bare
    // capitalised word ("… - Dismantle to ground level").
    const afterLabel = TASK_SENTENCE.exec(unlabelled);
    const m =
      TASK_SENTENCE.exec(sentence.trim()) ??
      (afterLabel && !/^(?!Clerk$|Chair(?:man|person)?$)[A-Z][a-z]+$/.test(afterLabel[1] ?? '') ? afterLabel : null) ??
      TASK_WITHIN.exec(sentence);
    if (!m?.[1] || !m[2] || NOT_OWNERS.has(m[1]) || RULING.test(sentence)) continue;
    // "The chairman is to contact Highways": the owner as a role, capitalised as a name would be.
    const owner = m[1].replace(/^[Tt]he\s+/, '').replace(/^\p{Ll}/u, (c) => c.toUpperCase());
    const action = readAction(`${owner} to ${m[2]}`, '');
    if (action) out.push({ ...action, descriptionFrom: 'sentence' });
  }
  return out;
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
    const m = /^(.*?[.!?])\s+(ACTIONS?\s*[:\-–]\s*\S.*|Actions?:\s*\S.*)$/.exec(line.text);
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

/** An owner named by role or initials, then what they are to do without a "to" ("Parish Clerk arrange …"). */
const ROLE_THEN_VERB =
  /^((?:[Tt]he\s+)?(?:(?:[Pp]arish|[Tt]own)\s+)?[Cc]lerk|(?:[Tt]he\s+)?[Cc]hair(?:man|person)?|[A-Z]{2,3})\s+(\p{Ll}{3,}\s.*)$/u;

/** "Clerk to action", "HR to action.": a line that gives its item's business to someone. */
const TO_ACTION = new RegExp(String.raw`^${TASK_OWNER}\s+to\s+action\.?$`);

const OWNER_SPLIT = /\s+(?:to|will|should|would|is to|are to)\s+(?=\S)/;

/** "Mr A Turner/Ms F Cayley to discuss Option 4", or "The Chairman" (the action is the sentence before). */
function readAction(text: string, before: string): ParsedAction | null {
  const cleaned = text.trim();
  if (cleaned === '') return null;
  const split = OWNER_SPLIT.exec(cleaned);
  let ownersPart = cleaned;
  let description = '';
  let from: ParsedAction['descriptionFrom'] = 'action line';
  if (split && split.index > 0) {
    ownersPart = cleaned.slice(0, split.index);
    description = cleaned.slice(split.index).trim();
  }
  // "Parish Clerk arrange meeting for 8th November …": a role or initials, then the verb, with no "to".
  const bare = split && split.index > 0 && split.index < 60 ? null : ROLE_THEN_VERB.exec(cleaned);
  if (bare?.[1] && bare[2]) {
    ownersPart = bare[1];
    description = bare[2];
  }
  const owners = splitOwners(ownersPart)
    .map((o) => o.replace(/[.:]$/, ''))
    .filter((o) => o !== '');
  const looksLikeNames = owners.length > 0 && owners.every((o) => o.split(/\s+/).length <= 7 && /[A-Z]/.test(o));
  if (!looksLikeNames) return null;
  if (description === '') {
    const sentences = before.match(/[^.!?]+[.!?]+["”’]?/g) ?? (before ? [before] : []);
    const last = sentences.at(-1)?.trim() ?? '';
    if (last === '') return null;
    description = last;
    from = 'text before it';
  } else {
    description = description.charAt(0).toUpperCase() + description.slice(1);
  }
  return { owners, description, descriptionFrom: from, dueDate: dueDateIn(description) };
}

/** "… by 31 January 2021" → '2021-01-31'. */
function dueDateIn(description: string): string | null {
  const due = new RegExp(`\\bby\\s+(?:\\w+day\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTHS})\\s+(\\d{4})`, 'i').exec(
    description,
  );
  if (!due) return null;
  const d = DateTime.fromFormat(`${due[1]} ${due[2]} ${due[3]}`, 'd MMMM yyyy', { locale: 'en-GB' });
  return d.isValid ? d.toISODate() : null;
}

const KINDS: { pattern: RegExp; kind: DeclarationKind }[] = [
  { pattern: /\bnon[- ]registrable\b/i, kind: 'non_registrable' },
  { pattern: /\b(?:disclosable\s+)?pecuniary\b|\bprejudicial\b|\bDPI\b/i, kind: 'disclosable_pecuniary' },
  { pattern: /\bother\s+registrable\b|\bregistrable\b|\bpersonal\b/i, kind: 'other_registrable' },
];

/** "Mr A Turner declared an interest as he was a trustee of…" → declarations, sentence by sentence. */
function readDeclarations(text: string, minutedUnder: number, underDeclarationsItem: boolean): ParsedDeclaration[] {
  const sentences = text.match(/[^.!?]+(?:[.!?]+["”’]?|$)/g) ?? [];
  return sentences.flatMap((s) => readDeclaration(s.trim(), text, minutedUnder, underDeclarationsItem));
}

const NAME_PARTICLES = new Set(['de', 'van', 'von', 'der', 'le', 'la', 'da', 'di', 'du', 'of']);

/** "Mr A Turner", "The Chairman", "Cllr Zoe McIntosh": capitalised words, a few particles. */
function isNameLike(s: string): boolean {
  const words = s.split(/\s+/);
  return (
    words.length >= 1 &&
    words.length <= 6 &&
    words.every((w) => /^[A-Z][\p{L}'’.-]*$/u.test(w) || NAME_PARTICLES.has(w))
  );
}

function readDeclaration(
  text: string,
  paragraph: string,
  minutedUnder: number,
  underDeclarationsItem: boolean,
): ParsedDeclaration[] {
  const m =
    /^(.{2,120}?)\s+(?:declared|declares|declaring|wish(?:ed|es)? to declare)\s+(an?|their|his|her)?\s*(.{0,60}?)\binterests?\b(.*)$/i.exec(
      text,
    );
  if (!m?.[1]) return [];
  // "At this point, K Patel declared…": the words before the name are not a name.
  const names = m[1]
    .trim()
    .split(/\s*(?:,|\sand\s|\s&\s)\s*/)
    .map((n) => n.trim())
    .filter((n) => n !== '');
  while (names.length > 1 && !isNameLike(names[0] ?? '')) names.shift();
  if (names.length === 0 || !names.every(isNameLike)) return [];
  const described = `${m[3] ?? ''} interest`;
  const kind = KINDS.find((k) => k.pattern.test(described));
  let rest = (m[4] ?? '').trim();
  const itemRef =
    /^(?:in|on|under|in relation to|in respect of|regarding)\s+(?:agenda\s+)?item\s+(\d{1,3})\b[,:]?\s*/i.exec(rest);
  if (itemRef) rest = rest.slice(itemRef[0].length);
  // One item named anywhere in what follows; several ("at item 201/20; … at item 203/20") name no one item.
  const named = new Set([...rest.matchAll(/\b(?:agenda\s+)?items?\s+(\d{1,4})\b/gi)].map((r) => r[1]));
  const anywhere = itemRef || named.size > 1 ? null : /\b(?:agenda\s+)?item\s+(\d{1,4})\b/i.exec(rest);
  const several = !itemRef && named.size > 1;
  const nature = rest
    .replace(/^(?:as|because|since|in that|being|in|:|-|–)\s+/i, '')
    .replace(/[.;]$/, '')
    .trim();
  const withdrew = /\b(left the (?:meeting|room|chamber)|withdrew|did not take part)\b/i.test(paragraph);
  return names.map((name) => ({
    name,
    // Declared during an item, it relates to that item; under "Declarations of interest", to what it names.
    itemNumber: itemRef?.[1]
      ? Number(itemRef[1])
      : several
        ? null
        : anywhere?.[1]
          ? Number(anywhere[1])
          : underDeclarationsItem
            ? null
            : minutedUnder,
    minutedUnder,
    kind: kind?.kind ?? 'other_registrable',
    kindStated: kind !== undefined,
    nature,
    withdrew,
  }));
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
