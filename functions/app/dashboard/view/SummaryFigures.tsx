import type { Overview } from "../dashboard.queries.ts";
import { type Period, periodNames } from "../vocabulary.ts";
import { percent, score, signed } from "./format.ts";

/** A figure's change against the period before, in words a screen reader reads as well as it looks. */
function Delta({ value, unit, against }: { value: number | null; unit: string; against: string }) {
  if (value === null) return <span class="figure__change">no earlier figure</span>;
  const direction = value > 0 ? "up" : value < 0 ? "down" : "same";
  return (
    <span class={`figure__change figure__change--${direction}`}>
      {signed(value, unit)} <span class="figure__against">against the {against} before</span>
    </span>
  );
}

/**
 * The dashboard's first row: how many answered, how many found what they needed, the mean
 * rating, and how many comments wait, each with its change against the period before.
 */
export function SummaryFigures(view: {
  totals: Overview["totals"];
  period: Period;
  newComments: { count: number; exact: boolean };
}) {
  const { summary, change } = view.totals;
  const against = view.period === "all" ? "" : periodNames[view.period];
  const delta = (value: number | null | undefined, unit: string) =>
    change && value !== undefined ? <Delta value={value} unit={unit} against={against} /> : null;
  const figures = [
    { label: "Topic views", value: String(view.totals.views), change: null },
    { label: "Responses", value: String(summary.responses), change: delta(change?.responses, "") },
    { label: "Found what they needed", value: percent(summary.foundShare), change: delta(change?.foundShare, " pts") },
    { label: "Mean rating (1 Poor to 4 Excellent)", value: score(summary.score), change: delta(change?.score, "") },
    {
      label: "Comments to triage",
      value: `${view.newComments.count}${view.newComments.exact ? "" : "+"}`,
      change: null,
    },
  ];
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading" class="visually-hidden">
        Summary
      </h2>
      <dl class="figures">
        {figures.map((figure) => (
          <div class="figure" key={figure.label}>
            <dt>{figure.label}</dt>
            <dd>
              <span class="figure__value">{figure.value}</span>
              {figure.change}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
