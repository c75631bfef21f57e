import { type Context, Hono } from "hono";
import { renderToString } from "preact-render-to-string";
import { localizedPath } from "../../../src/shared/i18n/languages.ts";
import type { AppDeps, AppEnv } from "../deps.ts";
import { Status } from "../errors.ts";
import { setCachePolicy } from "../lib/cache-control.ts";
import { escapeHtml } from "../lib/html.ts";
import { otherLanguageName } from "../lib/page-language.ts";
import { languageOfPath } from "../lib/reader-language.ts";
import { fillMarkupSlot } from "../lib/slots.ts";
import { asUnavailable } from "../lib/unavailable.ts";
import { searchInsight } from "../searches/searches.queries.ts";
import { fillEmployeeBar } from "../site/employee-bar.ts";
import { triageOutcome, withoutTriage, withUndoFor } from "./bulk-triage.ts";
import { comments, withStatus } from "./comments.queries.ts";
import { overview, topicDetail } from "./dashboard.queries.ts";
import type { DashboardContext } from "./dashboard-context.ts";
import { Dashboard } from "./view/Dashboard.tsx";
import { Searches } from "./view/Searches.tsx";
import { defaultPeriod, defaultSort } from "./vocabulary.ts";

/**
 * The dashboard's two views, rendered on the server into the internal build's frame so they read
 * and work without JavaScript. A filter the page cannot use falls back to its default.
 */
export function dashboardPages(deps: AppDeps, context: DashboardContext) {
  const { db } = deps;
  const { queries, titles, named } = context;
  const now = () => deps.clock();
  const languageChoices = context.languages.all.map((lang) => named({ lang }));
  /** The query, without a language filter the page cannot use: that one alone falls back (to every language), not the period beside it. */
  const queryOf = (c: Context<AppEnv>) => {
    const { lang, ...rest } = c.req.query();
    return queries.lang.safeParse(lang).success ? { ...rest, lang } : rest;
  };

  /** A view in the frame; when the database is away, the frame says so (503) instead. */
  const inFrame = async (c: Context<AppEnv>, internalFrame: string, render: () => Promise<string>) => {
    setCachePolicy(c, "privateNoStore");
    const frame = fillEmployeeBar(
      internalFrame,
      c.get("employee")?.email ?? "",
      languageOfPath(deps.topics.languages, c.req.path),
    );
    try {
      return c.html(fillMarkupSlot(frame, "dashboard", await render()));
    } catch (error) {
      const unavailable = asUnavailable(error);
      if (!unavailable) throw error;
      for (const [name, value] of Object.entries(unavailable.headers)) c.header(name, value);
      const notice = `<div class="dashboard"><p class="error-summary" role="alert">The feedback data is unavailable right now. ${escapeHtml(unavailable.message)}</p><p><a href="${escapeHtml(`${c.req.path}${new URL(c.req.url).search}`)}">Try again</a></p></div>`;
      return c.html(fillMarkupSlot(frame, "dashboard", notice), Status.unavailable);
    }
  };

  return new Hono<AppEnv>()
    .get("/dashboard/", async (c: Context<AppEnv>, next) => {
      const frame = deps.pages.dashboard;
      if (!c.get("employee") || !frame) return next();
      const raw = queryOf(c);
      const ov = queries.overview.safeParse(raw);
      const cq = queries.comments.safeParse(raw);
      const period = ov.success ? ov.data.period : defaultPeriod;
      const query = cq.success ? cq.data : queries.comments.parse({});
      const sort = ov.success ? ov.data.sort : defaultSort;
      const owner = ov.success ? ov.data.owner : undefined;
      const { topic, lang } = query;
      return inFrame(c, frame, async () => {
        const told = triageOutcome.message(new URL(c.req.url).searchParams);
        const triaged =
          told?.undo && told.marked ? withUndoFor(told, await withStatus(db, told.undo.ids, told.marked)) : told;
        const [everyRow, attentionItems, list, waiting, detail] = await Promise.all([
          overview(db, period, sort, now(), lang),
          context.attention(period, owner),
          comments(db, { ...query, period }, now()),
          // The summary's "to triage" counts every New comment of the period (in the language
          // chosen), whatever the comment filters.
          comments(db, queries.comments.parse({ period, lang, pageSize: 1 }), now()),
          topic ? topicDetail(db, topic, period, now(), lang) : Promise.resolve(undefined),
        ]);
        const rows = { ...everyRow, topics: everyRow.topics.filter(context.ownedBy(owner)) };
        return renderToString(
          Dashboard({
            period,
            sort,
            overview: { ...rows, languages: rows.languages.map(named) },
            attention: attentionItems,
            owners: context.owners,
            owner,
            languages: languageChoices,
            languageOf: (code) => otherLanguageName(context.languages, code),
            topicPath: (id, lang) => deps.internalTopics.path(id, lang),
            newComments: { count: waiting.total, exact: waiting.totalIsExact },
            titles,
            detail: topic && detail ? { topic, ...detail } : undefined,
            comments: list,
            query: { ...query, period },
            self: withoutTriage(c.req.url),
            triaged,
          }),
        );
      });
    })
    .get("/dashboard/searches/", async (c: Context<AppEnv>, next) => {
      const frame = deps.pages.dashboard;
      if (!c.get("employee") || !frame) return next();
      const parsed = queries.searches.safeParse(queryOf(c));
      const filter = parsed.success ? parsed.data : queries.searches.parse({});
      return inFrame(c, frame, async () =>
        renderToString(
          Searches({
            ...filter,
            languages: languageChoices,
            searchPage: (lang) => localizedPath("/search/", lang, context.languages.default),
            insight: await searchInsight(db, filter, now()),
          }),
        ),
      );
    });
}
