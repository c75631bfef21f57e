import { ratings } from "../../../../src/shared/feedback-rules.ts";
import { ratingLabels } from "../../feedback/feedback-words.ts";
import type { PeriodChange } from "../aggregate.ts";
import type { OverviewRow } from "../dashboard.queries.ts";
import { type Period, periodNames, type SortKey } from "../vocabulary.ts";
import { type Filters, link, percent, perThousandViews, score, signed, unhelpfulRange } from "./format.ts";
import { ScrollRegion } from "./ScrollRegion.tsx";

function Change({ value }: { value: PeriodChange | null }) {
  if (!value) return <>–</>;
  return (
    <>
      {signed(value.responses)} responses, score {signed(value.score)}, found {signed(value.foundShare, " pts")}
    </>
  );
}

/** Every topic's figures for the period, sortable by its column headings. */
export function OverviewTable(view: {
  overview: OverviewRow[];
  period: Period;
  sort: SortKey;
  filters: Filters;
  titles: (topic: string) => string;
}) {
  const { filters } = view;
  return (
    <section aria-labelledby="overview-heading">
      <h2 id="overview-heading">Topics, worst first</h2>
      <p class="dashboard__note">
        Worst first means most surely failing readers: ranked by the low end of the range of answers that were Poor or
        No, so one bad answer cannot outrank fifty mixed ones.
      </p>
      <ScrollRegion labelledBy="overview-caption">
        <table class="dashboard__table">
          <caption id="overview-caption">
            {view.period === "all"
              ? "Feedback per topic, all time"
              : `Feedback per topic, last ${periodNames[view.period]}; change against the ${periodNames[view.period]} before`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <th scope="col" aria-sort={view.sort === "responses" ? "descending" : undefined}>
                <a href={link({ ...filters, sort: "responses" })}>Responses</a>
              </th>
              <th scope="col">Views</th>
              <th scope="col">Answers per 1,000 views</th>
              <th scope="col">
                Poor or No <span class="dashboard__note">(95 % range)</span>
              </th>
              {ratings.map((r) => (
                <th scope="col" key={r}>
                  {ratingLabels[r]}
                </th>
              ))}
              <th scope="col" aria-sort={view.sort === "worst" ? "ascending" : undefined}>
                <a href={link({ ...filters, sort: "worst" })}>Score</a>
              </th>
              <th scope="col" aria-sort={view.sort === "found" ? "ascending" : undefined}>
                <a href={link({ ...filters, sort: "found" })}>Found</a>
              </th>
              <th scope="col" aria-sort={view.sort === "change" ? "ascending" : undefined}>
                <a href={link({ ...filters, sort: "change" })}>Change</a>
              </th>
            </tr>
          </thead>
          <tbody>
            {view.overview.map((row) => (
              <tr key={row.topic}>
                <th scope="row">
                  <a href={link({ ...filters, topic: row.topic, sort: view.sort })}>{view.titles(row.topic)}</a>
                </th>
                <td>{row.summary.responses}</td>
                <td>{row.views}</td>
                <td>{perThousandViews(row.summary.responses, row.views)}</td>
                <td>{unhelpfulRange(row.summary.unhelpful)}</td>
                {ratings.map((r) => (
                  <td key={r}>{percent(row.summary.distribution[r])}</td>
                ))}
                <td>{score(row.summary.score)}</td>
                <td>{percent(row.summary.foundShare)}</td>
                <td>
                  <Change value={row.change} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
