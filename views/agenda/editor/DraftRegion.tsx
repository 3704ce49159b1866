import { Button } from '../../components/Button';
import { Csrf } from '../../components/FormParts';
import { FormError, RegionErrors, enhance, stateOf } from '../../components/Live';
import { ItemCard } from './ItemCard';
import { ItemForm } from './ItemForms';
import { AGENDA_FORMS, DRAFT_REGION, ITEMS_LIST, editorErrors, type AgendaEditorProps } from './parts';

/** The draft agenda: its items, and the forms that add to it. Every item change redraws it whole (numbers and times follow the order). */
export function DraftRegion(props: AgendaEditorProps & { oob?: boolean }): JSX.Element {
  const { data, csrfToken, canEdit, state } = props;
  const meetingId = data.meeting.id;
  const adding = stateOf(state, AGENDA_FORMS.add);
  return (
    <div id={DRAFT_REGION} hx-swap-oob={props.oob ? 'true' : undefined}>
      <RegionErrors links={state?.form === AGENDA_FORMS.publish ? [] : editorErrors(state)} fragment={props.fragment} />
      <FormError state={stateOf(state, AGENDA_FORMS.agenda)} />
      {data.items.length === 0 && canEdit ? (
        <form
          method="post"
          action={`/manage/meetings/${meetingId}/agenda/standard`}
          {...enhance(`/manage/meetings/${meetingId}/agenda/standard`, DRAFT_REGION)}
        >
          <Csrf token={csrfToken} />
          <p class="govuk-body">The agenda has no items yet.</p>
          <Button text="Start with the standard items" attributes={{ id: 'standard-items' }} />
        </form>
      ) : (
        ''
      )}

      <ol class="govuk-list app-editor-items" id={ITEMS_LIST}>
        {data.items.map((item, index) => (
          <ItemCard data={data} item={item} index={index} csrfToken={csrfToken} canEdit={canEdit} state={state} />
        ))}
      </ol>

      {canEdit ? (
        <section aria-labelledby="add-item-heading" class="app-editor-section">
          <h2 class="govuk-heading-m" id="add-item-heading">
            Add an item
          </h2>
          <ItemForm
            meetingId={meetingId}
            item={null}
            values={adding?.values ?? {}}
            errors={adding?.errors ?? {}}
            csrfToken={csrfToken}
          />
        </section>
      ) : (
        ''
      )}

      {canEdit && data.plannedTopics.length > 0 ? (
        <section aria-labelledby="work-programme-heading" class="app-editor-section">
          <h2 class="govuk-heading-m" id="work-programme-heading">
            Planned in the work programme for this meeting
          </h2>
          <ul class="govuk-list">
            {data.plannedTopics.map((t) => (
              <li class="app-inline-row">
                <span class="govuk-!-font-weight-bold" safe>
                  {t.topic}
                </span>
                <form
                  method="post"
                  action={`/manage/meetings/${meetingId}/agenda/work-programme/${t.id}`}
                  {...enhance(`/manage/meetings/${meetingId}/agenda/work-programme/${t.id}`, DRAFT_REGION)}
                >
                  <Csrf token={csrfToken} />
                  <button
                    type="submit"
                    class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    id={`add-topic-${t.id}`}
                    data-module="govuk-button"
                  >
                    Add to the agenda<span class="govuk-visually-hidden" safe>{`: ${t.topic}`}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
    </div>
  );
}
