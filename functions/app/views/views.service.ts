import type { WriteQueue } from "../../db/write-queue.ts";
import type { Hasher } from "../lib/crypto.ts";
import type { KnownRefusals } from "../lib/known-refusals.ts";
import { limitedWrite, type RateLimitRule } from "../lib/limiter.ts";

export interface ViewsDeps {
  writes: WriteQueue;
  hasher: Hasher;
  clock: () => number;
  /** Views per client; null turns the limit off. */
  limit: RateLimitRule | null;
  refusals: KnownRefusals;
}

export type ViewOutcome = { kind: "counted" } | { kind: "limited"; retryAfterSeconds: number };

const dayMs = 86_400_000;

/**
 * Counts one view of a topic on today's row for its build, and stores nothing else: the
 * client's address only picks its rate-limit counter (as a keyed hash), as for searches.
 */
export async function countView(
  deps: ViewsDeps,
  topic: string,
  from: { address: string; audience: "public" | "internal" },
): Promise<ViewOutcome> {
  const now = deps.clock();
  const limit = deps.limit
    ? {
        check: { rule: deps.limit, bucket: `views:${await deps.hasher.keyed("client", from.address)}` },
        refusals: deps.refusals,
      }
    : null;
  const outcome = await limitedWrite(deps.writes, limit, now, (guard) => [
    {
      sql: `INSERT INTO topic_views (topic, day, audience, views) SELECT ?, ?, ?, 1 WHERE ${guard.sql}
            ON CONFLICT (topic, day, audience) DO UPDATE SET views = views + 1`,
      args: [topic, Math.floor(now / dayMs), from.audience, ...guard.args],
    },
  ]);
  return outcome.limited ? { kind: "limited", retryAfterSeconds: outcome.retryAfterSeconds } : { kind: "counted" };
}
