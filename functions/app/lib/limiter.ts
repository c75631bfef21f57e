import type { InStatement, ResultSet } from "@libsql/client";
import type { WriteQueue } from "../../db/write-queue.ts";
import type { Hasher } from "./crypto.ts";
import type { KnownRefusals } from "./known-refusals.ts";

/**
 * The one limiter: sign-in throttles, feedback, demo sandboxes. A request is counted first and
 * decided on the count its own statement returned, in one transaction, so N simultaneous
 * requests can never have more than the limit let through to the work behind it.
 */

/** At most `max` requests per key in each fixed window of `windowMs`. */
export interface RateLimitRule {
  max: number;
  windowMs: number;
}

/** One counter to take from: a rule and the key it counts (`feedback:<client hash>`). */
export interface LimitCheck {
  rule: RateLimitRule;
  bucket: string;
}

/** When the window that holds `now` began (epoch ms): with the bucket, what names a counter. */
export const windowStart = (rule: RateLimitRule, now: number) => now - (now % rule.windowMs);

/** Gives one hit back to a counter (a sign-in that succeeded counts as no failure). */
export function giveBackStatement(bucket: string, start: number): InStatement {
  return {
    sql: "UPDATE rate_limits SET hits = max(0, hits - 1) WHERE bucket = ? AND window_start = ?",
    args: [bucket, start],
  };
}

/** When the window that holds `now` ends (epoch ms). */
export const windowEnd = (rule: RateLimitRule, now: number) => windowStart(rule, now) + rule.windowMs;

/** Seconds until the window that holds `now` ends: what `Retry-After` says. */
export function retryAfterSeconds(rule: RateLimitRule, now: number): number {
  return Math.max(1, Math.ceil((windowEnd(rule, now) - now) / 1000));
}

/** A SQL condition, true while the check's window is within its limit; its arguments follow. */
export function withinLimit(check: LimitCheck, now: number): { sql: string; args: (string | number)[] } {
  return {
    sql: "coalesce((SELECT hits FROM rate_limits WHERE bucket = ? AND window_start = ?), 0) <= ?",
    args: [check.bucket, windowStart(check.rule, now), check.rule.max],
  };
}

/**
 * Counts one hit; its RETURNING row holds the hits so far in the window. With `onlyIf`, the hit
 * is counted only when those conditions hold (a later counter is not charged for a request an
 * earlier one already refused).
 */
export function countHit(check: LimitCheck, now: number, onlyIf: { sql: string; args: (string | number)[] }[] = []) {
  const guard = onlyIf.length ? `WHERE ${onlyIf.map((g) => g.sql).join(" AND ")}` : "WHERE 1";
  return {
    sql: `INSERT INTO rate_limits (bucket, window_start, window_end, hits) SELECT ?, ?, ?, 1 ${guard}
          ON CONFLICT (bucket, window_start) DO UPDATE SET hits = hits + 1 RETURNING hits`,
    args: [check.bucket, windowStart(check.rule, now), windowEnd(check.rule, now), ...onlyIf.flatMap((g) => g.args)],
  } satisfies InStatement;
}

export type Taken = { allowed: true; refund: () => Promise<void> } | { allowed: false; retryAfterSeconds: number };

/**
 * Takes one hit from each counter, in order and in one transaction: a counter is charged only
 * if every one before it still had room. Allowed when all had room; `refund` gives the hits
 * back (a sign-in that succeeded counts as no failure).
 */
export async function take(writes: WriteQueue, checks: readonly LimitCheck[], now: number): Promise<Taken> {
  const statements = checks.map((check, i) =>
    countHit(
      check,
      now,
      checks.slice(0, i).map((earlier) => withinLimit(earlier, now)),
    ),
  );
  const results = await writes.write(statements);
  const refused = checks.filter(
    (check, i) => Number(results[i]?.rows[0]?.hits ?? Number.POSITIVE_INFINITY) > check.rule.max,
  );
  if (refused.length > 0) {
    return { allowed: false, retryAfterSeconds: Math.max(...refused.map((c) => retryAfterSeconds(c.rule, now))) };
  }
  return {
    allowed: true,
    refund: async () => {
      await writes.write(checks.map((check) => giveBackStatement(check.bucket, windowStart(check.rule, now))));
    },
  };
}

/** Remembers that `check` was refused for the rest of its window; the seconds `Retry-After` says. */
export function refusedUntilWindowEnds(refusals: KnownRefusals, check: LimitCheck, now: number): number {
  refusals.remember(check.bucket, now, windowEnd(check.rule, now));
  return retryAfterSeconds(check.rule, now);
}

/** A limit that never gives hits back, and the refusals it already made (known-refusals.ts). */
export interface OneWayLimit {
  check: LimitCheck;
  refusals: KnownRefusals;
}

/**
 * A client already refused in this window is answered at once, without a write: the seconds
 * `Retry-After` says, or undefined when it was not refused. Every limited write asks this first.
 */
export function alreadyRefused(limit: OneWayLimit, now: number): number | undefined {
  // Already remembered: remembering it again would cost a pass over a full memory, or empty it.
  return limit.refusals.has(limit.check.bucket, now) ? retryAfterSeconds(limit.check.rule, now) : undefined;
}

export type LimitedWrite = { limited: false; results: ResultSet[] } | { limited: true; retryAfterSeconds: number };

/**
 * The one way a rate-limited write is made (feedback changes, searches, views): a client already
 * refused in this window is answered at once, without a write; otherwise its hit is counted and
 * `write`'s statements run in the same transaction, each guarded by the condition it is given,
 * so a client over its limit writes nothing but the count. Without a limit, `write` runs alone.
 */
export async function limitedWrite(
  writes: WriteQueue,
  limit: OneWayLimit | null,
  now: number,
  write: (guard: { sql: string; args: (string | number)[] }) => InStatement[],
): Promise<LimitedWrite> {
  if (!limit) return { limited: false, results: await writes.write(write({ sql: "1", args: [] })) };
  const { check, refusals } = limit;
  const refusedFor = alreadyRefused(limit, now);
  if (refusedFor !== undefined) return { limited: true, retryAfterSeconds: refusedFor };
  const [count, ...results] = await writes.write([countHit(check, now), ...write(withinLimit(check, now))]);
  return Number(count?.rows[0]?.hits ?? 0) > check.rule.max
    ? { limited: true, retryAfterSeconds: refusedUntilWindowEnds(refusals, check, now) }
    : { limited: false, results };
}

/** What writes limited per client need (searches, views): a null limit turns it off. */
export interface PerClientWrites {
  writes: WriteQueue;
  hasher: Hasher;
  clock: () => number;
  limit: RateLimitRule | null;
  refusals: KnownRefusals;
}

/**
 * `limitedWrite` on the client's own counter, named `name`: the client's address only picks the
 * counter, as a keyed hash, and is stored nowhere.
 */
export async function perClientWrite(
  deps: PerClientWrites,
  name: string,
  address: string,
  now: number,
  write: (guard: { sql: string; args: (string | number)[] }) => InStatement[],
): Promise<LimitedWrite> {
  const bucket = deps.limit ? `${name}:${await deps.hasher.keyed("client", address)}` : "";
  const limit = deps.limit ? { check: { rule: deps.limit, bucket }, refusals: deps.refusals } : null;
  return limitedWrite(deps.writes, limit, now, write);
}

/** Counters from before windows recorded their end (migration 0011) are kept this long. */
const unknownEndKeptMs = 24 * 3600_000;

/**
 * A counter is useless once its own window is over; removing it then keeps the table small.
 * Never earlier: a window longer than the housekeeping interval must not silently reset.
 */
export function pruneRateLimitsStatement(now: number): InStatement {
  return {
    sql: "DELETE FROM rate_limits WHERE window_end <= ? OR (window_end IS NULL AND window_start < ?)",
    args: [now, now - unknownEndKeptMs],
  };
}

/** Parses "20/600" (20 requests per 600 seconds) or "off". */
export function parseRateLimitRule(text: string): RateLimitRule | null {
  if (text === "off") return null;
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) throw new Error(`A rate limit is written "COUNT/SECONDS" (like 20/600) or "off", not "${text}"`);
  return { max: Number(match[1]), windowMs: Number(match[2]) * 1000 };
}
