import { type Rating, ratingLabels, ratings } from "../../../../src/shared/feedback-rules.ts";
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

/** Weekly responses as a line, with the numbers in a table below for anyone who cannot see it. */
export function WeeklyChart({ series }: { series: WeekPoint[] }) {
  if (series.length === 0) return <p>No responses in this period.</p>;
  const width = 360;
  const height = 100;
  const most = Math.max(...series.map((p) => p.responses), 1);
  const x = (i: number) => (series.length === 1 ? width / 2 : (i / (series.length - 1)) * width);
  const y = (n: number) => height - (n / most) * height;
  return (
    <figure class="chart">
      <svg viewBox={`-10 -10 ${width + 20} ${height + 20}`} role="img" aria-labelledby="weekly-title">
        <title id="weekly-title">Weekly responses, from {series.length} weeks; the table below gives each week.</title>
        <polyline
          class="chart__line"
          fill="none"
          points={series.map((p, i) => `${x(i)},${y(p.responses)}`).join(" ")}
        />
        {series.map((p, i) => (
          <circle key={p.weekStart} cx={x(i)} cy={y(p.responses)} r="3" class="chart__point" />
        ))}
      </svg>
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
              <td>{new Date(p.weekStart).toISOString().slice(0, 10)}</td>
              <td>{p.responses}</td>
              <td>{percent(p.foundShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
