import type { Children } from '@kitajs/html';
import { formatCalendarDate, formatShortDate } from '../../src/lib/dates';
import { IMPLEMENTATION_STATUSES, RESPONSE_DECISIONS } from '../../src/lib/enums';
import { partsOf, type DateParts } from '../../src/lib/forms';
import type { RecommendationDetail } from '../../src/features/recommendations/queries';
import { IMPLEMENTATION_STATUS_LABELS, RESPONSE_DECISION_LABELS } from '../../src/lib/labels';
import type { FieldErrors } from '../../src/lib/validation';
import { DateInput } from '../components/DateInput';
import { Input, Select, Textarea } from '../components/Field';
import { Csrf } from '../components/FormParts';
import { enhance, errorLinks, RegionErrors } from '../components/Live';
import { NotificationBanner } from '../components/NotificationBanner';
import { Radios } from '../components/Radios';
import { publicHref, RecommendationFacts, Responses, ReviewPoints, TargetHistory } from './parts';

type Committee = { name: string; slug: string; responseDueMonths: number };

export const RECORD_REGION = 'recommendation-record';

/** Which form came back refused, with what was typed. */
export interface RecordForm {
  name: 'send' | 'response' | 'progress' | 'review';
  values: Record<string, string>;
  dates?: Record<string, DateParts>;
  errors: FieldErrors;
}

export interface RecordProps {
  rec: RecommendationDetail;
  committee: Committee;
  csrfToken: string;
  canManage: boolean;
  now: Date;
  papers: { id: number; title: string; startsAt: Date }[];
  meetings: { id: number; startsAt: Date }[];
  form?: RecordForm;
  confirmation?: string;
  /** Sent alone, in place: it carries its own error summary. */
  fragment?: boolean;
  paperHref: (documentId: number) => string | null;
}

function FormBlock({
  title,
  action,
  csrfToken,
  submit,
  children,
  folded,
}: {
  title: string;
  action: string;
  csrfToken: string;
  submit: string;
  children: Children;
  /** Behind a disclosure (a further response, another review), open when it came back refused. */
  folded?: { open: boolean };
}): JSX.Element {
  const body = (
    <form method="post" action={action} novalidate {...enhance(action, RECORD_REGION)} class="app-record-form">
      <Csrf token={csrfToken} />
      {folded ? (
        ''
      ) : (
        <h3 class="govuk-heading-s" safe>
          {title}
        </h3>
      )}
      {children}
      <button type="submit" class="govuk-button" data-module="govuk-button" safe>
        {submit}
      </button>
    </form>
  );
  return folded ? (
    <details class="govuk-details" open={folded.open}>
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text" safe>
          {title}
        </span>
      </summary>
      <div class="govuk-details__text">{body}</div>
    </details>
  ) : (
    body
  );
}

/** A refused step's messages, each linked to its field (a whole-form one to the record). */
export function recordErrorLinks(form: RecordForm | undefined): { text: string; href: string }[] {
  return form ? errorLinks({ form: form.name, values: form.values, errors: form.errors }, (f) => f, RECORD_REGION) : [];
}

/** The recommendation's record and the clerk's forms for its next steps: one region, swapped in place. */
export function RecommendationRecord(props: RecordProps): JSX.Element {
  const { rec, committee, csrfToken, canManage, now, form } = props;
  const base = `/manage/committees/${committee.slug}/recommendations/${rec.id}`;
  const state = (name: RecordForm['name']) => (form?.name === name ? form : undefined);
  const v = (name: RecordForm['name'], key: string, fallback = '') => state(name)?.values[key] ?? fallback;
  const e = (name: RecordForm['name'], key: string) => state(name)?.errors[key];
  const d = (name: RecordForm['name'], key: string, fallback?: DateParts) => state(name)?.dates?.[key] ?? fallback;
  const errors = recordErrorLinks(form);
  return (
    <div id={RECORD_REGION}>
      <RegionErrors links={errors} fragment={props.fragment} />
      {props.confirmation ? <NotificationBanner heading={props.confirmation} type="success" /> : ''}
      {rec.status !== 'draft' ? (
        <p class="govuk-body">
          <a class="govuk-link" href={publicHref(rec.reference)}>
            Its public page
          </a>
        </p>
      ) : (
        <p class="govuk-body">It is a draft: the public see it once it is sent.</p>
      )}
      <RecommendationFacts rec={rec} now={now} manage />
      {canManage ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`${base}/edit`}>
            Change the recommendation<span class="govuk-visually-hidden" safe>{` ${rec.reference ?? ''}`}</span>
          </a>
        </p>
      ) : (
        ''
      )}
      {canManage && rec.status === 'draft' ? (
        <FormBlock title="Send it" action={`${base}/send`} csrfToken={csrfToken} submit="Record it as sent">
          <DateInput
            id="sentOn"
            legend="Date sent"
            hint={`For example, 27 3 2021. The response is due ${committee.responseDueMonths} months later, and the recommendation becomes public.`}
            value={d('send', 'sentOn')}
            errorMessage={e('send', 'sentOn')}
          />
        </FormBlock>
      ) : (
        ''
      )}
      <h2 class="govuk-heading-m">Response</h2>
      <Responses rec={rec} paperHref={props.paperHref} />
      {canManage && rec.status !== 'draft' ? (
        <FormBlock
          title={rec.responses.length ? 'Record a further response' : 'Record the response'}
          folded={rec.responses.length ? { open: state('response') !== undefined } : undefined}
          action={`${base}/responses`}
          csrfToken={csrfToken}
          submit="Save the response"
        >
          <DateInput
            id="receivedOn"
            legend="Date received"
            hint={`For example, 12 5 2021. It was sent on ${rec.sentOn ? formatCalendarDate(rec.sentOn) : '—'}.`}
            value={d('response', 'receivedOn')}
            errorMessage={e('response', 'receivedOn')}
          />
          <Radios
            id="decision"
            legend="Response"
            small
            value={v('response', 'decision')}
            errorMessage={e('response', 'decision')}
            options={RESPONSE_DECISIONS.map((s) => ({ value: s, text: RESPONSE_DECISION_LABELS[s] }))}
          />
          <Textarea
            id="text"
            label="What they said"
            hint="Leave empty if the response is a paper, and select it below."
            rows={4}
            value={v('response', 'text')}
            errorMessage={e('response', 'text')}
          />
          <Input
            id="respondent"
            label="Who responded (optional)"
            value={v('response', 'respondent')}
            errorMessage={e('response', 'respondent')}
          />
          <Select
            id="documentId"
            label="The response as a paper (optional)"
            value={v('response', 'documentId')}
            errorMessage={e('response', 'documentId')}
            options={[
              { value: '', text: 'None' },
              ...props.papers.map((p) => ({ value: String(p.id), text: `${formatShortDate(p.startsAt)}: ${p.title}` })),
            ]}
          />
        </FormBlock>
      ) : (
        ''
      )}
      <h2 class="govuk-heading-m">Progress</h2>
      <TargetHistory rec={rec} />
      {canManage && rec.status !== 'draft' ? (
        <FormBlock title="Update progress" action={`${base}/progress`} csrfToken={csrfToken} submit="Save progress">
          <Radios
            id="implementationStatus"
            legend="Implementation"
            small
            value={v('progress', 'implementationStatus', rec.implementationStatus)}
            errorMessage={e('progress', 'implementationStatus')}
            options={IMPLEMENTATION_STATUSES.map((s) => ({ value: s, text: IMPLEMENTATION_STATUS_LABELS[s] }))}
          />
          <DateInput
            id="targetDate"
            legend="Target date (optional)"
            hint="For example, 31 3 2022. Every change is kept, with its reason."
            value={d('progress', 'targetDate', partsOf(rec.targetDate))}
            errorMessage={e('progress', 'targetDate')}
          />
          <Textarea
            id="reason"
            label="Why the target date changes (needed when it does)"
            rows={2}
            value={v('progress', 'reason')}
            errorMessage={e('progress', 'reason')}
          />
        </FormBlock>
      ) : (
        ''
      )}
      <h2 class="govuk-heading-m">Reviews by the committee</h2>
      <ReviewPoints rec={rec} />
      {canManage && rec.status !== 'draft' ? (
        <FormBlock
          title="Add a review point"
          action={`${base}/review-points`}
          csrfToken={csrfToken}
          submit="Add the review"
        >
          <p class="govuk-body">
            A review point puts the recommendation on the work programme, for the meeting chosen or the first one after
            the months given, and that meeting’s agenda offers it.
          </p>
          <Input
            id="afterMonths"
            label="After how many months (from the response, or from sending)"
            classes="govuk-input--width-2"
            inputmode="numeric"
            value={v('review', 'afterMonths')}
            errorMessage={e('review', 'afterMonths')}
          />
          <Select
            id="meetingId"
            label="Or at this meeting"
            value={v('review', 'meetingId')}
            errorMessage={e('review', 'meetingId')}
            options={[
              { value: '', text: 'The first meeting after those months' },
              ...props.meetings.map((m) => ({ value: String(m.id), text: formatShortDate(m.startsAt) })),
            ]}
          />
        </FormBlock>
      ) : (
        ''
      )}
    </div>
  );
}
