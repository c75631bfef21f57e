import type { Client } from "@libsql/client";
import { isoDay } from "../../../src/shared/dates.ts";
import type { Found, Rating, Reason } from "../../../src/shared/feedback-rules.ts";
import type { WriteQueue } from "../../db/write-queue.ts";
import { wholeSite } from "../dashboard/vocabulary.ts";
import type { Logger } from "../lib/log.ts";
import { languageName } from "../lib/page-language.ts";
import type { TopicCatalog } from "../topic-catalog.ts";
import { makeDigest, type StoredDigest } from "./digest.ts";
import type { AnswerEvent, WriterEvent } from "./events.ts";
import { messageBody } from "./messages.ts";
import { type ClaimedNotification, claim, dueNotifications, settle } from "./notifications.queries.ts";
import { signatureHeader, signBody } from "./signature.ts";
import type { WebhookSettings } from "./webhook-settings.ts";

export interface NotifierDeps {
  db: Client;
  writes: WriteQueue;
  settings: WebhookSettings;
  log: Logger;
  clock: () => number;
  /** The employees' catalog: messages may name internal-only topics, and go to employees only. */
  catalog: TopicCatalog;
  /** The waits after each failed attempt; when they run out, the message is given up. */
  retryDelaysMs?: readonly number[];
  /** Default: the runtime's fetch (tests count what is sent). */
  send?: typeof fetch;
}

/** Tells writers what readers said (a Poor or No with a comment; the daily digest), through the outbox. */
export interface Notifier {
  /** Sends what is due, one message at a time; a call while sending has the run look again when done. */
  deliverDue(): Promise<void>;
  /** Queues today's digest once its hour has come: one per day, however many servers ask. */
  queueDigestIfDue(): Promise<void>;
  /**
   * What a timer (Node) or the Cron Trigger (edge) does: the digest when due, then whatever is
   * due (retries, messages a restart left); a failure is logged, never thrown.
   */
  onSchedule(): Promise<void>;
  /** For a server stopping: sends nothing more, and settles once the message being sent is recorded. */
  stop(): Promise<void>;
}

/** 10 s, 1 min, 5 min, 30 min, 2 h, 6 h, 12 h: eight attempts over about 21 hours. */
export const defaultRetryDelaysMs = [10_000, 60_000, 300_000, 1_800_000, 7_200_000, 21_600_000, 43_200_000];
/** An attempt that has not settled by then (its server died) is due again. */
const leaseMs = 60_000;
const sendTimeoutMs = 10_000;
const batch = 20;

type Outcome = { delivered: true } | { delivered: false; error: string; final?: boolean };

/**
 * A receiver that refuses the message itself (a 4xx: a revoked webhook, a body it cannot take)
 * would refuse it on every retry; only "too early" and "too many" are worth trying again.
 */
const refusedForGood = (status: number) => status >= 400 && status < 500 && ![408, 425, 429].includes(status);

export function notifier(deps: NotifierDeps): Notifier {
  const { db, writes, settings, log, clock, catalog } = deps;
  const delays = deps.retryDelaysMs ?? defaultRetryDelaysMs;
  const send = deps.send ?? fetch;

  async function answerEvent(feedbackId: string): Promise<AnswerEvent | undefined> {
    const result = await db.execute({
      sql: `SELECT topic, lang, rating, found, reason, name, comment, is_employee FROM feedback
            WHERE id = ? AND is_spam = 0 AND status <> 'spam' AND comment IS NOT NULL`,
      args: [feedbackId],
    });
    const row = result.rows[0];
    if (!row) return undefined;
    const topic = row.topic === null || row.topic === wholeSite ? null : String(row.topic);
    const lang = String(row.lang);
    const path = topic === null ? undefined : catalog.path(topic, lang);
    const dashboard = new URLSearchParams({ topic: topic ?? wholeSite, status: "any" });
    return {
      type: "answer",
      topic:
        topic === null
          ? null
          : { title: catalog.title(topic) ?? topic, url: path ? `${settings.siteUrl}${path}` : null },
      language: languageName(lang),
      rating: row.rating === null ? null : (String(row.rating) as Rating),
      found: row.found === null ? null : (String(row.found) as Found),
      reason: row.reason === null ? null : (String(row.reason) as Reason),
      comment: String(row.comment),
      name: row.name === null ? null : String(row.name),
      fromEmployee: Number(row.is_employee) === 1,
      dashboardUrl: `${settings.siteUrl}/dashboard/?${dashboard.toString()}#comments-heading`,
    };
  }

  async function eventOf(message: ClaimedNotification): Promise<WriterEvent | undefined> {
    if (message.kind === "digest") return (JSON.parse(message.payload ?? "{}") as StoredDigest).event;
    return message.feedbackId === null ? undefined : answerEvent(message.feedbackId);
  }

  async function post(message: ClaimedNotification, event: WriterEvent): Promise<Outcome> {
    const body = messageBody(event, settings.format);
    try {
      const response = await send(settings.url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "User-Agent": "help-center-webhook/1",
          "X-Help-Center-Event": event.type,
          // The same on every attempt: a receiver that got it before (a lost answer) can tell.
          "X-Help-Center-Delivery": message.id,
          [signatureHeader]: await signBody(settings.secret, body, Math.floor(clock() / 1000)),
        },
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(sendTimeoutMs),
      });
      await response.body?.cancel();
      if (response.ok) return { delivered: true };
      return { delivered: false, error: `HTTP ${response.status}`, final: refusedForGood(response.status) };
    } catch (error) {
      // Never the address itself: a chat's webhook address is its password.
      const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
      return { delivered: false, error: `${error instanceof Error ? error.name : "Error"}${cause}` };
    }
  }

  async function attempt(message: ClaimedNotification): Promise<void> {
    const event = await eventOf(message);
    const outcome: Outcome = event
      ? await post(message, event)
      : { delivered: false, error: "the answer was deleted or marked spam before it was sent", final: true };
    const now = clock();
    const wait = outcome.delivered || outcome.final ? undefined : delays[message.attempt - 1];
    const retryAt = wait === undefined ? null : now + wait;
    await settle(writes, message.id, now, outcome.delivered ? outcome : { ...outcome, retryAt });
    log.audit("webhook_attempt", {
      notification: message.id,
      attempt: message.attempt,
      outcome: outcome.delivered ? "delivered" : retryAt === null ? "given_up" : "will_retry",
      error: outcome.delivered ? undefined : outcome.error,
      retryAt: retryAt === null ? undefined : new Date(retryAt).toISOString(),
    });
  }

  async function deliverBatches(): Promise<void> {
    for (let round = 0; round < 5 && !stopping; round++) {
      const now = clock();
      const ids = await dueNotifications(db, now, batch);
      for (const id of ids) {
        if (stopping) return;
        const message = await claim(writes, id, now, now + leaseMs);
        if (message) await attempt(message);
      }
      if (ids.length < batch) return;
    }
  }

  let running: Promise<void> | undefined;
  let again = false;
  /** Set when the server stops: what is not claimed yet stays queued for the next start. */
  let stopping = false;
  const deliverDue = (): Promise<void> => {
    if (stopping) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await deliverBatches();
      } while (again);
    })()
      .catch((error: unknown) => log.error("webhook_failed", error))
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  let queuedDay: string | undefined;
  async function queueDigestIfDue(): Promise<void> {
    const now = clock();
    const day = isoDay(now);
    if (settings.digestHour === null || new Date(now).getUTCHours() < settings.digestHour || queuedDay === day) return;
    const id = `digest:${day}`;
    const known = await db.execute({ sql: "SELECT 1 FROM notifications WHERE id = ?", args: [id] });
    if (known.rows.length === 0) {
      const digest = await makeDigest(db, catalog, settings.siteUrl, now);
      await writes.write([
        {
          sql: `INSERT INTO notifications (id, kind, payload, created_at, next_attempt_at)
                VALUES (?, 'digest', ?, ?, ?) ON CONFLICT DO NOTHING`,
          args: [id, JSON.stringify(digest), now, now],
        },
      ]);
    }
    queuedDay = day;
  }

  const onSchedule = () =>
    queueDigestIfDue()
      .then(deliverDue)
      .catch((error: unknown) => log.error("writer_messages_failed", error));

  const stop = (): Promise<void> => {
    stopping = true;
    return running ?? Promise.resolve();
  };

  return { deliverDue, queueDigestIfDue, onSchedule, stop };
}
