import type { AgendaEditorData, EditorItem } from '../../../src/features/agenda/editor';
import { DOCUMENT_KIND_LABELS, fileSize, presenterLabel } from '../../../src/lib/labels';
import { exemptNotice } from '../../../src/lib/schedule12a';
import { Csrf, RemoveButton } from '../../components/FormParts';
import { enhance, stateOf, type FormState } from '../../components/Live';
import { Tag } from '../../components/Tag';
import { ItemForm, PaperForm, PresenterForm } from './ItemForms';
import { AGENDA_FORMS, DRAFT_REGION, itemHeadingId } from './parts';

/** One item of the draft agenda: what it is, its presenters and papers, and (for a clerk) the forms that change them. */
export function ItemCard({
  data,
  item,
  index,
  csrfToken,
  canEdit,
  state,
}: {
  data: AgendaEditorData;
  item: EditorItem;
  index: number;
  csrfToken: string;
  canEdit: boolean;
  state: FormState | undefined;
}): JSX.Element {
  const meetingId = data.meeting.id;
  const base = `/manage/meetings/${meetingId}/agenda/items/${item.id}`;
  const editing = stateOf(state, AGENDA_FORMS.edit(item.id));
  const presenterState = stateOf(state, AGENDA_FORMS.presenter(item.id));
  const paperState = stateOf(state, AGENDA_FORMS.paper(item.id));
  const timing = [
    item.start ? `${item.start}${item.startDerived ? ' (follows the item before)' : ''}` : 'No time set',
    item.durationMinutes ? `${item.durationMinutes} minutes` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <li class="app-editor-item" id={`item-${item.id}`}>
      <h3 class="govuk-heading-m govuk-!-margin-bottom-1" id={itemHeadingId(item.id)} safe>
        {`${item.number}. ${item.title}`}
      </h3>
      <p class="govuk-body-s govuk-!-margin-bottom-2">
        <span safe>{timing}</span>{' '}
        {item.exemptParagraph !== null ? <Tag text={`Exempt: paragraph ${item.exemptParagraph}`} colour="red" /> : ''}
        {item.lateReason ? <Tag text="Added late" colour="orange" /> : ''}
      </p>
      {item.exemptParagraph !== null ? (
        <p class="govuk-body-s govuk-!-margin-bottom-2" safe>
          {`${exemptNotice(item.exemptParagraph)} Reason: ${item.exemptReason ?? ''}`}
        </p>
      ) : (
        ''
      )}
      {item.purpose ? (
        <p class="govuk-body app-pre-line" safe>
          {item.purpose}
        </p>
      ) : (
        ''
      )}
      {item.kind === 'minutes' && item.exemptParagraph === null ? (
        <p class="govuk-body-s">
          The published agenda lists under this item the action log: the committee’s actions still open from earlier
          meetings, as they stand when it is published.
        </p>
      ) : (
        ''
      )}
      {canEdit && !editing ? (
        <div class="app-item-actions">
          {index > 0 ? (
            <form method="post" action={`${base}/move`} {...enhance(`${base}/move`, DRAFT_REGION)}>
              <Csrf token={csrfToken} />
              <input type="hidden" name="direction" value="up" />
              <button
                type="submit"
                class="govuk-button govuk-button--secondary"
                id={`move-up-${item.id}`}
                data-module="govuk-button"
              >
                Move up<span class="govuk-visually-hidden" safe>{`: ${item.title}`}</span>
              </button>
            </form>
          ) : (
            ''
          )}
          {index < data.items.length - 1 ? (
            <form method="post" action={`${base}/move`} {...enhance(`${base}/move`, DRAFT_REGION)}>
              <Csrf token={csrfToken} />
              <input type="hidden" name="direction" value="down" />
              <button
                type="submit"
                class="govuk-button govuk-button--secondary"
                id={`move-down-${item.id}`}
                data-module="govuk-button"
              >
                Move down<span class="govuk-visually-hidden" safe>{`: ${item.title}`}</span>
              </button>
            </form>
          ) : (
            ''
          )}
          <a
            class="govuk-button govuk-button--secondary"
            href={`${base}/edit`}
            id={`change-${item.id}`}
            hx-get={`${base}/edit`}
            hx-target={`#${DRAFT_REGION}`}
            hx-swap="outerHTML"
          >
            Change<span class="govuk-visually-hidden" safe>{`: ${item.title}`}</span>
          </a>
          <a class="govuk-button govuk-button--warning" href={`${base}/remove`} id={`remove-${item.id}`}>
            Remove<span class="govuk-visually-hidden" safe>{`: ${item.title}`}</span>
          </a>
        </div>
      ) : (
        ''
      )}
      {editing ? (
        <ItemForm
          meetingId={meetingId}
          item={item}
          values={editing.values}
          errors={editing.errors}
          csrfToken={csrfToken}
        />
      ) : (
        ''
      )}

      <h4 class="govuk-heading-s govuk-!-margin-bottom-1">Presenters</h4>
      {item.presenters.length === 0 ? <p class="govuk-body-s">None.</p> : ''}
      <ul class="govuk-list">
        {item.presenters.map((p) => (
          <li class="app-inline-row">
            <span safe>{presenterLabel(p)}</span>
            {canEdit ? (
              <RemoveButton
                action={`${base}/presenters/${p.id}/remove`}
                enhance={enhance(`${base}/presenters/${p.id}/remove`, DRAFT_REGION)}
                id={`remove-presenter-${p.id}`}
                what={p.name}
                csrfToken={csrfToken}
              />
            ) : (
              ''
            )}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <PresenterForm
          meetingId={meetingId}
          item={item}
          people={data.people}
          state={presenterState}
          csrfToken={csrfToken}
        />
      ) : (
        ''
      )}

      <h4 class="govuk-heading-s govuk-!-margin-bottom-1">Papers</h4>
      {item.papers.length === 0 ? <p class="govuk-body-s">None.</p> : ''}
      <ul class="govuk-list">
        {item.papers.map((d) => (
          <li class="app-inline-row">
            <a class="govuk-link" href={`/manage/documents/${d.id}`} safe>
              {d.title}
            </a>
            <span class="govuk-body-s" safe>
              {` (${[DOCUMENT_KIND_LABELS[d.kind], d.pageCount ? `${d.pageCount} page${d.pageCount === 1 ? '' : 's'}` : null, fileSize(d.byteSize)].filter(Boolean).join(', ')})`}
            </span>
            {d.exemptParagraph !== null || item.exemptParagraph !== null ? (
              <Tag text={`Not for publication: paragraph ${d.exemptParagraph ?? item.exemptParagraph}`} colour="red" />
            ) : (
              ''
            )}
            {canEdit ? (
              <RemoveButton
                action={`${base}/papers/${d.id}/remove`}
                enhance={enhance(`${base}/papers/${d.id}/remove`, DRAFT_REGION)}
                id={`remove-paper-${d.id}`}
                what={d.title}
                csrfToken={csrfToken}
              />
            ) : (
              ''
            )}
          </li>
        ))}
      </ul>
      {canEdit ? <PaperForm meetingId={meetingId} item={item} state={paperState} csrfToken={csrfToken} /> : ''}
    </li>
  );
}

/** The whole editor: the region every editor action replaces. */
