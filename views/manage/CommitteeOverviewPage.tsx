import type { CommitteePage } from '../../src/features/committees/queries';
import type { ActionSummary } from '../../src/features/actions/queries';
import type { HistoryEntry } from '../../src/features/audit/queries';
import { MeetingList } from '../meetings/MeetingList';
import { History } from '../components/History';
import { ActionTable } from './ActionTable';
import { Button } from '../components/Button';

export interface CommitteeOverviewProps {
  committee: CommitteePage;
  canManage: boolean;
  actions: ActionSummary[];
  history: HistoryEntry[];
}

/** A committee as its clerk and members see it. */
export function CommitteeOverviewPage({ committee, canManage, actions, history }: CommitteeOverviewProps): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <span class="govuk-caption-l">Manage</span>
        <h1 class="govuk-heading-xl" safe>
          {committee.name}
        </h1>
        <ul class="govuk-list">
          <li>
            <a class="govuk-link" href={`/committees/${committee.slug}`}>
              View the public page
            </a>
          </li>
          <li>
            <a class="govuk-link" href={`/manage/committees/${committee.slug}/members`}>
              Members
            </a>
          </li>
          <li>
            <a class="govuk-link" href={`/manage/committees/${committee.slug}/work-programme`}>
              Work programme
            </a>
          </li>
          <li>
            <a class="govuk-link" href={`/manage/actions?committee=${committee.id}`}>
              Actions
            </a>
          </li>
          <li>
            <a class="govuk-link" href={`/manage/committees/${committee.slug}/recommendations`}>
              Recommendations
            </a>
          </li>
          <li>
            <a class="govuk-link" href={`/manage/committees/${committee.slug}/inquiries`}>
              Inquiries
            </a>
          </li>
          {canManage ? (
            <li>
              <a class="govuk-link" href={`/manage/committees/${committee.slug}/edit`}>
                Change committee details and rules
              </a>
            </li>
          ) : (
            ''
          )}
        </ul>
        <h2 class="govuk-heading-l">Upcoming meetings</h2>
        {canManage ? (
          <Button text="Schedule a meeting" href={`/manage/committees/${committee.slug}/meetings/new`} />
        ) : (
          ''
        )}
        <MeetingList
          meetings={committee.upcoming}
          showCommittee={false}
          empty="No meetings are scheduled."
          hrefBase="/manage/meetings"
        />
        <h2 class="govuk-heading-l">Open actions</h2>
        {actions.length === 0 ? (
          <p class="govuk-body">There are no open actions.</p>
        ) : (
          <ActionTable actions={actions} caption="Open actions" showCommittee={false} />
        )}
        <h2 class="govuk-heading-l">Past meetings</h2>
        <MeetingList
          meetings={committee.past}
          showCommittee={false}
          empty="No past meetings."
          hrefBase="/manage/meetings"
        />
        <History entries={history} />
      </div>
    </div>
  );
}
