import { type Reason, ratings, reasons } from "../../../src/shared/feedback-rules.ts";
import { asJsonRows } from "../../db/json-rows.ts";
import { sumCounts, type TopicCounts } from "./aggregate.ts";

/**
 * Feedback's counts as the rollups hold them (migrations 0009, 0016): per topic and language,
 * by day (`feedback_daily`) and over all time (`feedback_totals`).
 */

const reasonColumn = (reason: Reason) => `reason_${reason.replaceAll("-", "_")}`;

export interface CountsOptions {
  /** One row per topic and language (for the overview's breakdown), or per topic, every language together. */
  byLanguage: boolean;
  /** With each reason's count, where it is shown. */
  reasons: boolean;
  /** Only the topics of a JSON object (its first argument) `{ topic: value }`, read as `u.value`. */
  topicsOf?: boolean;
}

/**
 * Counts per topic (the whole site as `wholeSite`), and per language if asked, over whole days:
 * all time from `feedback_totals` (`t`), a window by summing its days of `feedback_daily` (`d`).
 * The query walks the (topic, language) pairs of `feedback_totals` in key order and reads each
 * pair's days in the window, one range of the daily key each: no sorting of every topic-day in
 * the period, and no cost from the years before it (CROSS JOIN keeps that order: read the other
 * way round, a topic's days would be read without their language, so over its whole history). `where` may name `t.lang` to read one
 * language's pairs only. A topic whose answers all moved away (changed, marked spam) leaves rows
 * of zeros: not a row here.
 */
export function countsSql(where: string, options: CountsOptions & { allTime: boolean }): string {
  const columns = [
    "responses",
    ...ratings,
    "found_yes",
    "found_no",
    ...(options.reasons ? reasons.map(reasonColumn) : []),
  ];
  const from = options.allTime ? "t" : "d";
  const keys = options.byLanguage ? ["topic", "lang"] : ["topic"];
  const select = `SELECT ${keys.map((k) => `t.${k} AS ${k}`).join(", ")},
       ${columns.map((c) => `sum(${from}.${c}) AS ${c}`).join(", ")}
     FROM ${options.topicsOf ? "json_each(?) u CROSS JOIN feedback_totals t ON t.topic = u.key" : "feedback_totals t"}
     ${options.allTime ? "" : "CROSS JOIN feedback_daily d ON d.topic = t.topic AND d.lang = t.lang"}
     WHERE ${where} GROUP BY ${keys.map((k) => `t.${k}`).join(", ")} HAVING sum(${from}.responses) > 0`;
  return asJsonRows(select, [...keys, ...columns]);
}

export const reasonCountsOf = (row: Record<string, unknown>) =>
  Object.fromEntries(reasons.map((r) => [r, Number(row[reasonColumn(r)] ?? 0)])) as Record<Reason, number>;

export function toCounts(row: Record<string, unknown>): TopicCounts {
  return {
    responses: Number(row.responses ?? 0),
    ratings: Object.fromEntries(ratings.map((r) => [r, Number(row[r] ?? 0)])) as TopicCounts["ratings"],
    foundYes: Number(row.found_yes ?? 0),
    foundAnswered: Number(row.found_yes ?? 0) + Number(row.found_no ?? 0),
  };
}

export const noCounts = sumCounts([]);

/** Rows of counts (or of any figure) added up by one of their keys: per topic, or per language. */
export function totalsBy<T>(
  rows: readonly Record<string, unknown>[],
  key: "topic" | "lang",
  value: (row: Record<string, unknown>) => T,
  add: (all: readonly T[]) => T,
): Map<string, T> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const name = String(row[key]);
    const values = grouped.get(name);
    if (values) values.push(value(row));
    else grouped.set(name, [value(row)]);
  }
  return new Map([...grouped].map(([name, values]) => [name, add(values)]));
}
