/**
 * The JSON Schemas of the open-data API (/api/v1/): each route validates its
 * query with them and serialises its answer through them (a field not named
 * here is never sent), and @fastify/swagger publishes them as the OpenAPI
 * 3.1 document's components. Shared schemas are referred to by their $id.
 */
import {
  ACTION_STATUSES,
  AGENDA_STATUSES,
  ANSWER_KINDS,
  DECLARATION_KINDS,
  IMPLEMENTATION_STATUSES,
  MEETING_STATUSES,
  MEMBERSHIP_ROLES,
  MINUTES_STATUSES,
  QUESTION_KINDS,
  RECOMMENDATION_STATUSES,
  RESPONSE_DECISIONS,
} from './enums';

type Schema = Record<string, unknown>;

const str = (description?: string): Schema => ({ type: 'string', ...(description ? { description } : {}) });
const nstr = (description?: string): Schema => ({ type: ['string', 'null'], ...(description ? { description } : {}) });
const int = { type: 'integer' };
const nint = { type: ['integer', 'null'] };
const bool = { type: 'boolean' };
const when = (description: string): Schema => ({ type: 'string', format: 'date-time', description });
const nwhen = (description: string): Schema => ({ type: ['string', 'null'], format: 'date-time', description });
const day = (description: string): Schema => ({ type: ['string', 'null'], format: 'date', description });
const oneOf = (values: readonly string[], description?: string): Schema => ({
  type: 'string',
  enum: [...values],
  ...(description ? { description } : {}),
});
const list = (items: Schema): Schema => ({ type: 'array', items });
const ref = (id: string): Schema => ({ $ref: `${id}#` });
const orNull = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] });

/** An object whose every property is required (null where a value may be missing) and nothing else allowed. */
function object(properties: Record<string, Schema>, description?: string): Schema {
  return {
    type: 'object',
    ...(description ? { description } : {}),
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  };
}

const link = object({ note: str(), url: str() });

export const Link = { $id: 'Link', ...link };

export const Pagination = {
  $id: 'Pagination',
  ...object(
    {
      page: int,
      per_page: int,
      total_count: int,
      max_page: int,
      next_url: nstr('The next page, or null on the last'),
      previous_url: nstr('The previous page, or null on the first'),
    },
    'Where this page sits in the whole list.',
  ),
};

export const Participant = {
  $id: 'Participant',
  ...object({
    entity_type: oneOf(['organization', 'person']),
    entity_id: nstr('The OCD id of the organisation or person, when the directory has them'),
    entity_name: str(),
    name: str(),
    note: str('host, presenter …'),
  }),
};

const eventLocation = orNull(object({ name: str(), url: nstr(), coordinates: { type: 'null' } }));

/** The OCD Event fields every meeting has. */
const eventCoreProperties = {
  _type: oneOf(['event']),
  name: str(),
  classification: oneOf(['committee-meeting']),
  start_date: when('Start, ISO 8601 with the London offset'),
  end_date: nwhen('End, when known'),
  all_day: bool,
  timezone: oneOf(['Europe/London']),
  location: eventLocation,
  participants: list(ref('Participant')),
  links: list(ref('Link')),
  sources: list(ref('Link')),
};

export const EventSummary = {
  $id: 'EventSummary',
  ...object(
    {
      id: str('OCD id (ocd-event/…), stable'),
      ...eventCoreProperties,
      status: oneOf(['confirmed', 'tentative', 'cancelled', 'passed']),
      extras: object({
        meeting_id: int,
        committee_slug: str(),
        meeting_status: oneOf(MEETING_STATUSES),
        agenda_status: oneOf(AGENDA_STATUSES),
        minutes_status: oneOf(MINUTES_STATUSES),
      }),
    },
    'A meeting, as an Open Civic Data Event.',
  ),
};

const agendaItemOcd = {
  description: str('OCD: the item title'),
  order: str('OCD: the item number'),
  classification: list(str()),
  subjects: list(str()),
  notes: list(str()),
  related_entities: list(ref('Participant')),
  media: list(object({ note: str(), links: list(object({ media_type: str(), url: str() })) })),
};

const agendaItem = {
  anyOf: [
    object({
      number: int,
      title: str(),
      exempt: { const: true },
      exemptParagraph: int,
      plannedStart: nstr('HH:MM, London'),
      ...agendaItemOcd,
    }),
    object({
      number: int,
      title: str(),
      exempt: { const: false },
      kind: str(),
      purpose: str(),
      plannedStart: nstr('HH:MM, London'),
      presenters: list(object({ name: str(), capacity: nstr() })),
      papers: list(
        object({ title: str(), kind: str(), pageCount: nint, packStartPage: nint, packEndPage: nint, url: str() }),
      ),
      ...agendaItemOcd,
    }),
  ],
};

const answer = orNull(
  object({
    kind: { type: ['string', 'null'], enum: [...ANSWER_KINDS, null] },
    text: nstr(),
    answeredBy: nstr(),
    paperUrl: nstr(),
    supplementaryQuestion: nstr(),
    supplementaryAnswer: nstr(),
  }),
);

const minutesQuestion = object({
  number: int,
  reference: nstr(),
  askerName: str(),
  askerOrganisation: nstr(),
  text: str(),
  answerKind: { type: ['string', 'null'], enum: [...ANSWER_KINDS, null] },
  answerText: nstr(),
  answeredBy: nstr(),
  supplementaryQuestion: nstr(),
  supplementaryAnswer: nstr(),
});

const minutes = orNull(
  object({
    version: int,
    publishedAt: when('When this version was published'),
    approved: bool,
    approvedAt: nwhen('When the committee approved them'),
    approvedAtMeeting: orNull(object({ id: int, startsAt: when('') })),
    pdfUrl: str(),
    startedAt: nwhen('When the meeting started'),
    endedAt: nwhen('When it ended'),
    present: list(object({ name: str(), virtual: bool, substituteFor: nstr() })),
    inAttendance: list(object({ name: str(), virtual: bool })),
    apologies: list(str()),
    absent: list(str()),
    declarations: list(
      object({
        name: str(),
        itemNumber: nint,
        itemTitle: nstr(),
        kind: oneOf(DECLARATION_KINDS),
        nature: nstr('Null when the interest is sensitive'),
        sensitive: bool,
        withdrew: bool,
        dispensation: nstr(),
      }),
    ),
    items: list({
      anyOf: [
        object({ number: int, title: str(), exempt: { const: true }, exemptParagraph: nint }),
        object({
          number: int,
          title: str(),
          exempt: { const: false },
          minuteText: str(),
          resolutions: list(object({ text: str(), outcome: str() })),
          actions: list(object({ reference: nstr(), description: str(), owners: list(str()), dueDate: day('') })),
          publicQuestions: list(minutesQuestion),
        }),
      ],
    }),
    amendments: list(
      object({ itemNumber: nint, text: nstr(), reason: str(), recordedAt: when('When it was recorded') }),
    ),
  }),
);

export const Meeting = {
  $id: 'Meeting',
  ...object(
    {
      id: int,
      url: str(),
      calendarUrl: str(),
      committee: object({ slug: str(), name: str(), url: str() }),
      startsAt: when('Start, ISO 8601 with the London offset'),
      endsAt: nwhen('End, when known'),
      venue: nstr(),
      onlineUrl: nstr(),
      webcastUrl: nstr(),
      minutesUrl: nstr('Where the minutes are published, when not here'),
      status: oneOf(MEETING_STATUSES),
      statusReason: nstr(),
      agendaStatus: oneOf(AGENDA_STATUSES),
      minutesStatus: oneOf(MINUTES_STATUSES),
      agendaPublishBy: when('The latest the agenda may lawfully be published (five clear working days)'),
      questionsCloseAt: when('When public questions close'),
      questionsOpen: bool,
      askUrl: nstr('Where to ask a question, while questions are open'),
      publicQuestions: list(
        object({
          number: int,
          reference: nstr(),
          kind: oneOf(QUESTION_KINDS),
          askerName: str(),
          askerOrganisation: nstr(),
          text: str(),
          aboutItem: nstr(),
          answer,
        }),
      ),
      agenda: orNull(
        object({
          version: int,
          publishedAt: when('When this version was published'),
          actionLog: list(
            object({
              reference: nstr(),
              description: str(),
              owners: list(str()),
              dueDate: day(''),
              statusWhenPublished: oneOf(ACTION_STATUSES),
              fromMeetingStartsAt: when(''),
              url: str(),
            }),
          ),
          items: list(agendaItem),
        }),
      ),
      minutes,
      // Open Civic Data Event fields, beside the ones above.
      ocd_id: str('OCD id (ocd-event/…), stable'),
      ...eventCoreProperties,
      event_status: oneOf(['confirmed', 'tentative', 'cancelled', 'passed'], 'OCD status (`status` keeps its own)'),
      documents: list(
        object({
          note: str(),
          date: str(),
          media_type: str(),
          url: str(),
          links: list(object({ media_type: str(), url: str() })),
        }),
      ),
      media: list(object({ note: str(), links: list(object({ media_type: str(), url: str() })) })),
    },
    'A meeting with its published agenda and minutes (exempt content removed), and its OCD Event fields.',
  ),
};

const membership = object({
  organization_id: str('OCD id of the committee'),
  organization_name: str(),
  committee_slug: str(),
  person_id: str('OCD id of the person'),
  person_name: str(),
  role: oneOf(MEMBERSHIP_ROLES),
  label: str(),
  voting: bool,
  representing: nstr(),
  start_date: day('First day, when recorded'),
  end_date: day('Last day, when it ended'),
});

export const Membership = { $id: 'Membership', ...membership };

const organizationProperties = {
  id: str('OCD id (ocd-organization/…)'),
  _type: oneOf(['organization']),
  name: str(),
  classification: str('committee, or the kind of body (council, nhs_trust …)'),
  parent_id: nstr(),
  founding_date: day(''),
  dissolution_date: day(''),
  links: list(ref('Link')),
  sources: list(ref('Link')),
  extras: object({ slug: nstr(), short_name: nstr(), remit: nstr(), status: nstr() }),
};

export const Organization = {
  $id: 'Organization',
  ...object(organizationProperties, 'A committee, or an organisation in the directory (an NHS trust, the council …).'),
};

export const CommitteeDetail = {
  $id: 'CommitteeDetail',
  ...object({ ...organizationProperties, memberships: list(ref('Membership')) }, 'A committee with its memberships.'),
};

export const Person = {
  $id: 'Person',
  ...object(
    { id: str('OCD id (ocd-person/…)'), _type: oneOf(['person']), name: str(), memberships: list(ref('Membership')) },
    'A member (or past member) of a committee: public membership data only.',
  ),
};

export const Action = {
  $id: 'Action',
  ...object({
    id: str('The reference, e.g. HASC/2020-11-05/3'),
    description: str(),
    owners: list(str()),
    status: oneOf(ACTION_STATUSES),
    due_date: day('When it is due'),
    overdue: bool,
    committee_slug: str(),
    meeting_id: int,
    meeting_start_date: when('When the meeting that set it started'),
    agenda_item: str(),
    url: str(),
  }),
};

export const Recommendation = {
  $id: 'Recommendation',
  ...object({
    id: str('The reference'),
    text: str(),
    addressed_to: str(),
    status: oneOf(RECOMMENDATION_STATUSES),
    sent_date: day('When it was sent'),
    response_due_date: day('When the response is due'),
    response_overdue: bool,
    response: { type: ['string', 'null'], enum: [...RESPONSE_DECISIONS, null] },
    implementation_status: oneOf(IMPLEMENTATION_STATUSES),
    target_date: day(''),
    committee_slug: str(),
    meeting_id: nint,
    agenda_item: nstr(),
    inquiry: nstr(),
    url: nstr(),
  }),
};

export const Question = {
  $id: 'Question',
  ...object({
    id: nstr('The reference'),
    kind: oneOf(QUESTION_KINDS),
    asker_name: str(),
    asker_organisation: nstr(),
    text: str(),
    about_item: nstr(),
    meeting_id: int,
    meeting_start_date: when(''),
    committee_slug: str(),
    answer,
    url: str(),
  }),
};

export const ApiError = {
  $id: 'Error',
  ...object({ error: str(), statusCode: int }, 'What went wrong, in words.'),
};

/** Every shared schema, to add to the API's scope before its routes. */
export const SHARED_SCHEMAS = [
  Link,
  Pagination,
  Participant,
  EventSummary,
  Meeting,
  Membership,
  Organization,
  CommitteeDetail,
  Person,
  Action,
  Recommendation,
  Question,
  ApiError,
];

/** A page of a list: its results and where it sits. */
export const pageOf = (id: string): Schema =>
  object({ meta: ref('Pagination'), results: list(ref(id)) }, `A page of ${id} records.`);

/** The answers every route may give besides its own. */
export const ERRORS = { 400: ref('Error'), 404: ref('Error'), 429: ref('Error') };

/** Page and page size, as every list takes them. */
export const PAGING = {
  page: { type: 'integer', minimum: 1, maximum: 100_000, default: 1, description: 'From 1' },
  per_page: { type: 'integer', minimum: 1, maximum: 100, default: 50, description: 'Up to 100' },
};

export const query = (properties: Record<string, Schema>): Schema => ({
  type: 'object',
  properties: { ...properties, ...PAGING },
  additionalProperties: false,
});

export const slugParam = { type: 'string', pattern: '^[a-z0-9-]{1,80}$', description: "A committee's slug" };
export const dateParam = (description: string) => ({ type: 'string', format: 'date', description });
export { str, int, oneOf };
