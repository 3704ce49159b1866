import type { ItemChoice, QuestionMeeting } from '../../src/features/questions/queries';
import { formatDate, formatDateTime } from '../../src/lib/dates';
import { QUESTION_CHANNELS, QUESTION_KINDS } from '../../src/lib/enums';
import { RECEIVED_QUESTION_FIELDS } from '../../src/lib/fields';
import type { DateParts } from '../../src/lib/forms';
import { QUESTION_CHANNEL_LABELS, QUESTION_KIND_LABELS } from '../../src/lib/labels';
import type { FieldErrors } from '../../src/lib/validation';
import { DateInput } from '../components/DateInput';
import { Input, Select, Textarea } from '../components/Field';
import { FormPage } from '../components/FormPage';
import { Radios } from '../components/Radios';

export interface AddQuestionPageProps {
  meeting: QuestionMeeting;
  items: ItemChoice[];
  values: Record<(typeof RECEIVED_QUESTION_FIELDS)[number], string>;
  received: DateParts;
  errors: FieldErrors;
  csrfToken: string;
}

/** A question that reached the clerk another way, entered with when it really arrived. */
export function AddQuestionPage({
  meeting,
  items,
  values,
  received,
  errors,
  csrfToken,
}: AddQuestionPageProps): JSX.Element {
  const { rules } = meeting.committee;
  return (
    <FormPage
      title="Add a question received by post, email or in person"
      caption={`${meeting.committee.name}, ${formatDate(meeting.startsAt)}`}
      action={`/manage/meetings/${meeting.id}/questions`}
      csrfToken={csrfToken}
      errors={errors}
      fieldOrder={[...RECEIVED_QUESTION_FIELDS.slice(0, -1), 'received', 'receivedTime']}
      submitText="Add the question"
      cancelHref={`/manage/meetings/${meeting.id}/questions`}
      intro={
        <p class="govuk-body" safe>
          {`Enter it as it was sent. It is marked late if it arrived after questions closed (${formatDateTime(meeting.window.closesAt)}). With an email address, the asker is sent the acknowledgement and the link to follow it.`}
        </p>
      }
    >
      <Radios
        id="kind"
        legend="What is it?"
        errorMessage={errors.kind}
        value={values.kind || 'question'}
        small
        options={QUESTION_KINDS.filter((k) => k === 'question' || rules.speakingRequests).map((k) => ({
          value: k,
          text: QUESTION_KIND_LABELS[k],
        }))}
      />
      <Input id="name" label="Name of the asker" value={values.name} errorMessage={errors.name} />
      <Input
        id="organisation"
        label="Organisation (optional)"
        value={values.organisation}
        errorMessage={errors.organisation}
      />
      <Input
        id="email"
        label="Email address (optional)"
        type="email"
        spellcheck={false}
        value={values.email}
        errorMessage={errors.email}
      />
      <Textarea
        id="text"
        label="The question"
        hint={`Up to ${rules.questionWordLimit} words, as it was sent.`}
        rows={8}
        value={values.text}
        errorMessage={errors.text}
      />
      {items.length > 0 ? (
        <Select
          id="aboutItemId"
          label="About an item on the agenda (optional)"
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
      <Radios
        id="channel"
        legend="How it arrived"
        errorMessage={errors.channel}
        value={values.channel}
        small
        options={QUESTION_CHANNELS.filter((c) => c !== 'online').map((c) => ({
          value: c,
          text: QUESTION_CHANNEL_LABELS[c],
        }))}
      />
      <DateInput id="received" legend="The date it arrived" errorMessage={errors.received} value={received} />
      <Input
        id="receivedTime"
        label="The time it arrived"
        hint="Like 9:30am or 14:00"
        value={values.receivedTime}
        errorMessage={errors.receivedTime}
        classes="govuk-input--width-5"
      />
    </FormPage>
  );
}
