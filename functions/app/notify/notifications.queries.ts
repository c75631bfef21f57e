import type { Client, InStatement } from "@libsql/client";
import type { WriteQueue } from "../../db/write-queue.ts";

/** The outbox of writers' messages (migration 0014): queued with what caused them, sent from here. */

type Guard = { sql: string; args: (string | number)[] };
const always: Guard = { sql: "1", args: [] };

/** What makes an answer worth a message: Poor or No, with a comment, not caught as spam. */
export const tellsWriters = (answer: {
  rating?: string | undefined;
  found?: string | undefined;
  comment?: string | undefined;
}) => (answer.rating === "poor" || answer.found === "no") && Boolean(answer.comment);

const queueAnswer = "INSERT INTO notifications (id, kind, feedback_id, created_at, next_attempt_at)";

/** Queues a message for a new answer (the caller checked `tellsWriters`), when `guard` holds. */
export function queueNewAnswer(feedbackId: string, now: number, guard: Guard = always): InStatement {
  return {
    sql: `${queueAnswer} SELECT ?, 'answer', ?, ?, ? WHERE ${guard.sql} ON CONFLICT DO NOTHING`,
    args: [`answer:${feedbackId}`, feedbackId, now, now, ...guard.args],
  };
}

/**
 * Queues a message for an answer the edit before it in the same transaction just changed, if it
 * now tells writers and never did before: one message per answer, however often the reader edits
 * it. The edit's token and time must match, so an edit refused (a wrong token) queues nothing.
 */
export function queueChangedAnswer(
  edit: { feedbackId: string; tokenHash: string },
  now: number,
  guard: Guard = always,
): InStatement {
  return {
    sql: `${queueAnswer} SELECT 'answer:' || id, 'answer', id, ?, ? FROM feedback
          WHERE id = ? AND edit_token_hash = ? AND updated_at = ? AND is_spam = 0 AND comment IS NOT NULL
            AND (rating = 'poor' OR found = 'no') AND ${guard.sql}
          ON CONFLICT DO NOTHING`,
    args: [now, now, edit.feedbackId, edit.tokenHash, now, ...guard.args],
  };
}

export interface ClaimedNotification {
  id: string;
  kind: "answer" | "digest";
  feedbackId: string | null;
  payload: string | null;
  /** This attempt's number, from 1. */
  attempt: number;
}

/** Ids of messages due now, the longest waiting first. */
export async function dueNotifications(db: Client, now: number, limit: number): Promise<string[]> {
  const result = await db.execute({
    sql: `SELECT id FROM notifications WHERE delivered_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= ?
          ORDER BY next_attempt_at LIMIT ?`,
    args: [now, limit],
  });
  return result.rows.map((r) => String(r.id));
}

/**
 * Takes a due message for one attempt until `leaseUntil`: of several senders (a cron run and a
 * request's own, two servers), exactly one gets it; if that one dies, it is due again after the lease.
 */
export async function claim(
  writes: WriteQueue,
  id: string,
  now: number,
  leaseUntil: number,
): Promise<ClaimedNotification | undefined> {
  const [result] = await writes.write([
    {
      sql: `UPDATE notifications SET attempts = attempts + 1, next_attempt_at = ?
            WHERE id = ? AND delivered_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= ?
            RETURNING id, kind, feedback_id, payload, attempts`,
      args: [leaseUntil, id, now],
    },
  ]);
  const row = result?.rows[0];
  if (!row) return undefined;
  return {
    id: String(row.id),
    kind: row.kind === "digest" ? "digest" : "answer",
    feedbackId: row.feedback_id === null ? null : String(row.feedback_id),
    payload: row.payload === null ? null : String(row.payload),
    attempt: Number(row.attempts),
  };
}

/** The attempt's end: delivered, due again at `retryAt`, or given up (retryAt null). */
export async function settle(
  writes: WriteQueue,
  id: string,
  now: number,
  outcome: { delivered: true } | { delivered: false; error: string; retryAt: number | null },
): Promise<void> {
  const statement: InStatement = outcome.delivered
    ? { sql: "UPDATE notifications SET delivered_at = ?, last_error = NULL WHERE id = ?", args: [now, id] }
    : outcome.retryAt === null
      ? { sql: "UPDATE notifications SET given_up_at = ?, last_error = ? WHERE id = ?", args: [now, outcome.error, id] }
      : {
          sql: "UPDATE notifications SET next_attempt_at = ?, last_error = ? WHERE id = ?",
          args: [outcome.retryAt, outcome.error, id],
        };
  await writes.write([statement]);
}

/** How long a digest is kept once sent or abandoned (the next digest reads the one before it). */
const digestKeptMs = 30 * 24 * 3600_000;
/** A message no server sent in this long (the webhook was turned off meanwhile) is not sent any more. */
const sendWithinMs = 30 * 24 * 3600_000;

/**
 * Housekeeping of the outbox. An answer's row stays while the answer does (retention deletes it):
 * it is what keeps a later edit from telling the writers twice.
 */
export function pruneNotificationsStatements(now: number): InStatement[] {
  return [
    {
      sql: `UPDATE notifications SET given_up_at = ?, last_error = 'not sent within 30 days'
            WHERE delivered_at IS NULL AND given_up_at IS NULL AND created_at < ?`,
      args: [now, now - sendWithinMs],
    },
    {
      sql: `DELETE FROM notifications
            WHERE (kind = 'digest' AND coalesce(delivered_at, given_up_at) < ?)
               OR (kind = 'answer' AND NOT EXISTS (SELECT 1 FROM feedback WHERE feedback.id = notifications.feedback_id))`,
      args: [now - digestKeptMs],
    },
  ];
}
