import type { Client } from "@libsql/client";
import { pruneRateLimitsStatement } from "./lib/limiter.ts";

/** Longest rate-limit window in use (15 minutes for sign-in, 1 hour for demos): a day is plenty. */
const keepRateLimitsMs = 24 * 3600_000;
const dayMs = 24 * 3600_000;

/** How long raw feedback and searches are kept; the daily counts stay. Defaults: 2 years, 13 months. */
export interface Retention {
  feedbackDays: number;
  searchDays: number;
}
export const defaultRetention: Retention = { feedbackDays: 730, searchDays: 396 };

/** Rows deleted per table per run: an hourly run keeps up with far more, and no write waits long behind it. */
const deleteBatch = 5_000;

export interface Tidied {
  windows: number;
  sandboxes: number;
  feedback: number;
  searches: number;
}

/**
 * Removes what nothing needs any more: finished rate-limit windows, expired demo sandboxes, and
 * feedback and searches past their retention age (their counts stay in the daily rollups, which
 * deletions do not touch).
 */
export async function housekeeping(db: Client, now: number, retention: Retention = defaultRetention): Promise<Tidied> {
  const [windows, sandboxes, feedback, searches] = await db.batch(
    [
      pruneRateLimitsStatement(now, keepRateLimitsMs),
      { sql: "DELETE FROM demo_sandboxes WHERE expires_at <= ?", args: [now] },
      {
        sql: "DELETE FROM feedback WHERE rowid IN (SELECT rowid FROM feedback WHERE created_at < ? LIMIT ?)",
        args: [now - retention.feedbackDays * dayMs, deleteBatch],
      },
      {
        sql: "DELETE FROM searches WHERE id IN (SELECT id FROM searches WHERE created_at < ? LIMIT ?)",
        args: [now - retention.searchDays * dayMs, deleteBatch],
      },
    ],
    "write",
  );
  return {
    windows: windows?.rowsAffected ?? 0,
    sandboxes: sandboxes?.rowsAffected ?? 0,
    feedback: feedback?.rowsAffected ?? 0,
    searches: searches?.rowsAffected ?? 0,
  };
}
