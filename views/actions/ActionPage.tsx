import type { ActionDetail } from '../../src/features/actions/queries';
import type { HistoryEntry } from '../../src/features/audit/queries';
import { ACTION_STATUSES } from '../../src/lib/enums';
import { formatDate } from '../../src/lib/dates';
import { ACTION_STATUS_LABELS } from '../../src/lib/labels';
import { errorList, type FieldErrors } from '../../src/lib/validation';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { Textarea } from '../components/Field';
import { Radios } from '../components/Radios';
import { History } from '../components/History';
import { SummaryList } from '../components/SummaryList';
import { NotificationBanner } from '../components/NotificationBanner';
import { ActionStatusTag, dueText, publicActionHref, UpdateList } from './parts';

export interface ActionPanelProps {
  action: ActionDetail;
  canUpdate: boolean;
  csrfToken: string;
  now: Date;
  /** Where the form posts: the signed-in route, or an owner's link. */
  postTo: string;
  values?: { status?: string; note?: string; notePublic?: string };
  errors?: FieldErrors;
  /** Set after a successful update, to confirm it. */
  updated?: boolean;
  /** The audit history; none on an owner's link page. */
  history?: HistoryEntry[];
}

export const ACTION_PANEL = 'action-panel';

/** The action's state, its updates, and the form to add one: the region an update replaces. */
export function ActionPanel({
  action,
  canUpdate,
  csrfToken,
  now,
  postTo,
  values = {},
  errors = {},
  updated,
  history,
}: ActionPanelProps): JSX.Element {
  const chosen = values.status ?? action.status;
  return (
    <div id={ACTION_PANEL}>
      {updated ? <NotificationBanner type="success" heading="Your update has been saved." /> : ''}
      <ErrorSummary errors={errorList(errors, ['status', 'note', 'notePublic'])} />
      <p class="govuk-body">
        <ActionStatusTag action={action} now={now} />
      </p>
      <h2 class="govuk-heading-m">Updates</h2>
      <UpdateList updates={action.updates} publicOnly={false} />
      {canUpdate ? (
        <form
          method="post"
          action={postTo}
          novalidate
          hx-post={postTo}
          hx-target={`#${ACTION_PANEL}`}
          hx-swap="outerHTML"
        >
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
            hint="What has been done, or why the status changed. Needed when an action that was done or dropped is open again."
            value={values.note ?? ''}
            errorMessage={errors.note}
            rows={4}
          />
          <Radios
            id="notePublic"
            legend="Who can read the note?"
            small
            errorMessage={errors.notePublic}
            value={values.notePublic || 'no'}
            options={[
              { value: 'no', text: 'Members and the clerk only' },
              {
                value: 'yes',
                text: 'Anyone: it is shown on the action’s public page',
                hint: 'Only once the minutes that record the action are published. Never put personal or confidential details in a public note.',
              },
            ]}
          />
          <Button text="Save update" preventDoubleClick />
        </form>
      ) : (
        <p class="govuk-body">Only the owners of this action and the committee’s clerk can update it.</p>
      )}
      {history ? <History entries={history} /> : ''}
    </div>
  );
}

export interface ActionPageProps extends ActionPanelProps {
  /** Owners who can be sent a link, for the committee's clerk; empty for anyone else. */
  linkable: { ownerId: number; name: string; email: string }[];
  canManage: boolean;
  linkMessage?: string;
}

export function ActionPage(props: ActionPageProps): JSX.Element {
  const { action, now } = props;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l" safe>
          {`${action.reference ?? 'Action'} · ${action.committee.name}, ${formatDate(action.meetingStartsAt)}`}
        </span>
        <h1 class="govuk-heading-l" safe>
          {action.description}
        </h1>
        <SummaryList
          rows={[
            { key: 'Owners', text: action.owners.join(', ') || 'None recorded' },
            {
              key: 'From',
              html: (
                <a class="govuk-link" href={`/manage/meetings/${action.meetingId}/minutes`} safe>
                  {`Item ${action.itemNumber}, ${action.itemTitle}`}
                </a>
              ),
            },
            { key: 'Due', text: dueText(action, now) },
            {
              key: 'In public',
              html:
                action.publishedAt && action.reference && !action.itemExempt ? (
                  <a class="govuk-link" href={publicActionHref(action.reference)}>
                    Its public page
                  </a>
                ) : (
                  <span>
                    {action.itemExempt
                      ? 'Never: its item is exempt'
                      : 'Not yet: once the minutes that record it are published'}
                  </span>
                ),
            },
          ]}
        />
        <ActionPanel {...props} />
        {props.canManage ? <OwnerLinks {...props} /> : ''}
      </div>
    </div>
  );
}

function OwnerLinks({ action, linkable, csrfToken, linkMessage }: ActionPageProps): JSX.Element {
  return (
    <section aria-labelledby="links-heading">
      <h2 class="govuk-heading-m" id="links-heading">
        Owners without an account
      </h2>
      {linkMessage ? (
        <p class="govuk-body govuk-!-font-weight-bold" role="status" safe>
          {linkMessage}
        </p>
      ) : (
        ''
      )}
      {linkable.length === 0 ? (
        <p class="govuk-body">
          No owner of this action has an email address in the directory. Add one to a person to send them a link to
          update it without signing in.
        </p>
      ) : (
        <>
          <p class="govuk-body">
            Each owner below can be emailed a link to update this action without signing in. A new link replaces the old
            one, which stops working.
          </p>
          <ul class="govuk-list">
            {linkable.map((o) => (
              <li>
                <form method="post" action={`/manage/actions/${action.id}/links`} novalidate class="app-inline-form">
                  <input type="hidden" name="_csrf" value={csrfToken} />
                  <input type="hidden" name="ownerId" value={String(o.ownerId)} />
                  <span class="govuk-body" safe>{`${o.name} (${o.email}) `}</span>
                  <Button text={`Send ${o.name} a link`} variant="secondary" classes="govuk-!-margin-bottom-0" />
                </form>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
