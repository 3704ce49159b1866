import { describe, expect, it } from 'vitest';
import {
  countWords,
  decisionBy,
  emailErasedAfter,
  questionReference,
  questionWindow,
  schemeInWords,
  similarity,
} from '../../src/lib/question-scheme';
import { formatDateTime } from '../../src/lib/dates';

const RULES = { questionCutoffClearDays: 3, questionCutoffTime: '12:00', questionsOpenDaysBefore: null };
const at = (iso: string) => new Date(iso);

describe('when questions close', () => {
  // Thursday 7 January 2021: three clear working days before are Mon 4, Tue 5 and Wed 6; Friday 1
  // January is a bank holiday, so the last working day before them is Thursday 31 December.
  const january = { startsAt: at('2021-01-07T10:00:00Z'), status: 'scheduled' as const };

  it('closes at noon London time on the working day that leaves the clear days, skipping a bank holiday', () => {
    const w = questionWindow(january, RULES, at('2020-12-20T09:00:00Z'));
    expect(w.closesAt.toISOString()).toBe('2020-12-31T12:00:00.000Z');
    expect(w.state).toBe('open');
  });

  it('is open until the minute, and closed at it', () => {
    expect(questionWindow(january, RULES, at('2020-12-31T11:59:59.999Z')).state).toBe('open');
    expect(questionWindow(january, RULES, at('2020-12-31T12:00:00.000Z')).state).toBe('closed');
  });

  it('counts in London summer time, across Easter', () => {
    // Thursday 9 April 2026: Good Friday (3rd) and Easter Monday (6th) are not working days, so the
    // three clear days are Thu 2, Tue 7 and Wed 8, and questions close at noon BST on Wed 1 April.
    const easter = { startsAt: at('2026-04-09T09:00:00Z'), status: 'scheduled' as const };
    const w = questionWindow(easter, RULES, at('2026-03-20T09:00:00Z'));
    expect(w.closesAt.toISOString()).toBe('2026-04-01T11:00:00.000Z');
    expect(questionWindow(easter, RULES, at('2026-04-01T10:59:00Z')).state).toBe('open');
    expect(questionWindow(easter, RULES, at('2026-04-01T11:00:00Z')).state).toBe('closed');
  });

  it('opens some days before when the committee says so, at the start of that London day', () => {
    const rules = { ...RULES, questionsOpenDaysBefore: 14 };
    const w = questionWindow(january, rules, at('2020-12-23T23:59:00Z'));
    expect(w.opensAt?.toISOString()).toBe('2020-12-24T00:00:00.000Z');
    expect(w.state).toBe('not_yet_open');
    expect(questionWindow(january, rules, at('2020-12-24T00:00:00Z')).state).toBe('open');
  });

  it('takes no questions once the meeting has begun, or when it is not going ahead', () => {
    expect(questionWindow(january, RULES, at('2021-01-07T10:00:00Z')).state).toBe('over');
    expect(questionWindow({ ...january, status: 'held' }, RULES, at('2020-12-20T09:00:00Z')).state).toBe('over');
    expect(questionWindow({ ...january, status: 'cancelled' }, RULES, at('2020-12-20T09:00:00Z')).state).toBe(
      'not_going_ahead',
    );
    expect(questionWindow({ ...january, status: 'postponed' }, RULES, at('2020-12-20T09:00:00Z')).state).toBe(
      'not_going_ahead',
    );
  });

  it('says the scheme in words', () => {
    const w = questionWindow(january, RULES, at('2020-12-20T09:00:00Z'));
    const words = schemeInWords(
      {
        ...RULES,
        questionWordLimit: 250,
        questionsPerPerson: 1,
        speakingRequests: false,
        askerEmailMonths: 6,
      },
      w,
      formatDateTime,
    );
    expect(words[0]).toBe(
      'Questions close at Thursday 31 December 2020, midday: three clear working days before the meeting.',
    );
    expect(words).toContain('A question can be up to 250 words long.');
    expect(words).toContain('Each person or organisation can ask one question at each meeting.');
  });
});

describe('counting words', () => {
  it('counts runs of anything but spaces, as the form’s live count does', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('   ')).toBe(0);
    expect(countWords('One')).toBe(1);
    expect(countWords('  Will the  surgery\nstay open? ')).toBe(5);
    expect(countWords('A&E — and GP’s hours')).toBe(5);
  });

  it('puts exactly the limit inside it and one more outside', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    expect(countWords(words(250))).toBe(250);
    expect(countWords(words(251))).toBe(251);
  });
});

describe('references, decisions and erasure', () => {
  it('names a question by its meeting’s London date and its place', () => {
    expect(questionReference(at('2021-01-07T10:00:00Z'), 3)).toBe('Q-2021-01-07-003');
    // 22:30 UTC on 30 June is 11.30pm in London: still 30 June there, which is the date that counts.
    expect(questionReference(at('2026-06-30T22:30:00Z'), 12)).toBe('Q-2026-06-30-012');
  });

  it('promises a decision the working day after questions close, never later than the day before the meeting', () => {
    expect(decisionBy(at('2021-01-07T10:00:00Z'), at('2020-12-31T12:00:00Z'))).toBe('2021-01-04');
    expect(decisionBy(at('2021-01-05T10:00:00Z'), at('2021-01-04T12:00:00Z'))).toBe('2021-01-04');
  });

  it('erases an asker’s email the committee’s months after the meeting', () => {
    expect(emailErasedAfter(at('2021-01-07T10:00:00Z'), 6).toISOString()).toBe('2021-07-07T09:00:00.000Z');
  });
});

describe('likely duplicates', () => {
  it('finds questions that ask much the same, and not those that do not', () => {
    const a = 'When will the new GP surgery in Winslow open, and how many doctors will it have?';
    const b = 'How many doctors will the new Winslow GP surgery have when it opens?';
    const c = 'What is the waiting time for a carer’s assessment in Aylesbury?';
    expect(similarity(a, b)).toBeGreaterThan(0.35);
    expect(similarity(a, c)).toBeLessThan(0.1);
    expect(similarity(a, a)).toBe(1);
    expect(similarity('', a)).toBe(0);
  });
});
