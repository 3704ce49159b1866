import type { RecommendationDetail, RecommendationSummary } from '../../src/features/recommendations/queries';
import { actionSlug } from '../../src/lib/action-rules';
import { ACTION_STATUS_LABELS } from '../../src/lib/labels';
import type { ActionStatus } from '../../src/lib/enums';
import { isResponseOverdue } from '../../src/lib/recommendation-rules';
import { publicHref, RecommendationFacts, RecommendationList, Responses, ReviewPoints, TargetHistory } from './parts';

/** A committee's sent recommendations for the public, the late responses first. */
export function PublicRecommendationsPage({
  committee,
  rows,
  now,
}: {
  committee: { name: string; slug: string };
  rows: RecommendationSummary[];
  now: Date;
}): JSX.Element {
  const late = rows.filter((r) => isResponseOverdue(r, now));
  const others = rows.filter((r) => !isResponseOverdue(r, now));
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l" safe>
          {committee.name}
        </span>
        <h1 class="govuk-heading-l">Recommendations</h1>
        <p class="govuk-body">
          What the committee has recommended to the Cabinet, the NHS and others, what they answered, and how far it has
          been done. A response is due within the committee’s response period after a recommendation is sent.
        </p>
        {rows.length === 0 ? <p class="govuk-body">The committee has not sent any recommendations yet.</p> : ''}
        {late.length > 0 ? (
          <>
            <h2 class="govuk-heading-m">Responses overdue</h2>
            <RecommendationList rows={late} now={now} hrefOf={(r) => publicHref(r.reference)} />
          </>
        ) : (
          ''
        )}
        {others.length > 0 ? (
          <>
            <h2 class="govuk-heading-m">{late.length > 0 ? 'Other recommendations' : 'All recommendations'}</h2>
            <RecommendationList rows={others} now={now} hrefOf={(r) => publicHref(r.reference)} />
          </>
        ) : (
          ''
        )}
      </div>
    </div>
  );
}

export interface RecommendationTrail {
  /** Published actions of the item it was made at. */
  actions: { reference: string; description: string; status: ActionStatus }[];
  /** Accepted public questions asked at that item. */
  questions: { meetingId: number; askerName: string; text: string }[];
}

/** Where it came from and what else came from there: the other threads of the same matter. */
export function Trail({ trail }: { trail: RecommendationTrail }): JSX.Element {
  if (trail.actions.length === 0 && trail.questions.length === 0) return <></>;
  return (
    <>
      <h2 class="govuk-heading-m">From the same item</h2>
      <ul class="govuk-list govuk-list--bullet">
        {trail.actions.map((a) => (
          <li>
            <span>Action </span>
            <a class="govuk-link" href={`/actions/${actionSlug(a.reference)}`} safe>
              {a.reference}
            </a>
            <span safe>{`: ${a.description} (${ACTION_STATUS_LABELS[a.status].toLowerCase()})`}</span>
          </li>
        ))}
        {trail.questions.map((q) => (
          <li>
            <span>Public question </span>
            <a class="govuk-link" href={`/meetings/${q.meetingId}#agenda`} safe>
              {`from ${q.askerName}`}
            </a>
            <span safe>{`: ${q.text.length > 120 ? `${q.text.slice(0, 117)}…` : q.text}`}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

export function PublicRecommendationPage({
  rec,
  now,
  paperHref,
  trail,
}: {
  rec: RecommendationDetail;
  now: Date;
  paperHref: (documentId: number) => string | null;
  trail: RecommendationTrail;
}): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l" safe>
          {`${rec.committee.name} · recommendation ${rec.reference ?? ''}`}
        </span>
        <h1 class="govuk-heading-l" safe>
          {`Recommendation ${rec.reference ?? ''}`}
        </h1>
        <p class="govuk-body-l app-pre-line" safe>
          {rec.text}
        </p>
        <RecommendationFacts rec={rec} now={now} />
        <h2 class="govuk-heading-m">Response</h2>
        <Responses rec={rec} paperHref={paperHref} />
        <h2 class="govuk-heading-m">Target date history</h2>
        <TargetHistory rec={rec} />
        <h2 class="govuk-heading-m">Reviews by the committee</h2>
        <ReviewPoints rec={rec} />
        <Trail trail={trail} />
        <p class="govuk-body">
          <a class="govuk-link" href={`/committees/${rec.committee.slug}/recommendations`} safe>
            {`All recommendations of the ${rec.committee.name}`}
          </a>
        </p>
      </div>
    </div>
  );
}
