import type { Dashboard } from '../../src/features/dashboard/queries';
import { MeetingList } from '../meetings/MeetingList';
import { ActionTable } from './ActionTable';

export function ManageHomePage({ name, dashboard, isAdmin }: { name: string; dashboard: Dashboard; isAdmin: boolean }): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <span class="govuk-caption-l" safe>
          {name}
        </span>
        <h1 class="govuk-heading-xl">Your committees and what is due</h1>
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-third">
            <h2 class="govuk-heading-m">Your committees</h2>
            {dashboard.committees.length === 0 ? (
              <p class="govuk-body">You are not assigned to a committee yet. Ask an administrator.</p>
            ) : (
              <ul class="govuk-list">
                {dashboard.committees.map((c) => (
                  <li>
                    <a class="govuk-link" href={`/manage/committees/${c.slug}`} safe>
                      {c.name}
                    </a>
                  </li>
                ))}
              </ul>
            )}
            {isAdmin ? (
              <>
                <h2 class="govuk-heading-m">Administration</h2>
                <ul class="govuk-list">
                  <li>
                    <a class="govuk-link" href="/manage/users">
                      Users
                    </a>
                  </li>
                </ul>
              </>
            ) : (
              ''
            )}
          </div>
          <div class="govuk-grid-column-two-thirds">
            <h2 class="govuk-heading-m">Upcoming meetings</h2>
            <MeetingList meetings={dashboard.upcoming} empty="No meetings of your committees are scheduled." />
            <h2 class="govuk-heading-m">Actions you own</h2>
            {dashboard.actionsOwned.length === 0 ? (
              <p class="govuk-body">You have no open actions.</p>
            ) : (
              <ActionTable actions={dashboard.actionsOwned} caption="Actions you own" />
            )}
            {dashboard.committeeActions.length > 0 ? (
              <>
                <h2 class="govuk-heading-m">Open actions of your committees</h2>
                <ActionTable actions={dashboard.committeeActions} caption="Open actions of your committees" />
              </>
            ) : (
              ''
            )}
          </div>
        </div>
      </div>
    </div>
  );
}
