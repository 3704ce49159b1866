import type { InquiryParts } from '../../src/features/inquiries/queries';
import type { RecommendationSummary } from '../../src/features/recommendations/queries';
import { formatCalendarDate, formatDate, formatShortDate } from '../../src/lib/dates';
import { INQUIRY_KINDS, INQUIRY_STATUSES, type InquiryKind, type InquiryStatus } from '../../src/lib/enums';
import { INQUIRY_FIELDS } from '../../src/lib/fields';
import type { DateParts } from '../../src/lib/forms';
import { INQUIRY_KIND_LABELS, INQUIRY_MEMBER_ROLE_LABELS, INQUIRY_STATUS_LABELS } from '../../src/lib/labels';
import type { FieldErrors } from '../../src/lib/validation';
import { Button } from '../components/Button';
import { DateInput } from '../components/DateInput';
import { Select, Input, Textarea } from '../components/Field';
import { FormPage } from '../components/FormPage';
import { Radios } from '../components/Radios';
import { SummaryList } from '../components/SummaryList';
import { Tag } from '../components/Tag';
import { publicHref, RecommendationList } from '../recommendations/parts';

export interface InquiryRow {
  id: number;
  slug: string;
  title: string;
  kind: InquiryKind;
  status: InquiryStatus;
  summary: string;
  termsOfReference: string;
  startedOn: string | null;
  reportedOn: string | null;
}

type Committee = { name: string; slug: string };

function InquiryList({ inquiries, hrefOf }: { inquiries: InquiryRow[]; hrefOf: (i: InquiryRow) => string }) {
  if (inquiries.length === 0) return <p class="govuk-body">The committee has held no inquiries yet.</p>;
  return (
    <ul class="govuk-list app-record-list">
      {inquiries.map((i) => (
        <li class="app-record">
          <h2 class="govuk-heading-s govuk-!-margin-bottom-1">
            <a class="govuk-link" href={hrefOf(i)} safe>
              {i.title}
            </a>
          </h2>
          <p class="govuk-body-s govuk-!-margin-bottom-1">
            <span safe>{INQUIRY_KIND_LABELS[i.kind]}</span> <Tag text={INQUIRY_STATUS_LABELS[i.status]} colour="blue" />
          </p>
          {i.summary ? (
            <p class="govuk-body" safe>
              {i.summary}
            </p>
          ) : (
            ''
          )}
        </li>
      ))}
    </ul>
  );
}

export function InquiriesPage({
  committee,
  inquiries,
  manage,
}: {
  committee: Committee;
  inquiries: InquiryRow[];
  manage?: { canManage: boolean };
}): JSX.Element {
  const base = manage ? `/manage/committees/${committee.slug}/inquiries` : `/committees/${committee.slug}/inquiries`;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l" safe>
          {committee.name}
        </span>
        <h1 class="govuk-heading-l">Inquiries</h1>
        <p class="govuk-body">
          Reviews, one-day inquiries and task and finish groups: a closer look at one topic, with evidence heard at
          sessions, a report and recommendations.
        </p>
        {manage?.canManage ? <Button text="Start an inquiry" href={`${base}/new`} /> : ''}
        <InquiryList inquiries={inquiries} hrefOf={(i) => (manage ? `${base}/${i.id}/edit` : `${base}/${i.slug}`)} />
      </div>
    </div>
  );
}

export function PublicInquiryPage({
  committee,
  inquiry,
  parts,
  recommendations,
  now,
  reportHref,
}: {
  committee: Committee;
  inquiry: InquiryRow;
  parts: InquiryParts;
  recommendations: RecommendationSummary[];
  now: Date;
  reportHref: (documentId: number) => string | null;
}): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l" safe>
          {`${committee.name} · ${INQUIRY_KIND_LABELS[inquiry.kind]}`}
        </span>
        <h1 class="govuk-heading-l" safe>
          {inquiry.title}
        </h1>
        {inquiry.summary ? (
          <p class="govuk-body-l" safe>
            {inquiry.summary}
          </p>
        ) : (
          ''
        )}
        <SummaryList
          rows={[
            { key: 'Status', text: INQUIRY_STATUS_LABELS[inquiry.status] },
            ...(inquiry.startedOn ? [{ key: 'Started', text: formatCalendarDate(inquiry.startedOn) }] : []),
            ...(inquiry.reportedOn ? [{ key: 'Reported', text: formatCalendarDate(inquiry.reportedOn) }] : []),
          ]}
        />
        <h2 class="govuk-heading-m">Terms of reference</h2>
        {inquiry.termsOfReference ? (
          <p class="govuk-body app-pre-line" safe>
            {inquiry.termsOfReference}
          </p>
        ) : (
          <p class="govuk-body">None are recorded.</p>
        )}
        <h2 class="govuk-heading-m">Members</h2>
        {parts.members.length === 0 ? (
          <p class="govuk-body">None are recorded.</p>
        ) : (
          <ul class="govuk-list govuk-list--bullet">
            {parts.members.map((m) => (
              <li safe>{m.role === 'chair' ? `${m.name} (${INQUIRY_MEMBER_ROLE_LABELS.chair})` : m.name}</li>
            ))}
          </ul>
        )}
        <h2 class="govuk-heading-m">Evidence sessions</h2>
        {parts.sessions.length === 0 ? (
          <p class="govuk-body">None are recorded.</p>
        ) : (
          <ul class="govuk-list govuk-list--bullet">
            {parts.sessions.map((s) => (
              <li>
                <a class="govuk-link" href={`/meetings/${s.meetingId}`} safe>
                  {formatDate(s.startsAt)}
                </a>
              </li>
            ))}
          </ul>
        )}
        <h2 class="govuk-heading-m">Report</h2>
        {parts.reports.length === 0 ? (
          <p class="govuk-body">The report is not published yet.</p>
        ) : (
          <ul class="govuk-list">
            {parts.reports.map((r) => {
              const href = reportHref(r.id);
              return href ? (
                <li>
                  <a class="govuk-link" href={href} safe>
                    {`${r.title} (PDF)`}
                  </a>
                </li>
              ) : (
                <li safe>{`${r.title}: not yet published`}</li>
              );
            })}
          </ul>
        )}
        <h2 class="govuk-heading-m">Recommendations</h2>
        {recommendations.length === 0 ? (
          <p class="govuk-body">No recommendations from this inquiry have been sent.</p>
        ) : (
          <RecommendationList rows={recommendations} now={now} hrefOf={(r) => publicHref(r.reference)} />
        )}
      </div>
    </div>
  );
}

export interface InquiryFormValues {
  title: string;
  kind: string;
  status: string;
  summary: string;
  termsOfReference: string;
  startedOn: DateParts;
  reportedOn: DateParts;
  memberIds: string[];
  chairId: string;
  sessionMeetingIds: string[];
  reportDocumentId: string;
}

function Checkboxes({
  id,
  legend,
  hint,
  options,
  checked,
  errorMessage,
}: {
  id: string;
  legend: string;
  hint?: string;
  options: { value: string; text: string }[];
  checked: string[];
  errorMessage?: string;
}): JSX.Element {
  const describedBy = [hint ? `${id}-hint` : '', errorMessage ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`govuk-form-group${errorMessage ? ' govuk-form-group--error' : ''}`}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy || undefined}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s" safe>
          {legend}
        </legend>
        {hint ? (
          <div class="govuk-hint" id={`${id}-hint`} safe>
            {hint}
          </div>
        ) : (
          ''
        )}
        {errorMessage ? (
          <p class="govuk-error-message" id={`${id}-error`}>
            <span class="govuk-visually-hidden">Error:</span> <span safe>{errorMessage}</span>
          </p>
        ) : (
          ''
        )}
        {options.length === 0 ? <p class="govuk-body">There is nothing to choose yet.</p> : ''}
        <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          {options.map((o, i) => (
            <div class="govuk-checkboxes__item">
              <input
                class="govuk-checkboxes__input"
                id={i === 0 ? id : `${id}-${i + 1}`}
                name={id}
                type="checkbox"
                value={o.value}
                checked={checked.includes(o.value)}
              />
              <label class="govuk-label govuk-checkboxes__label" for={i === 0 ? id : `${id}-${i + 1}`} safe>
                {o.text}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function InquiryFormPage({
  committee,
  inquiryId,
  values,
  errors,
  csrfToken,
  choices,
  publicHref: inquiryPublicHref,
}: {
  committee: Committee;
  inquiryId: number | null;
  values: InquiryFormValues;
  errors: FieldErrors;
  csrfToken: string;
  choices: {
    members: { id: number; name: string }[];
    meetings: { id: number; startsAt: Date }[];
    papers: { id: number; title: string; startsAt: Date }[];
  };
  publicHref: string | null;
}): JSX.Element {
  const base = `/manage/committees/${committee.slug}/inquiries`;
  return (
    <FormPage
      title={inquiryId === null ? 'Start an inquiry' : 'Change the inquiry'}
      caption={committee.name}
      action={inquiryId === null ? base : `${base}/${inquiryId}`}
      csrfToken={csrfToken}
      errors={errors}
      fieldOrder={INQUIRY_FIELDS}
      submitText="Save"
      cancelHref={base}
    >
      {inquiryPublicHref ? (
        <p class="govuk-body">
          <a class="govuk-link" href={inquiryPublicHref}>
            Its public page
          </a>
        </p>
      ) : (
        ''
      )}
      <Input id="title" label="Title" value={values.title} errorMessage={errors.title} />
      <Radios
        id="kind"
        legend="Kind"
        small
        value={values.kind}
        errorMessage={errors.kind}
        options={INQUIRY_KINDS.map((k) => ({ value: k, text: INQUIRY_KIND_LABELS[k] }))}
      />
      <Radios
        id="status"
        legend="Where it is"
        small
        value={values.status}
        errorMessage={errors.status}
        options={INQUIRY_STATUSES.map((s) => ({ value: s, text: INQUIRY_STATUS_LABELS[s] }))}
      />
      <Textarea id="summary" label="Summary (optional)" rows={3} value={values.summary} errorMessage={errors.summary} />
      <Textarea
        id="termsOfReference"
        label="Terms of reference (optional)"
        rows={6}
        value={values.termsOfReference}
        errorMessage={errors.termsOfReference}
      />
      <DateInput
        id="startedOn"
        legend="Started (optional)"
        hint="For example, 1 10 2018"
        value={values.startedOn}
        errorMessage={errors.startedOn}
      />
      <DateInput
        id="reportedOn"
        legend="Reported (optional)"
        value={values.reportedOn}
        errorMessage={errors.reportedOn}
      />
      <Checkboxes
        id="memberIds"
        legend="Members"
        hint="From the committee’s members."
        options={choices.members.map((m) => ({ value: String(m.id), text: m.name }))}
        checked={values.memberIds}
        errorMessage={errors.memberIds}
      />
      <Select
        id="chairId"
        label="Chair (optional)"
        value={values.chairId}
        errorMessage={errors.chairId}
        options={[{ value: '', text: 'None' }, ...choices.members.map((m) => ({ value: String(m.id), text: m.name }))]}
      />
      <Checkboxes
        id="sessionMeetingIds"
        legend="Evidence sessions"
        hint="The committee’s meetings at which the inquiry heard evidence."
        options={choices.meetings.map((m) => ({ value: String(m.id), text: formatShortDate(m.startsAt) }))}
        checked={values.sessionMeetingIds}
        errorMessage={errors.sessionMeetingIds}
      />
      <Select
        id="reportDocumentId"
        label="Report (optional)"
        hint="A paper of one of the committee’s meetings. The public can read it once that agenda is published."
        value={values.reportDocumentId}
        errorMessage={errors.reportDocumentId}
        options={[
          { value: '', text: 'None yet' },
          ...choices.papers.map((p) => ({ value: String(p.id), text: `${formatShortDate(p.startsAt)}: ${p.title}` })),
        ]}
      />
    </FormPage>
  );
}
