import { Hono } from "hono";
import type { AppDeps } from "../deps.ts";
import { ApiError } from "../errors.ts";
import { healthDocs } from "./health.openapi.ts";

/**
 * `/api/health`: liveness, answered without the database (a process that answers is alive).
 * `/api/ready`: readiness for load balancers, true only when the database takes a write now;
 * otherwise the 503 every database fault gets. From the moment the server begins shutting
 * down it answers 503 too, so a load balancer stops sending new requests while the last are answered.
 */
export function healthRoutes(deps: AppDeps) {
  return new Hono()
    .get("/health", healthDocs.alive, (c) => c.json({ status: "ok" as const }))
    .get("/ready", healthDocs.ready, async (c) => {
      if (deps.draining()) {
        throw new ApiError("shutting_down", "This server is shutting down.", {
          headers: { "Retry-After": "5" },
        });
      }
      await deps.writes.write([
        {
          sql: "INSERT INTO readiness (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at",
          args: [deps.clock()],
        },
      ]);
      return c.json({ status: "ready" as const });
    });
}
