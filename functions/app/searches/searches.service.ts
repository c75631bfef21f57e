import type { WriteQueue } from "../../db/write-queue.ts";
import type { Hasher } from "../lib/crypto.ts";
import { type KnownRefusals, refusedUntilWindowEnds } from "../lib/known-refusals.ts";
import { type RateLimitRule, take } from "../lib/limiter.ts";
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
  if (deps.limit) {
    const check = { rule: deps.limit, bucket: `searches:${await deps.hasher.keyed("client", from.address)}` };
    // No refunds here, so a refusal holds for the rest of the window (known-refusals.ts).
    const known = deps.refusals.has(check.bucket, now);
    if (known || !(await take(deps.writes, [check], now)).allowed) {
      return { kind: "limited", retryAfterSeconds: refusedUntilWindowEnds(deps.refusals, check, now) };
    }
  }
  await deps.writes.write(
    batch.searches.map((search) => ({
      sql: `INSERT INTO searches (query, audience, results, opened, created_at, partial, corrected)
            VALUES (?, ?, ?, ?, ?, ?, ?)`,
      args: [
        search.query,
        from.audience,
        search.results,
        search.opened ?? null,
        now,
        search.partial ? 1 : 0,
        search.corrected && search.corrected !== search.query ? search.corrected : null,
      ],
    })),
  );
  return { kind: "recorded", count: batch.searches.length };
}
