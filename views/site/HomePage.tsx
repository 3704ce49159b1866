import type { MeetingSummary } from '../../src/features/meetings/queries';
import { MeetingList } from '../meetings/MeetingList';

export interface HomePageProps {
  upcoming: MeetingSummary[];
  recent: MeetingSummary[];
}

export function HomePage({ upcoming, recent }: HomePageProps): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-xl">Scrutiny committee meetings</h1>
        <p class="govuk-body-l">
          Agendas, papers and minutes of the council’s scrutiny committees, and what happened to the questions and
          recommendations they dealt with.
        </p>
        <h2 class="govuk-heading-l">Upcoming meetings</h2>
        <MeetingList meetings={upcoming} empty="No meetings are scheduled at the moment." />
        <h2 class="govuk-heading-l">Recent meetings</h2>
        <MeetingList meetings={recent} empty="There are no past meetings yet." />
        <p class="govuk-body">
          <a class="govuk-link" href="/committees">
            See all committees
          </a>
        </p>
      </div>
    </div>
  );
}
