import type { PublicQuestion } from '../../src/features/agenda/queries';
import type { PublicQuestionView } from '../../src/features/questions/queries';
import { QUESTION_KIND_LABELS } from '../../src/lib/labels';
import { renderSafeMarkdown } from '../../src/lib/safe-markdown';
import { TypedText } from './parts';

/** A question on a public page: what a frozen agenda kept, with what the live record adds when it is the live one. */
export type ShownQuestion = PublicQuestion & Partial<Omit<PublicQuestionView, keyof PublicQuestion>>;

/** A question's disclosure, told apart from the others: its number, who asked, and its first words. */
export function questionLabel(q: {
  number: number;
  askerName: string;
  askerOrganisation: string | null;
  text: string;
}): string {
  // Its first eight words: the opening of a long question is enough to read.
  const words = q.text.slice(0, 400).replace(/\s+/g, ' ').trim().split(' ');
  const opening = words
    .slice(0, 8)
    .join(' ')
    .replace(/[.,;:!?]+$/, '');
  const asker = `${q.askerName}${q.askerOrganisation ? `, ${q.askerOrganisation}` : ''}`;
  return `Question ${q.number} (${asker}): “${opening}${words.length > 8 || q.text.length > 400 ? '…' : ''}”`;
}

const heading = (q: ShownQuestion) =>
  `${q.kind && q.kind !== 'question' ? QUESTION_KIND_LABELS[q.kind] : 'Question'} ${q.number}, submitted by ${q.askerName}${q.askerOrganisation ? `, ${q.askerOrganisation}` : ''}`;

function Answer({ q }: { q: ShownQuestion }): JSX.Element {
  const safeAnswer = q.answerText ? renderSafeMarkdown(q.answerText) : '';
  return (
    <>
      {safeAnswer}
      {q.answerDocument ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`/documents/${q.answerDocument.id}`} safe>
            {q.answerDocument.title}
          </a>{' '}
          <span class="govuk-hint govuk-!-display-inline">(PDF)</span>
        </p>
      ) : (
        ''
      )}
      {q.answeredBy ? (
        <p class="govuk-body-s" safe>
          {q.answeredBy}
        </p>
      ) : (
        ''
      )}
      {q.supplementaryQuestion ? (
        <>
          <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Supplementary question</p>
          <TypedText text={q.supplementaryQuestion} />
          {q.supplementaryAnswer ? (
            <>
              <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Supplementary answer</p>
              <TypedText text={q.supplementaryAnswer} />
            </>
          ) : (
            ''
          )}
        </>
      ) : (
        ''
      )}
    </>
  );
}

/**
 * Accepted questions as the public read them: those to be answered at the
 * meeting in full, those answered in writing as disclosures with the answer.
 * The text is shown exactly as the asker typed it; the asker's email never.
 */
export function QuestionList({
  questions,
  level = 4,
}: {
  questions: ShownQuestion[];
  /** The level of each question's heading: one below the section's. */
  level?: 3 | 4;
}): JSX.Element {
  const Heading = ({ text }: { text: string }) =>
    level === 3 ? (
      <h3 class="govuk-heading-s" safe>
        {text}
      </h3>
    ) : (
      <h4 class="govuk-heading-s" safe>
        {text}
      </h4>
    );
  const written = questions.filter((q) => q.answerKind === 'written' && (q.answerText || q.answerDocument));
  const atMeeting = questions.filter((q) => !written.includes(q));
  return (
    <>
      {atMeeting.map((q) => (
        <div class="app-question" id={`question-${q.number}`}>
          <Heading text={heading(q)} />
          {q.aboutItemTitle ? <p class="govuk-body-s" safe>{`About: ${q.aboutItemTitle}`}</p> : ''}
          <TypedText text={q.text} />
          {q.answerText || q.answerDocument ? (
            <>
              <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
                {q.answerKind === 'oral' ? 'Answer at the meeting' : 'Answer'}
              </p>
              <Answer q={q} />
            </>
          ) : (
            ''
          )}
        </div>
      ))}
      {written.length > 0 ? (
        <>
          <Heading text="Questions answered in writing" />
          {written.map((q) => (
            <details class="govuk-details" id={`question-${q.number}`}>
              <summary class="govuk-details__summary">
                <span class="govuk-details__summary-text" safe>
                  {questionLabel(q)}
                </span>
              </summary>
              <div class="govuk-details__text">
                <TypedText text={q.text} />
                <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Response</p>
                <Answer q={q} />
              </div>
            </details>
          ))}
        </>
      ) : (
        ''
      )}
    </>
  );
}
