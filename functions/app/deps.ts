import type { Context } from "hono";
import type { FeedbackDeps } from "./feedback/feedback.service.ts";
import type { TopicCatalog } from "./topic-catalog.ts";

/** Everything the app needs from its runtime, built by each entry (Node, edge, tests). */
export interface AppDeps {
  feedback: FeedbackDeps;
  /** Topics of the public build: anonymous readers can only comment on these. */
  topics: TopicCatalog;
  /** The client's network address as this runtime knows it. */
  clientAddress: (c: Context) => string;
  /** Origins besides the request's own that may post (a site served through a proxy). */
  allowedOrigins: readonly string[];
}
