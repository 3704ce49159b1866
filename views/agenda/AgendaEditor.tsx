import type { AgendaEditorData, EditorItem, PackState } from '../../src/features/agenda/editor';
import { AGENDA_ITEM_KINDS, DOCUMENT_KINDS } from '../../src/lib/enums';
import { formatCalendarDay, formatDate, formatDateTime } from '../../src/lib/dates';
import { DOCUMENT_KIND_LABELS, fileSize, presenterLabel } from '../../src/lib/labels';
import { SCHEDULE_12A_PARAGRAPHS, exemptNotice } from '../../src/lib/schedule12a';
import type { FieldErrors } from '../../src/lib/validation';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { Input, Select, Textarea } from '../components/Field';
import { Tag } from '../components/Tag';
import { Csrf, RemoveButton } from '../components/FormParts';

const ITEM_KIND_LABELS: Record<(typeof AGENDA_ITEM_KINDS)[number], string> = {
  apologies: 'Apologies and changes in membership',
  declarations: 'Declarations of interest',
  minutes: 'Minutes of the previous meeting',
  public_questions: 'Public questions',
  chairmans_update: 'Chairman’s update',
  work_programme: 'Work programme',
  next_meeting: 'Date of next meeting',
  business: 'Business',
};

const PARAGRAPHS = [
  { value: '', text: 'Open: not exempt' },
  ...SCHEDULE_12A_PARAGRAPHS.map((n) => ({ value: String(n), text: `Exempt: paragraph ${n} of Schedule 12A` })),
];

type Values = Record<string, string>;

export interface EditorState {
  add?: { values: Values; errors: FieldErrors };
  editing?: { itemId: number; values: Values; errors: FieldErrors };
  presenter?: { itemId: number; values: Values; errors: FieldErrors };
  paper?: { itemId: number; values: Values; errors: FieldErrors };
  publish?: { values: Values; errors: FieldErrors };
  /** An error about the whole agenda (e.g. publishing with no items). */
  formError?: string;
}

export interface AgendaEditorProps {
  data: AgendaEditorData;
  csrfToken: string;
  canEdit: boolean;
  state?: EditorState;
}

/** Attributes that make a form post to the editor and swap the editor region in place. */
function enhance(action: string): Record<string, string> {
  return { 'hx-post': action, 'hx-target': '#agenda-editor', 'hx-swap': 'outerHTML' };
}

/** The pack's progress: polls itself while the pack is being built. */
export function PackStatusPanel({ meetingId, pack }: { meetingId: number; pack: PackState }): JSX.Element {
  const building = pack.status === 'pending' || pack.status === 'building';
  return (
    <div
      id="pack-status"
      class="app-pack-status"
      hx-get={building ? `/manage/meetings/${meetingId}/agenda/pack-status` : undefined}
      hx-trigger={building ? 'load delay:1s' : undefined}
      hx-swap={building ? 'outerHTML' : undefined}
    >
      {building ? (
        <p class="govuk-body" role="status">
          <span safe>{`Building the agenda pack for version ${pack.version}: ${pack.progress}% done.`}</span>{' '}
          <a class="govuk-link" href={`/manage/meetings/${meetingId}/agenda`}>
            Refresh
          </a>
        </p>
      ) : pack.status === 'ready' ? (
        <ul class="govuk-list" role="status">
          <li>
            <a class="govuk-link" href={`/meetings/${meetingId}/agenda-pack.pdf`} safe>
              {`Agenda pack, version ${pack.version} (PDF, ${pack.pages ?? '?'} pages, ${fileSize(pack.bytes) ?? ''})`}
            </a>
          </li>
          <li>
            <a class="govuk-link" href={`/manage/meetings/${meetingId}/agenda-pack.pdf`} safe>
              {`Members’ pack with papers not for publication (PDF, ${fileSize(pack.fullBytes) ?? ''})`}
            </a>
          </li>
        </ul>
      ) : (
        <div class="govuk-inset-text" role="status">
          <p class="govuk-body" safe>{`The agenda pack could not be built: ${pack.error ?? 'unknown error'}`}</p>
        </div>
      )}
    </div>
  );
}

function ItemForm({
  meetingId,
  item,
  values,
  errors,
  csrfToken,
}: {
  meetingId: number;
  item: EditorItem | null;
  values: Values;
  errors: FieldErrors;
  csrfToken: string;
}): JSX.Element {
  const p = item ? `item-${item.id}-` : 'new-';
  const action = item
    ? `/manage/meetings/${meetingId}/agenda/items/${item.id}`
    : `/manage/meetings/${meetingId}/agenda/items`;
  return (
    <form method="post" action={action} novalidate class="app-item-form" {...enhance(action)}>
      <Csrf token={csrfToken} />
      <Input id={`${p}title`} name="title" label="Title" value={values.title} errorMessage={errors.title} />
      <Textarea
        id={`${p}purpose`}
        name="purpose"
        label="Purpose (optional)"
        hint="What the committee is asked to do or will hear. Blank lines start new paragraphs."
        value={values.purpose}
        errorMessage={errors.purpose}
        rows={3}
      />
      <Select
        id={`${p}kind`}
        name="kind"
        label="Kind of item"
        value={values.kind || 'business'}
        errorMessage={errors.kind}
        options={AGENDA_ITEM_KINDS.map((k) => ({ value: k, text: ITEM_KIND_LABELS[k] }))}
      />
      <div class="app-field-row">
        <Input
          id={`${p}plannedStart`}
          name="plannedStart"
          label="Planned start (optional)"
          hint="Like 10:05; blank to follow on from the item before"
          value={values.plannedStart}
          errorMessage={errors.plannedStart}
          classes="govuk-input--width-5"
        />
        <Input
          id={`${p}durationMinutes`}
          name="durationMinutes"
          label="Minutes allowed (optional)"
          inputmode="numeric"
          value={values.durationMinutes}
          errorMessage={errors.durationMinutes}
          classes="govuk-input--width-3"
        />
      </div>
      <Select
        id={`${p}exemptParagraph`}
        name="exemptParagraph"
        label="Open or exempt"
        hint="An exempt item shows only its title and paragraph to the public."
        value={values.exemptParagraph}
        errorMessage={errors.exemptParagraph}
        options={PARAGRAPHS}
      />
      <Textarea
        id={`${p}exemptReason`}
        name="exemptReason"
        label="Public interest reason (exempt items only)"
        hint="Why keeping the information private outweighs the public interest in publishing it."
        value={values.exemptReason}
        errorMessage={errors.exemptReason}
        rows={2}
      />
      <div class="govuk-button-group">
        <Button
          text={item ? 'Save item' : 'Add item'}
          attributes={{ id: item ? `save-item-${item.id}` : 'add-item' }}
        />
        {item ? (
          <a class="govuk-link" href={`/manage/meetings/${meetingId}/agenda#item-${item.id}`}>
            Cancel
          </a>
        ) : (
          ''
        )}
      </div>
    </form>
  );
}

export function itemValues(
  item: Pick<
    EditorItem,
    'title' | 'purpose' | 'kind' | 'plannedStart' | 'durationMinutes' | 'exemptParagraph' | 'exemptReason'
  >,
): Values {
  return {
    title: item.title,
    purpose: item.purpose,
    kind: item.kind,
    plannedStart: item.plannedStart ?? '',
    durationMinutes: item.durationMinutes === null ? '' : String(item.durationMinutes),
    exemptParagraph: item.exemptParagraph === null ? '' : String(item.exemptParagraph),
    exemptReason: item.exemptReason ?? '',
  };
}

function ItemView({
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
  state: EditorState;
}): JSX.Element {
  const meetingId = data.meeting.id;
  const base = `/manage/meetings/${meetingId}/agenda/items/${item.id}`;
  const editing = state.editing?.itemId === item.id ? state.editing : null;
  const presenterState = state.presenter?.itemId === item.id ? state.presenter : null;
  const paperState = state.paper?.itemId === item.id ? state.paper : null;
  const timing = [
    item.start ? `${item.start}${item.startDerived ? ' (follows the item before)' : ''}` : 'No time set',
    item.durationMinutes ? `${item.durationMinutes} minutes` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <li class="app-editor-item" id={`item-${item.id}`}>
      <h3 class="govuk-heading-m govuk-!-margin-bottom-1" safe>
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
      {canEdit && !editing ? (
        <div class="app-item-actions">
          {index > 0 ? (
            <form method="post" action={`${base}/move`} {...enhance(`${base}/move`)}>
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
            <form method="post" action={`${base}/move`} {...enhance(`${base}/move`)}>
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
            hx-target="#agenda-editor"
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
                enhance={enhance(`${base}/presenters/${p.id}/remove`)}
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
        <details class="govuk-details" open={presenterState ? true : undefined}>
          <summary class="govuk-details__summary">
            <span class="govuk-details__summary-text">
              Add a presenter<span class="govuk-visually-hidden" safe>{` to ${item.title}`}</span>
            </span>
          </summary>
          <div class="govuk-details__text">
            <form method="post" action={`${base}/presenters`} novalidate {...enhance(`${base}/presenters`)}>
              <Csrf token={csrfToken} />
              <Select
                id={`presenter-${item.id}-personId`}
                name="personId"
                label="From the people directory"
                value={presenterState?.values.personId ?? ''}
                errorMessage={presenterState?.errors[`presenter-${item.id}-personId`]}
                options={[
                  { value: '', text: 'Choose' },
                  ...data.people.map((p) => ({ value: String(p.id), text: p.name })),
                ]}
              />
              <Input
                id={`presenter-${item.id}-newPersonName`}
                name="newPersonName"
                label="Or someone new, by the name the minutes will use"
                hint="Like Dr J Kent. They are added to the directory."
                value={presenterState?.values.newPersonName}
                errorMessage={presenterState?.errors[`presenter-${item.id}-newPersonName`]}
              />
              <Input
                id={`presenter-${item.id}-capacity`}
                name="capacity"
                label="Capacity (optional)"
                hint="Like Chief Executive, Healthwatch Bucks"
                value={presenterState?.values.capacity}
                errorMessage={presenterState?.errors[`presenter-${item.id}-capacity`]}
              />
              <Button text="Add presenter" variant="secondary" attributes={{ id: `add-presenter-${item.id}` }} />
            </form>
          </div>
        </details>
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
                enhance={enhance(`${base}/papers/${d.id}/remove`)}
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
      {canEdit ? (
        <details class="govuk-details" open={paperState ? true : undefined}>
          <summary class="govuk-details__summary">
            <span class="govuk-details__summary-text">
              Add a paper<span class="govuk-visually-hidden" safe>{` to ${item.title}`}</span>
            </span>
          </summary>
          <div class="govuk-details__text">
            <form
              method="post"
              action={`${base}/papers`}
              enctype="multipart/form-data"
              novalidate
              hx-encoding="multipart/form-data"
              {...enhance(`${base}/papers`)}
            >
              <Csrf token={csrfToken} />
              <div
                class={[
                  'govuk-form-group',
                  paperState?.errors[`paper-${item.id}-file`] ? 'govuk-form-group--error' : '',
                ]
                  .filter(Boolean)
                  .join(' ')}
              >
                <label class="govuk-label" for={`paper-${item.id}-file`}>
                  PDF file
                </label>
                <div id={`paper-${item.id}-file-hint`} class="govuk-hint">
                  A PDF, not password-protected.
                </div>
                {paperState?.errors[`paper-${item.id}-file`] ? (
                  <p id={`paper-${item.id}-file-error`} class="govuk-error-message">
                    <span class="govuk-visually-hidden">Error:</span>{' '}
                    <span safe>{paperState.errors[`paper-${item.id}-file`] ?? ''}</span>
                  </p>
                ) : (
                  ''
                )}
                <input
                  class="govuk-file-upload"
                  id={`paper-${item.id}-file`}
                  name="file"
                  type="file"
                  accept="application/pdf,.pdf"
                  aria-describedby={`paper-${item.id}-file-hint${paperState?.errors[`paper-${item.id}-file`] ? ` paper-${item.id}-file-error` : ''}`}
                />
              </div>
              <Input
                id={`paper-${item.id}-title`}
                name="title"
                label="Title"
                value={paperState?.values.title}
                errorMessage={paperState?.errors[`paper-${item.id}-title`]}
              />
              <Select
                id={`paper-${item.id}-kind`}
                name="kind"
                label="Kind of paper"
                value={paperState?.values.kind ?? 'report'}
                errorMessage={paperState?.errors[`paper-${item.id}-kind`]}
                options={DOCUMENT_KINDS.map((k) => ({ value: k, text: DOCUMENT_KIND_LABELS[k] }))}
              />
              <Select
                id={`paper-${item.id}-exemptParagraph`}
                name="exemptParagraph"
                label="Open or exempt"
                hint="Papers of an exempt item are always exempt."
                value={paperState?.values.exemptParagraph ?? ''}
                errorMessage={paperState?.errors[`paper-${item.id}-exemptParagraph`]}
                options={PARAGRAPHS}
              />
              <Button text="Upload paper" variant="secondary" attributes={{ id: `upload-paper-${item.id}` }} />
            </form>
          </div>
        </details>
      ) : (
        ''
      )}
    </li>
  );
}

/** The whole editor: the region every editor action replaces. */
export function AgendaEditor({ data, csrfToken, canEdit, state = {} }: AgendaEditorProps): JSX.Element {
  const meetingId = data.meeting.id;
  const errors = [
    ...(state.formError ? [{ text: state.formError, href: '#agenda-items' }] : []),
    ...Object.entries(state.add?.errors ?? {}).map(([k, text]) => ({ text, href: `#new-${k}` })),
    ...Object.entries(state.editing?.errors ?? {}).map(([k, text]) => ({
      text,
      href: `#item-${state.editing?.itemId}-${k}`,
    })),
    ...Object.entries(state.presenter?.errors ?? {}).map(([k, text]) => ({ text, href: `#${k}` })),
    ...Object.entries(state.paper?.errors ?? {}).map(([k, text]) => ({ text, href: `#${k}` })),
    ...Object.entries(state.publish?.errors ?? {}).map(([k, text]) => ({ text, href: `#${k}` })),
  ];
  const deadline = data.deadline;
  const version = (data.published?.version ?? 0) + 1;
  return (
    <div id="agenda-editor">
      <ErrorSummary errors={errors} />
      <div class="govuk-inset-text">
        {data.published ? (
          <p class="govuk-body" safe>
            {`Version ${data.published.version} was published ${formatDateTime(data.published.publishedAt)}.${data.unpublishedChanges ? ' The draft below has changes that are not yet published.' : ''}`}
          </p>
        ) : (
          <p class="govuk-body">This agenda is a draft: the public cannot see it.</p>
        )}
        {data.locked ? (
          <p class="govuk-body govuk-!-font-weight-bold">
            The minutes of this meeting are approved, so its agenda is part of the record and no longer changes.
          </p>
        ) : (
          <p class="govuk-body" safe>
            {deadline.late
              ? `The last day to publish was ${formatCalendarDay(deadline.date)}. Publishing now needs the chairman’s agreement and a reason of special circumstances.`
              : `Publish by ${formatCalendarDay(deadline.date)} (${deadline.daysRemaining} day${deadline.daysRemaining === 1 ? '' : 's'} left) to give the notice the law requires.`}
          </p>
        )}
        {data.published ? <PackStatusPanel meetingId={meetingId} pack={data.published.pack} /> : ''}
      </div>

      {data.items.length === 0 && canEdit ? (
        <form
          method="post"
          action={`/manage/meetings/${meetingId}/agenda/standard`}
          {...enhance(`/manage/meetings/${meetingId}/agenda/standard`)}
        >
          <Csrf token={csrfToken} />
          <p class="govuk-body">The agenda has no items yet.</p>
          <Button text="Start with the standard items" attributes={{ id: 'standard-items' }} />
        </form>
      ) : (
        ''
      )}

      <ol class="govuk-list app-editor-items" id="agenda-items">
        {data.items.map((item, index) => (
          <ItemView data={data} item={item} index={index} csrfToken={csrfToken} canEdit={canEdit} state={state} />
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
            values={state.add?.values ?? {}}
            errors={state.add?.errors ?? {}}
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
                  {...enhance(`/manage/meetings/${meetingId}/agenda/work-programme/${t.id}`)}
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

      {canEdit && data.items.length > 0 ? (
        <section aria-labelledby="publish-heading" class="app-editor-section" id="publish">
          <h2 class="govuk-heading-m" id="publish-heading">
            {version > 1 ? `Publish supplement ${version - 1} (version ${version})` : 'Publish the agenda'}
          </h2>
          <form
            method="post"
            action={`/manage/meetings/${meetingId}/agenda/publish`}
            novalidate
            {...enhance(`/manage/meetings/${meetingId}/agenda/publish`)}
          >
            <Csrf token={csrfToken} />
            {version > 1 ? (
              <Textarea
                id="changeSummary"
                label="What has changed since the last version"
                hint="The public agenda shows this."
                value={state.publish?.values.changeSummary}
                errorMessage={state.publish?.errors.changeSummary}
                rows={2}
              />
            ) : (
              ''
            )}
            {deadline.late ? (
              <>
                <Textarea
                  id="lateReason"
                  label="Special circumstances that make this late"
                  hint="The public agenda and the minutes will state them."
                  value={state.publish?.values.lateReason}
                  errorMessage={state.publish?.errors.lateReason}
                  rows={2}
                />
                <Input
                  id="chairmanAgreement"
                  label="The chairman’s agreement"
                  hint="Who agreed, and when: like Agreed by Cllr J MacBean on 5 January 2021"
                  value={state.publish?.values.chairmanAgreement}
                  errorMessage={state.publish?.errors.chairmanAgreement}
                />
              </>
            ) : (
              ''
            )}
            <Button
              text={version > 1 ? 'Publish supplement' : 'Publish agenda'}
              attributes={{ id: 'publish-agenda' }}
              preventDoubleClick
            />
          </form>
        </section>
      ) : (
        ''
      )}
    </div>
  );
}

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
        <AgendaEditor {...props} />
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
