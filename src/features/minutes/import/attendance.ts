/**
 * Attendance as minutes list it: entries split from a list's lines, each read
 * as a person with a role, and attendance minuted in the items' prose
 * (apologies sent, someone away or attending).
 */
import { normaliseName } from '../names';
import { ABBREVIATION, NAME_PARTICLES, SMALL_WORDS } from './text';
import type { ParsedAttendee } from './types';

/** "Apologies (for absence) were received (and accepted) from/for X, Y and Z." */
export const APOLOGIES_IN_TEXT =
  /\bapologies(?:\s+(?:for|of)\s+absence)?\s+(?:(?:were|had been|have been)\s+)?(?:received|given|provided|tendered|submitted|sent)(?:\s+and\s+accepted)?(?:\s+(?:to|via)\s+[^.;]{1,60}?)?\s+(?:from|for|by)\s+([^.;]+)/gi;
/** The names at the head of what an apology sentence goes on with ("Cllr C Anderson prior to the meeting …"). */
export function namesAhead(text: string): string {
  const words = text.trim().split(/\s+/);
  const end = words.findIndex((w) => /^\p{Ll}/u.test(w) && w !== 'and' && !NAME_PARTICLES.has(w));
  return (end === -1 ? words : words.slice(0, end)).join(' ');
}

/** "Cllr Kendrick sent his apology", "Mrs Smith sent her apologies". */
export const APOLOGY_SENT =
  /\b((?:(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?:\p{Lu}\.?\s?){0,3}\p{Lu}[\p{Ll}'’-]+)\s+(?:had\s+)?sent\s+(?:his|her|their)\s+apolog(?:y|ies)\b/gu;

/** "Victoria Gray, Chair of the Village Hall Charity attended the Parish Council": a first and last name. */
export const ATTENDED_IN_TEXT =
  /(?:^|\.\s+)(\p{Lu}\p{Ll}+\s+\p{Lu}[\p{Ll}'’-]+)(?:,\s*([^,.]{3,80}?),?)?\s+attended\s+(?:the\s+)?(?:[Mm]eeting|[Pp]arish [Cc]ouncil|[Cc]ouncil)\b/gmu;

/** "S Thurlow was away", "Cllr Smith was absent": someone named with a title or initials, absent. */
export const ABSENT_IN_TEXT =
  /\b((?:(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+(?:\p{Lu}\p{Ll}+\s+)?|(?:\p{Lu}\.?\s?){1,3}\s)\p{Lu}[\p{Ll}'’-]+)\s+(?:was|had been)\s+(?:away|absent)\b/gu;

/** The same person however the title is written ("Cllr A Smith", "A Smith"). */
export function personMatches(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b);
}

/** Words of a role, not of a name ("Parish Clerk", "Vice-Chair", "Chairman"). */
export const ROLE_WORDS =
  /^(?:(?:parish|town|deputy|assistant|locum)\s+)?(?:clerk|clerk and rfo|rfo|responsible financial officer|chair|chairman|chairperson|chairwoman|vice[- ]chair(?:man|person|woman)?|mayor|deputy mayor|minute taker|minutes|secretary|proper officer)$/i;
/** A line that is the clerk's role, then the clerk's name ("Parish Clerk and RFO A M Hounsell"). */
export const ROLE_LEAD =
  /^((?:(?:parish|town|deputy|assistant|locum)\s+)?(?:clerk(?:\s+(?:and|&)\s+(?:rfo|responsible financial officer))?|rfo|responsible financial officer))\s*[:,–—-]?\s+((?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?:\p{Lu}\.?\s+){0,3}\p{Lu}[\p{L}'’-]+)$/iu;
/** A role that makes someone named among those present an officer in attendance, not a member. */
export const OFFICER_ROLE =
  /\b(?:clerk|rfo|responsible financial|financial responsible|officer|minutes|minute taker|secretary|director|manager|head of|advis[eo]r|democratic services|governance)\b/i;

/**
 * A list's lines as entries: a line ending in a comma or "and" goes on into
 * the next ("S Jenkins,\nJ MacBean"); otherwise each line is one or more
 * entries of its own ("Mrs Doreen Berry\nMr Russell Drew"). Entries are
 * split on commas, semicolons and "and" (outside brackets), and a run of
 * names each after "Cllr" with nothing between them is split before each.
 */
export function attendanceEntries(lines: string[]): string[] {
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
export const ORGANISATION =
  /\b(?:Council|Authority|Trust|NHS|Police|Campaign|Association|Society|Partnership|Healthwatch)\b|^[A-Z]{3,}$/;
/** An organisation's name alone: its words capitalised, no title or initial of a person. */
export function looksLikeOrganisation(text: string): boolean {
  return !/^(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\b/.test(text) && !/^\p{Lu}\.?\s/u.test(text);
}

/** A row of an attendance table: a name, its initials, then what they are ("Nicola Cooper NC Parish Clerk"). */
export function tableRow(line: string): boolean {
  const row = /^(.*?\S)\s+([A-Z]{2,3})(?:\s+(.+))?$/.exec(line);
  return row?.[1] !== undefined && !/[,;]/.test(row[1]) && initialsOf(row[1]) === row[2];
}

/** A name's initials, titles and notes left out ("Cllr Jo Bruce" → "JB"). */
export function initialsOf(name: string): string {
  return name
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+/i, '')
    .split(/[\s.]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

/** A person's name as lists write them: its words capitalised, but a few small ones ("of the", "de"). */
export function looksLikeName(name: string): boolean {
  return name.split(/\s+/).every((w) => !/^\p{Ll}{3,}/u.test(w) || SMALL_WORDS.has(w) || NAME_PARTICLES.has(w));
}

/** Splits on commas, semicolons and " and " outside brackets. */
export function splitList(text: string): string[] {
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
export function readAttendee(entry: string): { person: ParsedAttendee; officer: boolean } | null {
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
