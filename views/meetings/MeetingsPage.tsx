import type { MeetingSummary } from '../../src/features/meetings/queries';
import { formatMonth } from '../../src/lib/dates';
import { Select } from '../components/Field';
import { Button } from '../components/Button';
import { MeetingList } from './MeetingList';

export interface MeetingsPageProps {
  meetings: MeetingSummary[];
  committees: { slug: string; name: string }[];
  committeeSlug: string | null;
  when: 'upcoming' | 'past';
}

/** Meetings by month, upcoming or past, of every committee or one. */
export function MeetingsPage({ meetings, committees, committeeSlug, when }: MeetingsPageProps): JSX.Element {
  const months: { month: string; meetings: MeetingSummary[] }[] = [];
  for (const m of meetings) {
    const month = formatMonth(m.startsAt);
    const last = months[months.length - 1];
    if (last && last.month === month) last.meetings.push(m);
    else months.push({ month, meetings: [m] });
  }
  const query = (w: 'upcoming' | 'past') =>
    `/meetings?when=${w}${committeeSlug ? `&committee=${encodeURIComponent(committeeSlug)}` : ''}`;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-xl">Meetings</h1>
        <form method="get" action="/meetings" class="app-filter">
          <input type="hidden" name="when" value={when} />
          <Select
            id="committee"
            label="Committee"
            value={committeeSlug ?? ''}
            options={[
              { value: '', text: 'All committees' },
              ...committees.map((c) => ({ value: c.slug, text: c.name })),
            ]}
          />
          <Button text="Show meetings" variant="secondary" />
        </form>
        <nav aria-label="Upcoming or past meetings" class="govuk-!-margin-bottom-6">
          <ul class="govuk-list app-inline-list">
            <li>
              {when === 'upcoming' ? (
                <strong aria-current="page">Upcoming</strong>
              ) : (
                <a class="govuk-link" href={query('upcoming')}>
                  Upcoming
                </a>
              )}
            </li>
            <li>
              {when === 'past' ? (
                <strong aria-current="page">Past</strong>
              ) : (
                <a class="govuk-link" href={query('past')}>
                  Past
                </a>
              )}
            </li>
          </ul>
        </nav>
        {months.length === 0 ? (
          <p class="govuk-body">
            {when === 'upcoming' ? 'No meetings are scheduled. ' : 'There are no past meetings. '}
            <a class="govuk-link" href={query(when === 'upcoming' ? 'past' : 'upcoming')}>
              {when === 'upcoming' ? 'See past meetings' : 'See upcoming meetings'}
            </a>
          </p>
        ) : (
          months.map((m) => (
            <>
              <h2 class="govuk-heading-m" safe>
                {m.month}
              </h2>
              <MeetingList meetings={m.meetings} empty="" showCommittee={committeeSlug === null} />
            </>
          ))
        )}
      </div>
    </div>
  );
}
