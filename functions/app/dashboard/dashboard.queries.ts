import type { Client } from "@libsql/client";
import { type Reason, ratings, reasons } from "../../../src/shared/feedback-rules.ts";
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
import type { Overview, OverviewRow } from "./dashboard.responses.ts";
import type { Period, SortKey } from "./vocabulary.ts";

export type { Overview, OverviewRow };

/** The chart shows at most two years of weeks. */
const chartWeeks = 104;

/**
 * Counts per topic (the whole site as `wholeSite`) over whole days, from the daily rollup. A
 * topic whose answers all moved away (changed, marked spam) leaves rows of zeros: not a row here.
 */
function countsSql(
  where: string,
  options: {
    allTime: boolean;
    reasons: boolean;
    /** Only the topics of a JSON object (its first argument) `{ topic: value }`, read as `u.value`. */
    topicsOf?: boolean;
  },
) {
  // All time is one row per topic (feedback_totals); a window sums its days. Reasons only where shown.
  const columns = [
    "responses",
    ...ratings,
    "found_yes",
    "found_no",
    ...(options.reasons ? reasons.map(reasonColumn) : []),
  ];
  const select = options.allTime
    ? `SELECT topic, ${columns.join(", ")} FROM feedback_totals t WHERE ${where} AND responses > 0`
    : // Topic by topic (feedback_totals lists them in order), each one's days in the window: a range
      // of the (topic, day) key per topic and no sorting of every topic-day in the period.
      `SELECT t.topic AS topic, ${columns.map((c) => `sum(d.${c}) AS ${c}`).join(", ")}
       FROM ${options.topicsOf ? "json_each(?) u JOIN feedback_totals t ON t.topic = u.key" : "feedback_totals t"}
       JOIN feedback_daily d ON d.topic = t.topic
       WHERE ${where} GROUP BY t.topic HAVING sum(d.responses) > 0`;
  return asJsonRows(select, ["topic", ...columns]);
}

const reasonColumn = (reason: Reason) => `reason_${reason.replaceAll("-", "_")}`;

const reasonCountsOf = (row: Record<string, unknown>) =>
  Object.fromEntries(reasons.map((r) => [r, Number(row[reasonColumn(r)] ?? 0)])) as Record<Reason, number>;

function toCounts(row: Record<string, unknown>): TopicCounts {
  return {
    responses: Number(row.responses ?? 0),
    ratings: Object.fromEntries(ratings.map((r) => [r, Number(row[r] ?? 0)])) as TopicCounts["ratings"],
    foundYes: Number(row.found_yes ?? 0),
    foundAnswered: Number(row.found_yes ?? 0) + Number(row.found_no ?? 0),
  };
}

const noCounts = sumCounts([]);

/** Every topic with feedback in the period, with its change against the period before, and their totals. */
export async function overview(db: Client, period: Period, sort: SortKey, now: number): Promise<Overview> {
  const { startDay, previousStartDay } = dayWindow(period, now);
  const [viewed, current, previous] = await db.batch(
    [
      previousStartDay === null
        ? { sql: "SELECT topic, sum(views) AS views FROM topic_view_totals GROUP BY topic", args: [] }
        : {
            // The period's days alone, from the covering day index, not every topic's whole history.
            sql: `SELECT topic, sum(views) AS views FROM topic_views INDEXED BY topic_views_by_day
                  WHERE day >= ? GROUP BY topic`,
            args: [startDay],
          },
      previousStartDay === null
        ? { sql: countsSql("1", { allTime: true, reasons: false }), args: [] }
        : { sql: countsSql("d.day >= ?", { allTime: false, reasons: false }), args: [startDay] },
      ...(previousStartDay === null
        ? []
        : [
            {
              sql: countsSql("d.day >= ? AND d.day < ?", { allTime: false, reasons: false }),
              args: [previousStartDay, startDay],
            },
          ]),
    ],
    "read",
  );
  const before = new Map(jsonRowsOf(previous).map((r) => [String(r.topic), toCounts(r)]));
  const inPeriod = jsonRowsOf(current).map((r) => ({ topic: String(r.topic), counts: toCounts(r) }));
  const views = new Map((viewed?.rows ?? []).map((r) => [String(r.topic), Number(r.views)]));
  const rows = inPeriod.map(({ topic, counts }) => {
    const summary = summarize(counts);
    const earlier = previousStartDay === null ? null : summarize(before.get(topic) ?? noCounts);
    return { topic, summary, change: earlier ? change(summary, earlier) : null, views: views.get(topic) ?? 0 };
  });
  const total = summarize(sumCounts(inPeriod.map((row) => row.counts)));
  const totalBefore = previousStartDay === null ? null : summarize(sumCounts([...before.values()]));
  return {
    topics: sortTopics(rows, sort),
    totals: {
      summary: total,
      change: totalBefore ? change(total, totalBefore) : null,
      views: [...views.values()].reduce((sum, n) => sum + n, 0),
    },
  };
}

/**
 * Every listed topic's feedback in the period counted from the day it was last updated (a topic
 * updated after its complaints starts afresh), with its reasons; and the period before, for what
 * is rising. `topics` are the catalog's, each with its `updated` day ("YYYY-MM-DD").
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
  // Driven by the listed topics, each read from its own day on: one range of the (topic, day)
  // key per topic, whatever the number of topics.
  const [current, previous] = await db.batch(
    [
      {
        sql: countsSql("d.day >= max(?, u.value)", { allTime: false, reasons: true, topicsOf: true }),
        args: [updatedDays, startDay],
      },
      ...(previousStartDay === null
        ? []
        : [
            {
              sql: countsSql("d.day >= ? AND d.day < ?", { allTime: false, reasons: false }),
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

/** One topic in the period: its counts, its weeks (up to two years) and why readers said no. */
export async function topicDetail(db: Client, topic: string, period: Period, now: number) {
  const { startDay, previousStartDay } = dayWindow(period, now);
  const allTime = previousStartDay === null;
  const [counts, weeks] = await db.batch(
    [
      allTime
        ? { sql: countsSql("t.topic = ?", { allTime, reasons: true }), args: [topic] }
        : { sql: countsSql("t.topic = ? AND d.day >= ?", { allTime, reasons: true }), args: [topic, startDay] },
      {
        sql: `SELECT (day + 3) / 7 AS week, sum(responses) AS responses, sum(found_yes) AS yes,
                     sum(found_yes + found_no) AS answered
              FROM feedback_daily WHERE topic = ? AND day >= ? GROUP BY week ORDER BY week`,
        args: [topic, Math.max(startDay, dayOf(now) - chartWeeks * 7 + 1)],
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
