import { Hono, type MiddlewareHandler } from "hono";
import { topicIdSchema } from "../../../src/shared/topic-id-schema.ts";
import { viewCookie } from "../auth/cookies.ts";
import type { AppDeps, AppEnv } from "../deps.ts";
import { clientAddress } from "../lib/client.ts";
import { recordedLanguageQuery } from "../lib/page-language.ts";
import { declinesTracking } from "../lib/tracking.ts";
import { asUnavailable } from "../lib/unavailable.ts";
import { documented } from "../openapi/describe.ts";
import { viewsDocs } from "./views.openapi.ts";
import { countView } from "./views.service.ts";

/** A transparent 1×1 GIF: what the topic page's counter image receives, whatever happened. */
const pixel = Uint8Array.from(atob("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"), (c) => c.charCodeAt(0));

/** Only the help center's own pages count: another site embedding the image counts nothing. */
const fromOwnPage = (headers: Headers) => {
  const site = headers.get("sec-fetch-site");
  return site === null || site === "same-origin";
};

/**
 * `GET /api/views/:topic`: each topic page carries a tiny image of this address, so a view
 * counts with or without JavaScript and whatever caches the page itself (this answer is never
 * cached). The build is the one the reader sees (an employee viewing as a customer reads the
 * public one), in the language of the page (`?lang=`, as its `<html lang>`). Nothing counts for a
 * HEAD, a reader who asks not to be tracked, another site's page, a topic the build does not
 * have, a language the site does not speak, a client over its limit, or while the database is
 * away; the image is the same for all, so a page never shows a broken picture.
 */
export function viewsRoutes(deps: AppDeps) {
  const querySchema = recordedLanguageQuery(deps.topics.languages);
  // Read by the handler, never refused: a wrong language only means the view is not counted.
  const viewQuery = documented<MiddlewareHandler>(async (_, next) => next(), "query", querySchema);
  return new Hono<AppEnv>().get("/views/:topic", viewsDocs.count, viewQuery, async (c) => {
    const audience = c.get("employee") && !viewCookie.asCustomer(c) ? "internal" : "public";
    const topic = topicIdSchema.safeParse(c.req.param("topic"));
    const query = querySchema.safeParse(c.req.query());
    const catalog = audience === "internal" ? deps.internalTopics : deps.topics;
    const headers = c.req.raw.headers;
    let counted = false;
    if (
      c.req.method === "GET" &&
      topic.success &&
      query.success &&
      catalog.has(topic.data) &&
      fromOwnPage(headers) &&
      !declinesTracking(headers)
    ) {
      try {
        const outcome = await countView(deps.views, topic.data, {
          address: clientAddress(c),
          audience,
          lang: query.data.lang,
        });
        counted = outcome.kind === "counted";
        // Refused in silence (the image is the same): counted here, as 429s are by the request log.
        if (outcome.kind === "limited") deps.metrics?.collect.refused("/api/views/:topic");
      } catch (error) {
        // A view is not worth an error page: while the database is away it is simply not counted.
        if (!asUnavailable(error)) throw error;
      }
    }
    return c.body(pixel, 200, {
      "Content-Type": "image/gif",
      // For scripts and tests: whether this request counted (the image itself never says).
      "X-View-Counted": counted ? "1" : "0",
    });
  });
}

/** Requests that count readers: they read who is signed in (which build) but never touch the session. */
export const countsReaders = (path: string) => path.startsWith("/api/views/");
