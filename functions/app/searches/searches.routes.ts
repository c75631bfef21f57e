import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../deps.ts";
import { ApiError, Status } from "../errors.ts";
import { clientAddress } from "../lib/client.ts";
import { recordedLanguageQuery } from "../lib/page-language.ts";
import { limitBody, requireBody, sameOriginOnly } from "../lib/request-guards.ts";
import { declinesTracking } from "../lib/tracking.ts";
import { valid } from "../lib/validate.ts";
import { searchesDocs } from "./searches.openapi.ts";
import { searchBatchSchema } from "./searches.schema.ts";
import { recordSearches } from "./searches.service.ts";

/** Requests that record readers: they read who is signed in (which build) but never touch the session. */
export const recordsReaders = (path: string) => path === "/api/searches";

export function searchesRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().post(
    "/searches",
    searchesDocs.record,
    sameOriginOnly(deps.allowedOrigins),
    limitBody(16 * 1024),
    valid("query", recordedLanguageQuery(deps.topics.languages)),
    requireBody("json"),
    valid("json", searchBatchSchema),
    async (c) => {
      // Honoured before anything is counted or stored: the request leaves no trace.
      if (declinesTracking(c.req.raw.headers)) return c.json({ recorded: 0 }, Status.ok);
      const outcome = await recordSearches(deps.searches, c.req.valid("json"), {
        address: clientAddress(c),
        audience: c.get("employee") ? "internal" : "public",
        lang: c.req.valid("query").lang,
      });
      if (outcome.kind === "limited") {
        throw new ApiError("rate_limited", "Too many searches recorded from here just now.", {
          headers: { "Retry-After": String(outcome.retryAfterSeconds) },
        });
      }
      const recorded = outcome.kind === "recorded" ? outcome.count : 0;
      deps.metrics?.collect.recorded("searches", recorded);
      return c.json({ recorded }, Status.accepted);
    },
  );
}
