import { type PerClientWrites, perClientWrite } from "../lib/limiter.ts";
import type { SearchBatch } from "./searches.schema.ts";

/** Batches of searches per client are limited (`limit`; null turns it off). */
export type SearchesDeps = PerClientWrites;

export type RecordOutcome =
  | { kind: "recorded"; count: number }
  | { kind: "declined" }
  | { kind: "limited"; retryAfterSeconds: number };

/**
 * Stores a page's searches: words (and their correction), build, the page's language, counts,
 * whether only some words were found, the opened result, the time. The client's
 * address only picks its rate-limit counter (as a keyed hash) and is stored nowhere.
 */
export async function recordSearches(
  deps: SearchesDeps,
  batch: SearchBatch,
  from: { address: string; audience: "public" | "internal"; lang: string },
): Promise<RecordOutcome> {
  const now = deps.clock();
  const outcome = await perClientWrite(deps, "searches", from.address, now, (guard) =>
    batch.searches.map((search) => ({
      sql: `INSERT INTO searches (query, audience, lang, results, opened, created_at, partial, corrected)
            SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE ${guard.sql}`,
      args: [
        search.query,
        from.audience,
        from.lang,
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
