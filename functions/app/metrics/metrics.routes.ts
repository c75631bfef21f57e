import { Hono } from "hono";
import type { AppEnv } from "../deps.ts";
import type { AppMetrics } from "./app-metrics.ts";
import { expositionContentType } from "./exposition.ts";
import { metricsDocs } from "./metrics.openapi.ts";
import type { MetricsReader } from "./metrics-access.ts";

/**
 * `GET /api/metrics`: every metric in Prometheus' text format, for a scraper with the metrics
 * token or anyone on this machine (metrics-access.ts). Only the Node server mounts it: on the
 * edge the platform has its own analytics, and the route is absent (404).
 */
export function metricsRoutes(metrics: { collect: AppMetrics; mayRead: MetricsReader }) {
  return new Hono<AppEnv>().get("/metrics", metricsDocs.read, async (c) => {
    await metrics.mayRead(c, c.get("client").address);
    return c.body(await metrics.collect.exposition(), 200, { "Content-Type": expositionContentType });
  });
}
