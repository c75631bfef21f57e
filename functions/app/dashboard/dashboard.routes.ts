import { type Context, Hono, type MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../deps.ts";
import { ApiError, invalidInput, Status } from "../errors.ts";
import { setCachePolicy } from "../lib/cache-control.ts";
import { redirectTarget } from "../lib/redirect-target.ts";
import { limitBody, requireBody, sameOriginOnly } from "../lib/request-guards.ts";
import { isFormPost, jsonOrForm, valid } from "../lib/validate.ts";
import { searchInsight } from "../searches/searches.queries.ts";
import { triageOutcome } from "./bulk-triage.ts";
import { commentExport, type ExportFormat } from "./comment-export.ts";
import { comments, deleteComment, deleteComments, setStatus, setStatuses } from "./comments.queries.ts";
import { toCsv } from "./csv.ts";
import { dashboardDocs } from "./dashboard.openapi.ts";
import { dashboardPages } from "./dashboard.pages.ts";
import { overview } from "./dashboard.queries.ts";
import {
  attentionQuerySchema,
  bulkTriageFormSchema,
  bulkTriageSchema,
  type CommentsQuery,
  commentIdParamSchema,
  deleteCommentSchema,
  statusChangeSchema,
} from "./dashboard.schema.ts";
import { dashboardContext } from "./dashboard-context.ts";

/** A searches export lists at most this many searches (comment exports stream them all). */
const maxExportRows = 50_000;

const requireEmployee: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get("employee")) throw new ApiError("signed_out", "Sign in as an employee to see feedback.");
  await next();
};

export function dashboardRoutes(deps: AppDeps) {
  const { db } = deps;
  const now = () => deps.clock();
  const context = dashboardContext(deps);
  const { queries, titles, named } = context;

  const exportComments = async (c: Context<AppEnv>, query: CommentsQuery, format: ExportFormat) => {
    const body = await commentExport(db, query, now(), format, titles);
    setCachePolicy(c, "privateNoStore");
    c.header("Content-Disposition", `attachment; filename="feedback-comments.${format}"`);
    const type = format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
    return c.body(body, 200, { "Content-Type": type });
  };

  const api = new Hono<AppEnv>()
    .use("/dashboard/*", requireEmployee)
    .get("/dashboard/overview", dashboardDocs.overview, valid("query", queries.overview), async (c) => {
      const { period, sort, owner, lang } = c.req.valid("query");
      setCachePolicy(c, "privateNoStore");
      const { topics, totals, languages: byLanguage } = await overview(db, period, sort, now(), lang);
      const rows = topics.filter(context.ownedBy(owner)).map((row) => ({ ...row, title: titles(row.topic) }));
      return c.json({
        period,
        owner: owner ?? null,
        lang: lang ?? null,
        totals,
        topics: rows,
        languages: byLanguage.map(named),
      });
    })
    .get("/dashboard/attention", dashboardDocs.attention, valid("query", attentionQuerySchema), async (c) => {
      const { period, owner } = c.req.valid("query");
      setCachePolicy(c, "privateNoStore");
      return c.json({ period, owner: owner ?? null, topics: await context.attention(period, owner) });
    })
    .get("/dashboard/comments", dashboardDocs.comments, valid("query", queries.comments), async (c) => {
      setCachePolicy(c, "privateNoStore");
      return c.json(await comments(db, c.req.valid("query"), now()));
    })
    .get("/dashboard/comments.csv", dashboardDocs.commentsCsv, valid("query", queries.comments), (c) =>
      exportComments(c, c.req.valid("query"), "csv"),
    )
    .get("/dashboard/comments.json", dashboardDocs.commentsJson, valid("query", queries.comments), (c) =>
      exportComments(c, c.req.valid("query"), "json"),
    )
    .get("/dashboard/searches", dashboardDocs.searches, valid("query", queries.searches), async (c) => {
      const filter = c.req.valid("query");
      setCachePolicy(c, "privateNoStore");
      return c.json({ ...filter, lang: filter.lang ?? null, ...(await searchInsight(db, filter, now())) });
    })
    .get("/dashboard/searches.csv", dashboardDocs.searchesCsv, valid("query", queries.searches), async (c) => {
      const insight = await searchInsight(db, c.req.valid("query"), now(), maxExportRows);
      const csv = toCsv(
        [
          "query",
          "language",
          "searches",
          "found_nothing",
          "some_words_only",
          "opened_a_result",
          "corrected_to",
          "searches_period_before",
        ],
        insight.top.map((r) => [
          r.query,
          r.lang,
          r.searches,
          r.noResults,
          r.partial,
          r.opened,
          r.corrected,
          r.previous,
        ]),
      );
      setCachePolicy(c, "privateNoStore");
      c.header("Content-Disposition", 'attachment; filename="searches.csv"');
      return c.body(csv, 200, { "Content-Type": "text/csv; charset=utf-8" });
    })
    .get("/dashboard/searches.json", dashboardDocs.searchesJson, valid("query", queries.searches), async (c) => {
      const filter = c.req.valid("query");
      const insight = await searchInsight(db, filter, now(), maxExportRows);
      setCachePolicy(c, "privateNoStore");
      c.header("Content-Disposition", 'attachment; filename="searches.json"');
      return c.json({ ...filter, lang: filter.lang ?? null, searches: insight.top });
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

  return { api, page: dashboardPages(deps, context) };
}
