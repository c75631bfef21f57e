import type { Client } from "@libsql/client";
import { dayMs } from "../../src/shared/dates.ts";
import { attemptLifetimeMs } from "./auth/single-sign-on.ts";
import { pruneRateLimitsStatement } from "./lib/limiter.ts";
import { pruneNotificationsStatements } from "./notify/notifications.queries.ts";

/**
 * How long raw feedback and searches are kept. Feedback's daily counts stay; searches' daily
 * counts hold what readers typed, so they go with the searches. Defaults: 2 years, 13 months.
 */
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
  searchDays: number;
  ssoAttempts: number;
  logoutTokens: number;
  notifications: number;
}

/**
 * Removes what nothing needs any more: rate-limit counters whose window ended, expired demo
 * sandboxes, sign-ins begun at the provider and never finished, logout tokens past their age,
 * feedback past its retention age (its counts stay in the daily rollups, which deletions do not
 * touch), searches with their daily counts past theirs, writers' digests a month after they
 * were sent or given up, and the record of an answer's message once the answer is gone.
 */
export async function housekeeping(db: Client, now: number, retention: Retention = defaultRetention): Promise<Tidied> {
  const searchesBefore = now - retention.searchDays * dayMs;
  const [windows, sandboxes, feedback, searches, searchDays, ssoAttempts, logoutTokens, , notifications] =
    await db.batch(
      [
        pruneRateLimitsStatement(now),
        { sql: "DELETE FROM demo_sandboxes WHERE expires_at <= ?", args: [now] },
        {
          sql: "DELETE FROM feedback WHERE rowid IN (SELECT rowid FROM feedback WHERE created_at < ? LIMIT ?)",
          args: [now - retention.feedbackDays * dayMs, deleteBatch],
        },
        {
          sql: "DELETE FROM searches WHERE id IN (SELECT id FROM searches WHERE created_at < ? LIMIT ?)",
          args: [searchesBefore, deleteBatch],
        },
        {
          // Whole days only: a day is dropped once every search of it is past retention.
          sql: `DELETE FROM search_daily WHERE (day, audience, lang, query) IN
                (SELECT day, audience, lang, query FROM search_daily WHERE day < ? LIMIT ?)`,
          args: [Math.floor(searchesBefore / dayMs), deleteBatch],
        },
        { sql: "DELETE FROM sso_attempts WHERE created_at < ?", args: [now - attemptLifetimeMs] },
        { sql: "DELETE FROM logout_tokens WHERE expires_at <= ?", args: [now] },
        ...pruneNotificationsStatements(now),
      ],
      "write",
    );
  return {
    windows: windows?.rowsAffected ?? 0,
    sandboxes: sandboxes?.rowsAffected ?? 0,
    feedback: feedback?.rowsAffected ?? 0,
    searches: searches?.rowsAffected ?? 0,
    searchDays: searchDays?.rowsAffected ?? 0,
    ssoAttempts: ssoAttempts?.rowsAffected ?? 0,
    logoutTokens: logoutTokens?.rowsAffected ?? 0,
    notifications: notifications?.rowsAffected ?? 0,
  };
}
