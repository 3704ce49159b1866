import type { ActionFigures } from '../../src/features/actions/queries';
import { filterQuery, type ActionFilterValues } from '../../src/lib/action-filters';
import { formatShortDate } from '../../src/lib/dates';
import { ACTION_STATUSES, type ActionStatus } from '../../src/lib/enums';
import { ACTION_STATUS_LABELS } from '../../src/lib/labels';
import { BarChart } from '../components/BarChart';
import { Table } from '../components/Table';

/**
 * Follow-up in figures: small SVG charts drawn on the server, each with a
 * text alternative and the table behind it (the table is the record; the
 * picture is for reading it at a glance). Colours come with labels, never
 * alone.
 */

const FILL: Record<ActionStatus, string> = {
  open: '#1d70b8',
  in_progress: '#ffdd00',
  done: '#00703c',
  dropped: '#b1b4b6',
};

const WIDTH = 640;
const ROW = 28;
const LABEL = 150;

function ByMeetingChart({ figures }: { figures: ActionFigures }): JSX.Element {
  const rows = figures.byMeeting;
  const most = Math.max(1, ...rows.map((r) => ACTION_STATUSES.reduce((n, s) => n + r.counts[s], 0)));
  const scale = (WIDTH - LABEL - 50) / most;
  const height = rows.length * ROW + 36;
  const summary = rows
    .map(
      (r) =>
        `${formatShortDate(r.startsAt)}: ${ACTION_STATUSES.map((s) => `${r.counts[s]} ${ACTION_STATUS_LABELS[s].toLowerCase()}`).join(', ')}`,
    )
    .join('; ');
  return (
    <svg
      class="app-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby="by-meeting-title by-meeting-desc"
      width="100%"
    >
      <title id="by-meeting-title">Actions by status at each meeting</title>
      <desc id="by-meeting-desc" safe>
        {summary}
      </desc>
      {rows.map((r, i) => {
        let x = LABEL;
        const y = i * ROW + 4;
        const total = ACTION_STATUSES.reduce((n, s) => n + r.counts[s], 0);
        return (
          <g>
            <text x={String(LABEL - 8)} y={String(y + 16)} text-anchor="end" class="app-chart__label" safe>
              {formatShortDate(r.startsAt)}
            </text>
            {ACTION_STATUSES.map((s) => {
              const w = r.counts[s] * scale;
              const bar = <rect x={String(x)} y={String(y)} width={String(w)} height="20" fill={FILL[s]} />;
              x += w;
              return bar;
            })}
            <text x={String(x + 6)} y={String(y + 16)} class="app-chart__label">
              {total}
            </text>
          </g>
        );
      })}
      {ACTION_STATUSES.map((s, i) => (
        <g>
          <rect x={String(LABEL + i * 120)} y={String(height - 24)} width="14" height="14" fill={FILL[s]} />
          <text x={String(LABEL + i * 120 + 20)} y={String(height - 12)} class="app-chart__label" safe>
            {ACTION_STATUS_LABELS[s]}
          </text>
        </g>
      ))}
    </svg>
  );
}

function AgeChart({ figures }: { figures: ActionFigures }): JSX.Element {
  return <BarChart id="ages" title="Open actions by the age of their meeting" bars={figures.ages} />;
}

export function FiguresPage({ figures, values }: { figures: ActionFigures; values: ActionFilterValues }): JSX.Element {
  const back = `/manage/actions${filterQuery(values, { page: '' })}`;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <h1 class="govuk-heading-l">Actions in figures</h1>
        <p class="govuk-body">
          <span safe>{`${figures.total.toLocaleString('en-GB')} actions, with the filters of `}</span>
          <a class="govuk-link" href={back}>
            the list
          </a>
          .
        </p>
        <h2 class="govuk-heading-m">By status, at the latest meetings</h2>
        {figures.byMeeting.length === 0 ? (
          <p class="govuk-body">No actions match.</p>
        ) : (
          <>
            <ByMeetingChart figures={figures} />
            <Table
              caption="Actions by status at each meeting"
              captionClasses="govuk-table__caption--s"
              head={[
                { text: 'Meeting' },
                ...ACTION_STATUSES.map((s) => ({ text: ACTION_STATUS_LABELS[s], numeric: true })),
              ]}
              rows={figures.byMeeting.map((r) => [
                { text: formatShortDate(r.startsAt) },
                ...ACTION_STATUSES.map((s) => ({ text: String(r.counts[s]), numeric: true })),
              ])}
              firstCellIsHeader
            />
          </>
        )}
        <h2 class="govuk-heading-m">How old the open actions are</h2>
        <AgeChart figures={figures} />
        <Table
          caption="Open actions by the age of their meeting"
          captionClasses="govuk-table__caption--s"
          head={[{ text: 'Since the meeting' }, { text: 'Open actions', numeric: true }]}
          rows={figures.ages.map((a) => [{ text: a.label }, { text: String(a.count), numeric: true }])}
          firstCellIsHeader
        />
      </div>
    </div>
  );
}
