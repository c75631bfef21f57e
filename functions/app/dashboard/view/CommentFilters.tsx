import { foundAnswers, ratings, reasons } from "../../../../src/shared/feedback-rules.ts";
import { foundLabels, ratingLabels, reasonLabels } from "../../feedback/feedback-words.ts";
import type { OverviewRow } from "../dashboard.queries.ts";
import type { CommentsQuery } from "../dashboard.schema.ts";
import { periodNames, periods, type SortKey, statusFilters, statusNames } from "../vocabulary.ts";
import type { LanguageChoice } from "./format.ts";

/** A filter's drop-down; `any` labels the first choice, the one that filters nothing. */
function FilterSelect(props: {
  label: string;
  name: string;
  selected: string | undefined;
  any?: string;
  options: { value: string; label: string }[];
}) {
  const options = props.any ? [{ value: "", label: props.any }, ...props.options] : props.options;
  return (
    <label>
      {props.label}
      <select name={props.name}>
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === (props.selected ?? "")}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

type FilterProps = Parameters<typeof FilterSelect>[0];

/** The comment filters, each with its choices. */
function filterChoices(view: {
  query: CommentsQuery;
  overview: OverviewRow[];
  titles: (topic: string) => string;
  languages: readonly LanguageChoice[];
}) {
  const { query } = view;
  const choices = <T extends string>(values: readonly T[], label: (value: T) => string) =>
    values.map((value) => ({ value, label: label(value) }));
  const filters: FilterProps[] = [
    { label: "Period", name: "period", selected: query.period, options: choices(periods, (p) => periodNames[p]) },
    {
      label: "Language",
      name: "lang",
      selected: query.lang,
      any: "All languages",
      options: view.languages.map((l) => ({ value: l.lang, label: l.name })),
    },
    {
      label: "Topic",
      name: "topic",
      selected: query.topic,
      any: "All topics",
      options: choices(
        view.overview.map((row) => row.topic),
        view.titles,
      ),
    },
    {
      label: "Rating",
      name: "rating",
      selected: query.rating,
      any: "Any rating",
      options: choices(ratings, (r) => ratingLabels[r]),
    },
    {
      label: "Found",
      name: "found",
      selected: query.found,
      any: "Any answer",
      options: choices(foundAnswers, (f) => foundLabels[f]),
    },
    {
      label: "Why not",
      name: "reason",
      selected: query.reason,
      any: "Any reason",
      options: choices(reasons, (r) => reasonLabels[r]),
    },
    {
      label: "Status",
      name: "status",
      selected: query.status,
      options: choices(statusFilters, (st) => statusNames[st]),
    },
  ];
  return filters;
}

/** The comment filters as a plain form: each filter a drop-down, the page's sort and owner kept. */
export function CommentFilters(view: {
  query: CommentsQuery;
  overview: OverviewRow[];
  titles: (topic: string) => string;
  languages: readonly LanguageChoice[];
  sort: SortKey;
  owner: string | undefined;
}) {
  return (
    <form method="get" action="/dashboard/" class="filters">
      <input type="hidden" name="sort" value={view.sort} />
      {view.owner && <input type="hidden" name="owner" value={view.owner} />}
      {filterChoices(view).map((filter) => (
        <FilterSelect key={filter.name} {...filter} />
      ))}
      <button type="submit" class="button">
        Filter
      </button>
    </form>
  );
}
