import type { QuestionMeeting } from '../../src/features/questions/queries';
import { formatDateTime } from '../../src/lib/dates';
import type { QuestionStatus } from '../../src/lib/enums';
import { QUESTION_STATUS_LABELS, REJECTION_GROUND_LABELS } from '../../src/lib/labels';
import { schemeInWords } from '../../src/lib/question-scheme';
import { Tag, type TagColour } from '../components/Tag';
import { byText, remembered } from '../../src/lib/memo';

/**
 * What the question pages share: a question's text as typed (escaped, its
 * paragraphs and line breaks kept, never read as markup), its status as a
 * tag, and the scheme in plain words.
 */
export function TypedText({ text, classes = 'govuk-body' }: { text: string; classes?: string }): JSX.Element {
  return classes === 'govuk-body' ? typedBody(text) : typed(text, classes);
}

function typed(text: string, classes: string): string {
  return (
    <>
      {text
        .trim()
        .split(/\n\s*\n/)
        .map((paragraph) => (
          <p class={`${classes} app-typed-text`} safe>
            {paragraph}
          </p>
        ))}
    </>
  ) as string;
}

/** A page of questions shows the same texts to every reader: each is escaped and split once. */
const typedBody = remembered((text: string) => typed(text, 'govuk-body'), byText, 2000);

const STATUS_COLOURS: Record<QuestionStatus, TagColour> = {
  received: 'blue',
  accepted: 'green',
  answered: 'turquoise',
  rejected: 'red',
  withdrawn: 'grey',
  merged: 'grey',
};

export function QuestionStatusTag({ status }: { status: QuestionStatus }): JSX.Element {
  return <Tag text={QUESTION_STATUS_LABELS[status]} colour={STATUS_COLOURS[status]} />;
}

/** The committee's scheme for this meeting, and the grounds on which a question can be turned down. */
export function SchemeDetails({ meeting }: { meeting: QuestionMeeting }): JSX.Element {
  return (
    <>
      <ul class="govuk-list govuk-list--bullet">
        {schemeInWords(meeting.committee.rules, meeting.window, formatDateTime).map((line) => (
          <li safe>{line}</li>
        ))}
      </ul>
      <details class="govuk-details">
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text">When a question cannot be taken</span>
        </summary>
        <div class="govuk-details__text">
          <p class="govuk-body">The clerk can turn a question down when:</p>
          <ul class="govuk-list govuk-list--bullet">
            {Object.values(REJECTION_GROUND_LABELS).map((ground) => (
              <li safe>{ground}</li>
            ))}
          </ul>
          <p class="govuk-body">You are told why by email, and can see it at the link in that email.</p>
        </div>
      </details>
    </>
  );
}
