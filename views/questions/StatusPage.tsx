import type { AnswererView, AskerView } from '../../src/features/questions/queries';
import { formatCalendarDay, formatDate, formatDateTime } from '../../src/lib/dates';
import type { RejectionGround } from '../../src/lib/enums';
import { WRITTEN_ANSWER_FIELDS } from '../../src/lib/fields';
import { QUESTION_KIND_LABELS, REJECTION_GROUND_LABELS } from '../../src/lib/labels';
import type { FieldErrors } from '../../src/lib/validation';
import { Button } from '../components/Button';
import { Input, Textarea } from '../components/Field';
import { FormPage } from '../components/FormPage';
import { Csrf } from '../components/FormParts';
import { SummaryList, type SummaryListRow } from '../components/SummaryList';
import { QuestionStatusTag, TypedText } from './parts';

/** What happens next, for the asker, from where their question stands. */
function nextStep(q: AskerView): string {
  switch (q.status) {
    case 'received':
      return q.late
        ? 'It arrived after questions closed. The chairman decides whether it can still be taken; the clerk will email you before the meeting.'
        : 'The clerk is checking it against the committee’s scheme, and will email you whether it is accepted.';
    case 'accepted':
      return 'It is published on the meeting’s page, and will be answered at the meeting or in writing before it. We will email you when a written answer is published.';
    case 'answered':
      return q.answerPublished
        ? 'It has been answered: the answer is below and on the meeting’s page.'
        : 'It has been answered. The answer is published on the meeting’s page once the clerk has checked it.';
    case 'rejected':
      return 'It cannot be taken under the committee’s scheme, for the reason below.';
    case 'withdrawn':
      return 'It has been withdrawn, and will not be taken at the meeting.';
    case 'merged':
      return `It asks much the same as another question for the meeting${q.mergedIntoReference ? ` (${q.mergedIntoReference})` : ''}, so the two have been combined: that question’s answer answers yours too.`;
  }
}

/** The asker's page at the link emailed to them: where the question stands, and a way to withdraw it. */
export function StatusPage({
  q,
  sent,
  csrfToken,
  token,
}: {
  q: AskerView;
  sent: boolean;
  csrfToken: string;
  token: string;
}): JSX.Element {
  const kind = QUESTION_KIND_LABELS[q.kind].toLowerCase();
  const rows: SummaryListRow[] = [
    { key: 'Reference', text: q.reference ?? '' },
    {
      key: 'Meeting',
      html: (
        <a class="govuk-link" href={`/meetings/${q.meeting.id}`} safe>
          {`${q.meeting.committee.name}, ${formatDateTime(q.meeting.startsAt)}`}
        </a>
      ),
    },
    { key: 'Status', html: <QuestionStatusTag status={q.status} /> },
    {
      key: 'Received',
      text: q.submittedAt ? `${formatDateTime(q.submittedAt)}${q.late ? ' (after questions closed)' : ''}` : '',
    },
    { key: `Your ${kind}`, html: <TypedText text={q.text} /> },
  ];
  if (q.status === 'rejected' && q.rejectionReason) {
    rows.push({
      key: 'Why it cannot be taken',
      text: REJECTION_GROUND_LABELS[q.rejectionReason as RejectionGround] ?? q.rejectionReason,
    });
    if (q.rejectionNote) rows.push({ key: 'The clerk adds', html: <TypedText text={q.rejectionNote} /> });
  }
  if (q.answerPublished && q.answerText) rows.push({ key: 'Answer', html: <TypedText text={q.answerText} /> });
  const canWithdraw = ['received', 'accepted', 'answered'].includes(q.status) && q.meeting.window.state !== 'over';
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {sent ? (
          <div class="govuk-panel govuk-panel--confirmation">
            <h1 class="govuk-panel__title" safe>
              {`Your ${kind} has been sent`}
            </h1>
            <div class="govuk-panel__body">
              Your reference
              <br />
              <strong safe>{q.reference ?? ''}</strong>
            </div>
          </div>
        ) : (
          <>
            <span class="govuk-caption-l" safe>
              {q.reference ?? ''}
            </span>
            <h1 class="govuk-heading-l" safe>
              {`Your ${kind} to the ${q.meeting.committee.name}`}
            </h1>
          </>
        )}
        {sent ? (
          <p class="govuk-body">
            We have sent you an email with this reference and a link back to this page. Keep it: the link is the only
            way to follow your question without contacting the clerk.
          </p>
        ) : (
          ''
        )}
        <h2 class="govuk-heading-m">What happens next</h2>
        <p class="govuk-body" safe>
          {nextStep(q)}
        </p>
        <SummaryList rows={rows} />
        {canWithdraw ? (
          <form method="post" action={`/questions/${token}/withdraw`} novalidate>
            <Csrf token={csrfToken} />
            <Button text={`Withdraw my ${kind}`} variant="secondary" />
          </form>
        ) : (
          ''
        )}
      </div>
    </div>
  );
}

/** A link that is not one we sent (or no longer works). */
export function UnknownLinkPage({
  what,
  typed,
}: {
  what: 'question' | 'answer' | 'action';
  typed?: string;
}): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">This link does not work</h1>
        <p class="govuk-body">
          {what === 'question'
            ? 'It is not a link to a question that we sent. Check that you copied the whole link from the email we sent you, or contact the clerk to the committee.'
            : what === 'answer'
              ? 'It is not a link that we sent, or it has been replaced by a newer one (if you were asked again, use the link in the latest email). Check that you copied the whole link, or contact the clerk to the committee.'
              : 'It is not a link that we sent, or it has expired or been replaced by a newer one (use the link in the latest email). The clerk to the committee can send you a new one.'}
        </p>
        <TypedCopy typed={typed} />
      </div>
    </div>
  );
}

/** What was typed but not sent, to copy before leaving the page. */
function TypedCopy({ typed }: { typed?: string }): JSX.Element {
  return typed?.trim() ? (
    <>
      <h2 class="govuk-heading-m">What you typed (not sent)</h2>
      <p class="govuk-body">Copy it before you leave this page.</p>
      <div class="govuk-inset-text">
        <TypedText text={typed} />
      </div>
    </>
  ) : (
    ''
  );
}

export interface AnswerPageProps {
  q: AnswererView;
  token: string;
  csrfToken: string;
  values: Record<(typeof WRITTEN_ANSWER_FIELDS)[number], string>;
  errors: FieldErrors;
}

/** The answerer's page at the link emailed to them: the question, and a form for the written answer. */
export function AnswerPage({ q, token, csrfToken, values, errors }: AnswerPageProps): JSX.Element {
  const about = (
    <>
      <p class="govuk-body" safe>
        {`A question from ${q.askerName}${q.askerOrganisation ? ` (${q.askerOrganisation})` : ''} to the ${q.meeting.committee.name} on ${formatDate(q.meeting.startsAt)}.${q.answerDueOn ? ` The answer is due by ${formatCalendarDay(q.answerDueOn)}.` : ''}`}
      </p>
      <div class="govuk-inset-text">
        <TypedText text={q.text} />
      </div>
      <p class="govuk-body">
        The answer is published with the question, signed as you write below, once the clerk has read it.
      </p>
    </>
  );
  if (q.answerReceivedAt) {
    return (
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <span class="govuk-caption-l" safe>
            {q.reference ?? ''}
          </span>
          <h1 class="govuk-heading-l">Your answer has been sent</h1>
          <p class="govuk-body" safe>
            {`It arrived on ${formatDateTime(q.answerReceivedAt)}. To change it, contact the clerk${q.meeting.committee.contactEmail ? ` at ${q.meeting.committee.contactEmail}` : ''}.`}
          </p>
          <TypedCopy typed={values.answerText} />
          {about}
          {q.answerText ? (
            <>
              <h2 class="govuk-heading-m">Your answer</h2>
              <TypedText text={q.answerText} />
            </>
          ) : (
            ''
          )}
        </div>
      </div>
    );
  }
  return (
    <FormPage
      title="Answer a public question"
      caption={q.reference ?? undefined}
      action={`/questions/answer/${token}`}
      csrfToken={csrfToken}
      errors={errors}
      fieldOrder={WRITTEN_ANSWER_FIELDS}
      submitText="Send the answer"
      cancelHref={`/meetings/${q.meeting.id}`}
      intro={about}
    >
      <Textarea
        id="answerText"
        label="Your answer"
        rows={12}
        value={values.answerText}
        errorMessage={errors.answerText}
      />
      <Input
        id="answeredBy"
        label="Your name and role"
        hint="As the answer should be signed, like “Dr J Kent, Medical Director, Buckinghamshire Healthcare NHS Trust”."
        value={values.answeredBy}
        errorMessage={errors.answeredBy}
      />
    </FormPage>
  );
}
