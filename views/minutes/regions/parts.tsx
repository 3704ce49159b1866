import type { MinutesEditorData } from '../../../src/features/minutes/queries';
import type { FormState } from '../../components/Live';
import { MinutesState } from './StateRegion';

/** What every region of the minutes screen is drawn from. */
export interface MinutesScreenProps {
  data: MinutesEditorData;
  csrfToken: string;
  /** May change these minutes: a clerk of the committee, while they are not approved. Others read them. */
  canEdit: boolean;
  /** Keys the browser's unsaved-text store, so one person's drafts never reach another's screen. */
  userId: number;
  /** The form that came back refused, or is open for a change. */
  state?: FormState;
  /** Rendering one region for htmx: its errors are summarised inside it. */
  fragment?: boolean;
}

/** Where the screen's forms post. */
export function minutesBase(data: { meeting: { id: number } }): string {
  return `/manage/meetings/${data.meeting.id}/minutes`;
}

/** The key under which the browser keeps what was typed into a form until the server has it. */
export function draftKey(props: MinutesScreenProps, form: string): string {
  return `minutes:${props.userId}:${props.data.meeting.id}:${form}`;
}

/** A region sent alone, with where the minutes stand redrawn beside it (out of band). */
export function withState(region: JSX.Element, props: MinutesScreenProps): string {
  return `${region}${MinutesState({ state: props.data, oob: true })}`;
}

/** A details disclosure holding a form to add something; open when that form came back with errors. */
export function AddDetails({
  summary,
  to,
  open,
  children,
}: {
  summary: string;
  to?: string;
  open: boolean;
  children: JSX.Element;
}): JSX.Element {
  return (
    <details class="govuk-details" open={open ? true : undefined}>
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">
          <span safe>{summary}</span>
          {to ? <span class="govuk-visually-hidden" safe>{` ${to}`}</span> : ''}
        </span>
      </summary>
      <div class="govuk-details__text">{children}</div>
    </details>
  );
}

/** "Change" (the edit form in place, or on its own page without JavaScript) and "Remove" for a recorded entry. */
export function ChangeOrRemove(props: {
  url: string;
  focus: string;
  region: string;
  what: string;
  removeId: string | null;
  csrfToken: string;
}): JSX.Element {
  return (
    <span class="app-item-actions">
      <a
        class="govuk-link govuk-body-s"
        href={`${props.url}/edit#${props.focus}`}
        hx-get={`${props.url}/edit`}
        hx-target={`#${props.region}`}
        hx-swap="outerHTML"
      >
        Change<span class="govuk-visually-hidden" safe>{` ${props.what}`}</span>
      </a>
      {props.removeId ? (
        // Removing cannot be undone: it asks first, on a page of its own.
        <a class="govuk-link govuk-body-s" href={`${props.url}/remove`} id={props.removeId}>
          Remove<span class="govuk-visually-hidden" safe>{` ${props.what}`}</span>
        </a>
      ) : (
        ''
      )}
    </span>
  );
}
