/**
 * Sanity checks on what the importer read: results that are possible but
 * unlikely, each said in words for the clerk with the text concerned, so the
 * preview and `--dry-run` show where to look before importing.
 *
 * Pure, like the parser: it reads a parse's result, and what the parser saw
 * of each item (its marker lines, the headings it passed over).
 */

export interface ImportWarning {
  /** The item concerned, by its number as minuted; null for the heading and attendance. */
  item: number | null;
  /** What looks wrong, and what to check. */
  message: string;
  /** The text concerned, as read (cut short when long). */
  text: string;
}

/** What the checks read of a parse (its shape, so this module needs nothing of the parser's). */
export interface Checked {
  attendance: Record<'present' | 'inAttendance' | 'apologies' | 'absent', { name: string }[]>;
  declarations: { name: string; minutedUnder: number }[];
  items: {
    number: number;
    title: string;
    minuteText: string;
    resolutions: unknown[];
    actions: { owners: string[]; description: string }[];
  }[];
}

/** What the parser saw of one item, beside what it made of it. */
export interface ItemSeen {
  /** Lines with a RESOLVED / AGREED / DECISION marker, and with an ACTION marker. */
  resolutionMarkers: string[];
  actionMarkers: string[];
  /** Lines numbered like the items' headings but read as text (their numbers go backwards or repeat). */
  passedOver: { number: number; text: string }[];
}

/**
 * An item's text longer than this, and holding most of the document, is likely to hold items whose
 * headings were missed (a scrutiny item of evidence can run to 20,000 characters on its own).
 */
export const LONG_ITEM_CHARS = 6000;
const VERY_LONG_ITEM_CHARS = 30_000;
const QUOTE_CHARS = 200;

const quote = (text: string) => {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > QUOTE_CHARS ? `${s.slice(0, QUOTE_CHARS - 1).trimEnd()}…` : s;
};

/** Lower-case words a name may hold ("Dr Anna de Vries", "Lord Smith of Chesham"). */
const NAME_PARTICLES = new Set(
  'de da di du del della der den van von la le of and the bin al el ap ter ten y st'.split(' '),
);

/** Words of a role given for a name ("the parish clerk", "the vice-chairman"). */
const ROLE_WORDS = new Set(
  'the parish town county district borough council clerk chair chairman chairwoman vice vice-chair vice-chairman mayor deputy responsible financial officer proper members member all'.split(
    ' ',
  ),
);

/** A "name" that reads as a sentence or a passage: too many words, own lower-case words, or figures. */
export function sentenceForName(name: string): boolean {
  const words = name.split(/\s+/).filter((w) => w !== '');
  if (words.every((w) => ROLE_WORDS.has(w.toLowerCase()))) return false;
  const lower = words.filter((w) => /^\p{Ll}/u.test(w) && !NAME_PARTICLES.has(w.toLowerCase()));
  return name.length > 60 || words.length > 7 || lower.length >= 2 || /\d{2,}/.test(name);
}

/** The warnings for one parse. `seen[i]` is what the parser saw of `parsed.items[i]`. */
export function checkMinutes(parsed: Checked, seen: ItemSeen[]): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const lists = [
    ['present', parsed.attendance.present],
    ['in attendance', parsed.attendance.inAttendance],
    ['giving apologies', parsed.attendance.apologies],
    ['absent', parsed.attendance.absent],
  ] as const;
  for (const [label, list] of lists)
    for (const a of list)
      if (sentenceForName(a.name))
        warnings.push({
          item: null,
          message: `A name listed as ${label} reads like a sentence: check the attendance was read right.`,
          text: quote(a.name),
        });
  for (const d of parsed.declarations)
    if (sentenceForName(d.name))
      warnings.push({
        item: d.minutedUnder,
        message: `The name of someone declaring an interest reads like a sentence: check the declaration.`,
        text: quote(d.name),
      });

  const allText = parsed.items.reduce((n, item) => n + item.minuteText.length, 0);
  parsed.items.forEach((item, i) => {
    const saw = seen[i];
    const previous = parsed.items[i - 1];
    // A jump from the highest number so far ("… 8, 6, 7, 11": from 8 to 11).
    const highest = Math.max(...parsed.items.slice(0, i).map((p) => p.number));
    if (previous && item.number - highest > 1)
      warnings.push({
        item: item.number,
        message: `The items go from ${highest} to ${item.number}: check no item was missed in between.`,
        text: quote(`${item.number}. ${item.title}`),
      });
    if (previous && item.number <= previous.number)
      warnings.push({
        item: item.number,
        message:
          item.number === previous.number
            ? `The minutes number two items ${item.number}: the second was read as an item where it stands. Check its number.`
            : `Item ${item.number} comes after item ${previous.number}: the minutes number it again, so it was read as an item where it stands. Check its number.`,
        text: quote(`${item.number}. ${item.title}`),
      });
    for (const line of saw?.passedOver ?? [])
      warnings.push({
        item: item.number,
        message:
          line.number <= item.number
            ? `A line numbered ${line.number}, like an item’s heading, comes after item ${item.number}: the numbers go backwards, so it was read as text. Check whether it is an item.`
            : `A line numbered ${line.number}, like an item’s heading, was read as part of item ${item.number}. Check whether it is an item.`,
        text: quote(line.text),
      });
    const length = item.minuteText.length;
    if (length > VERY_LONG_ITEM_CHARS || (length > LONG_ITEM_CHARS && length > allText / 2))
      warnings.push({
        item: item.number,
        message: `Item ${item.number}’s text is ${length.toLocaleString('en-GB')} characters long, ${Math.round((100 * length) / allText)}% of the minutes: check it does not hold other items whose headings were missed.`,
        text: quote(item.minuteText),
      });
    if (item.title.length > 150)
      warnings.push({
        item: item.number,
        message: `Item ${item.number}’s title is ${item.title.length} characters long: check its first paragraph was not taken for the title.`,
        text: quote(item.title),
      });
    const markers = saw?.resolutionMarkers ?? [];
    if (markers.length > 0 && item.resolutions.length === 0)
      for (const line of markers)
        warnings.push({
          item: item.number,
          message: `A decision marker in item ${item.number} gave no resolution: check the resolution was not lost.`,
          text: quote(line),
        });
    else if (markers.length > item.resolutions.length)
      warnings.push({
        item: item.number,
        message: `Item ${item.number} has ${markers.length} decision markers but ${item.resolutions.length} resolution${item.resolutions.length === 1 ? '' : 's'} were read: check none was lost or run together.`,
        text: quote(markers.join(' … ')),
      });
    if (saw && saw.actionMarkers.length > 0 && item.actions.length === 0)
      for (const line of saw.actionMarkers)
        warnings.push({
          item: item.number,
          message: `An ACTION marker in item ${item.number} gave no action: check the action was not lost.`,
          text: quote(line),
        });
    item.actions.forEach((a, k) => {
      if (a.owners.length === 0)
        warnings.push({
          item: item.number,
          message: `Action ${k + 1} of item ${item.number} has no owner in the minutes: add one after importing.`,
          text: quote(a.description),
        });
      for (const owner of a.owners)
        if (sentenceForName(owner))
          warnings.push({
            item: item.number,
            message: `An owner of action ${k + 1} of item ${item.number} reads like a sentence: check the action.`,
            text: quote(owner),
          });
    });
  });
  return warnings;
}
