/**
 * The fields of each form, in the order the form shows them: one list per
 * form, read by the route (what to take from the body and show again) and by
 * the view (what to render), and typed by the command that checks them.
 */

export const ITEM_FIELDS = [
  'title',
  'purpose',
  'kind',
  'plannedStart',
  'durationMinutes',
  'exemptParagraph',
  'exemptReason',
] as const;

export const PAPER_FIELDS = ['title', 'kind', 'exemptParagraph'] as const;

/** The meeting form's fields besides its date (three boxes, `date-day` …), in the order it shows them. */
export const MEETING_FIELDS = ['startTime', 'endTime', 'venue', 'onlineUrl', 'webcastUrl', 'minutesUrl'] as const;

/** The committee form's fields, in the order it shows them (and its error summary lists them). */
export const COMMITTEE_FIELDS = [
  'name',
  'slug',
  'kind',
  'remit',
  'clerkPersonId',
  'contactEmail',
  'contactPhone',
  'noticeClearDays',
  'minutesDueWorkingDays',
  'responseDueMonths',
  'questionCutoffTime',
  'questionCutoffClearDays',
  'questionWordLimit',
  'questionsPerPerson',
  'questionsOpenDaysBefore',
  'speakingRequests',
  'askerEmailMonths',
  'status',
] as const;

/** The membership form's fields besides its dates (`from`, `to`), in the order it shows them. */
export const MEMBERSHIP_FIELDS = ['personId', 'role', 'voting', 'representing'] as const;

/** The organisation form's fields, in the order it shows them. */
export const ORGANISATION_FIELDS = ['name', 'shortName', 'kind', 'website'] as const;

/** The person form's fields, in the order it shows them. */
export const PERSON_FIELDS = ['name', 'fullName', 'honorific', 'jobTitle', 'organisationId', 'kind'] as const;

export const TIMES_FIELDS = ['startedAt', 'endedAt'] as const;

export const SUBSTITUTE_FIELDS = ['personId', 'newPersonName', 'forPersonId', 'virtual'] as const;

export const OTHER_FIELDS = ['personId', 'newPersonName', 'capacity', 'virtual'] as const;

export const DECLARATION_FIELDS = [
  'personId',
  'itemId',
  'kind',
  'nature',
  'sensitive',
  'withdrew',
  'dispensation',
] as const;

export const RESOLUTION_FIELDS = ['text', 'outcome'] as const;

export const ACTION_FIELDS = ['owners', 'description'] as const;

export const APPROVAL_FIELDS = ['text', 'amendments'] as const;

export const AMENDMENT_FIELDS = ['itemNumber', 'text', 'reason'] as const;

/** A resident's question form. `website` is the trap field people never see. */
export const ASK_FIELDS = ['kind', 'name', 'organisation', 'email', 'text', 'aboutItemId', 'consent'] as const;
export const ASK_TRAP_FIELD = 'website';

/** A question received by post or email, added by the clerk. */
export const RECEIVED_QUESTION_FIELDS = [
  'kind',
  'name',
  'organisation',
  'email',
  'text',
  'aboutItemId',
  'channel',
  'receivedTime',
] as const;

export const REJECT_FIELDS = ['reason', 'note'] as const;
export const MERGE_FIELDS = ['intoId'] as const;
export const ANSWERER_FIELDS = ['personId', 'organisationId', 'email'] as const;
export const ANSWER_FIELDS = [
  'answerKind',
  'answerText',
  'answeredBy',
  'answerDocumentId',
  'supplementaryQuestion',
  'supplementaryAnswer',
] as const;
/** An answerer's reply, through the link emailed to them. */
export const WRITTEN_ANSWER_FIELDS = ['answerText', 'answeredBy'] as const;

/** A work programme entry's form, in the order it shows. */
export const WORK_PROGRAMME_FIELDS = [
  'topic',
  'purpose',
  'leadPresenters',
  'contributors',
  'plannedMeetingId',
  'status',
  'note',
] as const;

/** A recommendation's form (making or changing one). */
export const RECOMMENDATION_FIELDS = [
  'text',
  'addressedTo',
  'addresseeOrganisationId',
  'contactPersonId',
  'agendaItemId',
  'inquiryId',
] as const;
/** Sending a recommendation. */
export const SEND_RECOMMENDATION_FIELDS = ['sentOn'] as const;
/** Recording the response. */
export const RESPONSE_FIELDS = ['receivedOn', 'decision', 'text', 'respondent', 'documentId'] as const;
/** Progress: the implementation status and the target date, whose change needs a reason. */
export const PROGRESS_FIELDS = ['implementationStatus', 'targetDate', 'reason'] as const;
/** A review point: after some months, or at a meeting. */
export const REVIEW_POINT_FIELDS = ['afterMonths', 'meetingId'] as const;
/** An inquiry's form. */
export const INQUIRY_FIELDS = [
  'title',
  'kind',
  'status',
  'summary',
  'termsOfReference',
  'startedOn',
  'reportedOn',
  'memberIds',
  'chairId',
  'sessionMeetingIds',
  'reportDocumentId',
] as const;
