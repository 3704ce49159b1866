import type {
  WorkProgrammeStatus,
  RecommendationStatus,
  ResponseDecision,
  ImplementationStatus,
  InquiryKind,
  InquiryStatus,
  InquiryMemberRole,
  MembershipRole,
  CommitteeKind,
  MeetingStatus,
  DocumentKind,
  DeclarationKind,
  QuestionStatus,
  QuestionKind,
  QuestionChannel,
  RejectionGround,
  MailStatus,
} from './enums';
import { formatDateTime } from './dates';

/** The words people use for the codes we store. */
export const MEMBERSHIP_ROLE_LABELS: Record<MembershipRole, string> = {
  chairman: 'Chairman',
  vice_chairman: 'Vice-Chairman',
  member: 'Member',
  co_opted: 'Co-opted member',
  substitute: 'Substitute',
  ex_officio: 'Ex officio member',
};

export const COMMITTEE_KIND_LABELS: Record<CommitteeKind, string> = {
  select: 'Select committee',
  joint_scrutiny: 'Joint scrutiny committee',
  board: 'Board',
};

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  scheduled: 'Scheduled',
  held: 'Held',
  cancelled: 'Cancelled',
  postponed: 'Postponed',
};

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  report: 'Report',
  appendix: 'Appendix',
  response: 'Response',
  background_papers: 'Background papers',
  minutes: 'Minutes',
  presentation: 'Presentation',
  other: 'Paper',
};

export const DECLARATION_KIND_LABELS: Record<DeclarationKind, string> = {
  disclosable_pecuniary: 'Disclosable pecuniary interest',
  other_registrable: 'Other registrable interest',
  non_registrable: 'Non-registrable interest',
};

/** "pages 23 to 26", "page 5". */
export function pageRange(start: number | null, end: number | null): string | null {
  if (start === null) return null;
  return `${end === null || end === start ? 'page' : 'pages'} ${pageNumbers(start, end)}`;
}

/** "5", "5 to 20": the pages themselves, as a printed agenda's column shows them. */
export function pageNumbers(start: number, end: number | null): string {
  return end === null || end === start ? `${start}` : `${start} to ${end}`;
}

/** A presenter as an agenda names them: "Dr J Kent, Medical Director". */
export function presenterLabel(p: { name: string; capacity: string | null }): string {
  return p.capacity ? `${p.name}, ${p.capacity}` : p.name;
}

/** "1.2 MB", "340 KB". */
export function fileSize(bytes: number | null): string | null {
  if (bytes === null) return null;
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "A, B and C". */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export const ACTION_STATUS_LABELS: Record<'open' | 'in_progress' | 'done' | 'dropped', string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

export const USER_ROLE_LABELS: Record<'admin' | 'clerk' | 'member', string> = {
  admin: 'Administrator',
  clerk: 'Clerk',
  member: 'Member',
};

/** How someone attended, as minuted. */
export const ATTENDANCE_STATUS_LABELS: Record<'present' | 'apologies' | 'absent' | 'in_attendance', string> = {
  present: 'Present',
  apologies: 'Apologies',
  absent: 'Absent',
  in_attendance: 'In attendance',
};

/** The choices for a member on the minutes screen ("virtual" is present, virtually). */
export const MEMBER_ATTENDANCE_LABELS: Record<'present' | 'virtual' | 'apologies' | 'absent' | '', string> = {
  present: 'Present',
  virtual: 'Present virtually',
  apologies: 'Apologies',
  absent: 'Absent',
  '': 'Not recorded',
};

/** What an audit entry's action code means, in words. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Failed to sign in',
  'auth.sign_out': 'Signed out',
  'permission.refused': 'Was refused access',
  'user.create': 'Created the account',
  'user.disable': 'Disabled the account',
  'user.enable': 'Enabled the account',
  'user.delete': 'Deleted the account',
  'mail.retry': 'Asked for the email to be tried again',
  'action.update': 'Updated the action',
  'demo.load': 'Loaded the demo data',
  'question.submit': 'Sent the question online',
  'question.submit_suspected_spam': 'Sent the question online (suspected spam)',
  'question.add_received': 'Added a question received by post, email or in person',
  'question.accept': 'Accepted the question',
  'question.reject': 'Rejected the question',
  'question.withdraw': 'Withdrew the question',
  'question.withdraw_by_asker': 'The asker withdrew the question',
  'question.merge': 'Combined the question with another',
  'question.move': 'Moved the question in the order',
  'question.ask_for_answer': 'Asked for a written answer',
  'question.answer_sent': 'The answer was sent back',
  'question.record_answer': 'Recorded the answer',
  'question.publish_answer': 'Published the answer',
  'question.erase_emails': 'Erased askers’ email addresses, as the scheme says',
  'organisation.create': 'Added the organisation',
  'organisation.update': 'Changed the organisation',
  'person.create': 'Added the person',
  'person.update': 'Changed the person',
  'committee.create': 'Set up the committee',
  'committee.update': 'Changed the committee',
  'membership.create': 'Added a member',
  'work_programme.create': 'Added a topic to the work programme',
  'work_programme.update': 'Changed a topic of the work programme',
  'work_programme.move': 'Moved a topic in the work programme',
  'recommendation.create': 'Made a recommendation',
  'recommendation.update': 'Changed a recommendation',
  'recommendation.send': 'Sent a recommendation',
  'recommendation.response': 'Recorded a response to a recommendation',
  'recommendation.progress': 'Updated progress on a recommendation',
  'recommendation.review_point': 'Added a review point to a recommendation',
  'inquiry.create': 'Started an inquiry',
  'inquiry.update': 'Changed an inquiry',
  'action.link_sent': 'Emailed an owner a link to update the action',
  'membership.update': 'Changed a membership',
  'meeting.create': 'Scheduled the meeting',
  'meeting.update': 'Changed the meeting',
  'meeting.cancel': 'Cancelled the meeting',
  'meeting.postpone': 'Postponed the meeting',
  'meeting.held': 'Marked the meeting as held',
  'agenda.standard_items': 'Started the agenda from the standard items',
  'agenda.item_add': 'Added an agenda item',
  'agenda.item_change': 'Changed an agenda item',
  'agenda.item_move': 'Moved an agenda item',
  'agenda.item_remove': 'Removed an agenda item',
  'agenda.presenter_add': 'Added a presenter',
  'agenda.presenter_remove': 'Removed a presenter',
  'agenda.paper_add': 'Added a paper',
  'agenda.paper_remove': 'Removed a paper',
  'agenda.publish': 'Published the agenda',
  'minutes.times': 'Recorded when the meeting began and ended',
  'minutes.attendance': 'Recorded the members’ attendance',
  'minutes.substitute_add': 'Recorded a substitute',
  'minutes.attendee_add': 'Recorded someone in attendance',
  'minutes.attendee_remove': 'Took someone off the attendance',
  'minutes.declaration_add': 'Recorded a declaration of interest',
  'minutes.declaration_remove': 'Removed a declaration of interest',
  'minutes.text': 'Wrote an item’s minute',
  'minutes.resolution_add': 'Recorded a resolution',
  'minutes.resolution_change': 'Changed a resolution',
  'minutes.resolution_remove': 'Removed a resolution',
  'minutes.action_add': 'Recorded an action',
  'minutes.action_change': 'Changed an action',
  'minutes.action_remove': 'Removed an action',
  'minutes.publish': 'Published the minutes',
  'minutes.approve': 'Recorded the approval of the minutes',
  'minutes.amend': 'Recorded an amendment to the approved minutes',
  'minutes.import': 'Imported the minutes from a text file',
};

/** "committeeSlugs" → "Committee slugs". */
export function fieldLabel(name: string): string {
  // Only a code's name is turned into words ("startedAt" → "Started at"); a name as written
  // (a person in an attendance change, "J MacBean") is shown as it is.
  if (!/^[a-z][A-Za-z0-9_]*$/.test(name)) return name;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A stored value as a person would read it in a history. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return formatDateTime(new Date(value));
  if (typeof value === 'string') return ACTION_STATUS_LABELS[value as keyof typeof ACTION_STATUS_LABELS] ?? value;
  return JSON.stringify(value);
}

export const ORGANISATION_KIND_LABELS: Record<
  | 'council'
  | 'town_parish_council'
  | 'nhs_england'
  | 'nhs_trust'
  | 'ccg'
  | 'icb'
  | 'ics'
  | 'icp'
  | 'gp_practice'
  | 'healthwatch'
  | 'charity'
  | 'community_group'
  | 'professional_body'
  | 'other',
  string
> = {
  council: 'Council',
  town_parish_council: 'Town or parish council',
  nhs_england: 'NHS England',
  nhs_trust: 'NHS trust',
  ccg: 'Clinical commissioning group',
  icb: 'Integrated care board',
  ics: 'Integrated care system',
  icp: 'Integrated care partnership',
  gp_practice: 'GP practice',
  healthwatch: 'Healthwatch',
  charity: 'Charity',
  community_group: 'Community or campaign group',
  professional_body: 'Professional body',
  other: 'Other',
};

export const PERSON_KIND_LABELS: Record<'councillor' | 'co_optee' | 'officer' | 'partner' | 'public', string> = {
  councillor: 'Councillor',
  co_optee: 'Co-opted member',
  officer: 'Council officer',
  partner: 'Partner organisation (NHS and others)',
  public: 'Member of the public',
};

/** The pages an item's papers take in the pack: from the first one's first page to the last one's last. */
export function paperSpan(
  papers: { packStartPage: number | null; packEndPage: number | null }[],
): { start: number; end: number } | null {
  const starts = papers.map((p) => p.packStartPage).filter((n): n is number => n !== null);
  const ends = papers.map((p) => p.packEndPage ?? p.packStartPage).filter((n): n is number => n !== null);
  return starts.length === 0 ? null : { start: Math.min(...starts), end: Math.max(...ends) };
}

export const QUESTION_STATUS_LABELS: Record<QuestionStatus, string> = {
  received: 'Waiting for a decision',
  accepted: 'Accepted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  merged: 'Combined with another',
  answered: 'Answered',
};

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  question: 'Question',
  deputation: 'Deputation',
  statement: 'Statement',
};

/** What the asker chooses on the form. */
export const QUESTION_KIND_CHOICES: Record<QuestionKind, string> = {
  question: 'Ask a question',
  statement: 'Ask to make a statement at the meeting',
  deputation: 'Ask to present a deputation (on behalf of a group)',
};

export const QUESTION_CHANNEL_LABELS: Record<QuestionChannel, string> = {
  online: 'Online form',
  email: 'Email',
  post: 'Post',
  in_person: 'In person',
};

/** The grounds a scheme gives for rejecting a question, as the asker is told them. */
export const REJECTION_GROUND_LABELS: Record<RejectionGround, string> = {
  outside_remit: 'It is not about something the committee is responsible for or can scrutinise',
  defamatory_or_frivolous: 'It is defamatory, frivolous or offensive',
  repeats_recent: 'It is substantially the same as a question put to the committee in the last six months',
  needs_exempt_information: 'Answering it would need the disclosure of exempt (confidential) information',
  personal_case: 'It is about a personal case, which the council deals with through its complaints process',
};

export const MAIL_STATUS_LABELS: Record<MailStatus, string> = {
  queued: 'Waiting to be sent',
  sent: 'Sent',
  logged: 'Written to the log',
  failed: 'Failed',
};

export const WORK_PROGRAMME_STATUS_LABELS: Record<WorkProgrammeStatus, string> = {
  proposed: 'Proposed',
  scheduled: 'Scheduled',
  done: 'Done',
  dropped: 'Dropped',
};

export const RECOMMENDATION_STATUS_LABELS: Record<RecommendationStatus, string> = {
  draft: 'Draft',
  awaiting_response: 'Awaiting response',
  responded: 'Responded',
  complete: 'Complete',
};

export const RESPONSE_DECISION_LABELS: Record<ResponseDecision, string> = {
  accepted: 'Accepted',
  partly_accepted: 'Partly accepted',
  rejected: 'Rejected',
  noted: 'Noted',
};

export const IMPLEMENTATION_STATUS_LABELS: Record<ImplementationStatus, string> = {
  not_started: 'Not started',
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  complete: 'Complete',
};

export const INQUIRY_KIND_LABELS: Record<InquiryKind, string> = {
  one_day: 'One-day inquiry',
  task_and_finish: 'Task and finish group',
  review: 'Review',
};

export const INQUIRY_STATUS_LABELS: Record<InquiryStatus, string> = {
  planned: 'Planned',
  active: 'Taking evidence',
  reported: 'Reported',
  closed: 'Closed',
};

export const INQUIRY_MEMBER_ROLE_LABELS: Record<InquiryMemberRole, string> = {
  chair: 'Chair',
  member: 'Member',
};
