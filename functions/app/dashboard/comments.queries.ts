import type { Client, InValue } from "@libsql/client";
import { dayMs } from "../../../src/shared/dates.ts";
import { asJsonRows, jsonRowsOf } from "../../db/json-rows.ts";
import { dayWindow } from "./aggregate.ts";
import type { CommentRow, CommentsPage } from "./dashboard.responses.ts";
import type { CommentsQuery } from "./dashboard.schema.ts";
import { wholeSite } from "./vocabulary.ts";

/** The comments readers wrote: pages of them by filter, every one for an export, and triage. */

export type { CommentRow, CommentsPage };

/** Where a page starts or ends, as the Newer and Older links carry it. */
export const cursorOf = (row: { createdAt: number; id: string }) => `${row.createdAt}.${row.id}`;

/** The comment list counts its filter's matches up to this many, then says "more than". */
export const countCap = 10_000;

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
  if (query.lang) filter("lang = ?", query.lang);
  if (query.status !== "any") filter("status = ?", query.status);
  return { where, args };
}

const commentColumns =
  "id, topic, lang, rating, found, reason, name, comment, is_employee, status, status_by, status_at, created_at";

export const toCommentRow = (r: Record<string, unknown>): CommentRow => ({
  id: String(r.id),
  topic: r.topic === null ? null : String(r.topic),
  lang: String(r.lang),
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

/** Which of these comments have this status now (an undo is offered only for those). */
export async function withStatus(db: Client, ids: readonly string[], status: string): Promise<string[]> {
  if (ids.length === 0) return [];
  const result = await db.execute({
    sql: `SELECT id FROM feedback WHERE id IN (${ids.map(() => "?").join(", ")}) AND status = ? AND is_spam = 0`,
    args: [...ids, status],
  });
  return result.rows.map((row) => String(row.id));
}
