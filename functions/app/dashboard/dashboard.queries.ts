import type { Client, InValue } from "@libsql/client";
import { type Reason, ratings, reasons } from "../../../src/shared/feedback-rules.ts";
import { asJsonRows, jsonRowsOf } from "../../db/json-rows.ts";
import {
  change,
  dayOf,
  dayWindow,
  type PeriodChange,
  sortTopics,
  sumCounts,
  summarize,
  type TopicCounts,
  type TopicSummary,
  type WeekPoint,
  weekStartFromIndex,
} from "./aggregate.ts";
import type { TopicSignals } from "./attention.ts";
import type { CommentsQuery } from "./dashboard.schema.ts";
import { type Period, type SortKey, wholeSite } from "./vocabulary.ts";

const dayMs = 86_400_000;
/** The chart shows at most two years of weeks. */
const chartWeeks = 104;

/**
 * Counts per topic (the whole site as `wholeSite`) over whole days, from the daily rollup. A
 * topic whose answers all moved away (changed, marked spam) leaves rows of zeros: not a row here.
 */
function countsSql(where: string, options: { allTime: boolean; reasons: boolean }) {
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
       FROM feedback_totals t JOIN feedback_daily d ON d.topic = t.topic
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

export interface OverviewRow {
  topic: string;
  summary: TopicSummary;
  change: PeriodChange | null;
  /** Views in the period, every build together (functions/app/views/). */
  views: number;
}

export interface Overview {
  topics: OverviewRow[];
  /** Every topic together: the dashboard's summary figures, with their change. */
  totals: { summary: TopicSummary; change: PeriodChange | null; views: number };
}

/** Every topic with feedback in the period, with its change against the period before, and their totals. */
export async function overview(db: Client, period: Period, sort: SortKey, now: number): Promise<Overview> {
  const { startDay, previousStartDay } = dayWindow(period, now);
  const [viewed, current, previous] = await db.batch(
    [
      { sql: "SELECT topic, sum(views) AS views FROM topic_views WHERE day >= ? GROUP BY topic", args: [startDay] },
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
  const since = "d.day >= max(?, (SELECT u.value FROM json_each(?) u WHERE u.key = t.topic))";
  const [current, previous] = await db.batch(
    [
      { sql: countsSql(since, { allTime: false, reasons: true }), args: [startDay, updatedDays] },
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

export interface CommentRow {
  id: string;
  topic: string | null;
  rating: string | null;
  found: string | null;
  reason: string | null;
  name: string | null;
  comment: string;
  isEmployee: boolean;
  status: string;
  statusBy: string | null;
  statusAt: number | null;
  createdAt: number;
}

/** Where a page starts or ends, as the Newer and Older links carry it. */
export const cursorOf = (row: { createdAt: number; id: string }) => `${row.createdAt}.${row.id}`;

/** The comment list counts its filter's matches up to this many, then says "more than". */
export const countCap = 10_000;

export interface CommentsPage {
  /** Matches of the filter, up to `countCap`. */
  total: number;
  /** False when there are more than `countCap`. */
  totalIsExact: boolean;
  page: number;
  pageSize: number;
  rows: CommentRow[];
  /** Cursors of the pages either side, when there is one. */
  newer: string | undefined;
  older: string | undefined;
}

/** The filters as SQL: honeypot hits never appear, whatever the filter. */
function commentFilters(query: CommentsQuery, now: number) {
  const { startDay } = dayWindow(query.period, now);
  const where = ["is_spam = 0", "comment IS NOT NULL", "created_at >= ?"];
  const args: InValue[] = [startDay * dayMs];
  const filter = (condition: string, value?: InValue) => {
    where.push(condition);
    if (value !== undefined) args.push(value);
  };
  if (query.topic === wholeSite) filter("topic IS NULL");
  else if (query.topic) filter("topic = ?", query.topic);
  if (query.rating) filter("rating = ?", query.rating);
  if (query.found) filter("found = ?", query.found);
  if (query.reason) filter("reason = ?", query.reason);
  if (query.status !== "any") filter("status = ?", query.status);
  return { where, args };
}

const commentColumns =
  "id, topic, rating, found, reason, name, comment, is_employee, status, status_by, status_at, created_at";

export const toCommentRow = (r: Record<string, unknown>): CommentRow => ({
  id: String(r.id),
  topic: r.topic === null ? null : String(r.topic),
  rating: r.rating === null ? null : String(r.rating),
  found: r.found === null ? null : String(r.found),
  reason: r.reason === null ? null : String(r.reason),
  name: r.name === null ? null : String(r.name),
  comment: String(r.comment),
  isEmployee: Number(r.is_employee) === 1,
  status: String(r.status),
  statusBy: r.status_by === null ? null : String(r.status_by),
  statusAt: r.status_at === null ? null : Number(r.status_at),
  createdAt: Number(r.created_at),
});

/**
 * One page of comments, newest first, and the filter's total. Pages are found from a cursor
 * (keyset: the last comment's time and id), so a deep page costs what the first one does.
 */
export async function comments(db: Client, query: CommentsQuery, now: number): Promise<CommentsPage> {
  const { where, args } = commentFilters(query, now);
  const cursor = query.before ?? query.after;
  const towardsNewer = query.after !== undefined && query.before === undefined;
  const pageWhere = cursor ? [...where, `(created_at, id) ${towardsNewer ? ">" : "<"} (?, ?)`] : where;
  const pageArgs = cursor ? [...args, cursor.at, cursor.id] : args;
  const order = towardsNewer ? "ASC" : "DESC";
  const [total, page] = await db.batch(
    [
      {
        // Counted up to a cap: past it the total reads "more than", and its cost stays bounded.
        sql: `SELECT count(*) AS n FROM (SELECT 1 FROM feedback WHERE ${where.join(" AND ")} LIMIT ?)`,
        args: [...args, countCap + 1],
      },
      {
        sql: `SELECT ${commentColumns} FROM feedback WHERE ${pageWhere.join(" AND ")}
              ORDER BY created_at ${order}, id ${order} LIMIT ?`,
        args: [...pageArgs, query.pageSize + 1],
      },
    ],
    "read",
  );
  const found = (page?.rows ?? []).map(toCommentRow);
  const more = found.length > query.pageSize;
  const rows = found.slice(0, query.pageSize);
  if (towardsNewer) rows.reverse();
  const [first, last] = [rows[0], rows.at(-1)];
  const hasNewer = towardsNewer ? more : cursor !== undefined;
  const hasOlder = towardsNewer ? true : more;
  const counted = Number(total?.rows[0]?.n ?? 0);
  return {
    total: Math.min(counted, countCap),
    totalIsExact: counted <= countCap,
    page: cursor ? query.page : 1,
    pageSize: query.pageSize,
    rows,
    newer: hasNewer && first ? cursorOf(first) : undefined,
    older: hasOlder && last ? cursorOf(last) : undefined,
  };
}

/**
 * Every comment the filters match, newest first, a page at a time: an export streams these
 * without holding them all (and so without its memory growing with the years of comments).
 */
export async function* allComments(db: Client, query: CommentsQuery, now: number, batch = 250) {
  const { where, args } = commentFilters(query, now);
  let cursor: { at: number; id: string } | undefined;
  for (;;) {
    const pageWhere = cursor ? [...where, "(created_at, id) < (?, ?)"] : where;
    const page = `SELECT ${commentColumns} FROM feedback WHERE ${pageWhere.join(" AND ")}
                  ORDER BY created_at DESC, id DESC LIMIT ?`;
    const result = await db.execute({
      // One JSON text per page: far less work and garbage than a driver row object per comment.
      sql: asJsonRows(page, commentColumns.split(", "), "created_at DESC, id DESC"),
      args: [...args, ...(cursor ? [cursor.at, cursor.id] : []), batch],
    });
    const rows = jsonRowsOf(result);
    yield rows;
    const last = rows.at(-1);
    if (!last || rows.length < batch) return;
    cursor = { at: Number(last.created_at), id: String(last.id) };
  }
}

/**
 * Deletes one answer and its comment for good (a reader's privacy request). Its place in the
 * daily counts stays: those hold no text and no person. Returns its topic, or null if none.
 */
export async function deleteComment(db: Client, id: string): Promise<{ topic: string } | null> {
  return (await deleteComments(db, [id]))[0] ?? null;
}

/**
 * Sets one status on many comments in one transaction; answers each changed comment with the
 * status it had, so the change can be undone. Honeypot hits and unknown ids are left out.
 */
export async function setStatuses(
  db: Client,
  ids: readonly string[],
  status: string,
  by: string,
  now: number,
): Promise<{ id: string; previous: string }[]> {
  const list = `(${ids.map(() => "?").join(", ")})`;
  const [before] = await db.batch(
    [
      { sql: `SELECT id, status FROM feedback WHERE id IN ${list} AND is_spam = 0`, args: [...ids] },
      {
        sql: `UPDATE feedback SET status = ?, status_by = ?, status_at = ? WHERE id IN ${list} AND is_spam = 0`,
        args: [status, by, now, ...ids],
      },
    ],
    "write",
  );
  return (before?.rows ?? []).map((row) => ({ id: String(row.id), previous: String(row.status) }));
}

/** Deletes many comments for good in one statement; answers each deleted one with its topic. */
export async function deleteComments(db: Client, ids: readonly string[]): Promise<{ id: string; topic: string }[]> {
  const result = await db.execute({
    sql: `DELETE FROM feedback WHERE id IN (${ids.map(() => "?").join(", ")}) AND is_spam = 0 RETURNING id, topic`,
    args: [...ids],
  });
  return result.rows.map((row) => ({ id: String(row.id), topic: row.topic === null ? wholeSite : String(row.topic) }));
}

export async function setStatus(db: Client, id: string, status: string, by: string, now: number): Promise<boolean> {
  return (await setStatuses(db, [id], status, by, now)).length === 1;
}
