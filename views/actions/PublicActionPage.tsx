import type { ActionDetail } from '../../src/features/actions/queries';
import { formatDate } from '../../src/lib/dates';
import { recommendationSlug } from '../../src/lib/recommendation-rules';
import { SummaryList } from '../components/SummaryList';
import { ActionPanel, type ActionPanelProps } from './ActionPage';
import { ActionStatusTag, dueText, UpdateList } from './parts';

function Facts({ action, now, publicLinks }: { action: ActionDetail; now: Date; publicLinks: boolean }): JSX.Element {
  return (
    <SummaryList
      rows={[
        { key: 'Status', html: <ActionStatusTag action={action} now={now} /> },
        { key: 'Owners', text: action.owners.join(', ') || 'None recorded' },
        {
          key: 'From',
          html: publicLinks ? (
            <a class="govuk-link" href={`/meetings/${action.meetingId}#minutes`} safe>
              {`The meeting of ${formatDate(action.meetingStartsAt)}, item ${action.itemNumber}: ${action.itemTitle}`}
            </a>
          ) : (
            <span
              safe
            >{`The meeting of ${formatDate(action.meetingStartsAt)}, item ${action.itemNumber}: ${action.itemTitle}`}</span>
          ),
        },
        { key: 'Due', text: dueText(action, now) },
      ]}
    />
  );
}

/** An action as anyone reads it: its status, dates and public notes, never a private note. */
export function PublicActionPage({
  action,
  now,
  recommendations = [],
}: {
  action: ActionDetail;
  now: Date;
  /** Recommendations made at the same item: the matter's other thread. */
  recommendations?: { reference: string | null; text: string }[];
}): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l" safe>
          {`Action ${action.reference ?? ''} · ${action.committee.name}`}
        </span>
        <h1 class="govuk-heading-l" safe>
          {action.description}
        </h1>
        <Facts action={action} now={now} publicLinks={true} />
        <h2 class="govuk-heading-m">Progress</h2>
        <UpdateList updates={action.updates} publicOnly={true} />
        {recommendations.length > 0 ? (
          <>
            <h2 class="govuk-heading-m">Recommendations from the same item</h2>
            <ul class="govuk-list govuk-list--bullet">
              {recommendations.map((r) => (
                <li>
                  <a class="govuk-link" href={`/recommendations/${recommendationSlug(r.reference ?? '')}`} safe>
                    {r.reference ?? ''}
                  </a>
                  <span safe>{`: ${r.text.length > 160 ? `${r.text.slice(0, 157)}…` : r.text}`}</span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          ''
        )}
        <p class="govuk-body">
          <a class="govuk-link" href={`/committees/${action.committee.slug}/actions`} safe>
            {`All actions of the ${action.committee.name}`}
          </a>
        </p>
      </div>
    </div>
  );
}

/** An owner's page at the link emailed to them: the action, and the update form, with no account. */
export function OwnerUpdatePage(props: ActionPanelProps & { ownerName: string }): JSX.Element {
  const { action, now } = props;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l" safe>
          {`${action.reference ?? 'Action'} · ${action.committee.name}`}
        </span>
        <h1 class="govuk-heading-l" safe>
          {action.description}
        </h1>
        <p class="govuk-body" safe>
          {`You are updating this action as ${props.ownerName}, one of its owners. This link is only for you: do not pass it on.`}
        </p>
        <Facts action={action} now={now} publicLinks={action.publishedAt !== null} />
        <ActionPanel {...props} history={undefined} />
      </div>
    </div>
  );
}
