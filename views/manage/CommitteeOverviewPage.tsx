import type { CommitteePage } from '../../src/features/committees/queries';
import type { ActionSummary } from '../../src/features/actions/queries';
import type { HistoryEntry } from '../../src/features/audit/queries';
import { MeetingList } from '../meetings/MeetingList';
import { History } from '../components/History';
import { ActionTable } from './ActionTable';

export interface CommitteeOverviewProps {
  committee: CommitteePage;
  actions: ActionSummary[];
  history: HistoryEntry[];
}

/** A committee as its clerk and members see it. */
export function CommitteeOverviewPage({ committee, actions, history }: CommitteeOverviewProps): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <span class="govuk-caption-l">Manage</span>
        <h1 class="govuk-heading-xl" safe>
          {committee.name}
        </h1>
        <p class="govuk-body">
          <a class="govuk-link" href={`/committees/${committee.slug}`}>
            View the public page
          </a>
        </p>
        <h2 class="govuk-heading-l">Upcoming meetings</h2>
        <MeetingList meetings={committee.upcoming} showCommittee={false} empty="No meetings are scheduled." />
        <h2 class="govuk-heading-l">Open actions</h2>
        {actions.length === 0 ? (
          <p class="govuk-body">There are no open actions.</p>
        ) : (
          <ActionTable actions={actions} caption="Open actions" showCommittee={false} />
        )}
        <h2 class="govuk-heading-l">Past meetings</h2>
        <MeetingList meetings={committee.past} showCommittee={false} empty="No past meetings." />
        <History entries={history} />
      </div>
    </div>
  );
}
