import type { InStatement } from "@libsql/client";

/** At most `max` requests per client in each window of `windowMs`. */
export interface RateLimitRule {
  max: number;
  windowMs: number;
}

export interface RateLimitWindow {
  bucket: string;
  windowStart: number;
  retryAfterSeconds: number;
  /** Counts this request; its RETURNING row holds the hits so far in the window. */
  countHit: InStatement;
  /** A SQL condition, true while the window is within the limit; its arguments follow. */
  withinLimit: { sql: string; args: (string | number)[] };
}

/**
 * A fixed window kept in the database, so the limit holds across processes and restarts.
 * The caller puts `countHit` and its own write (guarded by `withinLimit`) in one transaction:
 * a refused request never writes anything else.
 */
export function rateLimitWindow(rule: RateLimitRule, bucket: string, now: number): RateLimitWindow {
  const windowStart = now - (now % rule.windowMs);
  return {
    bucket,
    windowStart,
    retryAfterSeconds: Math.max(1, Math.ceil((windowStart + rule.windowMs - now) / 1000)),
    countHit: {
      sql: `INSERT INTO rate_limits (bucket, window_start, hits) VALUES (?, ?, 1)
            ON CONFLICT (bucket, window_start) DO UPDATE SET hits = hits + 1 RETURNING hits`,
      args: [bucket, windowStart],
    },
    withinLimit: {
      sql: "(SELECT hits FROM rate_limits WHERE bucket = ? AND window_start = ?) <= ?",
      args: [bucket, windowStart, rule.max],
    },
  };
}

/** Old windows are useless once over; removing them keeps the table small. */
export function pruneRateLimitsStatement(now: number, keepMs: number): InStatement {
  return { sql: "DELETE FROM rate_limits WHERE window_start < ?", args: [now - keepMs] };
}

/** Parses "20/600" (20 requests per 600 seconds) or "off". */
export function parseRateLimitRule(text: string): RateLimitRule | null {
  if (text === "off") return null;
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) throw new Error(`A rate limit is written "COUNT/SECONDS" (like 20/600) or "off", not "${text}"`);
  return { max: Number(match[1]), windowMs: Number(match[2]) * 1000 };
}
