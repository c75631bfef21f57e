import type { WebhookSettings } from "../../functions/app/notify/webhook-settings.ts";
import { memoryLogger } from "./memory-logger.ts";
import { createTestApp } from "./test-app.ts";
import { webhookReceiver } from "./webhook-receiver.ts";

/**
 * An app that tells writers through a receiver on 127.0.0.1, on a clock the test moves. Call
 * `closeReceivers` after each test.
 */

export const secret = "a-webhook-secret-of-at-least-32-chars";
export const minute = 60_000;
type Receiver = Awaited<ReturnType<typeof webhookReceiver>>;

const receivers: Receiver[] = [];
export async function closeReceivers(): Promise<void> {
  for (const receiver of receivers.splice(0)) await receiver.close();
}

export async function webhookApp(
  statuses: number[] = [],
  options: { hold?: boolean; retryDelaysMs?: number[]; format?: WebhookSettings["format"]; start?: number } = {},
) {
  const receiver = await webhookReceiver(statuses, { hold: options.hold ?? false });
  receivers.push(receiver);
  let now = options.start ?? Date.UTC(2026, 10, 30, 7, 0);
  const log = memoryLogger();
  const webhook: WebhookSettings = {
    url: receiver.url,
    secret,
    format: options.format ?? "slack",
    digestHour: 8,
    siteUrl: "https://help.example.com",
  };
  const test = await createTestApp({
    clock: () => now,
    log,
    webhook,
    webhookDelivery: { retryDelaysMs: options.retryDelaysMs ?? [10_000, minute] },
  });
  const notifier = test.deps.notifier;
  if (!notifier) throw new Error("a webhook was configured, so the app has a notifier");
  const answer = (body: Record<string, unknown>, client = "203.0.113.7") =>
    test.app.request("/api/feedback", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Test-Client": client },
      body: JSON.stringify({ topic: "temporary-login-code", ...body }),
    });
  const queued = async () =>
    (await test.db.execute("SELECT id, attempts, delivered_at, given_up_at, last_error FROM notifications")).rows;
  return {
    ...test,
    receiver,
    log,
    notifier,
    answer,
    queued,
    clock: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    setNow: (time: number) => {
      now = time;
    },
  };
}
