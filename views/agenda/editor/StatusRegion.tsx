import type { AgendaEditorData, PackState } from '../../../src/features/agenda/editor';
import { formatCalendarDay, formatDateTime } from '../../../src/lib/dates';
import { fileSize } from '../../../src/lib/labels';
import { STATUS_REGION } from './parts';

/** The region polled while the pack is built. */
export const PACK_STATUS_REGION = 'pack-status';

/**
 * The pack's progress: polls itself while the pack is being built, inside a
 * live region that stays put (so each step is announced, not replaced).
 */
export function PackStatusPanel({ meetingId, pack }: { meetingId: number; pack: PackState }): JSX.Element {
  const building = pack.status === 'pending' || pack.status === 'building';
  return (
    <div
      id={PACK_STATUS_REGION}
      class="app-pack-status"
      hx-get={building ? `/manage/meetings/${meetingId}/agenda/pack-status` : undefined}
      hx-trigger={building ? 'load delay:1s' : undefined}
      hx-swap={building ? 'outerHTML' : undefined}
    >
      {building ? (
        <>
          <p class="govuk-body govuk-!-margin-bottom-1" safe>
            {`Building the agenda pack for version ${pack.version}: ${pack.progress}% done.`}
          </p>
          <progress class="app-progress" max="100" value={String(pack.progress)} aria-label="Agenda pack built so far">
            {pack.progress}%
          </progress>
          <noscript>
            <p class="govuk-body">
              <a class="govuk-link" href={`/manage/meetings/${meetingId}/agenda`}>
                Refresh to see how far it has got
              </a>
            </p>
          </noscript>
        </>
      ) : pack.status === 'ready' ? (
        <ul class="govuk-list">
          <li>
            <a class="govuk-link" href={`/meetings/${meetingId}/agenda-pack.pdf`} safe>
              {`Agenda pack, version ${pack.version} (PDF, ${pack.pages ?? '?'} pages, ${fileSize(pack.bytes) ?? ''})`}
            </a>
          </li>
          <li>
            <a class="govuk-link" href={`/manage/meetings/${meetingId}/agenda-pack.pdf`} safe>
              {`Members’ pack with papers not for publication (PDF, ${fileSize(pack.fullBytes) ?? ''})`}
            </a>
          </li>
        </ul>
      ) : (
        <div class="govuk-inset-text">
          <p class="govuk-body" safe>{`The agenda pack could not be built: ${pack.error ?? 'unknown error'}`}</p>
        </div>
      )}
    </div>
  );
}

/** Where the agenda stands: draft or published, the deadline to publish, the pack. */
export function StatusRegion({ data, oob }: { data: AgendaEditorData; oob?: boolean }): JSX.Element {
  const meetingId = data.meeting.id;
  const deadline = data.deadline;
  return (
    <div id={STATUS_REGION} hx-swap-oob={oob ? 'true' : undefined}>
      <div class="govuk-inset-text">
        {data.published ? (
          <p class="govuk-body" safe>
            {`Version ${data.published.version} was published ${formatDateTime(data.published.publishedAt)}.${data.unpublishedChanges ? ' The draft below has changes that are not yet published.' : ''}`}
          </p>
        ) : (
          <p class="govuk-body">This agenda is a draft: the public cannot see it.</p>
        )}
        {data.locked ? (
          <p class="govuk-body govuk-!-font-weight-bold">
            The minutes of this meeting are approved, so its agenda is part of the record and no longer changes.
          </p>
        ) : (
          <p class="govuk-body" safe>
            {deadline.late
              ? `The last day to publish was ${formatCalendarDay(deadline.date)}. Publishing now needs the chairman’s agreement and a reason of special circumstances.`
              : `Publish by ${formatCalendarDay(deadline.date)} (${deadline.daysRemaining} day${deadline.daysRemaining === 1 ? '' : 's'} left) to give the notice the law requires.`}
          </p>
        )}
        {data.published ? (
          <div role="status">
            <PackStatusPanel meetingId={meetingId} pack={data.published.pack} />
          </div>
        ) : (
          ''
        )}
      </div>
    </div>
  );
}
