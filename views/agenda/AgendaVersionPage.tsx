import { WarningText } from '../components/WarningText';
import type { PublicAgenda } from '../../src/features/agenda/queries';
import { AgendaSection } from '../meetings/AgendaSection';

/** An earlier (or the latest) published version of an agenda, kept readable. */
export function AgendaVersionPage({
  meetingId,
  agenda,
  latestVersion,
}: {
  meetingId: number;
  agenda: PublicAgenda;
  latestVersion: number;
}): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">
          <a class="govuk-link govuk-link--no-visited-state" href={`/meetings/${meetingId}`}>
            Back to the meeting
          </a>
        </span>
        <h1 class="govuk-heading-xl" safe>{`Agenda, version ${agenda.version}`}</h1>
        {agenda.version < latestVersion ? (
          <WarningText text={`This is an earlier version. The current agenda is version ${latestVersion}.`} />
        ) : (
          ''
        )}
        <AgendaSection agenda={agenda} meetingId={meetingId} />
      </div>
    </div>
  );
}
