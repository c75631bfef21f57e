import type { Client, InValue } from "@libsql/client";
import { asJsonRows, jsonRowsOf } from "../../db/json-rows.ts";
import {
  change,
  dayOf,
  dayWindow,
  sortTopics,
  sumCounts,
  summarize,
  type TopicCounts,
  type WeekPoint,
  weekStartFromIndex,
} from "./aggregate.ts";
import type { TopicSignals } from "./attention.ts";
import type { LanguageRow, Overview, OverviewRow } from "./dashboard.responses.ts";
import { countsSql, noCounts, reasonCountsOf, toCounts, totalsBy } from "./feedback-counts.ts";
import type { Period, SortKey } from "./vocabulary.ts";

export type { Overview, OverviewRow };

/** The chart shows at most two years of weeks. */
const chartWeeks = 104;

/** One language's rows only (of the totals table read as `t`), or every language's. */
const inLanguage = (lang: string | undefined) =>
  lang ? { sql: " AND t.lang = ?", args: [lang] } : { sql: "", args: [] };

const sum = (values: readonly number[]) => values.reduce((total, n) => total + n, 0);

/**
 * Every topic with feedback in the period, with its change against the period before, their
 * totals, and the same per language; in one language only when `lang` is given.
 */
export async function overview(
  db: Client,
  period: Period,
  sort: SortKey,
  now: number,
  lang?: string,
): Promise<Overview> {
  const { startDay, previousStartDay } = dayWindow(period, now);
  const one = inLanguage(lang);
  const counts = (where: string, args: InValue[], allTime = false) => ({
    sql: countsSql(`${where}${one.sql}`, { allTime, byLanguage: true, reasons: false }),
    args: [...args, ...one.args],
  });
  const [viewed, current, previous] = await db.batch(
    [
      previousStartDay === null
        ? {
            sql: asJsonRows(
              `SELECT topic, lang, sum(views) AS views FROM topic_view_totals t WHERE 1${one.sql} GROUP BY topic, lang`,
              ["topic", "lang", "views"],
            ),
            args: one.args,
          }
        : {
            // Each (topic, language, build)'s days in the period, as the feedback counts read theirs.
            sql: asJsonRows(
              `SELECT t.topic AS topic, t.lang AS lang, sum(v.views) AS views
               FROM topic_view_totals t
               CROSS JOIN topic_views v ON v.topic = t.topic AND v.lang = t.lang AND v.audience = t.audience
               WHERE v.day >= ?${one.sql} GROUP BY t.topic, t.lang`,
              ["topic", "lang", "views"],
            ),
            args: [startDay, ...one.args],
          },
      previousStartDay === null ? counts("1", [], true) : counts("d.day >= ?", [startDay]),
      ...(previousStartDay === null ? [] : [counts("d.day >= ? AND d.day < ?", [previousStartDay, startDay])]),
    ],
    "read",
  );
  const views = jsonRowsOf(viewed);
  const viewsOf = (key: "topic" | "lang") => totalsBy(views, key, (r) => Number(r.views), sum);
  const inPeriod = jsonRowsOf(current);
  const before = previousStartDay === null ? undefined : jsonRowsOf(previous);
  const rowsBy = (key: "topic" | "lang") => {
    const counted = totalsBy(inPeriod, key, toCounts, sumCounts);
    const earlier = before && totalsBy(before, key, toCounts, sumCounts);
    const seen = viewsOf(key);
    // A language read but not answered in is a row too; a topic only where it was answered.
    return [...new Set([...counted.keys(), ...(key === "lang" ? seen.keys() : [])])].map((name) => {
      const summary = summarize(counted.get(name) ?? noCounts);
      const then = earlier && summarize(earlier.get(name) ?? noCounts);
      return { name, summary, change: then ? change(summary, then) : null, views: seen.get(name) ?? 0 };
    });
  };
  const total = summarize(sumCounts(inPeriod.map(toCounts)));
  const totalBefore = before && summarize(sumCounts(before.map(toCounts)));
  return {
    topics: sortTopics(
      rowsBy("topic").map(({ name, ...row }) => ({ topic: name, ...row })),
      sort,
    ),
    totals: {
      summary: total,
      change: totalBefore ? change(total, totalBefore) : null,
      views: sum(views.map((r) => Number(r.views))),
    },
    languages: rowsBy("lang").map(({ name, ...row }): LanguageRow => ({ lang: name, ...row })),
  };
}

/**
 * Every listed topic's feedback in the period, every language together, counted from the day it
 * was last updated (a topic updated after its complaints starts afresh), with its reasons; and
 * the period before, for what is rising. `topics` are the catalog's, each with its `updated` day
 * ("YYYY-MM-DD").
 */
export async function attentionCounts(
  db: Client,
  topics: readonly { id: string; updated?: string | undefined }[],
  period: Period,
  now: number,
): Promise<{ current: Map<string, TopicSignals>; previous: Map<string, TopicCounts> | undefined }> {
  const { startDay, previousStartDay } = dayWindow(period, now);
  const updatedDays = JSON.stringify(
    Object.fromEntries(topics.map((t) => [t.id, t.updated ? dayOf(Date.parse(t.updated)) : 0])),
  );
  // Driven by the listed topics, each read from its own day on: one range of the daily key per
  // topic and language, whatever the number of topics.
  const [current, previous] = await db.batch(
    [
      {
        sql: countsSql("d.day >= max(?, u.value)", {
          allTime: false,
          byLanguage: false,
          reasons: true,
          topicsOf: true,
        }),
        args: [updatedDays, startDay],
      },
      ...(previousStartDay === null
        ? []
        : [
            {
              sql: countsSql("d.day >= ? AND d.day < ?", { allTime: false, byLanguage: false, reasons: false }),
              args: [previousStartDay, startDay],
            },
          ]),
    ],
    "read",
  );
  return {
    current: new Map(
      jsonRowsOf(current).map((r) => [String(r.topic), { counts: toCounts(r), reasons: reasonCountsOf(r) }]),
    ),
    previous:
      previousStartDay === null ? undefined : new Map(jsonRowsOf(previous).map((r) => [String(r.topic), toCounts(r)])),
  };
}

/** One topic in the period (in one language, if given): its counts, its weeks (up to two years) and why readers said no. */
export async function topicDetail(db: Client, topic: string, period: Period, now: number, lang?: string) {
  const { startDay, previousStartDay } = dayWindow(period, now);
  const allTime = previousStartDay === null;
  const one = inLanguage(lang);
  const options = { allTime, byLanguage: false, reasons: true };
  const [counts, weeks] = await db.batch(
    [
      allTime
        ? { sql: countsSql(`t.topic = ?${one.sql}`, options), args: [topic, ...one.args] }
        : { sql: countsSql(`t.topic = ? AND d.day >= ?${one.sql}`, options), args: [topic, startDay, ...one.args] },
      {
        sql: `SELECT (d.day + 3) / 7 AS week, sum(d.responses) AS responses, sum(d.found_yes) AS yes,
                     sum(d.found_yes + d.found_no) AS answered
              FROM feedback_totals t CROSS JOIN feedback_daily d ON d.topic = t.topic AND d.lang = t.lang
              WHERE t.topic = ? AND d.day >= ?${one.sql} GROUP BY week ORDER BY week`,
        args: [topic, Math.max(startDay, dayOf(now) - chartWeeks * 7 + 1), ...one.args],
      },
    ],
    "read",
  );
  const row = jsonRowsOf(counts)[0];
  const summary = summarize(row ? toCounts(row) : noCounts);
  const series: WeekPoint[] = (weeks?.rows ?? []).map((w) => ({
    weekStart: weekStartFromIndex(Number(w.week)),
    responses: Number(w.responses),
    foundShare: Number(w.answered) === 0 ? null : Number(w.yes) / Number(w.answered),
  }));
  return { summary, series, reasons: reasonCountsOf(row ?? {}) };
}
