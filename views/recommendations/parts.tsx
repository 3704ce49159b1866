import type {
  RecommendationDetail,
  RecommendationFigures,
  RecommendationSummary,
} from '../../src/features/recommendations/queries';
import { formatCalendarDate, formatDate, formatDateTime, formatShortDate } from '../../src/lib/dates';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus, type RecommendationStatus } from '../../src/lib/enums';
import {
  IMPLEMENTATION_STATUS_LABELS,
  RECOMMENDATION_STATUS_LABELS,
  RESPONSE_DECISION_LABELS,
  WORK_PROGRAMME_STATUS_LABELS,
} from '../../src/lib/labels';
import { daysResponseLate, isResponseOverdue, recommendationSlug } from '../../src/lib/recommendation-rules';
import { BarChart } from '../components/BarChart';
import { SummaryList, type SummaryListRow } from '../components/SummaryList';
import { Table } from '../components/Table';
import { Tag, type TagColour } from '../components/Tag';

/**
 * The pieces of a recommendation's record that its public page and the
 * clerks' page share: its tags, facts, responses, target-date history and
 * review points, and the list of a committee's recommendations.
 */

const STATUS_COLOURS: Record<RecommendationStatus, TagColour> = {
  draft: 'grey',
  awaiting_response: 'blue',
  responded: 'turquoise',
  complete: 'green',
};

const IMPLEMENTATION_COLOURS: Record<ImplementationStatus, TagColour> = {
  not_started: 'grey',
  on_track: 'green',
  at_risk: 'yellow',
  off_track: 'red',
  complete: 'blue',
};

const FILLS: Record<ImplementationStatus, string> = {
  not_started: '#b1b4b6',
  on_track: '#00703c',
  at_risk: '#ffdd00',
  off_track: '#d4351c',
  complete: '#1d70b8',
};

export const publicHref = (reference: string | null) =>
  reference ? `/recommendations/${recommendationSlug(reference)}` : '#';

export function RecommendationTags({ rec, now }: { rec: RecommendationSummary; now: Date }): JSX.Element {
  const late = daysResponseLate(rec, now);
  return (
    <>
      <Tag text={RECOMMENDATION_STATUS_LABELS[rec.status]} colour={STATUS_COLOURS[rec.status]} />{' '}
      {isResponseOverdue(rec, now) ? (
        <>
          <Tag text={`Response overdue by ${late} ${late === 1 ? 'day' : 'days'}`} colour="red" />{' '}
        </>
      ) : (
        ''
      )}
      {rec.decision ? (
        <>
          <Tag text={RESPONSE_DECISION_LABELS[rec.decision]} colour="purple" />{' '}
        </>
      ) : (
        ''
      )}
      {rec.status === 'responded' || rec.status === 'complete' ? (
        <Tag
          text={`Implementation: ${IMPLEMENTATION_STATUS_LABELS[rec.implementationStatus].toLowerCase()}`}
          colour={IMPLEMENTATION_COLOURS[rec.implementationStatus]}
        />
      ) : (
        ''
      )}
    </>
  );
}

/** A list of recommendations, each linking to its page (the public one, or the clerks'). */
export function RecommendationList({
  rows,
  now,
  hrefOf,
  headingLevel = 3,
}: {
  rows: RecommendationSummary[];
  now: Date;
  hrefOf: (rec: RecommendationSummary) => string;
  headingLevel?: 2 | 3;
}): JSX.Element {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul class="govuk-list app-record-list">
      {rows.map((rec) => (
        <li class="app-record" id={`recommendation-${rec.id}`}>
          <Heading class="govuk-heading-s govuk-!-margin-bottom-1">
            <a class="govuk-link" href={hrefOf(rec)} safe>
              {rec.reference ?? 'Recommendation'}
            </a>
          </Heading>
          <p class="govuk-body app-pre-line govuk-!-margin-bottom-1" safe>
            {rec.text}
          </p>
          <p class="govuk-body-s govuk-!-margin-bottom-1">
            <span safe>{`To ${rec.addressedTo}`}</span>
            {rec.sentOn ? <span safe>{` · sent ${formatCalendarDate(rec.sentOn)}`}</span> : ''}
            {rec.responseDueOn && rec.status === 'awaiting_response' ? (
              <span safe>{` · response due ${formatCalendarDate(rec.responseDueOn)}`}</span>
            ) : (
              ''
            )}
            {rec.targetDate ? (
              <span
                safe
              >{` · target ${formatCalendarDate(rec.targetDate)}${rec.targetChangeCount > 1 ? ` (changed ${rec.targetChangeCount - 1} ${rec.targetChangeCount === 2 ? 'time' : 'times'})` : ''}`}</span>
            ) : (
              ''
            )}
          </p>
          <p class="govuk-body-s">
            <RecommendationTags rec={rec} now={now} />
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Where it came from, to whom it went, and where it stands. */
export function RecommendationFacts({
  rec,
  now,
  manage,
}: {
  rec: RecommendationDetail;
  now: Date;
  manage?: boolean;
}): JSX.Element {
  const rows: SummaryListRow[] = [
    { key: 'Addressed to', text: rec.addressedTo },
    ...(rec.addresseeOrganisation ? [{ key: 'Organisation', text: rec.addresseeOrganisation.name }] : []),
    ...(manage && rec.contact
      ? [
          {
            key: 'Contact (reminded of the response)',
            text: `${rec.contact.name}${rec.contact.email ? ` <${rec.contact.email}>` : ' (no email address)'}`,
          },
        ]
      : []),
    ...(rec.origin
      ? [
          {
            key: 'Made at',
            html: (
              <a class="govuk-link" href={`/meetings/${rec.origin.meetingId}#agenda`} safe>
                {`${rec.origin.itemTitle}, ${formatDate(rec.origin.startsAt)}`}
              </a>
            ),
          },
        ]
      : []),
    ...(rec.inquiry
      ? [
          {
            key: 'From the inquiry',
            html: (
              <a class="govuk-link" href={`/committees/${rec.committee.slug}/inquiries/${rec.inquiry.slug}`} safe>
                {rec.inquiry.title}
              </a>
            ),
          },
        ]
      : []),
    { key: 'Sent', text: rec.sentOn ? formatCalendarDate(rec.sentOn) : 'Not yet sent' },
    ...(rec.responseDueOn
      ? [
          {
            key: 'Response due',
            html: (
              <>
                <span safe>{formatCalendarDate(rec.responseDueOn)}</span>{' '}
                {isResponseOverdue(rec, now) ? <strong>(overdue)</strong> : ''}
              </>
            ),
          },
        ]
      : []),
    { key: 'Status', html: <RecommendationTags rec={rec} now={now} /> },
    { key: 'Target date', text: rec.targetDate ? formatCalendarDate(rec.targetDate) : 'None set' },
  ];
  return <SummaryList rows={rows} />;
}

/** The responses received, oldest first; a paper is linked where the public may read it. */
export function Responses({
  rec,
  paperHref,
}: {
  rec: RecommendationDetail;
  paperHref: (documentId: number) => string | null;
}): JSX.Element {
  if (rec.responses.length === 0)
    return (
      <p class="govuk-body">
        {rec.status === 'draft' ? 'It has not been sent yet.' : 'No response has been received yet.'}
      </p>
    );
  return (
    <>
      {rec.responses.map((r) => {
        const href = r.document ? paperHref(r.document.id) : null;
        return (
          <div class="app-record">
            <h3 class="govuk-heading-s govuk-!-margin-bottom-1" safe>
              {`${RESPONSE_DECISION_LABELS[r.decision]}, ${formatCalendarDate(r.receivedOn)}${r.respondent ? `, by ${r.respondent}` : ''}`}
            </h3>
            {r.text ? (
              <p class="govuk-body app-pre-line" safe>
                {r.text}
              </p>
            ) : (
              ''
            )}
            {r.document ? (
              <p class="govuk-body">
                {href ? (
                  <a class="govuk-link" href={href} safe>
                    {`${r.document.title} (PDF)`}
                  </a>
                ) : (
                  <span safe>{`The response is the paper “${r.document.title}”.`}</span>
                )}
              </p>
            ) : (
              ''
            )}
          </div>
        );
      })}
    </>
  );
}

/** Every change of the target date, with its reason. */
export function TargetHistory({ rec }: { rec: RecommendationDetail }): JSX.Element {
  if (rec.targetChanges.length === 0) return <p class="govuk-body">The target date has not been changed.</p>;
  return (
    <Table
      caption="Changes of the target date"
      captionClasses="govuk-visually-hidden"
      head={[{ text: 'When' }, { text: 'From' }, { text: 'To' }, { text: 'Why' }]}
      rows={rec.targetChanges.map((c) => [
        { text: formatDateTime(c.at) },
        { text: c.fromDate ? formatCalendarDate(c.fromDate) : 'None' },
        { text: c.toDate ? formatCalendarDate(c.toDate) : 'None' },
        { text: c.reason },
      ])}
    />
  );
}

/** When the committee reviews it: each review point, and the meeting it is planned for. */
export function ReviewPoints({ rec }: { rec: RecommendationDetail }): JSX.Element {
  if (rec.reviewPoints.length === 0) return <p class="govuk-body">No review is planned.</p>;
  return (
    <ul class="govuk-list govuk-list--bullet">
      {rec.reviewPoints.map((p) => (
        <li>
          {p.reviewDueOn ? <span safe>{`Due by ${formatCalendarDate(p.reviewDueOn)}: `}</span> : ''}
          {p.meeting ? (
            <>
              <a class="govuk-link" href={`/meetings/${p.meeting.id}#agenda`} safe>
                {`meeting of ${formatShortDate(p.meeting.startsAt)}`}
              </a>
              <span safe>
                {p.agendaItemId ? ' (on its agenda)' : ` (${WORK_PROGRAMME_STATUS_LABELS[p.status].toLowerCase()})`}
              </span>
            </>
          ) : (
            <span>to be scheduled</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The recommendations' outcomes and how the accepted ones are being implemented, as pictures and tables. */
export function RecommendationCharts({ figures }: { figures: RecommendationFigures }): JSX.Element {
  if (figures.total === 0) return <p class="govuk-body">No recommendations have been sent yet.</p>;
  return (
    <>
      <h3 class="govuk-heading-s">Outcomes</h3>
      <BarChart id="outcomes" title="Recommendations by outcome" bars={figures.outcomes} />
      <Table
        caption="Recommendations by outcome"
        captionClasses="govuk-visually-hidden"
        head={[{ text: 'Outcome' }, { text: 'Recommendations', numeric: true }]}
        rows={figures.outcomes.map((o) => [{ text: o.label }, { text: String(o.count), numeric: true }])}
      />
      <h3 class="govuk-heading-s">Implementation of accepted recommendations</h3>
      <BarChart
        id="implementation"
        title="Accepted and partly accepted recommendations by implementation status"
        bars={IMPLEMENTATION_STATUSES.map((s) => ({
          label: IMPLEMENTATION_STATUS_LABELS[s],
          count: figures.implementation[s],
          fill: FILLS[s],
        }))}
      />
      <Table
        caption="Accepted and partly accepted recommendations by implementation status"
        captionClasses="govuk-visually-hidden"
        head={[{ text: 'Implementation' }, { text: 'Recommendations', numeric: true }]}
        rows={IMPLEMENTATION_STATUSES.map((s) => [
          { text: IMPLEMENTATION_STATUS_LABELS[s] },
          { text: String(figures.implementation[s]), numeric: true },
        ])}
      />
    </>
  );
}
