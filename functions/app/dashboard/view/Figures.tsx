import type { ComponentChildren } from "preact";
import { ratings } from "../../../../src/shared/feedback-rules.ts";
import { ratingLabels } from "../../feedback/feedback-words.ts";
import type { PeriodChange } from "../aggregate.ts";
import type { LanguageRow } from "../dashboard.responses.ts";
import type { SortKey } from "../vocabulary.ts";
import { percent, perThousandViews, score, signed, unhelpfulRange } from "./format.ts";

/**
 * The column headings of FigureCells, after the row's own. With `sorting`, the columns the table
 * sorts by are links, the current one marked.
 */
export function FigureHeadings(props: { sorting?: { current: SortKey; href: (key: SortKey) => string } }) {
  const { sorting } = props;
  const sortable = (key: SortKey, order: "ascending" | "descending", label: ComponentChildren) =>
    sorting ? (
      <th scope="col" aria-sort={sorting.current === key ? order : undefined}>
        <a href={sorting.href(key)}>{label}</a>
      </th>
    ) : (
      <th scope="col">{label}</th>
    );
  return (
    <>
      {sortable("responses", "descending", "Responses")}
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
      {sortable("worst", "ascending", "Score")}
      {sortable("found", "ascending", "Found")}
      {sortable("change", "ascending", "Change")}
    </>
  );
}

/** A row's change against the period before, in words. */
function Change({ value }: { value: PeriodChange | null }) {
  if (!value) return <>–</>;
  return (
    <>
      {signed(value.responses)} responses, score {signed(value.score)}, found {signed(value.foundShare, " pts")}
    </>
  );
}

/**
 * A row's figures, one cell each: responses, views, answers per 1,000 views, Poor or No, each
 * rating's share, score, found, change. A topic's row and a language's row show the same.
 */
export function FigureCells({ row }: { row: Omit<LanguageRow, "lang"> }) {
  return (
    <>
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
    </>
  );
}
