import type { RecommendationFigures, RecommendationSummary } from '../../src/features/recommendations/queries';
import { formatShortDate } from '../../src/lib/dates';
import { RECOMMENDATION_FIELDS } from '../../src/lib/fields';
import type { FieldErrors } from '../../src/lib/validation';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { Input, Select, Textarea } from '../components/Field';
import { FormPage } from '../components/FormPage';
import { RecommendationRecord, recordErrorLinks, type RecordProps } from './RecommendationRecord';
import { RecommendationCharts, RecommendationList } from './parts';

type Committee = { name: string; slug: string; responseDueMonths: number };

export function ManageRecommendationsPage({
  committee,
  rows,
  figures,
  canManage,
  now,
}: {
  committee: Committee;
  rows: RecommendationSummary[];
  figures: RecommendationFigures;
  canManage: boolean;
  now: Date;
}): JSX.Element {
  const base = `/manage/committees/${committee.slug}/recommendations`;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l" safe>
          {committee.name}
        </span>
        <h1 class="govuk-heading-l">Recommendations</h1>
        <p class="govuk-body">
          <span safe>{`Responses are due ${committee.responseDueMonths} months after a recommendation is sent. `}</span>
          <a class="govuk-link" href={`/committees/${committee.slug}/recommendations`}>
            The recommendations as the public sees them
          </a>{' '}
          (sent ones only).
        </p>
        {canManage ? <Button text="Make a recommendation" href={`${base}/new`} /> : ''}
        {rows.length === 0 ? (
          <p class="govuk-body">The committee has made no recommendations yet.</p>
        ) : (
          <RecommendationList rows={rows} now={now} hrefOf={(r) => `${base}/${r.id}`} headingLevel={2} />
        )}
        <h2 class="govuk-heading-m">In figures</h2>
        <RecommendationCharts figures={figures} />
      </div>
    </div>
  );
}

export interface RecommendationOptions {
  items: { id: number; title: string; startsAt: Date }[];
  inquiries: { id: number; title: string }[];
  organisations: { id: number; name: string }[];
  people: { id: number; name: string; email: string | null }[];
}

export function RecommendationFormPage({
  committee,
  recommendationId,
  values,
  errors,
  csrfToken,
  options,
}: {
  committee: Committee;
  recommendationId: number | null;
  values: Record<(typeof RECOMMENDATION_FIELDS)[number], string>;
  errors: FieldErrors;
  csrfToken: string;
  options: RecommendationOptions;
}): JSX.Element {
  const base = `/manage/committees/${committee.slug}/recommendations`;
  const none = (text: string) => [{ value: '', text }];
  return (
    <FormPage
      title={recommendationId === null ? 'Make a recommendation' : 'Change the recommendation'}
      caption={committee.name}
      action={recommendationId === null ? base : `${base}/${recommendationId}`}
      csrfToken={csrfToken}
      errors={errors}
      fieldOrder={RECOMMENDATION_FIELDS}
      submitText="Save"
      cancelHref={recommendationId === null ? base : `${base}/${recommendationId}`}
    >
      <Textarea
        id="text"
        label="Recommendation"
        hint="As the committee agreed it, e.g. “That the Cabinet Member publishes a carers’ strategy by …”"
        rows={5}
        value={values.text}
        errorMessage={errors.text}
      />
      <Input
        id="addressedTo"
        label="Addressed to"
        hint="Who must respond, e.g. “Cabinet Member for Adult Social Care”"
        value={values.addressedTo}
        errorMessage={errors.addressedTo}
      />
      <Select
        id="addresseeOrganisationId"
        label="Their organisation (optional)"
        value={values.addresseeOrganisationId}
        errorMessage={errors.addresseeOrganisationId}
        options={[...none('None'), ...options.organisations.map((o) => ({ value: String(o.id), text: o.name }))]}
      />
      <Select
        id="contactPersonId"
        label="Contact for the response (optional)"
        hint="They are emailed a week before the response is due, and when it is late."
        value={values.contactPersonId}
        errorMessage={errors.contactPersonId}
        options={[
          ...none('None'),
          ...options.people.map((p) => ({
            value: String(p.id),
            text: p.email ? p.name : `${p.name} (no email address)`,
          })),
        ]}
      />
      <Select
        id="agendaItemId"
        label="Made at (optional)"
        hint="The item of the meeting that agreed it. A recommendation made at an exempt item is never public."
        value={values.agendaItemId}
        errorMessage={errors.agendaItemId}
        options={[
          ...none('Not at a meeting'),
          ...options.items.map((i) => ({ value: String(i.id), text: `${formatShortDate(i.startsAt)}: ${i.title}` })),
        ]}
      />
      <Select
        id="inquiryId"
        label="From the inquiry (optional)"
        value={values.inquiryId}
        errorMessage={errors.inquiryId}
        options={[...none('None'), ...options.inquiries.map((i) => ({ value: String(i.id), text: i.title }))]}
      />
    </FormPage>
  );
}

export function ManageRecommendationPage(props: RecordProps): JSX.Element {
  const { rec } = props;
  const errors = recordErrorLinks(props.form);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span class="govuk-caption-l" safe>
          {props.committee.name}
        </span>
        <h1 class="govuk-heading-l" safe>
          {`Recommendation ${rec.reference ?? ''}`}
        </h1>
        <p class="govuk-body-l app-pre-line" safe>
          {rec.text}
        </p>
        <RecommendationRecord {...props} />
      </div>
    </div>
  );
}
