import { formatUtcDateTime } from "../../../src/shared/dates.ts";
import { foundLabels, type Rating, ratingLabels, ratings } from "../../../src/shared/feedback-rules.ts";
import type { PeriodChange, TopicSummary, WeekPoint } from "./aggregate.ts";
import type { CommentRow, OverviewRow } from "./dashboard.queries.ts";
import type { CommentsQuery } from "./dashboard.schema.ts";
import {
  commentStatuses,
  type Period,
  periodNames,
  periods,
  type SortKey,
  statusFilters,
  statusNames,
  wholeSite,
} from "./vocabulary.ts";

const percent = (share: number | null) => (share === null ? "–" : `${Math.round(share * 100)} %`);
const score = (value: number | null) => (value === null ? "–" : value.toFixed(2));
const signed = (value: number | null, unit = "") => (value === null ? "–" : `${value > 0 ? "+" : ""}${value}${unit}`);

export interface DashboardView {
  period: Period;
  sort: SortKey;
  overview: OverviewRow[];
  titles: (topic: string) => string;
  detail?: { topic: string; summary: TopicSummary; series: WeekPoint[] } | undefined;
  comments: { total: number; page: number; pageSize: number; rows: CommentRow[] };
  query: CommentsQuery;
  /** This page's address with its filters, for forms that come back here. */
  self: string;
}

function link(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== "") search.set(key, String(value));
  return `/dashboard/?${search.toString()}`;
}

/** A bar per rating with its share written beside it: readable without colour and by screen readers. */
function DistributionChart({ summary }: { summary: TopicSummary }) {
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
function WeeklyChart({ series }: { series: WeekPoint[] }) {
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

function FilterSelect(props: {
  label: string;
  name: string;
  selected: string | undefined;
  options: { value: string; label: string }[];
}) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === (props.selected ?? "")}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function Change({ value }: { value: PeriodChange | null }) {
  if (!value) return <>–</>;
  return (
    <>
      {signed(value.responses)} responses, score {signed(value.score)}, found {signed(value.foundShare, " pts")}
    </>
  );
}

export function Dashboard(view: DashboardView) {
  const { query, comments } = view;
  const pages = Math.max(1, Math.ceil(comments.total / comments.pageSize));
  const filters = {
    period: query.period,
    topic: query.topic,
    rating: query.rating,
    found: query.found,
    status: query.status,
  };
  const exportQuery = new URLSearchParams(
    Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])),
  ).toString();
  return (
    <div class="dashboard">
      <nav aria-label="Period">
        <p>
          Period:{" "}
          {periods.map((p) => (
            <a
              key={p}
              href={link({ ...filters, period: p, sort: view.sort })}
              aria-current={p === view.period ? "page" : undefined}
              class="period"
            >
              {periodNames[p]}
            </a>
          ))}
        </p>
      </nav>

      <section aria-labelledby="overview-heading">
        <h2 id="overview-heading">Topics, worst first</h2>
        <div class="table-scroll">
          <table class="dashboard__table">
            <caption>
              Feedback per topic, {periodNames[view.period]}; change against the {periodNames[view.period]} before
            </caption>
            <thead>
              <tr>
                <th scope="col">Topic</th>
                <th scope="col" aria-sort={view.sort === "responses" ? "descending" : undefined}>
                  <a href={link({ ...filters, sort: "responses" })}>Responses</a>
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
        </div>
      </section>

      {view.detail && (
        <section aria-labelledby="detail-heading">
          <h2 id="detail-heading">{view.titles(view.detail.topic)}</h2>
          <DistributionChart summary={view.detail.summary} />
          <WeeklyChart series={view.detail.series} />
        </section>
      )}

      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">Comments ({comments.total})</h2>
        <form method="get" action="/dashboard/" class="filters">
          <input type="hidden" name="sort" value={view.sort} />
          <FilterSelect
            label="Period"
            name="period"
            selected={query.period}
            options={periods.map((p) => ({ value: p, label: periodNames[p] }))}
          />
          <FilterSelect
            label="Topic"
            name="topic"
            selected={query.topic}
            options={[
              { value: "", label: "All topics" },
              ...view.overview.map((row) => ({ value: row.topic, label: view.titles(row.topic) })),
            ]}
          />
          <FilterSelect
            label="Rating"
            name="rating"
            selected={query.rating}
            options={[
              { value: "", label: "Any rating" },
              ...ratings.map((r) => ({ value: r, label: ratingLabels[r] })),
            ]}
          />
          <FilterSelect
            label="Found"
            name="found"
            selected={query.found}
            options={[
              { value: "", label: "Any answer" },
              { value: "yes", label: foundLabels.yes },
              { value: "no", label: foundLabels.no },
            ]}
          />
          <FilterSelect
            label="Status"
            name="status"
            selected={query.status}
            options={statusFilters.map((st) => ({ value: st, label: statusNames[st] }))}
          />
          <button type="submit" class="button">
            Filter
          </button>
        </form>
        <p>
          Export these comments: <a href={`/api/dashboard/comments.csv?${exportQuery}`}>CSV</a> ·{" "}
          <a href={`/api/dashboard/comments.json?${exportQuery}`}>JSON</a>
        </p>
        <ol class="comments">
          {comments.rows.map((c) => (
            <li key={c.id} class="comment">
              <p class="comment__meta">
                {formatUtcDateTime(c.createdAt)} · {view.titles(c.topic ?? wholeSite)}
                {c.rating && ` · ${ratingLabels[c.rating as Rating] ?? c.rating}`}
                {c.found && ` · found: ${c.found}`} · {c.name ? c.name : "anonymous"}
                {c.isEmployee ? " · sent by an employee" : " · customer"}
              </p>
              <p class="comment__text">{c.comment}</p>
              <form method="post" action={`/api/dashboard/comments/${c.id}/status`} class="comment__status">
                <input type="hidden" name="next" value={view.self} />
                <p>
                  Status: {c.status}
                  {c.statusBy && ` (by ${c.statusBy}, ${formatUtcDateTime(c.statusAt ?? 0)})`}{" "}
                  {commentStatuses
                    .filter((s) => s !== "new" && s !== c.status)
                    .map((s) => (
                      <button key={s} type="submit" name="status" value={s} class="button button--quiet">
                        Mark {s}
                      </button>
                    ))}
                </p>
              </form>
            </li>
          ))}
        </ol>
        {comments.rows.length === 0 && <p>No comments match these filters.</p>}
        <nav aria-label="Pages of comments">
          <p>
            Page {comments.page} of {pages}{" "}
            {comments.page > 1 && <a href={link({ ...filters, sort: view.sort, page: comments.page - 1 })}>Newer</a>}{" "}
            {comments.page < pages && (
              <a href={link({ ...filters, sort: view.sort, page: comments.page + 1 })}>Older</a>
            )}
          </p>
        </nav>
      </section>
    </div>
  );
}
