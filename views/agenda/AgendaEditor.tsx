import type { EditorItem } from '../../src/features/agenda/editor';
import { formatDate } from '../../src/lib/dates';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { Csrf } from '../components/FormParts';
import { DraftRegion } from './editor/DraftRegion';
import { PublishRegion } from './editor/PublishRegion';
import { StatusRegion } from './editor/StatusRegion';
import { editorErrors, type AgendaEditorProps } from './editor/parts';

/** A change to the draft: the draft again, with where the agenda stands and the publish form out of band. */
export function draftFragment(props: AgendaEditorProps): string {
  return `${DraftRegion({ ...props, fragment: true })}${StatusRegion({ data: props.data, oob: true })}${PublishRegion({ ...props, oob: true })}`;
}

/** Publishing: the publish form again, with where the agenda stands and the draft (late items) out of band. */
export function publishFragment(props: AgendaEditorProps): string {
  return `${PublishRegion({ ...props, fragment: true })}${StatusRegion({ data: props.data, oob: true })}${DraftRegion({ ...props, oob: true })}`;
}

/** The agenda editor: its three regions, each drawn here and alone as the fragment its routes return. */
export function AgendaEditorPage(props: AgendaEditorProps): JSX.Element {
  const { data } = props;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">
          <a class="govuk-link govuk-link--no-visited-state" href={`/manage/meetings/${data.meeting.id}`} safe>
            {`${data.meeting.committee.name}, ${formatDate(data.meeting.startsAt)}`}
          </a>
        </span>
        <h1 class="govuk-heading-xl">Agenda</h1>
        <ErrorSummary errors={editorErrors(props.state)} />
        <div id="agenda-editor">
          <StatusRegion data={data} />
          <DraftRegion {...props} />
          <PublishRegion {...props} />
        </div>
      </div>
    </div>
  );
}

export function RemoveItemPage({
  meetingId,
  item,
  csrfToken,
}: {
  meetingId: number;
  item: EditorItem;
  csrfToken: string;
}): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l" safe>{`Remove item ${item.number}, ${item.title}?`}</h1>
        <p class="govuk-body">
          The item comes off the draft agenda, and its presenters with it. Its papers stay on file, and any published
          version of the agenda still shows it.
        </p>
        <form method="post" action={`/manage/meetings/${meetingId}/agenda/items/${item.id}/remove`}>
          <Csrf token={csrfToken} />
          <div class="govuk-button-group">
            <Button text="Remove item" variant="warning" />
            <a class="govuk-link" href={`/manage/meetings/${meetingId}/agenda#item-${item.id}`}>
              Keep it
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}
