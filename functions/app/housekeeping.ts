import type { Client } from "@libsql/client";
import { pruneRateLimitsStatement } from "./lib/limiter.ts";

/** Longest rate-limit window in use (15 minutes for sign-in, 1 hour for demos): a day is plenty. */
const keepRateLimitsMs = 24 * 3600_000;

/** Removes what no request needs any more: finished rate-limit windows and expired demo sandboxes. */
export async function housekeeping(db: Client, now: number): Promise<{ windows: number; sandboxes: number }> {
  const [windows, sandboxes] = await db.batch(
    [
      pruneRateLimitsStatement(now, keepRateLimitsMs),
      { sql: "DELETE FROM demo_sandboxes WHERE expires_at <= ?", args: [now] },
    ],
    "write",
  );
  return { windows: windows?.rowsAffected ?? 0, sandboxes: sandboxes?.rowsAffected ?? 0 };
}
