import { DateTime } from 'luxon';
import { LONDON, londonDate } from './dates';
import { addDays, nextWorkingDayAfter, nthWorkingDayBefore, questionsCloseAt } from './deadlines';
import type { MeetingStatus } from './enums';

/**
 * A committee's public question scheme, applied: when questions open and
 * close, how words are counted, references, and how alike two questions are.
 * Pure functions of their arguments; times are instants, computed in London.
 */

export interface SchemeRules {
  questionCutoffClearDays: number;
  questionCutoffTime: string;
  questionWordLimit: number;
  questionsPerPerson: number;
  questionsOpenDaysBefore: number | null;
  speakingRequests: boolean;
  askerEmailMonths: number;
}

export type WindowState =
  /** Scheduled, but questions open later (the committee opens them some days before). */
  | 'not_yet_open'
  | 'open'
  /** Past the cut-off, before the meeting: a question that arrives now is kept and marked late. */
  | 'closed'
  /** The meeting has begun or been held: nothing more can be asked of it. */
  | 'over'
  /** Cancelled or postponed. */
  | 'not_going_ahead';

export interface QuestionWindow {
  state: WindowState;
  /** Null: open from when the meeting was scheduled. */
  opensAt: Date | null;
  closesAt: Date;
}

/** Where a meeting's public questions stand at `now`. */
export function questionWindow(
  meeting: { startsAt: Date; status: MeetingStatus },
  rules: Pick<SchemeRules, 'questionCutoffClearDays' | 'questionCutoffTime' | 'questionsOpenDaysBefore'>,
  now: Date,
): QuestionWindow {
  const day = londonDate(meeting.startsAt);
  const closesAt = questionsCloseAt(day, rules.questionCutoffClearDays, rules.questionCutoffTime);
  const opensAt =
    rules.questionsOpenDaysBefore === null
      ? null
      : DateTime.fromISO(addDays(day, -rules.questionsOpenDaysBefore), { zone: LONDON }).startOf('day').toJSDate();
  const state: WindowState =
    meeting.status === 'cancelled' || meeting.status === 'postponed'
      ? 'not_going_ahead'
      : meeting.status === 'held' || now >= meeting.startsAt
        ? 'over'
        : opensAt !== null && now < opensAt
          ? 'not_yet_open'
          : now < closesAt
            ? 'open'
            : 'closed';
  return { state, opensAt, closesAt };
}

/**
 * Words as GOV.UK's character count counts them (runs of anything but
 * spaces), so the count the asker sees as they type is the count that decides.
 */
export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/** "Q-2021-01-07-003": the meeting's London date and the question's place in the order received. */
export function questionReference(meetingStartsAt: Date, sequence: number): string {
  return `Q-${londonDate(meetingStartsAt)}-${String(sequence).padStart(3, '0')}`;
}

/** The default day a written answer is due: two working days before the meeting, so it can be published. */
export function defaultAnswerDue(meetingStartsAt: Date): string {
  return nthWorkingDayBefore(londonDate(meetingStartsAt), 2);
}

/**
 * The day the asker hears whether their question is accepted: the working day
 * after questions close, and never later than the day before the meeting.
 */
export function decisionBy(meetingStartsAt: Date, closesAt: Date): string {
  const after = nextWorkingDayAfter(londonDate(closesAt));
  const dayBefore = addDays(londonDate(meetingStartsAt), -1);
  return after < dayBefore ? after : dayBefore;
}

/** The instant an asker's email is erased: some months after the meeting. */
export function emailErasedAfter(meetingStartsAt: Date, months: number): Date {
  return DateTime.fromJSDate(meetingStartsAt, { zone: LONDON }).plus({ months }).toJSDate();
}

const STOP_WORDS = new Set(
  (
    'a about an and are as at be been but by can could do does for from had has have how i if in into is it its ' +
    'may me my no not of on or our please so than that the their them then there these they this to was we were ' +
    'what when where which who why will with would you your'
  ).split(' '),
);

function terms(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .match(/[\p{L}\p{N}]+/gu);
  return new Set((words ?? []).filter((w) => w.length > 1 && !STOP_WORDS.has(w)));
}

/**
 * How alike two questions are, from 0 (nothing in common) to 1 (the same
 * words): the Jaccard index of their words, leaving out the small words
 * every question has. Good enough to offer a clerk "substantially the same
 * as" candidates to look at; the clerk decides.
 */
export function similarity(a: string, b: string): number {
  const x = terms(a);
  const y = terms(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / (x.size + y.size - shared);
}

/** Above this, a recent question is offered as a likely duplicate. */
export const LIKELY_DUPLICATE = 0.35;

const SMALL_NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const inWords = (n: number) => SMALL_NUMBERS[n] ?? String(n);
const plural = (n: number, one: string, many = `${one}s`) => `${inWords(n)} ${n === 1 ? one : many}`;

/** The scheme's rules for one meeting, as sentences a resident reads before asking. */
export function schemeInWords(
  rules: SchemeRules,
  window: QuestionWindow,
  formatInstant: (d: Date) => string,
): string[] {
  const closes =
    rules.questionCutoffClearDays > 0
      ? `Questions close at ${formatInstant(window.closesAt)}: ${plural(rules.questionCutoffClearDays, 'clear working day')} before the meeting.`
      : `Questions close at ${formatInstant(window.closesAt)}.`;
  return [
    ...(window.opensAt ? [`Questions open at ${formatInstant(window.opensAt)}.`] : []),
    closes,
    `A question can be up to ${rules.questionWordLimit} words long.`,
    `Each person or organisation can ask ${plural(rules.questionsPerPerson, 'question')} at each meeting.`,
    'A question that arrives after questions close is kept and marked late: the chairman decides whether it can be taken.',
  ];
}
