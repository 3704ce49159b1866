import type { ActionDetail } from '../../src/features/actions/queries';
import type { HistoryEntry } from '../../src/features/audit/queries';
import { ACTION_STATUSES } from '../../src/lib/enums';
import { formatCalendarDate, formatDate, formatDateTime, isoLondon } from '../../src/lib/dates';
import { ACTION_STATUS_LABELS } from '../../src/lib/labels';
import { errorList, type FieldErrors } from '../../src/lib/validation';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { Textarea } from '../components/Field';
import { Radios } from '../components/Radios';
import { History } from '../components/History';
import { SummaryList } from '../components/SummaryList';
import { Tag } from '../components/Tag';
import { NotificationBanner } from '../components/NotificationBanner';

export interface ActionPanelProps {
  action: ActionDetail;
  canUpdate: boolean;
  csrfToken: string;
  values?: { status?: string; note?: string };
  errors?: FieldErrors;
  /** Set after a successful update, to confirm it. */
  updated?: boolean;
  history: HistoryEntry[];
}

const STATUS_COLOURS = { open: 'blue', in_progress: 'yellow', done: 'green', dropped: 'grey' } as const;

/** The action's state, its updates, and the form to add one: the region an update replaces. */
export function ActionPanel({
  action,
  canUpdate,
  csrfToken,
  values = {},
  errors = {},
  updated,
  history,
}: ActionPanelProps): JSX.Element {
  const url = `/manage/actions/${action.id}/updates`;
  const chosen = values.status ?? action.status;
  return (
    <div id="action-panel">
      {updated ? <NotificationBanner type="success" heading="Your update has been saved." /> : ''}
      <ErrorSummary errors={errorList(errors, ['status', 'note'])} />
      <p class="govuk-body">
        <Tag text={ACTION_STATUS_LABELS[action.status]} colour={STATUS_COLOURS[action.status]} />
      </p>
      <h2 class="govuk-heading-m">Updates</h2>
      {action.updates.length === 0 ? (
        <p class="govuk-body">No updates yet.</p>
      ) : (
        <ol class="govuk-list">
          {action.updates.map((u) => (
            <li class="govuk-!-margin-bottom-4">
              <p class="govuk-body-s govuk-!-margin-bottom-1">
                <time datetime={isoLondon(u.at)} safe>
                  {formatDateTime(u.at)}
                </time>
                <span safe>{` · ${u.author ?? 'Unknown'} · ${ACTION_STATUS_LABELS[u.status]}`}</span>
              </p>
              {u.note ? (
                <p class="govuk-body" safe>
                  {u.note}
                </p>
              ) : (
                ''
              )}
            </li>
          ))}
        </ol>
      )}
      {canUpdate ? (
        <form method="post" action={url} novalidate hx-post={url} hx-target="#action-panel" hx-swap="outerHTML">
          <input type="hidden" name="_csrf" value={csrfToken} />
          <Radios
            id="status"
            legend="Add an update"
            legendClasses="govuk-fieldset__legend--m"
            legendIsHeading
            small
            errorMessage={errors.status}
            value={chosen}
            options={ACTION_STATUSES.map((s) => ({ value: s, text: ACTION_STATUS_LABELS[s] }))}
          />
          <Textarea
            id="note"
            label="Note"
            hint="What has been done, or why the status changed. Members and the clerk can read this."
            value={values.note ?? ''}
            errorMessage={errors.note}
            rows={4}
          />
          <Button text="Save update" preventDoubleClick />
        </form>
      ) : (
        <p class="govuk-body">Only the owners of this action and the committee’s clerk can update it.</p>
      )}
      <History entries={history} />
    </div>
  );
}

export function ActionPage(props: ActionPanelProps): JSX.Element {
  const { action } = props;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l" safe>
          {`${action.committee.name}, ${formatDate(action.meetingStartsAt)}`}
        </span>
        <h1 class="govuk-heading-l" safe>
          {action.description}
        </h1>
        <SummaryList
          rows={[
            { key: 'Owners', text: action.owners.join(', ') || 'None recorded' },
            { key: 'From', text: `Item ${action.itemNumber}, ${action.itemTitle}` },
            { key: 'Due', text: action.dueDate ? formatCalendarDate(action.dueDate) : 'No date set' },
          ]}
        />
        <ActionPanel {...props} />
      </div>
    </div>
  );
}
