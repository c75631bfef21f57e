import type { Reason } from "../../../../src/shared/feedback-rules.ts";
import type { TopicSummary, WeekPoint } from "../aggregate.ts";
import type { AttentionItem } from "../attention.ts";
import type { TriageMessage } from "../bulk-triage.ts";
import type { CommentsPage } from "../comments.queries.ts";
import type { Overview } from "../dashboard.queries.ts";
import type { LanguageRow } from "../dashboard.responses.ts";
import type { CommentsQuery } from "../dashboard.schema.ts";
import type { Period, SortKey } from "../vocabulary.ts";
import { LanguageNav, PeriodNav } from "./ChoiceNav.tsx";
import { Comments } from "./Comments.tsx";
import { DistributionChart, WeeklyChart } from "./charts.tsx";
import { type LanguageChoice, link } from "./format.ts";
import { LanguagesTable } from "./LanguagesTable.tsx";
import { NeedsAttention } from "./NeedsAttention.tsx";
import { OverviewTable } from "./OverviewTable.tsx";
import { ReasonsTable } from "./ReasonsTable.tsx";
import { SummaryFigures } from "./SummaryFigures.tsx";
import { ViewSwitch } from "./ViewSwitch.tsx";

export interface DashboardView {
  period: Period;
  sort: SortKey;
  /** The overview, its breakdown by language with each language's name. */
  overview: Omit<Overview, "languages"> & { languages: (LanguageRow & LanguageChoice)[] };
  attention: AttentionItem[];
  /** Every owner the topics name, and the one chosen. */
  owners: string[];
  owner: string | undefined;
  /** The site's languages, offered as a filter. */
  languages: LanguageChoice[];
  /** A language's name where words should say it (not the default language's). */
  languageOf: (code: string) => string | undefined;
  /** A topic's page, in a language (default: the default language's). */
  topicPath: (topic: string, lang?: string) => string | undefined;
  /** Comments still marked New, whatever the filters. */
  newComments: { count: number; exact: boolean };
  titles: (topic: string) => string;
  detail?: { topic: string; summary: TopicSummary; series: WeekPoint[]; reasons: Record<Reason, number> } | undefined;
  comments: CommentsPage;
  query: CommentsQuery;
  /** This page's address with its filters, for forms that come back here. */
  self: string;
  triaged: TriageMessage | undefined;
}

/** The dashboard page's content, rendered on the server into the internal build's frame. */
export function Dashboard(view: DashboardView) {
  const { query } = view;
  const filters = {
    period: query.period,
    topic: query.topic,
    rating: query.rating,
    found: query.found,
    reason: query.reason,
    status: query.status,
    owner: view.owner,
    lang: query.lang,
  };
  return (
    <div class="dashboard">
      <ViewSwitch current="feedback" />
      <PeriodNav current={view.period} href={(period) => link({ ...filters, period, sort: view.sort })} />
      <LanguageNav
        current={query.lang}
        languages={view.languages}
        href={(lang) => link({ ...filters, lang, sort: view.sort })}
      />
      <SummaryFigures totals={view.overview.totals} period={view.period} newComments={view.newComments} />
      <NeedsAttention
        items={view.attention}
        period={view.period}
        filters={filters}
        owners={view.owners}
        owner={view.owner}
        topicPath={view.topicPath}
        languageFiltered={query.lang !== undefined}
        languageOf={view.languageOf}
      />

      <LanguagesTable
        rows={view.overview.languages}
        languages={view.languages}
        period={view.period}
        sort={view.sort}
        filters={filters}
      />

      <OverviewTable
        overview={view.overview.topics}
        period={view.period}
        sort={view.sort}
        filters={filters}
        titles={view.titles}
      />

      {view.detail && (
        <section aria-labelledby="detail-heading">
          <h2 id="detail-heading">{view.titles(view.detail.topic)}</h2>
          <DistributionChart summary={view.detail.summary} />
          <WeeklyChart series={view.detail.series} />
          <ReasonsTable reasons={view.detail.reasons} filters={filters} sort={view.sort} />
        </section>
      )}

      <Comments
        query={query}
        comments={view.comments}
        overview={view.overview.topics}
        sort={view.sort}
        filters={filters}
        titles={view.titles}
        topicPath={view.topicPath}
        owner={view.owner}
        languages={view.languages}
        self={view.self}
        triaged={view.triaged}
      />
    </div>
  );
}
