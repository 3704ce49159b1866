import type { MeetingSummary } from '../../src/features/meetings/queries';
import { formatDateTime, isoLondon } from '../../src/lib/dates';
import { MeetingStatusTags } from './MeetingStatusTags';

export interface MeetingListProps {
  meetings: MeetingSummary[];
  /** Said when the list is empty. */
  empty: string;
  /** Show the committee's name on each meeting (lists across committees). */
  showCommittee?: boolean;
  /** Where a meeting's link goes: the public page, or its manage page. */
  hrefBase?: '/meetings' | '/manage/meetings';
}

/** A list of meetings, each a link to its page with its date, committee and state. */
export function MeetingList({
  meetings,
  empty,
  showCommittee = true,
  hrefBase = '/meetings',
}: MeetingListProps): JSX.Element {
  if (meetings.length === 0) {
    return (
      <p class="govuk-body" safe>
        {empty}
      </p>
    );
  }
  return (
    <ul class="govuk-list app-meeting-list">
      {meetings.map((m) => (
        <li class="app-meeting-list__item">
          <a class="govuk-link govuk-!-font-weight-bold" href={`${hrefBase}/${m.id}`}>
            {showCommittee ? (
              <>
                <span safe>{m.committee.name}</span>
                <span class="govuk-visually-hidden">, </span>
                <br />
              </>
            ) : (
              ''
            )}
            <time datetime={isoLondon(m.startsAt)} safe>
              {formatDateTime(m.startsAt)}
            </time>
          </a>
          <br />
          <MeetingStatusTags meeting={m} />
        </li>
      ))}
    </ul>
  );
}
