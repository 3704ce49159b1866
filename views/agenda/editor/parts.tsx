import type { AgendaEditorData } from '../../../src/features/agenda/editor';
import type { AgendaItemKind } from '../../../src/lib/enums';
import { SCHEDULE_12A_PARAGRAPHS } from '../../../src/lib/schedule12a';
import { errorLinks, type FormState } from '../../components/Live';

/** What every region of the agenda editor is drawn from. */
export interface AgendaEditorProps {
  data: AgendaEditorData;
  csrfToken: string;
  /** A clerk of the committee, while the agenda is not part of approved minutes. */
  canEdit: boolean;
  /** The form that came back refused, or is open for a change. */
  state?: FormState;
  /** Rendering one region for htmx: its errors are summarised inside it. */
  fragment?: boolean;
}

/** The editor's forms, by name: each field's id is `<form>-<field>` (the publish form's are bare). */
export const AGENDA_FORMS = {
  add: 'new',
  edit: (itemId: number) => `item-${itemId}`,
  presenter: (itemId: number) => `presenter-${itemId}`,
  paper: (itemId: number) => `paper-${itemId}`,
  /** Forms with no fields of their own (standard items, move, remove, a planned topic): refusals are about the agenda. */
  agenda: 'agenda',
  publish: 'publish',
};

/** The regions of the editor: the draft (items and the forms that add them), where it stands, and publishing. */
export const DRAFT_REGION = 'agenda-draft';
export const STATUS_REGION = 'agenda-status';
export const PUBLISH_REGION = 'publish';
/** The list of items inside the draft: a message about the agenda as a whole leads here. */
export const ITEMS_LIST = 'agenda-items';

/** An item's heading: where the keyboard goes after a change to the item. */
export const itemHeadingId = (itemId: number) => `item-${itemId}-heading`;

export function agendaBase(meetingId: number): string {
  return `/manage/meetings/${meetingId}/agenda`;
}

/** The error links of whichever editor form came back refused. */
export function editorErrors(state: FormState | undefined) {
  if (!state) return [];
  if (state.form === AGENDA_FORMS.publish) return errorLinks(state, (field) => field, PUBLISH_REGION);
  return errorLinks(state, (field) => `${state.form}-${field}`, ITEMS_LIST);
}

export const ITEM_KIND_LABELS: Record<AgendaItemKind, string> = {
  apologies: 'Apologies and changes in membership',
  declarations: 'Declarations of interest',
  minutes: 'Minutes of the previous meeting',
  public_questions: 'Public questions',
  chairmans_update: 'Chairman’s update',
  work_programme: 'Work programme',
  next_meeting: 'Date of next meeting',
  business: 'Business',
};

export const PARAGRAPHS = [
  { value: '', text: 'Open: not exempt' },
  ...SCHEDULE_12A_PARAGRAPHS.map((n) => ({ value: String(n), text: `Exempt: paragraph ${n} of Schedule 12A` })),
];
