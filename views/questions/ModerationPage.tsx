import type { QuestionMeeting, QueuedQuestion } from '../../src/features/questions/queries';
import { formatCalendarDay, formatDate, formatDateTime, isoLondon } from '../../src/lib/dates';
import { QUESTION_CHANNEL_LABELS, QUESTION_KIND_LABELS } from '../../src/lib/labels';
import { Button } from '../components/Button';
import { Csrf } from '../components/FormParts';
import { SummaryList, type SummaryListRow } from '../components/SummaryList';
import { Tag } from '../components/Tag';
import { QuestionStatusTag, TypedText } from './parts';

export const QUEUE_REGION = 'question-queue';

export interface ModerationPageProps {
  meeting: QuestionMeeting;
  queue: QueuedQuestion[];
  csrfToken: string;
  canManage: boolean;
}

const questionHref = (meetingId: number, id: number) => `/manage/meetings/${meetingId}/questions/${id}`;

function answerState(q: QueuedQuestion): string {
  if (q.answerPublished) return 'Answer published';
  if (q.status === 'answered')
    return q.answerReceived ? 'Written answer received: read and publish it' : 'Answer recorded';
  if (q.answerDueOn) return `Written answer asked for, due ${formatCalendarDay(q.answerDueOn)}`;
  return 'No answer yet';
}

function QuestionCard({
  q,
  meetingId,
  number,
  moves,
  csrfToken,
}: {
  q: QueuedQuestion;
  meetingId: number;
  number?: number;
  moves?: { first: boolean; last: boolean };
  csrfToken: string;
}): JSX.Element {
  const title = `${number !== undefined ? `${number}. ` : ''}${q.reference ?? `Question ${q.id}`}`;
  const rows: SummaryListRow[] = [
    {
      key: 'From',
      text: `${q.askerName}${q.askerOrganisation ? `, ${q.askerOrganisation}` : ''}${q.hasEmail ? '' : ' (no email address)'}`,
    },
    {
      key: 'Received',
      html: (
        <>
          {q.submittedAt ? (
            <time datetime={isoLondon(q.submittedAt)} safe>
              {formatDateTime(q.submittedAt)}
            </time>
          ) : (
            'Not recorded'
          )}
          <span safe>{` (${QUESTION_CHANNEL_LABELS[q.channel].toLowerCase()})`}</span>{' '}
          {q.late ? <Tag text="Late" colour="orange" /> : ''}
        </>
      ),
    },
    { key: 'Status', html: <QuestionStatusTag status={q.status} /> },
    { key: QUESTION_KIND_LABELS[q.kind], html: <TypedText text={q.text} /> },
  ];
  if (q.status === 'accepted' || q.status === 'answered') rows.push({ key: 'Answer', text: answerState(q) });
  return (
    <div class="govuk-summary-card" id={`question-${q.id}`}>
      <div class="govuk-summary-card__title-wrapper">
        <h3 class="govuk-summary-card__title" safe>
          {title}
        </h3>
        <ul class="govuk-summary-card__actions">
          <li class="govuk-summary-card__action">
            <a class="govuk-link" href={questionHref(meetingId, q.id)}>
              {q.status === 'received' ? 'Decide' : 'Open'}
              <span class="govuk-visually-hidden" safe>{` ${q.reference ?? ''}`}</span>
            </a>
          </li>
        </ul>
      </div>
      <div class="govuk-summary-card__content">
        <SummaryList rows={rows} />
        {moves ? (
          <div class="govuk-button-group">
            {(['up', 'down'] as const)
              .filter((d) => (d === 'up' ? !moves.first : !moves.last))
              .map((direction) => (
                <form method="post" action={`${questionHref(meetingId, q.id)}/move`} novalidate>
                  <Csrf token={csrfToken} />
                  <input type="hidden" name="direction" value={direction} />
                  <Button
                    text={direction === 'up' ? 'Move up' : 'Move down'}
                    variant="secondary"
                    classes="govuk-!-margin-bottom-0"
                    attributes={{ 'aria-label': `Move ${q.reference ?? 'question'} ${direction}` }}
                  />
                </form>
              ))}
          </div>
        ) : (
          ''
        )}
      </div>
    </div>
  );
}

/**
 * A meeting's questions for its clerk: those waiting for a decision, the
 * accepted ones in the order they will be taken, and those not taken.
 */
export function ModerationPage({ meeting, queue, csrfToken, canManage }: ModerationPageProps): JSX.Element {
  const waiting = queue.filter((q) => q.status === 'received' && !q.suspectedSpam);
  const taken = queue.filter((q) => q.status === 'accepted' || q.status === 'answered');
  const notTaken = queue.filter((q) => ['rejected', 'withdrawn', 'merged'].includes(q.status));
  const spam = queue.filter((q) => q.status === 'received' && q.suspectedSpam);
  const { window } = meeting;
  return (
    <div class="govuk-grid-row" id={QUEUE_REGION}>
      <div class="govuk-grid-column-full">
        <span class="govuk-caption-l">
          <a class="govuk-link govuk-link--no-visited-state" href={`/manage/meetings/${meeting.id}`} safe>
            {`${meeting.committee.name}, ${formatDate(meeting.startsAt)}`}
          </a>
        </span>
        <h1 class="govuk-heading-xl">Public questions</h1>
        <p class="govuk-body" safe>
          {window.state === 'open'
            ? `Questions are open: they close at ${formatDateTime(window.closesAt)}.`
            : window.state === 'not_yet_open'
              ? `Questions open at ${formatDateTime(window.opensAt ?? meeting.startsAt)} and close at ${formatDateTime(window.closesAt)}.`
              : `Questions closed at ${formatDateTime(window.closesAt)}.`}
        </p>
        {canManage ? (
          <Button
            text="Add a question received by post or email"
            href={`/manage/meetings/${meeting.id}/questions/new`}
            variant="secondary"
          />
        ) : (
          ''
        )}
        <h2 class="govuk-heading-l" safe>{`Waiting for a decision (${waiting.length})`}</h2>
        {waiting.length === 0 ? <p class="govuk-body">No question is waiting for a decision.</p> : ''}
        {waiting.map((q) => (
          <QuestionCard q={q} meetingId={meeting.id} csrfToken={csrfToken} />
        ))}
        <h2 class="govuk-heading-l" safe>{`Accepted, in the order they will be taken (${taken.length})`}</h2>
        {taken.length === 0 ? <p class="govuk-body">No question has been accepted yet.</p> : ''}
        {taken.map((q, i) => (
          <QuestionCard
            q={q}
            meetingId={meeting.id}
            number={i + 1}
            moves={canManage ? { first: i === 0, last: i === taken.length - 1 } : undefined}
            csrfToken={csrfToken}
          />
        ))}
        {notTaken.length > 0 ? (
          <>
            <h2 class="govuk-heading-l" safe>{`Not taken (${notTaken.length})`}</h2>
            {notTaken.map((q) => (
              <QuestionCard q={q} meetingId={meeting.id} csrfToken={csrfToken} />
            ))}
          </>
        ) : (
          ''
        )}
        {spam.length > 0 ? (
          <details class="govuk-details">
            <summary class="govuk-details__summary">
              <span class="govuk-details__summary-text" safe>{`Suspected spam (${spam.length})`}</span>
            </summary>
            <div class="govuk-details__text">
              <p class="govuk-body">
                These were sent with the form’s hidden trap field filled in, as automated spam is. Nobody was emailed.
                Open one to accept it if a person sent it.
              </p>
              {spam.map((q) => (
                <QuestionCard q={q} meetingId={meeting.id} csrfToken={csrfToken} />
              ))}
            </div>
          </details>
        ) : (
          ''
        )}
      </div>
    </div>
  );
}
