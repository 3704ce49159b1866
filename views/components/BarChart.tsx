/**
 * A horizontal bar chart drawn on the server: one labelled bar per row, its
 * count beside it, `role="img"` with a title and a description that says
 * every figure. Put the table behind it after it: the table is the record.
 */
export interface Bar {
  label: string;
  count: number;
  /** A fill colour; the label always says what the bar is, so colour is never the only cue. */
  fill?: string;
}

const WIDTH = 640;
const ROW = 28;
const LABEL = 230;

export function BarChart({ id, title, bars }: { id: string; title: string; bars: Bar[] }): JSX.Element {
  const most = Math.max(1, ...bars.map((b) => b.count));
  const scale = (WIDTH - LABEL - 50) / most;
  const height = bars.length * ROW + 8;
  return (
    <svg
      class="app-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      width="100%"
    >
      <title id={`${id}-title`} safe>
        {title}
      </title>
      <desc id={`${id}-desc`} safe>
        {bars.map((b) => `${b.label}: ${b.count}`).join('; ')}
      </desc>
      {bars.map((b, i) => (
        <g>
          <text x={String(LABEL - 8)} y={String(i * ROW + 20)} text-anchor="end" class="app-chart__label" safe>
            {b.label}
          </text>
          <rect
            x={String(LABEL)}
            y={String(i * ROW + 4)}
            width={String(b.count * scale)}
            height="20"
            fill={b.fill ?? '#1d70b8'}
          />
          <text x={String(LABEL + b.count * scale + 6)} y={String(i * ROW + 20)} class="app-chart__label">
            {b.count}
          </text>
        </g>
      ))}
    </svg>
  );
}
