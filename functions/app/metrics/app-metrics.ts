import { faultClass } from "../../db/faults.ts";
import type { WriteQueueObserver } from "../../db/write-queue.ts";
import { writeExposition } from "./exposition.ts";
import { metricsRegistry, type Registry } from "./registry.ts";

/**
 * The help center's metrics, named once (README, "Metrics"): requests by route and status (the
 * RED method: rate and errors from the count, duration from the histogram), the write queue,
 * database faults by class, rate-limit refusals, and what readers recorded. Gauges whose source
 * lives elsewhere (the password threads, sessions) are added by whoever holds that source.
 */
export interface AppMetrics {
  /** One request answered: its route pattern (never the path itself), status and seconds to the last byte. */
  request(method: string, route: string, status: number, seconds: number): void;
  /** A client over a rate limit (429s are counted by `request`; this is for refusals answered otherwise). */
  refused(route: string): void;
  /** Feedback stored (honeypot hits too, stored as spam) and searches recorded. */
  recorded(what: "feedback" | "searches", count?: number): void;
  /** A database call that failed with a fault (db/faults.ts). */
  dbFault(error: unknown): void;
  /** The write queue's waits and expiries (db/write-queue.ts). */
  writeQueue: WriteQueueObserver;
  /** A value read from its source when scraped (registry.ts). */
  watch: Registry["watch"];
  /** Every metric in Prometheus' text format. */
  exposition(): Promise<string>;
}

/** Seconds: from a cached API answer (well under 5 ms) to a sign-in's password hash or a long export. */
const requestBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const waitBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Methods a route can answer; anything else a client sends is "other", so no client can add series. */
const methods = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export function appMetrics(clock: () => number = Date.now): AppMetrics {
  const registry = metricsRegistry();
  const started = clock();
  registry.watch("process_start_time_seconds", "When the server started, in seconds since the epoch.", () =>
    Math.floor(started / 1000),
  );
  const requests = registry.counter(
    "help_center_http_requests_total",
    "Requests answered, by method, route pattern and status.",
    ["method", "route", "status"],
  );
  const durations = registry.histogram(
    "help_center_http_request_duration_seconds",
    "Seconds until a request's answer was sent, by method, route pattern and status.",
    ["method", "route", "status"],
    requestBuckets,
  );
  const refusals = registry.counter(
    "help_center_rate_limit_refusals_total",
    "Requests refused by a rate limit, by route pattern.",
    ["route"],
  );
  const feedback = registry.counter("help_center_feedback_recorded_total", "Feedback answers stored.");
  const searches = registry.counter("help_center_searches_recorded_total", "Reader searches recorded.");
  const faults = registry.counter(
    "help_center_db_faults_total",
    "Database calls that failed because the database could not serve them, by class.",
    ["class"],
  );
  const waits = registry.histogram(
    "help_center_write_queue_wait_seconds",
    "Seconds a write waited in the queue before its transaction began.",
    [],
    waitBuckets,
  );

  return {
    request(method, route, status, seconds) {
      const labels = [methods.has(method) ? method : "other", route, String(status)];
      requests.inc(labels);
      durations.observe(labels, seconds);
      if (status === 429) refusals.inc([route]);
    },
    refused: (route) => refusals.inc([route]),
    recorded: (what, count = 1) => (what === "feedback" ? feedback : searches).inc([], count),
    dbFault: (error) => faults.inc([faultClass(error)]),
    writeQueue: {
      started: (waitedMs) => waits.observe([], waitedMs / 1000),
      expired: (error) => faults.inc([faultClass(error)]),
    },
    watch: registry.watch,
    exposition: async () => writeExposition(await registry.collect()),
  };
}
