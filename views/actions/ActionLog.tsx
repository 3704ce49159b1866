import type { AgendaSnapshotAction } from '../../src/db/schema';
import { formatCalendarDate, formatShortDate } from '../../src/lib/dates';
import { ACTION_STATUS_LABELS } from '../../src/lib/labels';
import { Table } from '../components/Table';
import { publicActionHref } from './parts';

/**
 * The action log under a published agenda's minutes item: the actions still
 * open from earlier meetings, as they stood when the agenda was published.
 * Each links to its page, which says where it stands now.
 */
export function ActionLog({ actions }: { actions: AgendaSnapshotAction[] }): JSX.Element {
  if (actions.length === 0) return <></>;
  return (
    <div class="app-action-log">
      <h4 class="govuk-heading-s">Action log: actions still open from earlier meetings</h4>
      <p class="govuk-body-s">
        As they stood when this agenda was published. Each action’s page says where it stands now.
      </p>
      <Table
        caption="Action log"
        captionClasses="govuk-visually-hidden"
        head={[
          { text: 'Reference' },
          { text: 'Action' },
          { text: 'Owners' },
          { text: 'From' },
          { text: 'Due' },
          { text: 'Status' },
        ]}
        rows={actions.map((a) => [
          {
            html: (
              <a class="govuk-link" href={publicActionHref(a.reference)} safe>
                {a.reference}
              </a>
            ),
            classes: 'app-nowrap',
          },
          { text: a.description },
          { text: a.owners.join(', ') },
          { text: formatShortDate(new Date(a.meetingStartsAt)) },
          { text: a.dueDate ? formatCalendarDate(a.dueDate) : 'No date set' },
          { text: ACTION_STATUS_LABELS[a.status] },
        ])}
      />
    </div>
  );
}
