import type { ActionSummary } from '../../src/features/actions/queries';
import { formatCalendarDate, formatShortDate } from '../../src/lib/dates';
import { ACTION_STATUS_LABELS } from '../../src/lib/labels';
import { Table } from '../components/Table';
import { isOverdue } from '../../src/lib/action-rules';

/** Actions as a table: what, who, from which meeting, status and due date. */
export function ActionTable({
  actions,
  caption,
  showCommittee = true,
  now,
}: {
  actions: ActionSummary[];
  caption: string;
  showCommittee?: boolean;
  /** The clock, to mark overdue actions. */
  now?: Date;
}): JSX.Element {
  return (
    <Table
      caption={caption}
      captionClasses="govuk-visually-hidden"
      head={[{ text: 'Action' }, { text: 'Owners' }, { text: 'From' }, { text: 'Status' }]}
      rows={actions.map((a) => [
        {
          html: (
            <a class="govuk-link" href={`/manage/actions/${a.id}`} safe>
              {a.description}
            </a>
          ),
        },
        { text: a.owners.join(', ') },
        {
          text: `${showCommittee ? `${a.committee.name}, ` : ''}${formatShortDate(a.meetingStartsAt)}: ${a.itemTitle}`,
        },
        {
          text: `${ACTION_STATUS_LABELS[a.status]}${a.dueDate ? `, due ${formatCalendarDate(a.dueDate)}` : ''}${now && isOverdue(a, now) ? ': overdue' : ''}`,
        },
      ])}
    />
  );
}
