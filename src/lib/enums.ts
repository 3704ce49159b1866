/**
 * The allowed values of every coded field: statuses, kinds, roles. The
 * schema turns each list into a CHECK constraint, forms validate against it,
 * and views show it with the words in labels.ts. One list per field, here.
 */

/** open → in progress → done, or dropped. */
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const AGENDA_ITEM_KINDS = [
  'apologies',
  'declarations',
  'minutes',
  'public_questions',
  'chairmans_update',
  'work_programme',
  'next_meeting',
  'business',
] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

export const PACK_STATUSES = ['pending', 'building', 'ready', 'failed'] as const;
export type PackStatus = (typeof PACK_STATUSES)[number];

export const COMMITTEE_KINDS = ['select', 'joint_scrutiny', 'board'] as const;
export type CommitteeKind = (typeof COMMITTEE_KINDS)[number];

export const COMMITTEE_STATUSES = ['active', 'dissolved'] as const;
export type CommitteeStatus = (typeof COMMITTEE_STATUSES)[number];

export const MEMBERSHIP_ROLES = [
  'chairman',
  'vice_chairman',
  'member',
  'co_opted',
  'substitute',
  'ex_officio',
] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const DOCUMENT_KINDS = [
  'report',
  'appendix',
  'response',
  'background_papers',
  'minutes',
  'presentation',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const INQUIRY_KINDS = ['one_day', 'task_and_finish', 'review'] as const;
export type InquiryKind = (typeof INQUIRY_KINDS)[number];

export const INQUIRY_STATUSES = ['planned', 'active', 'reported', 'closed'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled', 'postponed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const AGENDA_STATUSES = ['draft', 'published'] as const;
export type AgendaStatus = (typeof AGENDA_STATUSES)[number];

/** none → draft → published (as a draft, awaiting approval) → approved (locked). */
export const MINUTES_STATUSES = ['none', 'draft', 'published', 'approved'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];
/** The minutes the public may read: published (as a draft) or approved. */
export const PUBLIC_MINUTES_STATUSES = ['published', 'approved'] as const satisfies readonly MinutesStatus[];
export const minutesArePublic = (status: MinutesStatus): boolean =>
  (PUBLIC_MINUTES_STATUSES as readonly MinutesStatus[]).includes(status);

export const ATTENDANCE_STATUSES = ['present', 'apologies', 'absent', 'in_attendance'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const DECLARATION_KINDS = ['disclosable_pecuniary', 'other_registrable', 'non_registrable'] as const;
export type DeclarationKind = (typeof DECLARATION_KINDS)[number];

export const RESOLUTION_OUTCOMES = [
  'NOTED',
  'AGREED',
  'APPROVED',
  'RECEIVED',
  'DELEGATED',
  'RECOMMENDED',
  'DISCUSSED',
  'ENDORSED',
  'DEFERRED',
  'REFERRED',
  'REJECTED',
] as const;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number];

export const ORGANISATION_KINDS = [
  'council',
  'town_parish_council',
  'nhs_england',
  'nhs_trust',
  'ccg',
  'icb',
  'ics',
  'icp',
  'gp_practice',
  'healthwatch',
  'charity',
  'community_group',
  'professional_body',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const PERSON_KINDS = ['councillor', 'co_optee', 'officer', 'partner', 'public'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

/** received → accepted / rejected (with reason) → answered. */
/**
 * received → accepted → answered; or rejected (with a ground from the scheme), withdrawn by the
 * asker or the clerk, or merged into a duplicate it repeats.
 */
export const QUESTION_STATUSES = ['received', 'accepted', 'rejected', 'withdrawn', 'merged', 'answered'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** A question, or a request to speak at the meeting where the scheme allows it. */
export const QUESTION_KINDS = ['question', 'deputation', 'statement'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** How a question reached the clerk. */
export const QUESTION_CHANNELS = ['online', 'email', 'post', 'in_person'] as const;
export type QuestionChannel = (typeof QUESTION_CHANNELS)[number];

/** The grounds on which a scheme lets the clerk reject a question. */
export const REJECTION_GROUNDS = [
  'outside_remit',
  'defamatory_or_frivolous',
  'repeats_recent',
  'needs_exempt_information',
  'personal_case',
] as const;
export type RejectionGround = (typeof REJECTION_GROUNDS)[number];

/** queued (waiting, or retrying after a failed try) → sent (SMTP) or logged (no SMTP set); failed after the last try. */
export const MAIL_STATUSES = ['queued', 'sent', 'logged', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** What an email subscription follows: everything published, one committee, or a search. */
export const SUBSCRIPTION_SCOPES = ['all', 'committee', 'search'] as const;
export type SubscriptionScope = (typeof SUBSCRIPTION_SCOPES)[number];
/** As things are published, or one digest a day. */
export const SUBSCRIPTION_FREQUENCIES = ['immediate', 'daily'] as const;
export type SubscriptionFrequency = (typeof SUBSCRIPTION_FREQUENCIES)[number];
/** pending (until the address is confirmed) → active → unsubscribed. */
export const SUBSCRIPTION_STATUSES = ['pending', 'active', 'unsubscribed'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export const ANSWER_KINDS = ['written', 'oral'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

/** draft → awaiting response → responded → complete. */
export const RECOMMENDATION_STATUSES = ['draft', 'awaiting_response', 'responded', 'complete'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

export const RESPONSE_DECISIONS = ['accepted', 'partly_accepted', 'rejected', 'noted'] as const;
export type ResponseDecision = (typeof RESPONSE_DECISIONS)[number];

/** How implementing an accepted recommendation is going (a RAG rating, and complete). */
export const IMPLEMENTATION_STATUSES = ['not_started', 'on_track', 'at_risk', 'off_track', 'complete'] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];

export const INQUIRY_MEMBER_ROLES = ['chair', 'member'] as const;
export type InquiryMemberRole = (typeof INQUIRY_MEMBER_ROLES)[number];

/**
 * admin: everything, including users. clerk: manages the committees assigned
 * to them. member: reads drafts and exempt papers of their committees and
 * updates the actions they own. (The public never signs in.)
 */
export const USER_ROLES = ['admin', 'clerk', 'member'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** proposed → scheduled (an agenda item) → done, or dropped. */
export const WORK_PROGRAMME_STATUSES = ['proposed', 'scheduled', 'done', 'dropped'] as const;
export type WorkProgrammeStatus = (typeof WORK_PROGRAMME_STATUSES)[number];

/** How a member attended, as the minutes screen records it ("virtual" is present, virtually). */
export const MEMBER_STATUSES = ['present', 'virtual', 'apologies', 'absent'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
