import type { Children } from '@kitajs/html';
import type { LikelyDuplicate, QuestionDetail } from '../../src/features/questions/queries';
import { formatDate } from '../../src/lib/dates';
import { ANSWER_KINDS, REJECTION_GROUNDS } from '../../src/lib/enums';
import type { DateParts } from '../../src/lib/forms';
import { REJECTION_GROUND_LABELS } from '../../src/lib/labels';
import { Button } from '../components/Button';
import { DateInput } from '../components/DateInput';
import { Input, Select, Textarea } from '../components/Field';
import { Csrf } from '../components/FormParts';
import { enhance, FormError, stateOf, type FormState } from '../components/Live';
import { Radios } from '../components/Radios';
import { TypedText } from './parts';

/** The region the question page's forms swap, and the names of its forms. */
export const QUESTION_REGION = 'question-page';
export const QUESTION_FORMS = {
  accept: 'accept',
  reject: 'reject',
  merge: 'merge',
  withdraw: 'withdraw',
  answerer: 'answerer',
  answer: 'answer',
  publish: 'publish',
} as const;
export type QuestionFormName = (typeof QUESTION_FORMS)[keyof typeof QUESTION_FORMS];

/** Each form's field ids, for the error summary: `<form>-<field>`. */
export const questionFieldId = (form: string, field: string) => (field === 'due' ? `${form}-due` : `${form}-${field}`);

export interface FormsContext {
  q: QuestionDetail;
  csrfToken: string;
  state?: FormState;
  action: (form: QuestionFormName) => string;
}

function Form({
  ctx,
  name,
  children,
  submit,
  variant,
}: {
  ctx: FormsContext;
  name: QuestionFormName;
  children?: Children;
  submit: string;
  variant?: 'primary' | 'secondary' | 'warning';
}): JSX.Element {
  const action = ctx.action(name);
  return (
    <form method="post" action={action} novalidate {...enhance(action, QUESTION_REGION)}>
      <Csrf token={ctx.csrfToken} />
      <FormError state={stateOf(ctx.state, name)} id={`${name}-error`} />
      {children ?? ''}
      <Button text={submit} variant={variant} preventDoubleClick />
    </form>
  );
}

const valueOf = (ctx: FormsContext, form: QuestionFormName, field: string, fallback = '') =>
  stateOf(ctx.state, form)?.values[field] ?? fallback;
const errorOf = (ctx: FormsContext, form: QuestionFormName, field: string) => stateOf(ctx.state, form)?.errors[field];

export function DecisionForms({
  ctx,
  duplicates,
  others,
}: {
  ctx: FormsContext;
  duplicates: LikelyDuplicate[];
  others: { id: number; reference: string | null; askerName: string }[];
}): JSX.Element {
  const { q } = ctx;
  const canAccept = q.status === 'received' || q.status === 'rejected';
  const canReject = q.status === 'received' || q.status === 'accepted';
  return (
    <>
      {canAccept ? (
        <section aria-labelledby="accept-heading">
          <h2 class="govuk-heading-m" id="accept-heading">
            Accept
          </h2>
          <p class="govuk-body">
            It is published on the meeting’s page at once, last in the order, and the asker is emailed.
            {q.late ? ' It arrived late: accept it only if the chairman agrees.' : ''}
          </p>
          <Form ctx={ctx} name="accept" submit="Accept the question" />
        </section>
      ) : (
        ''
      )}
      {duplicates.length > 0 ? (
        <section aria-labelledby="duplicates-heading">
          <h2 class="govuk-heading-m" id="duplicates-heading">
            Questions like this one in the last six months
          </h2>
          <ul class="govuk-list">
            {duplicates.map((d) => (
              <li class="app-duplicate">
                <p class="govuk-body govuk-!-margin-bottom-1">
                  <a class="govuk-link" href={`/manage/meetings/${d.meetingId}/questions/${d.id}`} safe>
                    {d.reference ?? `Question ${d.id}`}
                  </a>
                  <span
                    safe
                  >{`, ${d.askerName}, for ${formatDate(d.meetingStartsAt)} (${Math.round(d.likeness * 100)}% the same words)`}</span>
                </p>
                <div class="govuk-inset-text govuk-!-margin-top-1">
                  <TypedText text={d.text} classes="govuk-body-s" />
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {canReject ? (
        <section aria-labelledby="reject-heading">
          <h2 class="govuk-heading-m" id="reject-heading">
            Reject
          </h2>
          <Form ctx={ctx} name="reject" submit="Reject the question" variant="warning">
            <Radios
              id={questionFieldId('reject', 'reason')}
              name="reason"
              legend="Why it cannot be taken, under the scheme"
              errorMessage={errorOf(ctx, 'reject', 'reason')}
              value={valueOf(ctx, 'reject', 'reason')}
              options={REJECTION_GROUNDS.map((g) => ({ value: g, text: REJECTION_GROUND_LABELS[g] }))}
            />
            <Textarea
              id={questionFieldId('reject', 'note')}
              name="note"
              label="A note to the asker (optional)"
              hint="Emailed to them with the reason: for example, where a personal case can be taken instead."
              rows={3}
              value={valueOf(ctx, 'reject', 'note')}
              errorMessage={errorOf(ctx, 'reject', 'note')}
            />
          </Form>
        </section>
      ) : (
        ''
      )}
      {canReject && others.length > 0 ? (
        <section aria-labelledby="merge-heading">
          <h2 class="govuk-heading-m" id="merge-heading">
            Combine with another question
          </h2>
          <p class="govuk-body">
            When it asks the same as another question for this meeting: that one’s answer answers both.
          </p>
          <Form ctx={ctx} name="merge" submit="Combine" variant="secondary">
            <Select
              id={questionFieldId('merge', 'intoId')}
              name="intoId"
              label="The question it repeats"
              value={valueOf(ctx, 'merge', 'intoId')}
              errorMessage={errorOf(ctx, 'merge', 'intoId')}
              options={[
                { value: '', text: 'Choose a question' },
                ...others.map((o) => ({
                  value: String(o.id),
                  text: `${o.reference ?? `Question ${o.id}`}, ${o.askerName}`,
                })),
              ]}
            />
          </Form>
        </section>
      ) : (
        ''
      )}
    </>
  );
}

export function AnswerForms({
  ctx,
  people,
  organisations,
  papers,
  defaultDue,
}: {
  ctx: FormsContext;
  people: { id: number; name: string }[];
  organisations: { id: number; name: string }[];
  papers: { id: number; title: string }[];
  defaultDue: DateParts;
}): JSX.Element {
  const { q } = ctx;
  const due = stateOf(ctx.state, 'answerer')
    ? {
        day: valueOf(ctx, 'answerer', 'due-day'),
        month: valueOf(ctx, 'answerer', 'due-month'),
        year: valueOf(ctx, 'answerer', 'due-year'),
      }
    : defaultDue;
  return (
    <>
      <section aria-labelledby="answerer-heading">
        <h2 class="govuk-heading-m" id="answerer-heading">
          {q.answerRequestedAt ? 'Ask again for a written answer' : 'Ask for a written answer'}
        </h2>
        <p class="govuk-body">
          They are emailed the question (never the asker’s email address), the date it is due and a link to send the
          answer back, with no account.{' '}
          {q.answerRequestedAt ? 'Asking again makes a new link: the old one stops working.' : ''}
        </p>
        <Form ctx={ctx} name="answerer" submit="Send the request" variant="secondary">
          <Select
            id={questionFieldId('answerer', 'personId')}
            name="personId"
            label="Person"
            value={valueOf(ctx, 'answerer', 'personId', q.answererPersonId === null ? '' : String(q.answererPersonId))}
            errorMessage={errorOf(ctx, 'answerer', 'personId')}
            options={[
              { value: '', text: 'Nobody in particular' },
              ...people.map((p) => ({ value: String(p.id), text: p.name })),
            ]}
          />
          <Select
            id={questionFieldId('answerer', 'organisationId')}
            name="organisationId"
            label="Organisation"
            value={valueOf(
              ctx,
              'answerer',
              'organisationId',
              q.answererOrganisationId === null ? '' : String(q.answererOrganisationId),
            )}
            errorMessage={errorOf(ctx, 'answerer', 'organisationId')}
            options={[
              { value: '', text: 'None' },
              ...organisations.map((o) => ({ value: String(o.id), text: o.name })),
            ]}
          />
          <Input
            id={questionFieldId('answerer', 'email')}
            name="email"
            label="Email address to send it to"
            hint="Leave empty to use the address kept in the directory for the person or organisation."
            type="email"
            spellcheck={false}
            value={valueOf(ctx, 'answerer', 'email', q.answererEmail ?? '')}
            errorMessage={errorOf(ctx, 'answerer', 'email')}
          />
          <DateInput
            id={questionFieldId('answerer', 'due')}
            legend="The answer is due by"
            errorMessage={errorOf(ctx, 'answerer', 'due')}
            value={due}
          />
        </Form>
      </section>
      <section aria-labelledby="answer-heading">
        <h2 class="govuk-heading-m" id="answer-heading">
          {q.status === 'answered' ? 'Change the answer' : 'Record the answer'}
        </h2>
        <Form ctx={ctx} name="answer" submit="Save the answer" variant="secondary">
          <Radios
            id={questionFieldId('answer', 'answerKind')}
            name="answerKind"
            legend="How it was answered"
            errorMessage={errorOf(ctx, 'answer', 'answerKind')}
            value={valueOf(ctx, 'answer', 'answerKind', q.answerKind ?? '')}
            options={ANSWER_KINDS.map((k) => ({
              value: k,
              text: k === 'written' ? 'In writing, before the meeting' : 'At the meeting',
            }))}
          />
          <Textarea
            id={questionFieldId('answer', 'answerText')}
            name="answerText"
            label="The answer"
            hint="For an answer given at the meeting, a summary as the minutes will record it."
            rows={8}
            value={valueOf(ctx, 'answer', 'answerText', q.answerText ?? '')}
            errorMessage={errorOf(ctx, 'answer', 'answerText')}
          />
          <Input
            id={questionFieldId('answer', 'answeredBy')}
            name="answeredBy"
            label="Answered by (optional)"
            value={valueOf(ctx, 'answer', 'answeredBy', q.answeredBy ?? '')}
            errorMessage={errorOf(ctx, 'answer', 'answeredBy')}
          />
          {papers.length > 0 ? (
            <Select
              id={questionFieldId('answer', 'answerDocumentId')}
              name="answerDocumentId"
              label="A paper that gives the answer (optional)"
              value={valueOf(
                ctx,
                'answer',
                'answerDocumentId',
                q.answerDocumentId === null ? '' : String(q.answerDocumentId),
              )}
              errorMessage={errorOf(ctx, 'answer', 'answerDocumentId')}
              options={[{ value: '', text: 'None' }, ...papers.map((p) => ({ value: String(p.id), text: p.title }))]}
            />
          ) : (
            <input type="hidden" name="answerDocumentId" value="" />
          )}
          <Textarea
            id={questionFieldId('answer', 'supplementaryQuestion')}
            name="supplementaryQuestion"
            label="Supplementary question (optional)"
            rows={3}
            value={valueOf(ctx, 'answer', 'supplementaryQuestion', q.supplementaryQuestion ?? '')}
            errorMessage={errorOf(ctx, 'answer', 'supplementaryQuestion')}
          />
          <Textarea
            id={questionFieldId('answer', 'supplementaryAnswer')}
            name="supplementaryAnswer"
            label="Answer to the supplementary question (optional)"
            rows={3}
            value={valueOf(ctx, 'answer', 'supplementaryAnswer', q.supplementaryAnswer ?? '')}
            errorMessage={errorOf(ctx, 'answer', 'supplementaryAnswer')}
          />
        </Form>
      </section>
    </>
  );
}
