import { type Context, Hono, type MiddlewareHandler } from "hono";
import { renderToString } from "preact-render-to-string";
import type { AppDeps, AppEnv } from "../deps.ts";
import { ApiError, invalidInput, Status } from "../errors.ts";
import { setCachePolicy } from "../lib/cache-control.ts";
import { escapeHtml } from "../lib/html.ts";
import { languageOfPath } from "../lib/reader-language.ts";
import { redirectTarget } from "../lib/redirect-target.ts";
import { limitBody, requireBody, sameOriginOnly } from "../lib/request-guards.ts";
import { fillMarkupSlot } from "../lib/slots.ts";
import { asUnavailable } from "../lib/unavailable.ts";
import { isFormPost, jsonOrForm, valid } from "../lib/validate.ts";
import { searchInsight } from "../searches/searches.queries.ts";
import { fillEmployeeBar } from "../site/employee-bar.ts";
import { topicsNeedingAttention } from "./attention.service.ts";
import { triageOutcome, withoutTriage, withUndoFor } from "./bulk-triage.ts";
import { commentExport, type ExportFormat } from "./comment-export.ts";
import { comments, deleteComment, deleteComments, setStatus, setStatuses, withStatus } from "./comments.queries.ts";
import { toCsv } from "./csv.ts";
import { dashboardDocs } from "./dashboard.openapi.ts";
import { overview, topicDetail } from "./dashboard.queries.ts";
import {
  attentionQuerySchema,
  bulkTriageFormSchema,
  bulkTriageSchema,
  type CommentsQuery,
  commentIdParamSchema,
  commentsQuerySchema,
  deleteCommentSchema,
  overviewQuerySchema,
  searchesQuerySchema,
  statusChangeSchema,
} from "./dashboard.schema.ts";
import { Dashboard } from "./view/Dashboard.tsx";
import { Searches } from "./view/Searches.tsx";
import { defaultPeriod, defaultSort, type Period, wholeSite, wholeSiteTitle } from "./vocabulary.ts";

/** A searches export lists at most this many searches (comment exports stream them all). */
const maxExportRows = 50_000;

const requireEmployee: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get("employee")) throw new ApiError("signed_out", "Sign in as an employee to see feedback.");
  await next();
};

export function dashboardRoutes(deps: AppDeps) {
  const { db } = deps;
  const now = () => deps.clock();
  const titles = (topic: string) =>
    topic === wholeSite ? wholeSiteTitle : (deps.internalTopics.title(topic) ?? topic);

  /** The catalog's topics, or one owner's. */
  const topicsOf = (owner: string | undefined) =>
    deps.internalTopics.all().filter((topic) => owner === undefined || topic.owner === owner);
  // The catalog is the build's, fixed for the app's life: its owners are listed once.
  const owners = [...new Set(deps.internalTopics.all().flatMap((topic) => topic.owner ?? []))].sort((a, b) =>
    a.localeCompare(b),
  );
  const attention = async (period: Period, owner: string | undefined) => {
    return topicsNeedingAttention(db, deps.internalTopics.all(), topicsOf(owner), period, now());
  };
  /** The overview's rows, one owner's topics only when one is chosen. */
  const ownedBy = (owner: string | undefined) => {
    const ids = new Set(topicsOf(owner).map((topic) => topic.id));
    return (row: { topic: string }) => owner === undefined || ids.has(row.topic);
  };

  const exportComments = async (c: Context<AppEnv>, query: CommentsQuery, format: ExportFormat) => {
    const body = await commentExport(db, query, now(), format, titles);
    setCachePolicy(c, "privateNoStore");
    c.header("Content-Disposition", `attachment; filename="feedback-comments.${format}"`);
    const type = format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
    return c.body(body, 200, { "Content-Type": type });
  };

  const api = new Hono<AppEnv>()
    .use("/dashboard/*", requireEmployee)
    .get("/dashboard/overview", dashboardDocs.overview, valid("query", overviewQuerySchema), async (c) => {
      const { period, sort, owner } = c.req.valid("query");
      setCachePolicy(c, "privateNoStore");
      const { topics, totals } = await overview(db, period, sort, now());
      const rows = topics.filter(ownedBy(owner)).map((row) => ({ ...row, title: titles(row.topic) }));
      return c.json({ period, owner: owner ?? null, totals, topics: rows });
    })
    .get("/dashboard/attention", dashboardDocs.attention, valid("query", attentionQuerySchema), async (c) => {
      const { period, owner } = c.req.valid("query");
      setCachePolicy(c, "privateNoStore");
      return c.json({ period, owner: owner ?? null, topics: await attention(period, owner) });
    })
    .get("/dashboard/comments", dashboardDocs.comments, valid("query", commentsQuerySchema), async (c) => {
      setCachePolicy(c, "privateNoStore");
      return c.json(await comments(db, c.req.valid("query"), now()));
    })
    .get("/dashboard/comments.csv", dashboardDocs.commentsCsv, valid("query", commentsQuerySchema), (c) =>
      exportComments(c, c.req.valid("query"), "csv"),
    )
    .get("/dashboard/comments.json", dashboardDocs.commentsJson, valid("query", commentsQuerySchema), (c) =>
      exportComments(c, c.req.valid("query"), "json"),
    )
    .get("/dashboard/searches", dashboardDocs.searches, valid("query", searchesQuerySchema), async (c) => {
      const { period, audience } = c.req.valid("query");
      setCachePolicy(c, "privateNoStore");
      return c.json({ period, audience, ...(await searchInsight(db, period, audience, now())) });
    })
    .get("/dashboard/searches.csv", dashboardDocs.searchesCsv, valid("query", searchesQuerySchema), async (c) => {
      const { period, audience } = c.req.valid("query");
      const insight = await searchInsight(db, period, audience, now(), maxExportRows);
      const csv = toCsv(
        [
          "query",
          "searches",
          "found_nothing",
          "some_words_only",
          "opened_a_result",
          "corrected_to",
          "searches_period_before",
        ],
        insight.top.map((r) => [r.query, r.searches, r.noResults, r.partial, r.opened, r.corrected, r.previous]),
      );
      setCachePolicy(c, "privateNoStore");
      c.header("Content-Disposition", 'attachment; filename="searches.csv"');
      return c.body(csv, 200, { "Content-Type": "text/csv; charset=utf-8" });
    })
    .get("/dashboard/searches.json", dashboardDocs.searchesJson, valid("query", searchesQuerySchema), async (c) => {
      const { period, audience } = c.req.valid("query");
      const insight = await searchInsight(db, period, audience, now(), maxExportRows);
      setCachePolicy(c, "privateNoStore");
      c.header("Content-Disposition", 'attachment; filename="searches.json"');
      return c.json({ period, audience, searches: insight.top });
    })
    .post(
      "/dashboard/comments/bulk",
      dashboardDocs.bulk,
      sameOriginOnly(deps.allowedOrigins),
      limitBody(32 * 1024),
      requireBody("json", "form"),
      jsonOrForm(bulkTriageSchema, { formFields: bulkTriageFormSchema }),
      async (c) => {
        const { ids, action, next } = c.req.valid("json");
        if (ids.length === 0) {
          if (isFormPost(c)) return c.redirect(triageOutcome.nothingTicked(next), Status.seeOther);
          throw invalidInput([{ field: "ids", message: "Tick at least one comment first." }]);
        }
        const by = c.get("employee")?.email ?? "unknown";
        if (action === "delete") {
          const deleted = await deleteComments(db, ids);
          for (const { id, topic } of deleted) deps.log.audit("feedback_deleted", { feedback: id, topic, by });
          if (deleted.length > 0 && !(await deps.eraseDeleted())) {
            for (const { id } of deleted) deps.log.audit("feedback_erasure_pending", { feedback: id });
          }
          const outcome = { action, changed: deleted.map(({ id }) => ({ id, previous: "deleted" })) };
          return isFormPost(c) ? c.redirect(triageOutcome.page(next, outcome), Status.seeOther) : c.json(outcome);
        }
        const outcome = { action, changed: await setStatuses(db, ids, action, by, now()) };
        return isFormPost(c) ? c.redirect(triageOutcome.page(next, outcome), Status.seeOther) : c.json(outcome);
      },
    )
    .post(
      "/dashboard/comments/:id/delete",
      dashboardDocs.delete,
      sameOriginOnly(deps.allowedOrigins),
      limitBody(4 * 1024),
      requireBody("json", "form"),
      valid("param", commentIdParamSchema),
      jsonOrForm(deleteCommentSchema),
      async (c) => {
        const { id } = c.req.valid("param");
        const deleted = await deleteComment(db, id);
        if (!deleted) throw new ApiError("not_found", "There is no such comment.");
        // The audit says who deleted which answer on which topic, never what it said; written as
        // soon as the deletion is, whatever happens next.
        const by = c.get("employee")?.email ?? "unknown";
        deps.log.audit("feedback_deleted", { feedback: id, topic: deleted.topic, by });
        // Deleted for a privacy request: gone from the files too, not only from the table.
        if (!(await deps.eraseDeleted())) deps.log.audit("feedback_erasure_pending", { feedback: id });
        const { next } = c.req.valid("json");
        return isFormPost(c) ? c.redirect(redirectTarget(next), Status.seeOther) : c.json({ deleted: id }, Status.ok);
      },
    )
    .post(
      "/dashboard/comments/:id/status",
      dashboardDocs.status,
      sameOriginOnly(deps.allowedOrigins),
      limitBody(4 * 1024),
      requireBody("json", "form"),
      valid("param", commentIdParamSchema),
      jsonOrForm(statusChangeSchema),
      async (c) => {
        const { status, next } = c.req.valid("json");
        const by = c.get("employee")?.email ?? "unknown";
        if (!(await setStatus(db, c.req.valid("param").id, status, by, now()))) {
          throw new ApiError("not_found", "There is no such comment.");
        }
        return isFormPost(c) ? c.redirect(redirectTarget(next), Status.seeOther) : c.json({ status }, Status.ok);
      },
    );

  /**
   * A dashboard view in the internal build's frame, filled on the server so it reads without
   * JavaScript; when the database is away, the frame says so (503) instead.
   */
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

  const page = new Hono<AppEnv>()
    .get("/dashboard/", async (c: Context<AppEnv>, next) => {
      const frame = deps.pages.dashboard;
      if (!c.get("employee") || !frame) return next();
      const raw = c.req.query();
      const ov = overviewQuerySchema.safeParse(raw);
      const cq = commentsQuerySchema.safeParse(raw);
      const period = ov.success ? ov.data.period : defaultPeriod;
      const query = cq.success ? cq.data : commentsQuerySchema.parse({});
      const sort = ov.success ? ov.data.sort : defaultSort;
      const owner = ov.success ? ov.data.owner : undefined;
      const topic = query.topic;
      return inFrame(c, frame, async () => {
        const told = triageOutcome.message(new URL(c.req.url).searchParams);
        const triaged =
          told?.undo && told.marked ? withUndoFor(told, await withStatus(db, told.undo.ids, told.marked)) : told;
        const [everyRow, attentionItems, list, waiting, detail] = await Promise.all([
          overview(db, period, sort, now()),
          attention(period, owner),
          comments(db, { ...query, period }, now()),
          // The summary's "to triage" counts every New comment of the period, whatever the filters.
          comments(db, commentsQuerySchema.parse({ period, pageSize: 1 }), now()),
          topic ? topicDetail(db, topic, period, now()) : Promise.resolve(undefined),
        ]);
        const rows = { ...everyRow, topics: everyRow.topics.filter(ownedBy(owner)) };
        return renderToString(
          Dashboard({
            period,
            sort,
            overview: rows,
            attention: attentionItems,
            owners,
            owner,
            topicPath: (id) => deps.internalTopics.path(id),
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
      const parsed = searchesQuerySchema.safeParse(c.req.query());
      const { period, audience } = parsed.success ? parsed.data : searchesQuerySchema.parse({});
      return inFrame(c, frame, async () =>
        renderToString(Searches({ period, audience, insight: await searchInsight(db, period, audience, now()) })),
      );
    });

  return { api, page };
}
