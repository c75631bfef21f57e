import type { OverviewRow } from "../dashboard.queries.ts";
import type { Period, SortKey } from "../vocabulary.ts";
import { FigureCells, FigureHeadings } from "./Figures.tsx";
import { type Filters, link, periodCaption } from "./format.ts";
import { ScrollRegion } from "./ScrollRegion.tsx";

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
          <caption id="overview-caption">{periodCaption("Feedback per topic", view.period)}</caption>
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <FigureHeadings sorting={{ current: view.sort, href: (sort) => link({ ...filters, sort }) }} />
            </tr>
          </thead>
          <tbody>
            {view.overview.map((row) => (
              <tr key={row.topic}>
                <th scope="row">
                  <a href={link({ ...filters, topic: row.topic, sort: view.sort })}>{view.titles(row.topic)}</a>
                </th>
                <FigureCells row={row} />
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
