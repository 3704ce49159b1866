import type { ItemChoice, QuestionMeeting } from '../../src/features/questions/queries';
import { formatDate, formatDateTime } from '../../src/lib/dates';
import { QUESTION_KINDS } from '../../src/lib/enums';
import { ASK_FIELDS, ASK_TRAP_FIELD } from '../../src/lib/fields';
import { QUESTION_KIND_CHOICES } from '../../src/lib/labels';
import type { FieldErrors } from '../../src/lib/validation';
import { Input, Select, textareaContent } from '../components/Field';
import { FormPage } from '../components/FormPage';
import { Radios } from '../components/Radios';
import { SchemeDetails } from './parts';

export interface AskPageProps {
  meeting: QuestionMeeting;
  items: ItemChoice[];
  values: Record<(typeof ASK_FIELDS)[number], string>;
  errors: FieldErrors;
  csrfToken: string;
  /** When askers' email addresses are erased. */
  emailErasedOn: Date;
}

const meetingHref = (m: QuestionMeeting) => `/meetings/${m.id}`;

/** Why the form is not offered: the meeting is not taking questions (now, or at all). */
export function AskClosedPage({ meeting }: { meeting: QuestionMeeting }): JSX.Element {
  const { window } = meeting;
  const message =
    window.state === 'closed'
      ? `Questions for this meeting closed at ${formatDateTime(window.closesAt)}.`
      : window.state === 'not_yet_open'
        ? `Questions for this meeting open at ${formatDateTime(window.opensAt ?? meeting.startsAt)}, and close at ${formatDateTime(window.closesAt)}.`
        : window.state === 'over'
          ? `This meeting took place on ${formatDate(meeting.startsAt)}: it is no longer taking questions.`
          : `This meeting has been ${meeting.status}: it is not taking questions.`;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l" safe>
          {meeting.committee.name}
        </span>
        <h1 class="govuk-heading-l">
          {window.state === 'closed' ? 'Questions have closed' : 'This meeting is not taking questions'}
        </h1>
        <p class="govuk-body" safe>
          {message}
        </p>
        {window.state === 'closed' ? (
          <p class="govuk-body">
            If your question is urgent, contact the clerk
            {meeting.committee.contactEmail ? (
              <>
                {' at '}
                <a class="govuk-link" href={`mailto:${meeting.committee.contactEmail}`} safe>
                  {meeting.committee.contactEmail}
                </a>
              </>
            ) : (
              ''
            )}
            : the chairman decides whether a late question can be taken.
          </p>
        ) : (
          ''
        )}
        <p class="govuk-body">
          <a class="govuk-link" href={meetingHref(meeting)}>
            Back to the meeting
          </a>
        </p>
      </div>
    </div>
  );
}

/** The public question form, with the scheme stated above it and the privacy notice within it. */
export function AskPage({ meeting, items, values, errors, csrfToken, emailErasedOn }: AskPageProps): JSX.Element {
  const { rules } = meeting.committee;
  const speaking = rules.speakingRequests;
  const limit = rules.questionWordLimit;
  const holder = meeting.committee.contactEmail
    ? `the clerk to the ${meeting.committee.name} (${meeting.committee.contactEmail})`
    : `the clerk to the ${meeting.committee.name}`;
  return (
    <FormPage
      title={speaking ? 'Ask a question, or ask to speak' : 'Ask a question'}
      caption={`${meeting.committee.name}, ${formatDateTime(meeting.startsAt)}`}
      action={`/meetings/${meeting.id}/questions`}
      csrfToken={csrfToken}
      errors={errors}
      fieldOrder={ASK_FIELDS}
      submitText={speaking ? 'Send' : 'Send question'}
      cancelHref={meetingHref(meeting)}
      intro={
        <>
          <p class="govuk-body">
            Members of the public can put questions to the committee at its public meetings. Read the committee’s scheme
            before you ask.
          </p>
          <SchemeDetails meeting={meeting} />
          <p class="govuk-body">
            After you send it, the clerk checks it against the scheme and emails you whether it is accepted. An accepted
            question is published on the meeting’s page with your name, and answered at the meeting or in writing before
            it.
          </p>
        </>
      }
    >
      {speaking ? (
        <Radios
          id="kind"
          legend="What do you want to do?"
          errorMessage={errors.kind}
          value={values.kind || 'question'}
          options={QUESTION_KINDS.map((k) => ({ value: k, text: QUESTION_KIND_CHOICES[k] }))}
        />
      ) : (
        <input type="hidden" name="kind" value="question" />
      )}
      <Input
        id="name"
        label="Your name"
        autocomplete="name"
        spellcheck={false}
        value={values.name}
        errorMessage={errors.name}
      />
      <Input
        id="organisation"
        label="Organisation (optional)"
        hint="If you are asking for a group, such as a town council, a residents’ association or a campaign."
        autocomplete="organization"
        value={values.organisation}
        errorMessage={errors.organisation}
      />
      <Input
        id="email"
        label="Email address"
        hint="To tell you what happens to your question. It is never published."
        type="email"
        autocomplete="email"
        spellcheck={false}
        value={values.email}
        errorMessage={errors.email}
      />
      <div
        class={['govuk-form-group', 'govuk-character-count', errors.text ? 'govuk-form-group--error' : '']
          .filter(Boolean)
          .join(' ')}
        data-module="govuk-character-count"
        data-maxwords={String(limit)}
      >
        <label class="govuk-label govuk-label--s" for="text">
          {speaking ? 'Your question, or what you want to say' : 'Your question'}
        </label>
        <div class="govuk-hint" id="text-hint">
          Write it as you would ask it at the meeting. It is published as you write it.
        </div>
        {errors.text ? (
          <p id="text-error" class="govuk-error-message">
            <span class="govuk-visually-hidden">Error:</span> <span safe>{errors.text}</span>
          </p>
        ) : (
          ''
        )}
        <textarea
          class={['govuk-textarea', 'govuk-js-character-count', errors.text ? 'govuk-textarea--error' : '']
            .filter(Boolean)
            .join(' ')}
          id="text"
          name="text"
          rows="10"
          aria-describedby={['text-info', 'text-hint', errors.text ? 'text-error' : ''].filter(Boolean).join(' ')}
          safe
        >
          {textareaContent(values.text)}
        </textarea>
        <div id="text-info" class="govuk-hint govuk-character-count__message" safe>
          {`You can enter up to ${limit} words`}
        </div>
      </div>
      {items.length > 0 ? (
        <Select
          id="aboutItemId"
          label="Is it about an item on the agenda? (optional)"
          value={values.aboutItemId}
          errorMessage={errors.aboutItemId}
          options={[
            { value: '', text: 'Not about a particular item' },
            ...items.map((i) => ({ value: String(i.id), text: `${i.number}. ${i.title}` })),
          ]}
        />
      ) : (
        <input type="hidden" name="aboutItemId" value="" />
      )}
      <div class="app-trap" aria-hidden="true">
        <label for={ASK_TRAP_FIELD}>Leave this box empty</label>
        <input id={ASK_TRAP_FIELD} name={ASK_TRAP_FIELD} type="text" tabindex="-1" autocomplete="off" value="" />
      </div>
      <h2 class="govuk-heading-m">How we use your details</h2>
      <p class="govuk-body" safe>
        {`Your name, organisation, email address and question are held by ${holder}, to run the committee’s public question scheme. If your question is accepted, your name, your organisation and your question are published on the meeting’s page, in the agenda and in the minutes, which are a permanent public record. Your email address is never published, and is not passed to whoever is asked to answer your question: they see only the question. It is erased ${rules.askerEmailMonths} months after the meeting, on ${formatDate(emailErasedOn)}.`}
      </p>
      <div class={['govuk-form-group', errors.consent ? 'govuk-form-group--error' : ''].filter(Boolean).join(' ')}>
        {errors.consent ? (
          <p id="consent-error" class="govuk-error-message">
            <span class="govuk-visually-hidden">Error:</span> <span safe>{errors.consent}</span>
          </p>
        ) : (
          ''
        )}
        <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          <div class="govuk-checkboxes__item">
            <input
              class="govuk-checkboxes__input"
              id="consent"
              name="consent"
              type="checkbox"
              value="yes"
              checked={values.consent === 'yes'}
              aria-describedby={errors.consent ? 'consent-error' : undefined}
            />
            <label class="govuk-label govuk-checkboxes__label" for="consent">
              I agree that my name, my organisation (if I gave one) and my question are published if it is accepted
            </label>
          </div>
        </div>
      </div>
    </FormPage>
  );
}
