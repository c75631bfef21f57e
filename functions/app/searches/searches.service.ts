import type { WriteQueue } from "../../db/write-queue.ts";
import type { Hasher } from "../lib/crypto.ts";
import type { KnownRefusals } from "../lib/known-refusals.ts";
import { limitedWrite, type RateLimitRule } from "../lib/limiter.ts";
import type { SearchBatch } from "./searches.schema.ts";

export interface SearchesDeps {
  writes: WriteQueue;
  hasher: Hasher;
  clock: () => number;
  /** Batches per client; null turns the limit off. */
  limit: RateLimitRule | null;
  /** Clients refused for the rest of their window, answered without a write. */
  refusals: KnownRefusals;
}

export type RecordOutcome =
  | { kind: "recorded"; count: number }
  | { kind: "declined" }
  | { kind: "limited"; retryAfterSeconds: number };

/** `Sec-GPC: 1` (Global Privacy Control) or `DNT: 1`: the reader asked not to be tracked. */
export function declinesTracking(headers: { get(name: string): string | null | undefined }): boolean {
  return headers.get("sec-gpc")?.trim() === "1" || headers.get("dnt")?.trim() === "1";
}

/**
 * Stores a page's searches: words (and their correction), build, counts, whether only some words
 * were found, the opened result, the time. The client's
 * address only picks its rate-limit counter (as a keyed hash) and is stored nowhere.
 */
export async function recordSearches(
  deps: SearchesDeps,
  batch: SearchBatch,
  from: { address: string; audience: "public" | "internal" },
): Promise<RecordOutcome> {
  const now = deps.clock();
  const limit = deps.limit
    ? {
        check: { rule: deps.limit, bucket: `searches:${await deps.hasher.keyed("client", from.address)}` },
        refusals: deps.refusals,
      }
    : null;
  const outcome = await limitedWrite(deps.writes, limit, now, (guard) =>
    batch.searches.map((search) => ({
      sql: `INSERT INTO searches (query, audience, results, opened, created_at, partial, corrected)
            SELECT ?, ?, ?, ?, ?, ?, ? WHERE ${guard.sql}`,
      args: [
        search.query,
        from.audience,
        search.results,
        search.opened ?? null,
        now,
        search.partial ? 1 : 0,
        search.corrected && search.corrected !== search.query ? search.corrected : null,
        ...guard.args,
      ],
    })),
  );
  if (outcome.limited) return { kind: "limited", retryAfterSeconds: outcome.retryAfterSeconds };
  return { kind: "recorded", count: batch.searches.length };
}
