import { WarningText } from '../components/WarningText';
import type { MeetingSummary } from '../../src/features/meetings/queries';
import type { PublicMinutes } from '../../src/features/minutes/queries';
import type { SectionChange } from '../../src/features/minutes/diff';
import { formatDate, formatDateTime } from '../../src/lib/dates';
import { MinutesSection } from '../meetings/MinutesSection';

/** What changed from the version before, word by word, in the reader's order. */
function ChangesList({ changes }: { changes: SectionChange[] }): JSX.Element {
  if (changes.length === 0) return <p class="govuk-body">The text did not change.</p>;
  return (
    <div class="app-diff">
      {changes.map((c) => (
        <div class="app-diff__section">
          <h3 class="govuk-heading-s" safe>
            {c.heading}
          </h3>
          <p class="govuk-body app-pre-line">
            {c.parts.map((p) =>
              p.change === 'added' ? (
                <ins class="app-diff__added">
                  <span class="govuk-visually-hidden">[added: </span>
                  <span safe>{p.value}</span>
                  <span class="govuk-visually-hidden">]</span>
                </ins>
              ) : p.change === 'removed' ? (
                <del class="app-diff__removed">
                  <span class="govuk-visually-hidden">[removed: </span>
                  <span safe>{p.value}</span>
                  <span class="govuk-visually-hidden">]</span>
                </del>
              ) : (
                <span safe>{p.value}</span>
              ),
            )}
          </p>
        </div>
      ))}
    </div>
  );
}

/** One published version of a meeting's minutes, and what it changed. */
export function MinutesVersionPage({
  meeting,
  version,
  latestVersion,
  changes,
}: {
  meeting: MeetingSummary;
  version: PublicMinutes;
  latestVersion: number;
  changes: SectionChange[] | null;
}): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">
          <a class="govuk-link govuk-link--no-visited-state" href={`/meetings/${meeting.id}`} safe>
            {`${meeting.committee.name}, ${formatDate(meeting.startsAt)}`}
          </a>
        </span>
        <h1 class="govuk-heading-xl" safe>{`Minutes, version ${version.version}`}</h1>
        <p class="govuk-body" safe>{`Published ${formatDateTime(version.publishedAt)}.`}</p>
        {version.version < latestVersion ? (
          <WarningText text={`This is an earlier version. The current minutes are version ${latestVersion}.`} />
        ) : (
          ''
        )}
        {changes ? (
          <section aria-labelledby="changes-heading">
            <h2
              class="govuk-heading-l"
              id="changes-heading"
              safe
            >{`What changed from version ${version.version - 1}`}</h2>
            {version.changeSummary ? (
              <p class="govuk-body" safe>
                {version.changeSummary}
              </p>
            ) : (
              ''
            )}
            <ChangesList changes={changes} />
          </section>
        ) : (
          ''
        )}
        <MinutesSection minutes={version} meetingId={meeting.id} links={false} />
      </div>
    </div>
  );
}
