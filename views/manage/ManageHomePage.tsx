import { RecommendationList } from '../recommendations/parts';
import type { Dashboard } from '../../src/features/dashboard/queries';
import type { DueItem } from '../../src/features/meetings/queries';
import { formatCalendarDay, formatShortDate } from '../../src/lib/dates';
import { MeetingList } from '../meetings/MeetingList';
import { ActionTable } from './ActionTable';

function DueList({ items, missed }: { items: DueItem[]; missed: boolean }): JSX.Element {
  return (
    <ul class="govuk-list govuk-list--spaced">
      {items.map((d) => {
        const what = d.kind === 'agenda' ? 'Publish the agenda' : 'Publish the draft minutes';
        const left = missed
          ? `${-d.daysRemaining} day${d.daysRemaining === -1 ? '' : 's'} late`
          : d.daysRemaining === 0
            ? 'today'
            : `${d.daysRemaining} day${d.daysRemaining === 1 ? '' : 's'} left`;
        return (
          <li>
            <a class="govuk-link" href={`/manage/meetings/${d.meetingId}`} safe>
              {`${what}: ${d.committee.name}, ${formatShortDate(d.meetingStartsAt)}`}
            </a>
            <br />
            <span class="govuk-body-s" safe>
              {`By ${formatCalendarDay(d.dueDate)} (${left})`}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export function ManageHomePage({
  name,
  dashboard,
  role,
  now,
}: {
  name: string;
  dashboard: Dashboard;
  role: 'admin' | 'clerk' | 'member';
  now: Date;
}): JSX.Element {
  const clerkish = role !== 'member';
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
            {clerkish ? (
              <>
                <h2 class="govuk-heading-m">Directory</h2>
                <ul class="govuk-list">
                  <li>
                    <a class="govuk-link" href="/manage/people">
                      People
                    </a>
                  </li>
                  <li>
                    <a class="govuk-link" href="/manage/organisations">
                      Organisations
                    </a>
                  </li>
                  <li>
                    <a class="govuk-link" href="/manage/committees/new">
                      Set up a committee
                    </a>
                  </li>
                </ul>
              </>
            ) : (
              ''
            )}
            {role === 'admin' ? (
              <>
                <h2 class="govuk-heading-m">Administration</h2>
                <ul class="govuk-list">
                  <li>
                    <a class="govuk-link" href="/manage/users">
                      Users
                    </a>
                  </li>
                  <li>
                    <a class="govuk-link" href="/manage/outbox">
                      Outbox
                    </a>
                  </li>
                </ul>
              </>
            ) : (
              ''
            )}
          </div>
          <div class="govuk-grid-column-two-thirds">
            {clerkish && dashboard.needsAttention.length > 0 ? (
              <section aria-labelledby="attention-heading">
                <h2 class="govuk-heading-m" id="attention-heading">
                  Needs attention
                </h2>
                <p class="govuk-body">
                  These meetings have passed but are still marked as scheduled. Mark each as held, or cancel it, on its
                  page.
                </p>
                <ul class="govuk-list govuk-list--spaced">
                  {dashboard.needsAttention.map((m) => (
                    <li>
                      <a class="govuk-link" href={`/manage/meetings/${m.id}`} safe>
                        {`${m.committee.name}, ${formatShortDate(m.startsAt)}: was it held?`}
                      </a>
                    </li>
                  ))}
                </ul>
              </section>
            ) : (
              ''
            )}
            {clerkish && dashboard.questionsWaiting.length > 0 ? (
              <section aria-labelledby="questions-heading">
                <h2 class="govuk-heading-m" id="questions-heading">
                  Public questions to decide
                </h2>
                <ul class="govuk-list govuk-list--spaced">
                  {dashboard.questionsWaiting.map((m) => (
                    <li>
                      <a class="govuk-link" href={`/manage/meetings/${m.meetingId}/questions`} safe>
                        {`${m.waiting} question${m.waiting === 1 ? '' : 's'} waiting${m.late > 0 ? ` (${m.late} late)` : ''}: ${m.committeeName}, ${formatShortDate(m.startsAt)}`}
                      </a>
                    </li>
                  ))}
                </ul>
              </section>
            ) : (
              ''
            )}
            {clerkish ? (
              <>
                <h2 class="govuk-heading-m">Missed</h2>
                {dashboard.missed.length === 0 ? (
                  <p class="govuk-body">No deadlines have been missed.</p>
                ) : (
                  <DueList items={dashboard.missed} missed />
                )}
                <h2 class="govuk-heading-m">Due soon</h2>
                {dashboard.dueSoon.length === 0 ? (
                  <p class="govuk-body">Nothing is due in the next week.</p>
                ) : (
                  <DueList items={dashboard.dueSoon} missed={false} />
                )}
              </>
            ) : (
              ''
            )}
            <h2 class="govuk-heading-m">Upcoming meetings</h2>
            <MeetingList
              meetings={dashboard.upcoming}
              empty="No meetings of your committees are scheduled."
              hrefBase="/manage/meetings"
            />
            <h2 class="govuk-heading-m">Actions you own</h2>
            {dashboard.actionsOwned.length === 0 ? (
              <p class="govuk-body">You have no open actions.</p>
            ) : (
              <>
                <ActionTable actions={dashboard.actionsOwned} caption="Actions you own" now={now} />
                <p class="govuk-body">
                  <a class="govuk-link" href="/manage/my-actions">
                    All your actions
                  </a>
                </p>
              </>
            )}
            {clerkish ? (
              <>
                <h2 class="govuk-heading-m">Overdue actions of your committees</h2>
                {dashboard.committeeOverdue.total === 0 ? (
                  <p class="govuk-body">None is overdue.</p>
                ) : (
                  <ActionTable
                    actions={dashboard.committeeOverdue.rows}
                    caption="Overdue actions of your committees"
                    now={now}
                  />
                )}
                <p class="govuk-body">
                  <a class="govuk-link" href="/manage/actions?overdue=yes">
                    {dashboard.committeeOverdue.total > dashboard.committeeOverdue.rows.length
                      ? `All ${dashboard.committeeOverdue.total} overdue actions`
                      : 'Every action, with filters and a CSV export'}
                  </a>
                </p>
                <h2 class="govuk-heading-m">Responses overdue</h2>
                {dashboard.responsesOverdue.length === 0 ? (
                  <p class="govuk-body">No response to a recommendation is overdue.</p>
                ) : (
                  <RecommendationList
                    rows={dashboard.responsesOverdue}
                    now={now}
                    hrefOf={(r) => `/manage/committees/${r.committee.slug}/recommendations/${r.id}`}
                  />
                )}
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
