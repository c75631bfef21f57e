import type { Client, InValue } from "@libsql/client";
import { type Reason, ratings, reasons } from "../../../src/shared/feedback-rules.ts";
import {
  change,
  type PeriodChange,
  periodWindow,
  sortTopics,
  summarize,
  type TopicCounts,
  type TopicSummary,
  type WeekPoint,
  weekStartFromIndex,
} from "./aggregate.ts";
import type { CommentsQuery } from "./dashboard.schema.ts";
import { type Period, type SortKey, wholeSite } from "./vocabulary.ts";

/**
 * Counts per topic (NULL topic = the help center as a whole), one scan of the covering index,
 * only real feedback. The planner would rather use the topic index and visit every row.
 */
const countsSql = (where: string) => `
  SELECT coalesce(topic, '${wholeSite}') AS topic, count(*) AS responses,
         ${ratings.map((r) => `sum(rating = '${r}') AS ${r}`).join(", ")},
         sum(found = 'yes') AS found_yes, sum(found IS NOT NULL) AS found_answered
  FROM feedback INDEXED BY feedback_overview
  WHERE is_spam = 0 AND status != 'spam' AND ${where} GROUP BY topic`;

function toCounts(row: Record<string, unknown>): TopicCounts {
  return {
    responses: Number(row.responses ?? 0),
    ratings: Object.fromEntries(ratings.map((r) => [r, Number(row[r] ?? 0)])) as TopicCounts["ratings"],
    foundYes: Number(row.found_yes ?? 0),
    foundAnswered: Number(row.found_answered ?? 0),
  };
}

const noCounts: TopicCounts = {
  responses: 0,
  ratings: { excellent: 0, good: 0, average: 0, poor: 0 },
  foundYes: 0,
  foundAnswered: 0,
};

export interface OverviewRow {
  topic: string;
  summary: TopicSummary;
  change: PeriodChange | null;
}

export async function overview(db: Client, period: Period, sort: SortKey, now: number): Promise<OverviewRow[]> {
  const { start, previousStart } = periodWindow(period, now);
  const [current, previous] = await db.batch(
    [
      { sql: countsSql("created_at >= ?"), args: [start] },
      ...(previousStart === null
        ? []
        : [{ sql: countsSql("created_at >= ? AND created_at < ?"), args: [previousStart, start] }]),
    ],
    "read",
  );
  const before = new Map((previous?.rows ?? []).map((r) => [String(r.topic), toCounts(r)]));
  const rows = (current?.rows ?? []).map((r) => {
    const summary = summarize(toCounts(r));
    const earlier = previousStart === null ? null : summarize(before.get(String(r.topic)) ?? noCounts);
    return { topic: String(r.topic), summary, change: earlier ? change(summary, earlier) : null };
  });
  return sortTopics(rows, sort);
}

export async function topicDetail(db: Client, topic: string, period: Period, now: number) {
  const { start } = periodWindow(period, now);
  const topicWhere = topic === wholeSite ? "topic IS NULL" : "topic = ?";
  const topicArgs: InValue[] = topic === wholeSite ? [] : [topic];
  const [counts, weeks, why] = await db.batch(
    [
      { sql: countsSql(`${topicWhere} AND created_at >= ?`), args: [...topicArgs, start] },
      {
        sql: `SELECT (created_at / 86400000 + 3) / 7 AS week, count(*) AS responses, sum(found = 'yes') AS yes, sum(found IS NOT NULL) AS answered
              FROM feedback WHERE is_spam = 0 AND status != 'spam' AND ${topicWhere} AND created_at >= ?
              GROUP BY week ORDER BY week`,
        args: [...topicArgs, Math.max(start, now - 26 * 7 * 86400000)],
      },
      {
        sql: `SELECT reason, count(*) AS n FROM feedback
              WHERE is_spam = 0 AND status != 'spam' AND reason IS NOT NULL AND ${topicWhere} AND created_at >= ?
              GROUP BY reason`,
        args: [...topicArgs, start],
      },
    ],
    "read",
  );
  const summary = summarize(counts?.rows[0] ? toCounts(counts.rows[0]) : noCounts);
  const series: WeekPoint[] = (weeks?.rows ?? []).map((w) => ({
    weekStart: weekStartFromIndex(Number(w.week)),
    responses: Number(w.responses),
    foundShare: Number(w.answered) === 0 ? null : Number(w.yes) / Number(w.answered),
  }));
  const reasonCounts = Object.fromEntries(reasons.map((r) => [r, 0])) as Record<Reason, number>;
  for (const row of why?.rows ?? []) reasonCounts[String(row.reason) as Reason] = Number(row.n);
  return { summary, series, reasons: reasonCounts };
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

/** Comments newest first, filtered; honeypot hits never appear, whatever the filter. */
export async function comments(db: Client, query: CommentsQuery, now: number, limit?: number) {
  const { start } = periodWindow(query.period, now);
  const where = ["is_spam = 0", "comment IS NOT NULL", "created_at >= ?"];
  const args: InValue[] = [start];
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
  const pageSize = limit ?? query.pageSize;
  const [total, page] = await db.batch(
    [
      { sql: `SELECT count(*) AS n FROM feedback WHERE ${where.join(" AND ")}`, args },
      {
        sql: `SELECT id, topic, rating, found, reason, name, comment, is_employee, status, status_by, status_at, created_at
              FROM feedback WHERE ${where.join(" AND ")} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
        args: [...args, pageSize, limit ? 0 : (query.page - 1) * pageSize],
      },
    ],
    "read",
  );
  const rows: CommentRow[] = (page?.rows ?? []).map((r) => ({
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
  }));
  return { total: Number(total?.rows[0]?.n ?? 0), page: query.page, pageSize, rows };
}

export async function setStatus(db: Client, id: string, status: string, by: string, now: number): Promise<boolean> {
  const result = await db.execute({
    sql: "UPDATE feedback SET status = ?, status_by = ?, status_at = ? WHERE id = ? AND is_spam = 0",
    args: [status, by, now, id],
  });
  return result.rowsAffected === 1;
}
