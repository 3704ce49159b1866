import type { MinutesView, MinutesViewItem, PublicMinutes } from '../../src/features/minutes/queries';
import { TypedText } from '../questions/parts';
import {
  actionLine,
  approvalSentence,
  attendeeNames,
  declarationSentence,
  withheldNotice,
} from '../../src/lib/wording';
import { formatDate, formatDateTime, formatTime, isoLondon } from '../../src/lib/dates';
import { renderSafeMarkdown } from '../../src/lib/safe-markdown';
import { exemptNotice } from '../../src/lib/schedule12a';
import { SummaryList, type SummaryListRow } from '../components/SummaryList';
import { Tag } from '../components/Tag';
import { WarningText } from '../components/WarningText';
import { ActionStatusTag, publicActionHref } from '../actions/parts';
import type { ActionStatus } from '../../src/lib/enums';

/** The public questions taken under an item, as the minutes record them. */
function MinutedQuestions({ questions }: { questions: MinutesViewItem['questions'] }): JSX.Element {
  return (
    <ol class="govuk-list app-minuted-questions">
      {questions.map((q) => (
        <li>
          <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1" safe>
            {`Question ${q.number} from ${q.askerName}${q.askerOrganisation ? `, ${q.askerOrganisation}` : ''}`}
          </p>
          <TypedText text={q.text} />
          {q.answerText ? (
            <>
              <p class="govuk-body govuk-!-margin-bottom-1">
                {q.answerKind === 'oral' ? 'Answered at the meeting:' : 'Answered in writing:'}
              </p>
              <TypedText text={`${q.answerText}${q.answeredBy ? `\n\n${q.answeredBy}` : ''}`} />
            </>
          ) : (
            ''
          )}
          {q.supplementaryQuestion ? (
            <TypedText
              text={`Supplementary question: ${q.supplementaryQuestion}${q.supplementaryAnswer ? `\n\nAnswer: ${q.supplementaryAnswer}` : ''}`}
            />
          ) : (
            ''
          )}
        </li>
      ))}
    </ol>
  );
}

/**
 * What the minutes record, laid out as clerks lay them out: who attended,
 * declarations, each item with its RESOLVED and ACTION lines, amendments.
 * The public get a view with exempt content withheld; the committee, in full.
 */
/** Each action's status now, by reference, for its ACTION line (the public minutes link each to its page). */
export interface ActionStatuses {
  now: Date;
  of: Record<string, { status: ActionStatus; dueDate: string | null }>;
}

function ActionLine({
  a,
  statuses,
}: {
  a: MinutesViewItem['actions'][number];
  statuses?: ActionStatuses;
}): JSX.Element {
  const now = a.reference ? statuses?.of[a.reference] : undefined;
  return (
    <p class="govuk-body">
      <strong>ACTION:</strong> <span safe>{actionLine(a)}</span>
      {now && a.reference && statuses ? (
        <>
          {' '}
          <a class="govuk-link app-action-status" href={publicActionHref(a.reference)}>
            <ActionStatusTag action={now} now={statuses.now} />
            <span class="govuk-visually-hidden" safe>{` (action ${a.reference})`}</span>
          </a>
        </>
      ) : (
        ''
      )}
    </p>
  );
}

export function MinutesBody({ minutes, statuses }: { minutes: MinutesView; statuses?: ActionStatuses }): JSX.Element {
  const rows: SummaryListRow[] = [{ key: 'Members present', text: attendeeNames(minutes.present) || 'None recorded' }];
  if (minutes.inAttendance.length > 0)
    rows.push({ key: 'Others in attendance', text: attendeeNames(minutes.inAttendance) });
  rows.push({ key: 'Apologies', text: attendeeNames(minutes.apologies) || 'None' });
  if (minutes.absent.length > 0) rows.push({ key: 'Absent', text: attendeeNames(minutes.absent) });
  return (
    <>
      {minutes.startedAt && minutes.endedAt ? (
        <p class="govuk-body" safe>
          {`The meeting began at ${formatTime(minutes.startedAt)} and ended at ${formatTime(minutes.endedAt)}.`}
        </p>
      ) : (
        ''
      )}
      <SummaryList rows={rows} />

      <h3 class="govuk-heading-m">Declarations of interest</h3>
      {minutes.declarations.length === 0 ? (
        <p class="govuk-body">No interests were declared.</p>
      ) : (
        <ul class="govuk-list govuk-list--bullet">
          {minutes.declarations.map((d) => (
            <li safe>{declarationSentence(d)}</li>
          ))}
        </ul>
      )}

      {minutes.items.map((item) => (
        <div class="app-minute-item" id={`minute-${item.number}`}>
          <h3 class="govuk-heading-m" safe>
            {`${item.number}. ${item.title}`}
          </h3>
          {item.withheld ? (
            <p class="govuk-body" safe>
              {withheldNotice(item)}
            </p>
          ) : (
            <>
              {item.exemptParagraph !== null ? <Tag text={exemptNotice(item.exemptParagraph)} colour="red" /> : ''}
              {item.minuteText ? renderSafeMarkdown(item.minuteText) : ''}
              {item.resolutions.length > 0 ? (
                <div class="app-resolution">
                  <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">RESOLVED:</p>
                  {item.resolutions.length === 1 ? (
                    <p class="govuk-body" safe>
                      {item.resolutions[0]?.text ?? ''}
                    </p>
                  ) : (
                    <ol class="govuk-list govuk-list--number">
                      {item.resolutions.map((r) => (
                        <li safe>{r.text}</li>
                      ))}
                    </ol>
                  )}
                </div>
              ) : (
                ''
              )}
              {item.actions.map((a) => (
                <ActionLine a={a} statuses={statuses} />
              ))}
              {item.questions.length > 0 ? <MinutedQuestions questions={item.questions} /> : ''}
            </>
          )}
        </div>
      ))}
      {minutes.amendments.length > 0 ? (
        <div class="app-minute-item" id="minutes-amendments">
          <h3 class="govuk-heading-m">Amendments since approval</h3>
          <p class="govuk-body">
            Approved minutes are not changed. These corrections were recorded afterwards and read with them.
          </p>
          <ol class="govuk-list govuk-list--number">
            {minutes.amendments.map((a) => (
              <li>
                <span
                  safe
                >{`${a.itemNumber === null ? '' : `Item ${a.itemNumber}: `}${a.text ?? 'An amendment to an item not for publication.'}`}</span>
                <br />
                <span
                  class="govuk-body-s"
                  safe
                >{`${a.reason ? `${a.reason} ` : ''}Recorded ${formatDateTime(a.recordedAt)}.`}</span>
              </li>
            ))}
          </ol>
        </div>
      ) : (
        ''
      )}
    </>
  );
}

/** Published minutes on the meeting page: their standing, the version, and what they record. */
export function MinutesSection({
  minutes,
  meetingId,
  links = true,
  statuses,
}: {
  minutes: PublicMinutes;
  meetingId: number;
  links?: boolean;
  statuses?: ActionStatuses;
}): JSX.Element {
  return (
    <section id="minutes" aria-labelledby="minutes-heading">
      <h2 class="govuk-heading-l" id="minutes-heading">
        Minutes
      </h2>
      {minutes.approved ? (
        <p class="govuk-body">
          <Tag text="Approved" colour="green" />{' '}
          {minutes.approvedAtMeeting ? (
            <>
              Approved as a correct record at the meeting of{' '}
              <a class="govuk-link" href={`/meetings/${minutes.approvedAtMeeting.id}`} safe>
                {formatDate(minutes.approvedAtMeeting.startsAt)}
              </a>
              .
            </>
          ) : (
            <span safe>{approvalSentence(null)}</span>
          )}
        </p>
      ) : (
        <WarningText text="Draft minutes: not yet approved. They become the formal record when the committee approves them at a later meeting." />
      )}
      <p class="govuk-body-s">
        Published{' '}
        <time datetime={isoLondon(minutes.publishedAt)} safe>
          {formatDateTime(minutes.publishedAt)}
        </time>
        {minutes.version > 1 ? <span safe>{`, version ${minutes.version}`}</span> : ''}.{' '}
        {links ? (
          <a class="govuk-link" href={`/meetings/${meetingId}/minutes.pdf`}>
            Download the minutes (PDF)
          </a>
        ) : (
          ''
        )}
        {links && minutes.version > 1 ? (
          <>
            {' · '}
            <a class="govuk-link" href={`/meetings/${meetingId}/minutes/versions/${minutes.version}`}>
              <span safe>{`What changed in version ${minutes.version}`}</span>
            </a>
          </>
        ) : (
          ''
        )}
      </p>
      <MinutesBody minutes={minutes} statuses={statuses} />
    </section>
  );
}
