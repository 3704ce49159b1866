/**
 * Decisions and tasks minuted in prose, and ACTION lines read as tasks with
 * their owners: "It was agreed to …", "Proposed by …, seconded by …", "Clerk
 * to write to …", "ACTIONS: X to …. Y to ….".
 */
import { splitOwners } from '../names';
import { MONTHS, calendarDate, sentencesOf } from './text';
import type { ParsedAction } from './types';

/** Who decides: the body, not one person ("Cllr Jenkinson agreed that he would…" is not a decision). */
export const BODY = String.raw`(?:it|this|that|the (?:parish |town )?council|the pc|the committee|the panel|the board|the meeting|councillors|members|all members|all councillors|all present|all|they)`;
export const DECISION = [
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
export const AGREED_TO = new RegExp(
  String.raw`\b(?:it was|it|the (?:parish |town )?council|the pc|the committee|the panel|the board|councillors|members|all members|all councillors|all)\s+(?:\w+ly\s+|also\s+)?(?:agreed|resolved|decided)\s+to\s+\p{Ll}`,
  'iu',
);
/** "It was agreed that JR would investigate …": the body's decision that something be done, in prose. */
export const AGREED_THAT = new RegExp(
  String.raw`\b(?:it was|the (?:parish |town )?council|the pc|the committee|the panel|councillors|members|all members|all councillors)\s+(?:\w+ly\s+)?agreed\s+that\b`,
  'iu',
);
/** Words without which a paragraph of minutes that use RESOLVED holds no decision in prose to keep. */
export const MAY_DECIDE =
  /\b(?:agreed|resolved|decided)\s+to\b|\bprop\.|\bseconded\b|\bin favour\b|\ball agreed\b|\bcarried\b|\b2nd\b/i;
/** Apologies or reasons accepted, as the apologies item minutes them. */
export const ACCEPTANCE =
  /^(?:this|these|they|which|the apologies|apologies|the reasons?(?: for absence)?)\b[^.]*\b(?:was|were)\s+(?:\w+ly\s+)?accepted\b/i;
/** The votes and formalities that go with a decision, not a decision of their own. */
export const PROCEDURE =
  /^(?:(?:this|it) was (?:proposed|seconded)\b|proposed by\b[^.]*seconded by\b[^.]*\.?$|seconded by\b|\S+(?:\s+\S+)?\s+seconded (?:this|the proposal|the motion)\b|prop\.|[A-Z]{2,3},?\s+2nd\s+[A-Z]{2,3}\b|2nd\s+[A-Z]{2,3}\b|(?:all|unanimously)\b[^.]*\bin favour\b|all agreed\b(?!\s+(?:that|to)\b)|motion carried\b|carried\b|(?:the )?(?:motion|vote) (?:was )?carried\b|\d+ (?:for|in favour)\b|minutes signed\b)/i;
/** Not decided here: an earlier decision referred to, or an opinion ("agreed that the report was clear"). */
export const NOT_DECIDED =
  /\b(?:apolog\w*|absen\w*|reasons?)\b[^.]*\b(?:was|were)\s+(?:\w+ly\s+)?accepted\b|\b(?:as (?:previously |already )?(?:agreed|approved|resolved|decided)|(?:had|has|have) been (?:agreed|approved|resolved|decided)|previously (?:agreed|approved))\b|\b(?:agreed|in agreement) that\b(?![^.]*\b(?:be|should|would|will|shall|must|to|can)\b)[^.]*\b(?:was|were|is|are)\b/i;

/**
 * The decisions minuted as narrative in a paragraph, one per decision: a
 * proposal's seconder, vote and "carried" join the decision they belong to.
 * The rest is what the paragraph says besides.
 */
export function narrativeDecisions(
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
export function splitTasks(text: string): string[] {
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
export const TASK_OWNER = String.raw`(?:(?:[Tt]he\s+)?(?:(?:[Pp]arish|[Tt]own|[Dd]eputy)\s+)?[Cc]lerk|(?:[Tt]he\s+)?(?:[Vv]ice[- ])?[Cc]hair(?:man|person)?|(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Miss|Dr)\.?\s+(?:[A-Z]\.?\s*){0,2}(?:[A-Z][a-z]+\s+)?[A-Z][\w'’-]+|[A-Z]{2,3}|[A-Z][a-z]+)`;
export const TASK_SENTENCE = new RegExp(
  String.raw`^(${TASK_OWNER}(?:\s*(?:,|&|and|\/)\s*${TASK_OWNER})*)\s+(?:is to|are to|to|agreed to)\s+((?!be\b)[a-z].*)$`,
);
/** Capitalised words that begin a sentence but are nobody ("Payment to be approved", "It to …"). */
export const NOT_OWNERS = new Set(
  'It This That There These Those Council Members Councillors Residents Everyone Nothing Agreed Proposed Decision Item Minutes Payment Notice Letter Report Work Quotes Poster Signs Action Actions Need Plans Costs Also Then Further Additionally Finally Still Now Next'.split(
    ' ',
  ),
);

/**
 * A task given inside a sentence ("… agreed to complete the form and for CM to return to SCDC."): to the
 * clerk, the chair, a councillor or someone's initials, never a bare word ("for Members to consider").
 */
export const TASK_WITHIN = new RegExp(
  String.raw`(?:\bfor|,)\s+((?:[Tt]he\s+)?(?:(?:[Pp]arish|[Tt]own)\s+)?[Cc]lerk|(?:[Tt]he\s+)?[Cc]hair(?:man|person)?|(?:Cllrs?|Councillors?)\.?\s+(?:[A-Z]\.?\s*){0,2}(?:[A-Z][a-z]+\s+)?[A-Z][\w'’-]+|[A-Z]{2,3})\s+(?:agreed\s+)?to\s+((?!be\b)[a-z][^.;]*[.;]?)`,
);
/** "The Chairman agreed to permit discussion": a ruling from the chair, not a task. */
export const RULING = /\bagreed to (?:permit|allow|accept|take|vary|suspend|defer|let)\b/;

/**
 * A task on an ACTIONS line with nobody named ("Payment to be approved at next meeting."): an action of its
 * own, with no owner, for the clerk to give one.
 */
export const PASSIVE_TASK = /^(?:[Tt]he\s+)?\p{Lu}[\p{L}-]*(?:\s+\p{Ll}[\p{L}-]*){0,2}\s+to\s+be\s+\p{Ll}+/u;

/** An ACTION line's task: its owners and what they are to do, or, in the passive, no owner. */
export function readTask(text: string, before: string): ParsedAction | null {
  if (PASSIVE_TASK.test(text.trim()))
    return { owners: [], description: text.trim(), descriptionFrom: 'action line', dueDate: dueDateIn(text) };
  return readAction(text, before);
}

/** Tasks given in prose ("Clerk to write to Highways.", "Cllr Crisp agreed to contact Mr Rolph."): one action each. */
export function tasksIn(paragraph: string): ParsedAction[] {
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

/** An owner named by role or initials, then what they are to do without a "to" ("Parish Clerk arrange …"). */
export const ROLE_THEN_VERB =
  /^((?:[Tt]he\s+)?(?:(?:[Pp]arish|[Tt]own)\s+)?[Cc]lerk|(?:[Tt]he\s+)?[Cc]hair(?:man|person)?|[A-Z]{2,3})\s+(\p{Ll}{3,}\s.*)$/u;

/** "Clerk to action", "HR to action.": a line that gives its item's business to someone. */
export const TO_ACTION = new RegExp(String.raw`^${TASK_OWNER}\s+to\s+action\.?$`);

export const OWNER_SPLIT = /\s+(?:to|will|should|would|is to|are to)\s+(?=\S)/;

/** "Mr A Turner/Ms F Cayley to discuss Option 4", or "The Chairman" (the action is the sentence before). */
export function readAction(text: string, before: string): ParsedAction | null {
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
export function dueDateIn(description: string): string | null {
  const due = new RegExp(`\\bby\\s+(?:\\w+day\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTHS})\\s+(\\d{4})`, 'i').exec(
    description,
  );
  if (!due) return null;
  return calendarDate(due[1] ?? '', due[2] ?? '', due[3] ?? '');
}
