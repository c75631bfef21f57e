import { dayMs } from "../../../src/shared/dates.ts";
import { type PerClientWrites, perClientWrite } from "../lib/limiter.ts";

/** Views per client are limited (`limit`; null turns it off) like searches. */
export type ViewsDeps = PerClientWrites;

export type ViewOutcome = { kind: "counted" } | { kind: "limited"; retryAfterSeconds: number };

/**
 * Counts one view of a topic on today's row for its build and language, and stores nothing else: the
 * client's address only picks its rate-limit counter (as a keyed hash), as for searches.
 */
export async function countView(
  deps: ViewsDeps,
  topic: string,
  from: { address: string; audience: "public" | "internal"; lang: string },
): Promise<ViewOutcome> {
  const now = deps.clock();
  const outcome = await perClientWrite(deps, "views", from.address, now, (guard) => [
    {
      sql: `INSERT INTO topic_views (topic, day, audience, lang, views) SELECT ?, ?, ?, ?, 1 WHERE ${guard.sql}
            ON CONFLICT (topic, lang, audience, day) DO UPDATE SET views = views + 1`,
      args: [topic, Math.floor(now / dayMs), from.audience, from.lang, ...guard.args],
    },
  ]);
  return outcome.limited ? { kind: "limited", retryAfterSeconds: outcome.retryAfterSeconds } : { kind: "counted" };
}
