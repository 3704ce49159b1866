import type { FieldErrors } from '../../src/lib/validation';
import { Input, Select } from '../components/Field';
import { FormPage } from '../components/FormPage';
import { Radios } from '../components/Radios';

export interface SubscribeValues {
  email: string;
  scope: string;
  committee: string;
  q: string;
  frequency: string;
}

export const SUBSCRIBE_ORDER = ['email', 'scope', 'committee', 'q', 'frequency'] as const;

/** Asking for email alerts: no account, just an address to confirm. */
export function SubscribePage(props: {
  values: SubscribeValues;
  errors: FieldErrors;
  committees: { slug: string; name: string }[];
  csrfToken: string;
}): JSX.Element {
  const { values, errors } = props;
  return (
    <FormPage
      title="Get emails when things are published"
      action="/subscribe"
      csrfToken={props.csrfToken}
      errors={errors}
      fieldOrder={SUBSCRIBE_ORDER}
      submitText="Send me a link to confirm"
      cancelHref="/"
      intro={
        <p class="govuk-body">
          We email you when an agenda, minutes, an answer to a public question, or a change to an action or
          recommendation is published. You do not need an account. We use your address only to send these emails, and
          every email has a link to stop them.
        </p>
      }
    >
      <Input
        id="email"
        label="Email address"
        type="email"
        autocomplete="email"
        spellcheck={false}
        value={values.email}
        errorMessage={errors.email}
        hint="We will send a link to this address: nothing else is sent until you open it."
      />
      <Radios
        id="scope"
        legend="What do you want emails about?"
        legendClasses="govuk-fieldset__legend--m"
        value={values.scope}
        errorMessage={errors.scope}
        options={[
          { value: 'committee', text: 'One committee', hint: 'Choose it below.' },
          { value: 'search', text: 'Anything matching some words', hint: 'For example “hospital discharge”.' },
          { value: 'all', text: 'Everything every committee publishes' },
        ]}
      />
      <Select
        id="committee"
        label="Committee (if you chose one committee)"
        value={values.committee}
        errorMessage={errors.committee}
        options={[
          { value: '', text: 'Choose a committee' },
          ...props.committees.map((c) => ({ value: c.slug, text: c.name })),
        ]}
      />
      <Input
        id="q"
        label="Words to follow (if you chose matching words)"
        hint="Put a phrase in quotes to match it as written. Papers, agendas, minutes, answers, actions and recommendations are all searched."
        value={values.q}
        errorMessage={errors.q}
        spellcheck={true}
      />
      <Radios
        id="frequency"
        legend="How often?"
        legendClasses="govuk-fieldset__legend--m"
        value={values.frequency}
        errorMessage={errors.frequency}
        options={[
          { value: 'immediate', text: 'As things are published' },
          {
            value: 'daily',
            text: 'A daily digest',
            hint: 'One email in the morning, when something was published the day before.',
          },
        ]}
      />
    </FormPage>
  );
}

/** A page that says one thing, with a next step. */
export function MessagePage(props: {
  title: string;
  paragraphs: string[];
  link?: { href: string; text: string };
}): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l" safe>
          {props.title}
        </h1>
        {props.paragraphs.map((p) => (
          <p class="govuk-body" safe>
            {p}
          </p>
        ))}
        {props.link ? (
          <p class="govuk-body">
            <a class="govuk-link" href={props.link.href} safe>
              {props.link.text}
            </a>
          </p>
        ) : (
          ''
        )}
      </div>
    </div>
  );
}
