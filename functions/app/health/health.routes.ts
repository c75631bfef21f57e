import { Hono } from "hono";
import type { AppDeps } from "../deps.ts";

/**
 * `/api/health`: liveness, answered without the database (a process that answers is alive).
 * `/api/ready`: readiness for load balancers, true only when the database takes a write now;
 * otherwise the 503 every database fault gets.
 */
export function healthRoutes(deps: AppDeps) {
  return new Hono()
    .get("/health", (c) => c.json({ status: "ok" as const }))
    .get("/ready", async (c) => {
      await deps.writes.write([
        {
          sql: "INSERT INTO readiness (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at",
          args: [deps.clock()],
        },
      ]);
      return c.json({ status: "ready" as const });
    });
}
