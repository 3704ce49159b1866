import type { MinutesStateData } from '../../../src/features/minutes/queries';
import { formatDateTime } from '../../../src/lib/dates';
import { approvalSentence } from '../../../src/lib/wording';
import { Tag } from '../../components/Tag';

/** The region saying where the minutes stand; it redraws itself after every autosave. */
export const STATE_REGION = 'minutes-state';

/** Where the minutes stand: their state, whether the draft has unpublished changes, the versions. Redrawn after each save. */
export function MinutesState({ state, oob }: { state: MinutesStateData; oob?: boolean }): JSX.Element {
  const latest = state.versions.at(-1);
  const status = state.locked
    ? { text: 'Approved', colour: 'green' as const }
    : latest
      ? { text: `Published as a draft, version ${latest.version}`, colour: 'blue' as const }
      : state.minutesStatus === 'draft'
        ? { text: 'Draft, not published', colour: 'yellow' as const }
        : { text: 'Not started', colour: 'grey' as const };
  return (
    <div
      id={STATE_REGION}
      hx-swap-oob={oob ? 'true' : undefined}
      hx-get={`/manage/meetings/${state.meetingId}/minutes/state`}
      hx-trigger="minutes-changed from:body"
      hx-swap="outerHTML"
    >
      <p class="govuk-body">
        <Tag text={status.text} colour={status.colour} />
      </p>
      {state.locked ? (
        <p class="govuk-body" safe>
          {`${approvalSentence(state.approvedAtMeeting)} They are a legal record and cannot be changed: a correction is recorded as an amendment.`}
        </p>
      ) : latest && !state.unpublishedChanges ? (
        <p class="govuk-body">The published version is up to date with what is recorded here.</p>
      ) : latest ? (
        <p class="govuk-body govuk-!-font-weight-bold" safe>
          {`Changes recorded here since version ${latest.version} are not yet published.`}
        </p>
      ) : (
        <p class="govuk-body">Nothing is published yet: the public cannot see these minutes.</p>
      )}
      {state.versions.length > 0 ? (
        <ul class="govuk-list">
          {state.versions.map((v) => (
            <li>
              <a class="govuk-link" href={`/meetings/${state.meetingId}/minutes/versions/${v.version}`} safe>
                {`Version ${v.version}, published ${formatDateTime(v.publishedAt)}`}
              </a>
              {v.changeSummary ? <span class="govuk-body-s" safe>{`: ${v.changeSummary}`}</span> : ''}
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
    </div>
  );
}
