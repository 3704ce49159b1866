import type { HistoryEntry } from '../../src/features/audit/queries';
import type { LikelyDuplicate, QuestionDetail, QuestionMeeting } from '../../src/features/questions/queries';
import { formatCalendarDay, formatDate, formatDateTime } from '../../src/lib/dates';
import type { RejectionGround } from '../../src/lib/enums';
import type { DateParts } from '../../src/lib/forms';
import { QUESTION_CHANNEL_LABELS, QUESTION_KIND_LABELS, REJECTION_GROUND_LABELS } from '../../src/lib/labels';
import { ErrorSummary } from '../components/ErrorSummary';
import { History } from '../components/History';
import { errorLinks, type FormState } from '../components/Live';
import { SummaryList, type SummaryListRow } from '../components/SummaryList';
import { Tag } from '../components/Tag';
import { QuestionStatusTag, TypedText } from './parts';
import { AnswerForms, DecisionForms, QUESTION_REGION, questionFieldId, type FormsContext } from './QuestionForms';

export interface QuestionPageProps {
  q: QuestionDetail;
  meeting: QuestionMeeting;
  duplicates: LikelyDuplicate[];
  others: { id: number; reference: string | null; askerName: string }[];
  people: { id: number; name: string }[];
  organisations: { id: number; name: string }[];
  papers: { id: number; title: string }[];
  defaultDue: DateParts;
  history: HistoryEntry[];
  csrfToken: string;
  canManage: boolean;
  state?: FormState;
}

function details(q: QuestionDetail): SummaryListRow[] {
  const rows: SummaryListRow[] = [
    { key: 'Status', html: <QuestionStatusTag status={q.status} /> },
    {
      key: 'From',
      text: `${q.askerName}${q.askerOrganisation ? `, ${q.askerOrganisation}` : ''}`,
    },
    {
      key: 'Email address',
      text: q.askerEmail ?? (q.askerEmailErasedAt ? `Erased on ${formatDate(q.askerEmailErasedAt)}` : 'None given'),
    },
    {
      key: 'Received',
      html: (
        <>
          <span safe>
            {`${q.submittedAt ? formatDateTime(q.submittedAt) : 'Not recorded'} (${QUESTION_CHANNEL_LABELS[q.channel].toLowerCase()})`}
          </span>{' '}
          {q.late ? <Tag text="Late" colour="orange" /> : ''}
          {q.suspectedSpam ? <Tag text="Suspected spam" colour="grey" /> : ''}
        </>
      ),
    },
    { key: 'About', text: q.aboutItem ? q.aboutItem.title : 'No particular item' },
    { key: QUESTION_KIND_LABELS[q.kind], html: <TypedText text={q.text} /> },
  ];
  if (q.status === 'rejected' && q.rejectionReason) {
    rows.push({
      key: 'Rejected because',
      text: REJECTION_GROUND_LABELS[q.rejectionReason as RejectionGround] ?? q.rejectionReason,
    });
    if (q.rejectionNote) rows.push({ key: 'Note to the asker', html: <TypedText text={q.rejectionNote} /> });
  }
  if (q.mergedInto) {
    rows.push({
      key: 'Combined with',
      html: (
        <a class="govuk-link" href={`/manage/meetings/${q.meetingId}/questions/${q.mergedInto.id}`} safe>
          {q.mergedInto.reference ?? `Question ${q.mergedInto.id}`}
        </a>
      ),
    });
  }
  if (q.mergedFrom.length > 0) {
    rows.push({
      key: 'Also answers',
      text: q.mergedFrom.map((m) => `${m.reference ?? m.id} (${m.askerName})`).join(', '),
    });
  }
  if (q.answerRequestedAt) {
    rows.push({
      key: 'Written answer asked of',
      text: `${q.answererName ?? q.answererEmail ?? ''}${q.answerDueOn ? `, due ${formatCalendarDay(q.answerDueOn)}` : ''}${q.answerReceivedAt ? `; sent back ${formatDateTime(q.answerReceivedAt)}` : ''}`,
    });
  }
  if (q.answerText || q.answerDocument) {
    rows.push({
      key: q.answerKind === 'oral' ? 'Answer at the meeting' : 'Written answer',
      html: (
        <>
          {q.answerText ? <TypedText text={q.answerText} /> : ''}
          {q.answerDocument ? <p class="govuk-body" safe>{`Paper: ${q.answerDocument.title}`}</p> : ''}
          {q.answeredBy ? (
            <p class="govuk-body-s" safe>
              {q.answeredBy}
            </p>
          ) : (
            ''
          )}
          <p class="govuk-body-s">
            {q.answerPublishedAt ? `Published ${formatDateTime(q.answerPublishedAt)}` : 'Not published yet'}
          </p>
        </>
      ),
    });
  }
  if (q.supplementaryQuestion) {
    rows.push({ key: 'Supplementary question', html: <TypedText text={q.supplementaryQuestion} /> });
  }
  if (q.supplementaryAnswer) {
    rows.push({ key: 'Supplementary answer', html: <TypedText text={q.supplementaryAnswer} /> });
  }
  return rows;
}

/** One question for its clerk: everything about it, then what can be done with it, then its history. */
export function QuestionPage(props: QuestionPageProps): JSX.Element {
  const { q, meeting, state } = props;
  const base = `/manage/meetings/${meeting.id}/questions/${q.id}`;
  const ctx: FormsContext = {
    q,
    csrfToken: props.csrfToken,
    state,
    action: (form) => `${base}/${form}`,
  };
  const taken = q.status === 'accepted' || q.status === 'answered';
  const publishable = q.status === 'answered' && !q.answerPublishedAt && (q.answerText || q.answerDocument);
  return (
    <div class="govuk-grid-row" id={QUESTION_REGION}>
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary
          errors={errorLinks(state, (field) => questionFieldId(state?.form ?? '', field), `${state?.form ?? ''}-error`)}
        />
        <span class="govuk-caption-l">
          <a class="govuk-link govuk-link--no-visited-state" href={`/manage/meetings/${meeting.id}/questions`} safe>
            {`Public questions, ${meeting.committee.name}, ${formatDate(meeting.startsAt)}`}
          </a>
        </span>
        <h1 class="govuk-heading-l" safe>
          {q.reference ?? `Question ${q.id}`}
        </h1>
        <SummaryList rows={details(q)} />
        {props.canManage ? (
          <>
            <DecisionForms ctx={ctx} duplicates={props.duplicates} others={props.others} />
            {taken ? (
              <AnswerForms
                ctx={ctx}
                people={props.people}
                organisations={props.organisations}
                papers={props.papers}
                defaultDue={props.defaultDue}
              />
            ) : (
              ''
            )}
            {publishable ? (
              <section aria-labelledby="publish-heading">
                <h2 class="govuk-heading-m" id="publish-heading">
                  Publish the answer
                </h2>
                <p class="govuk-body">
                  It appears beside the question on the meeting’s page, and the asker is emailed a link to it.
                </p>
                <form method="post" action={`${base}/publish`} novalidate>
                  <input type="hidden" name="_csrf" value={props.csrfToken} />
                  <button type="submit" class="govuk-button" data-module="govuk-button">
                    Publish the answer
                  </button>
                </form>
              </section>
            ) : (
              ''
            )}
            {['received', 'accepted', 'answered'].includes(q.status) ? (
              <section aria-labelledby="withdraw-heading">
                <h2 class="govuk-heading-m" id="withdraw-heading">
                  Withdraw
                </h2>
                <p class="govuk-body">
                  When the asker asks you to, by email, post or telephone. They are emailed to confirm.
                </p>
                <form method="post" action={`${base}/withdraw`} novalidate>
                  <input type="hidden" name="_csrf" value={props.csrfToken} />
                  <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
                    Withdraw the question
                  </button>
                </form>
              </section>
            ) : (
              ''
            )}
          </>
        ) : (
          ''
        )}
        <History entries={props.history} />
      </div>
    </div>
  );
}
