import type { Client } from "@libsql/client";
import { dayWindow } from "../dashboard/aggregate.ts";
import type { FailedSearch } from "../dashboard/missed-searches.ts";
import type { Period } from "../dashboard/vocabulary.ts";
import type { SearchRow } from "./searches.schema.ts";

export type { SearchRow };

/** Whose searches: readers (the public build), employees (the internal one), or both. */
export const searchAudiences = ["any", "public", "internal"] as const;
export type SearchAudience = (typeof searchAudiences)[number];

/**
 * What readers searched for in the period, from the daily rollups: top, finding nothing, opened by
 * nobody. The same words in two languages are two searches: each ran on its language's index.
 */
export async function searchInsight(
  db: Client,
  filter: { period: Period; audience: SearchAudience; lang?: string | undefined },
  now: number,
  limit = 50,
): Promise<{ top: SearchRow[]; noResults: SearchRow[]; unopened: SearchRow[] }> {
  const { startDay, previousStartDay } = dayWindow(filter.period, now);
  const { audience, lang } = filter;
  const filterWhere = `${audience === "any" ? "" : "AND audience = ?"} ${lang ? "AND lang = ?" : ""}`;
  const filterArgs = [...(audience === "any" ? [] : [audience]), ...(lang ? [lang] : [])];
  const grouped = (having: string, order: string) => ({
    sql: `SELECT query, lang,
                 sum(CASE WHEN day >= ? THEN searches ELSE 0 END) AS searches,
                 sum(CASE WHEN day >= ? THEN no_results ELSE 0 END) AS no_results,
                 sum(CASE WHEN day >= ? THEN opened ELSE 0 END) AS opened,
                 sum(CASE WHEN day >= ? THEN partial ELSE 0 END) AS partial,
                 max(CASE WHEN day >= ? THEN corrected END) AS corrected,
                 sum(CASE WHEN day < ? THEN searches ELSE 0 END) AS previous
          FROM search_daily WHERE day >= ? ${filterWhere}
          GROUP BY query, lang HAVING ${having} ORDER BY ${order}, query, lang LIMIT ?`,
    args: [
      startDay,
      startDay,
      startDay,
      startDay,
      startDay,
      startDay,
      previousStartDay ?? startDay,
      ...filterArgs,
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
      lang: String(r.lang),
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
): Promise<{ query: string; lang: string; searches: number }[]> {
  const result = await db.execute({
    sql: `SELECT query, lang, count(*) AS searches FROM searches
          WHERE created_at >= ? AND created_at < ? AND results = 0
          GROUP BY query, lang ORDER BY searches DESC, query, lang LIMIT ?`,
    args: [from, to, limit],
  });
  return result.rows.map((r) => ({ query: String(r.query), lang: String(r.lang), searches: Number(r.searches) }));
}

/**
 * The queries that found nothing since `startDay`, the most frequent first, each with the language
 * it was typed in and its days (Needs attention counts each topic's from its own last update on).
 */
export async function failedSearches(db: Client, startDay: number, limit = 500): Promise<FailedSearch[]> {
  const result = await db.execute({
    sql: `SELECT query, lang, sum(no_results) AS total, json_group_array(json_array(day, no_results)) AS days
          FROM search_daily WHERE day >= ? AND no_results > 0
          GROUP BY query, lang ORDER BY total DESC, query, lang LIMIT ?`,
    args: [startDay, limit],
  });
  return result.rows.map((r) => ({
    query: String(r.query),
    lang: String(r.lang),
    days: (JSON.parse(String(r.days)) as [number, number][]).map(([day, n]) => [Number(day), Number(n)] as const),
  }));
}
