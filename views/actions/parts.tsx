import { Pagination as Pages } from '../components/Pagination';
import type { ActionSummary, ActionUpdateView } from '../../src/features/actions/queries';
import { filterQuery, type ActionFilterValues } from '../../src/lib/action-filters';
import { actionSlug, daysOverdue, isOverdue } from '../../src/lib/action-rules';
import { formatCalendarDate, formatDateTime, formatShortDate, isoLondon } from '../../src/lib/dates';
import { ACTION_STATUSES, type ActionStatus } from '../../src/lib/enums';
import { ACTION_STATUS_LABELS } from '../../src/lib/labels';
import { Button } from '../components/Button';
import { Input, Select } from '../components/Field';
import { Table } from '../components/Table';
import { Tag, type TagColour } from '../components/Tag';

/**
 * What the action pages share: the status tag (overdue derived from the due
 * date and the clock), the filters form, the table and its pages.
 */

const STATUS_COLOURS: Record<ActionStatus, TagColour> = {
  open: 'blue',
  in_progress: 'yellow',
  done: 'green',
  dropped: 'grey',
};

export const publicActionHref = (reference: string) => `/actions/${actionSlug(reference)}`;

export function ActionStatusTag({
  action,
  now,
}: {
  action: { status: ActionStatus; dueDate: string | null };
  now: Date;
}): JSX.Element {
  return (
    <>
      <Tag text={ACTION_STATUS_LABELS[action.status]} colour={STATUS_COLOURS[action.status]} />
      {isOverdue(action, now) ? (
        <>
          {' '}
          <Tag text="Overdue" colour="red" />
        </>
      ) : (
        ''
      )}
    </>
  );
}

export function dueText(action: { status: ActionStatus; dueDate: string | null }, now: Date): string {
  if (!action.dueDate) return 'No date set';
  const days = daysOverdue(action, now);
  return `${formatCalendarDate(action.dueDate)}${days > 0 ? ` (${days} day${days === 1 ? '' : 's'} overdue)` : ''}`;
}

export interface FilterOptions {
  committees?: { id: number; name: string }[];
  meetings?: { id: number; startsAt: Date }[];
  organisations?: { id: number; name: string }[];
  /** Show the meeting date range (the signed-in list). */
  range?: boolean;
}

export function ActionFilterForm({
  action,
  values,
  errors,
  options,
}: {
  action: string;
  values: ActionFilterValues;
  errors: Record<string, string>;
  options: FilterOptions;
}): JSX.Element {
  return (
    <form
      method="get"
      action={action}
      class="app-filter"
      hx-get={action}
      hx-target="#action-list"
      hx-select="#action-list"
      hx-swap="outerHTML"
      hx-push-url="true"
    >
      <div class="govuk-form-group">
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Status</legend>
          <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            {ACTION_STATUSES.map((s) => (
              <div class="govuk-checkboxes__item">
                <input
                  class="govuk-checkboxes__input"
                  id={`status-${s}`}
                  name="status"
                  type="checkbox"
                  value={s}
                  checked={values.statuses.includes(s)}
                />
                <label class="govuk-label govuk-checkboxes__label" for={`status-${s}`} safe>
                  {ACTION_STATUS_LABELS[s]}
                </label>
              </div>
            ))}
            <div class="govuk-checkboxes__item">
              <input
                class="govuk-checkboxes__input"
                id="overdue"
                name="overdue"
                type="checkbox"
                value="yes"
                checked={values.overdue === 'yes'}
              />
              <label class="govuk-label govuk-checkboxes__label" for="overdue">
                Overdue only
              </label>
            </div>
          </div>
        </fieldset>
      </div>
      {options.committees && options.committees.length > 1 ? (
        <Select
          id="committee"
          label="Committee"
          value={values.committee}
          errorMessage={errors.committee}
          options={[
            { value: '', text: 'All' },
            ...options.committees.map((c) => ({ value: String(c.id), text: c.name })),
          ]}
        />
      ) : (
        ''
      )}
      {options.meetings ? (
        <Select
          id="meeting"
          label="From the meeting of"
          value={values.meeting}
          errorMessage={errors.meeting}
          options={[
            { value: '', text: 'Any meeting' },
            ...options.meetings.map((m) => ({ value: String(m.id), text: formatShortDate(m.startsAt) })),
          ]}
        />
      ) : (
        ''
      )}
      <Input
        id="owner"
        label="Owner’s name"
        value={values.owner}
        errorMessage={errors.owner}
        classes="govuk-input--width-20"
      />
      {options.organisations ? (
        <Select
          id="organisation"
          label="Owner’s organisation"
          value={values.organisation}
          errorMessage={errors.organisation}
          options={[
            { value: '', text: 'Any' },
            ...options.organisations.map((o) => ({ value: String(o.id), text: o.name })),
          ]}
        />
      ) : (
        ''
      )}
      {options.range ? (
        <>
          <Input
            id="from"
            label="Meetings from (YYYY-MM-DD)"
            type="date"
            value={values.from}
            errorMessage={errors.from}
          />
          <Input id="to" label="Meetings to (YYYY-MM-DD)" type="date" value={values.to} errorMessage={errors.to} />
        </>
      ) : (
        ''
      )}
      <Select
        id="sort"
        label="Sort by"
        value={values.sort || 'due'}
        errorMessage={errors.sort}
        options={[
          { value: 'due', text: 'Due date' },
          { value: 'meeting', text: 'Newest meeting' },
          { value: 'status', text: 'Status' },
          { value: 'reference', text: 'Reference' },
        ]}
      />
      <Button text="Show actions" variant="secondary" />
    </form>
  );
}

export function ActionRows({
  rows,
  now,
  href,
  showCommittee,
  caption,
}: {
  rows: ActionSummary[];
  now: Date;
  href: (a: ActionSummary) => string;
  showCommittee: boolean;
  caption: string;
}): JSX.Element {
  return (
    <Table
      caption={caption}
      captionClasses="govuk-visually-hidden"
      head={[
        { text: 'Reference' },
        { text: 'Action' },
        { text: 'Owners' },
        { text: 'From' },
        { text: 'Due' },
        { text: 'Status' },
      ]}
      rows={rows.map((a) => [
        { text: a.reference ?? '', classes: 'app-nowrap' },
        {
          html: (
            <a class="govuk-link" href={href(a)} safe>
              {a.description}
            </a>
          ),
        },
        { text: a.owners.join(', ') },
        {
          text: `${showCommittee ? `${a.committee.name}, ` : ''}${formatShortDate(a.meetingStartsAt)}: ${a.itemTitle}`,
        },
        { text: dueText(a, now) },
        { html: <ActionStatusTag action={a} now={now} /> },
      ])}
    />
  );
}

export function Pagination({
  base,
  values,
  page,
  pages,
}: {
  base: string;
  values: ActionFilterValues;
  page: number;
  pages: number;
}): JSX.Element {
  return (
    <Pages
      link={(n) => `${base}${filterQuery(values, { page: String(n) })}`}
      page={page}
      pages={pages}
      label="Pages of actions"
    />
  );
}

/** An action's updates, newest first; on a public page only the public notes (a private note's status change shows alone). */
export function UpdateList({ updates, publicOnly }: { updates: ActionUpdateView[]; publicOnly: boolean }): JSX.Element {
  if (updates.length === 0) return <p class="govuk-body">No updates yet.</p>;
  return (
    <ol class="govuk-list">
      {updates.map((u) => {
        const note = publicOnly && !u.notePublic ? '' : u.note;
        const change =
          u.fromStatus && u.fromStatus !== u.status
            ? `${ACTION_STATUS_LABELS[u.fromStatus]} → ${ACTION_STATUS_LABELS[u.status]}`
            : ACTION_STATUS_LABELS[u.status];
        return (
          <li class="govuk-!-margin-bottom-4">
            <p class="govuk-body-s govuk-!-margin-bottom-1">
              <time datetime={isoLondon(u.at)} safe>
                {formatDateTime(u.at)}
              </time>
              <span safe>{` · ${u.author ?? 'Unknown'} · ${change}`}</span>
              {!publicOnly && u.note ? <span>{u.notePublic ? ' · public note' : ' · not public'}</span> : ''}
            </p>
            {note ? (
              <p class="govuk-body app-typed-text" safe>
                {note}
              </p>
            ) : (
              ''
            )}
          </li>
        );
      })}
    </ol>
  );
}
