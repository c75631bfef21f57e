import type { Client } from "@libsql/client";
import { dayWindow } from "../dashboard/aggregate.ts";
import type { FailedSearch } from "../dashboard/missed-searches.ts";
import type { Period } from "../dashboard/vocabulary.ts";
import type { SearchRow } from "./searches.schema.ts";

export type { SearchRow };

/** Whose searches: readers (the public build), employees (the internal one), or both. */
export const searchAudiences = ["any", "public", "internal"] as const;
export type SearchAudience = (typeof searchAudiences)[number];

/** What readers searched for in the period, from the daily rollups: top, finding nothing, opened by nobody. */
export async function searchInsight(
  db: Client,
  period: Period,
  audience: SearchAudience,
  now: number,
  limit = 50,
): Promise<{ top: SearchRow[]; noResults: SearchRow[]; unopened: SearchRow[] }> {
  const { startDay, previousStartDay } = dayWindow(period, now);
  const audienceWhere = audience === "any" ? "" : "AND audience = ?";
  const audienceArgs = audience === "any" ? [] : [audience];
  const grouped = (having: string, order: string) => ({
    sql: `SELECT query,
                 sum(CASE WHEN day >= ? THEN searches ELSE 0 END) AS searches,
                 sum(CASE WHEN day >= ? THEN no_results ELSE 0 END) AS no_results,
                 sum(CASE WHEN day >= ? THEN opened ELSE 0 END) AS opened,
                 sum(CASE WHEN day >= ? THEN partial ELSE 0 END) AS partial,
                 max(CASE WHEN day >= ? THEN corrected END) AS corrected,
                 sum(CASE WHEN day < ? THEN searches ELSE 0 END) AS previous
          FROM search_daily WHERE day >= ? ${audienceWhere}
          GROUP BY query HAVING ${having} ORDER BY ${order}, query LIMIT ?`,
    args: [
      startDay,
      startDay,
      startDay,
      startDay,
      startDay,
      startDay,
      previousStartDay ?? startDay,
      ...audienceArgs,
      limit,
    ],
  });
  const [top, none, unopened] = await db.batch(
    [
      grouped("searches > 0", "searches DESC"),
      grouped("no_results > 0", "no_results DESC"),
      grouped("searches > no_results AND opened = 0", "searches - no_results DESC"),
    ],
    "read",
  );
  const rows = (result: typeof top): SearchRow[] =>
    (result?.rows ?? []).map((r) => ({
      query: String(r.query),
      searches: Number(r.searches),
      noResults: Number(r.no_results),
      opened: Number(r.opened),
      partial: Number(r.partial),
      corrected: typeof r.corrected === "string" ? r.corrected : null,
      previous: previousStartDay === null ? null : Number(r.previous),
    }));
  return { top: rows(top), noResults: rows(none), unopened: rows(unopened) };
}

/** The queries that found nothing between two moments, the most often first (from the raw searches, not whole days). */
export async function failedSearchesBetween(
  db: Client,
  from: number,
  to: number,
  limit: number,
): Promise<{ query: string; searches: number }[]> {
  const result = await db.execute({
    sql: `SELECT query, count(*) AS searches FROM searches
          WHERE created_at >= ? AND created_at < ? AND results = 0
          GROUP BY query ORDER BY searches DESC, query LIMIT ?`,
    args: [from, to, limit],
  });
  return result.rows.map((r) => ({ query: String(r.query), searches: Number(r.searches) }));
}

/**
 * The queries that found nothing since `startDay`, the most frequent first, each with its days
 * (Needs attention counts each topic's from its own last update on).
 */
export async function failedSearches(db: Client, startDay: number, limit = 500): Promise<FailedSearch[]> {
  const result = await db.execute({
    sql: `SELECT query, sum(no_results) AS total, json_group_array(json_array(day, no_results)) AS days
          FROM search_daily WHERE day >= ? AND no_results > 0
          GROUP BY query ORDER BY total DESC, query LIMIT ?`,
    args: [startDay, limit],
  });
  return result.rows.map((r) => ({
    query: String(r.query),
    days: (JSON.parse(String(r.days)) as [number, number][]).map(([day, n]) => [Number(day), Number(n)] as const),
  }));
}
