import type { WriteQueue } from "../../db/write-queue.ts";
import { type Hasher, randomTokens, timeOrderedId } from "../lib/crypto.ts";
import type { KnownRefusals } from "../lib/known-refusals.ts";
import {
  alreadyRefused,
  countHit,
  type LimitCheck,
  limitedWrite,
  type RateLimitRule,
  refusedUntilWindowEnds,
  withinLimit,
} from "../lib/limiter.ts";
import { queueChangedAnswer, queueNewAnswer, tellsWriters } from "../notify/notifications.queries.ts";
import type { FeedbackEdit, FeedbackInput } from "./feedback.schema.ts";

export interface FeedbackDeps {
  writes: WriteQueue;
  hasher: Hasher;
  clock: () => number;
  /** Submissions per client; null turns the limit off (the load benchmark does). */
  limit: RateLimitRule | null;
  /** Clients refused for the rest of their window, answered without a write. */
  refusals: KnownRefusals;
  /** Whether a Poor or No with a comment is queued for the writers' webhook (one is configured). */
  tellWriters: boolean;
}

export interface Sender {
  /** The client's network address; only its keyed hash is stored. */
  address: string;
  isEmployee: boolean;
}

export type SubmitOutcome =
  | { kind: "stored"; id: string; editToken: string; writersToldOf: boolean }
  | { kind: "limited"; retryAfterSeconds: number };

export type ChangeOutcome =
  | { kind: "updated"; writersToldOf: boolean }
  | { kind: "not_found" }
  | { kind: "limited"; retryAfterSeconds: number };

const feedbackCheck = (rule: RateLimitRule, clientHash: string): LimitCheck => ({
  rule,
  bucket: `feedback:${clientHash}`,
});

const feedbackColumns =
  "INSERT INTO feedback (id, topic, lang, rating, found, reason, name, comment, is_employee, is_spam, client_hash, edit_token_hash, created_at, updated_at)";

/** What the reader sent, with the language of the page they sent it from. */
type FromPage<T> = T & { lang: string };

/** Stores one submission. A honeypot hit is stored as spam and answered exactly like a real one. */
export async function submitFeedback(
  deps: FeedbackDeps,
  input: FromPage<FeedbackInput>,
  sender: Sender,
): Promise<SubmitOutcome> {
  const now = deps.clock();
  const clientHash = await deps.hasher.keyed("client", sender.address);
  const check = deps.limit ? feedbackCheck(deps.limit, clientHash) : undefined;
  const refusedFor = check && alreadyRefused({ check, refusals: deps.refusals }, now);
  if (refusedFor !== undefined) return { kind: "limited", retryAfterSeconds: refusedFor };
  const [idRandom = "", editToken = ""] = randomTokens(12, 24);
  const id = timeOrderedId(now, idRandom);
  const isSpam = (input.website ?? "").trim() !== "";
  const writersToldOf = deps.tellWriters && !isSpam && tellsWriters(input);
  const values = [
    id,
    input.topic ?? null,
    input.lang,
    input.rating ?? null,
    input.found ?? null,
    input.reason ?? null,
    input.name ?? null,
    input.comment ?? null,
    sender.isEmployee ? 1 : 0,
    isSpam ? 1 : 0,
    clientHash,
    isSpam ? null : await deps.hasher.digest(editToken),
    now,
    now,
  ];
  const select = "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

  if (!check) {
    await deps.writes.insert({
      into: feedbackColumns,
      select: { sql: select, args: values },
      before: writersToldOf ? [queueNewAnswer(id, now)] : [],
    });
    return { kind: "stored", id, editToken, writersToldOf };
  }
  // The message is queued under the same guard as the answer: both or neither.
  const guard = withinLimit(check, now);
  const { inserted } = await deps.writes.insert({
    into: feedbackColumns,
    select: { sql: `${select} WHERE ${guard.sql}`, args: [...values, ...guard.args] },
    key: { column: "id", value: id },
    before: [countHit(check, now), ...(writersToldOf ? [queueNewAnswer(id, now, guard)] : [])],
  });
  return inserted
    ? { kind: "stored", id, editToken, writersToldOf }
    : { kind: "limited", retryAfterSeconds: refusedUntilWindowEnds(deps.refusals, check, now) };
}

/** Replaces an earlier answer in place, if the token is the one that answer was given. */
export async function changeFeedback(
  deps: FeedbackDeps,
  id: string,
  edit: FromPage<FeedbackEdit>,
  sender: Sender,
): Promise<ChangeOutcome> {
  const now = deps.clock();
  const clientHash = await deps.hasher.keyed("client", sender.address);
  const tokenHash = await deps.hasher.digest(edit.editToken);

  const limit = deps.limit ? { check: feedbackCheck(deps.limit, clientHash), refusals: deps.refusals } : null;
  const outcome = await limitedWrite(deps.writes, limit, now, (guard) => [
    {
      // The answer as it stands now, from the page it was changed on (the same topic, perhaps in another language).
      sql: `UPDATE feedback SET lang = ?, rating = ?, found = ?, reason = ?, name = ?, comment = ?, updated_at = ?
          WHERE id = ? AND edit_token_hash = ? AND topic IS ? AND is_spam = 0 AND ${guard.sql}`,
      args: [
        edit.lang,
        edit.rating ?? null,
        edit.found ?? null,
        edit.reason ?? null,
        edit.name ?? null,
        edit.comment ?? null,
        now,
        id,
        tokenHash,
        edit.topic ?? null,
        ...guard.args,
      ],
    },
    ...(deps.tellWriters ? [queueChangedAnswer({ feedbackId: id, tokenHash }, now, guard)] : []),
  ]);
  if (outcome.limited) return { kind: "limited", retryAfterSeconds: outcome.retryAfterSeconds };
  if (outcome.results[0]?.rowsAffected !== 1) return { kind: "not_found" };
  return { kind: "updated", writersToldOf: outcome.results[1]?.rowsAffected === 1 };
}
