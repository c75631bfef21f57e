import { isoDay } from "../../../../src/shared/dates.ts";
import { type Rating, ratings } from "../../../../src/shared/feedback-rules.ts";
import { ratingLabels } from "../../feedback/feedback-words.ts";
import type { TopicSummary, WeekPoint } from "../aggregate.ts";
import { percent, score } from "./format.ts";

/** A bar per rating with its share written beside it: readable without colour and by screen readers. */
export function DistributionChart({ summary }: { summary: TopicSummary }) {
  const width = 240;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width + 120} ${ratings.length * 26}`} role="img" aria-labelledby="distribution-title">
        <title id="distribution-title">
          Ratings: {ratings.map((r) => `${ratingLabels[r]} ${percent(summary.distribution[r])}`).join(", ")}
        </title>
        {ratings.map((r: Rating, i) => (
          <g key={r} transform={`translate(0 ${i * 26})`}>
            <text x="0" y="16" class="chart__label">
              {ratingLabels[r]}
            </text>
            <rect
              x="80"
              y="4"
              height="16"
              width={Math.max(1, summary.distribution[r] * width)}
              class={`chart__bar chart__bar--${r}`}
            />
            <text x={86 + summary.distribution[r] * width} y="16" class="chart__value">
              {percent(summary.distribution[r])}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        {summary.rated} ratings, score {score(summary.score)} of 4, found what they needed:{" "}
        {percent(summary.foundShare)}
      </figcaption>
    </figure>
  );
}

/**
 * Weekly responses as bars, with a scale and the first and last week named: one week reads as one
 * bar, two years as 104 thin ones. The numbers are in a table below it (folded away when long).
 */
export function WeeklyChart({ series }: { series: WeekPoint[] }) {
  if (series.length === 0) return <p>No responses in this period.</p>;
  const width = 360;
  const height = 100;
  const left = 36;
  const most = Math.max(...series.map((p) => p.responses), 1);
  const slot = width / series.length;
  const bar = Math.max(1, Math.min(24, slot * 0.8));
  const first = series[0];
  const last = series.at(-1);
  const busiest = series.reduce((a, b) => (b.responses > a.responses ? b : a));
  const table = (
    <table class="chart__table">
      <caption>Responses and share of “Yes” by week</caption>
      <thead>
        <tr>
          <th scope="col">Week of</th>
          <th scope="col">Responses</th>
          <th scope="col">Found what they needed</th>
        </tr>
      </thead>
      <tbody>
        {series.map((p) => (
          <tr key={p.weekStart}>
            <td>{isoDay(p.weekStart)}</td>
            <td>{p.responses}</td>
            <td>{percent(p.foundShare)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <figure class="chart">
      <svg viewBox={`0 -8 ${left + width + 8} ${height + 32}`} role="img" aria-labelledby="weekly-title">
        <title id="weekly-title">
          Weekly responses over {series.length} {series.length === 1 ? "week" : "weeks"}, from the week of{" "}
          {isoDay(first?.weekStart ?? 0)}; most: {busiest.responses} in the week of {isoDay(busiest.weekStart)}.
        </title>
        <line class="chart__axis" x1={left} y1={height} x2={left + width} y2={height} />
        <line class="chart__axis" x1={left} y1="0" x2={left} y2={height} />
        <text class="chart__label" x={left - 4} y="4" text-anchor="end">
          {most}
        </text>
        <text class="chart__label" x={left - 4} y={height} text-anchor="end">
          0
        </text>
        {series.map((p, i) => (
          <rect
            key={p.weekStart}
            class="chart__bar"
            x={left + i * slot + (slot - bar) / 2}
            y={height - (p.responses / most) * height}
            width={bar}
            height={Math.max(p.responses > 0 ? 1 : 0, (p.responses / most) * height)}
          />
        ))}
        <text class="chart__label" x={left} y={height + 18}>
          {isoDay(first?.weekStart ?? 0)}
        </text>
        {series.length > 1 && (
          <text class="chart__label" x={left + width} y={height + 18} text-anchor="end">
            {isoDay(last?.weekStart ?? 0)}
          </text>
        )}
      </svg>
      {series.length > 12 ? (
        <details>
          <summary>Each week's numbers ({series.length} weeks)</summary>
          {table}
        </details>
      ) : (
        table
      )}
    </figure>
  );
}
