import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { parseNodeConfig } from "../../functions/node/config.ts";
import type { memoryLogger } from "../support/memory-logger.ts";
import { createTestApp } from "../support/test-app.ts";
import { closeReceivers, minute, secret, webhookApp } from "../support/webhook-app.ts";
import type { Received } from "../support/webhook-receiver.ts";

afterEach(closeReceivers);
const setUp = webhookApp;

/** The signature a receiver checks: HMAC-SHA256 of "<t>.<body>" with the shared secret. */
function signatureHolds(message: Received): boolean {
  const [t, v1] = String(message.headers["x-help-center-signature"]).split(",");
  const timestamp = t?.replace("t=", "") ?? "";
  const expected = createHmac("sha256", secret).update(`${timestamp}.${message.body}`).digest("hex");
  return v1 === `v1=${expected}`;
}

const outcomes = (log: ReturnType<typeof memoryLogger>) =>
  log
    .audits()
    .filter((entry) => entry.event === "webhook_attempt")
    .map((entry) => [entry.attempt, entry.outcome]);

describe("telling writers through their webhook", () => {
  it("answers the reader before the chat does, then tells writers of a Poor answer with its comment, signed", async () => {
    const { answer, receiver, notifier } = await setUp([], { hold: true });
    const response = await answer({ rating: "poor", found: "no", comment: "The code never arrived by text." });
    // The reader has their answer while the chat has not answered yet.
    expect(response.status).toBe(201);
    await receiver.until(1);
    receiver.release();
    await notifier.deliverDue();
    const [message] = receiver.received;
    expect(message?.headers["content-type"]).toBe("application/json");
    expect(message?.headers["x-help-center-event"]).toBe("answer");
    expect(signatureHolds(message as Received)).toBe(true);
    const body = JSON.parse(message?.body ?? "{}") as { text: string; blocks: unknown[] };
    expect(body.text).toBe(
      "A reader on “Mobile device inaccessible” (English): rated it Poor, found what they needed: No",
    );
    expect(JSON.stringify(body.blocks)).toContain("The code never arrived by text.");
    expect(JSON.stringify(body.blocks)).toContain(
      "https://help.example.com/dashboard/?topic=temporary-login-code&status=any#comments-heading",
    );
  });

  it("retries a receiver that fails twice, with the same delivery id, and records every attempt in the audit log", async () => {
    const { answer, receiver, notifier, advance, log, queued } = await setUp([500, 503]);
    expect((await answer({ rating: "poor", comment: "Step 4 is missing." })).status).toBe(201);
    await receiver.until(1);
    await notifier.deliverDue();
    // Not due yet: the first wait is ten seconds.
    advance(9_000);
    await notifier.deliverDue();
    expect(receiver.received).toHaveLength(1);
    advance(1_000);
    await notifier.deliverDue();
    advance(minute);
    await notifier.deliverDue();
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((m) => m.headers["x-help-center-delivery"])).size).toBe(1);
    expect(receiver.received.every(signatureHolds)).toBe(true);
    expect(outcomes(log)).toEqual([
      [1, "will_retry"],
      [2, "will_retry"],
      [3, "delivered"],
    ]);
    expect(log.audits().find((e) => e.event === "webhook_attempt")?.error).toBe("HTTP 500");
    // The chat's address is its password: no log line holds it.
    expect(log.lines.join("\n")).not.toContain("secret-path");
    expect((await queued())[0]).toMatchObject({ attempts: 3, given_up_at: null, last_error: null });
  });

  it("gives up after the last wait, and drops an answer deleted before it could be sent", async () => {
    const { answer, receiver, notifier, advance, log, db, queued } = await setUp([500, 500, 500], {
      retryDelaysMs: [10_000],
    });
    await answer({ rating: "poor", comment: "Wrong screenshot." });
    await receiver.until(1);
    await notifier.deliverDue();
    advance(10_000);
    await notifier.deliverDue();
    expect(outcomes(log)).toEqual([
      [1, "will_retry"],
      [2, "given_up"],
    ]);
    await answer({ found: "no", comment: "Please call me." });
    await receiver.until(3);
    await notifier.deliverDue();
    // The third 500 leaves it due again; the reader's comment is deleted meanwhile.
    await db.execute("DELETE FROM feedback WHERE comment = 'Please call me.'");
    advance(10_000);
    await notifier.deliverDue();
    expect(receiver.received).toHaveLength(3);
    expect((await queued()).map((row) => row.last_error)).toEqual([
      "HTTP 500",
      "the answer was deleted or marked spam before it was sent",
    ]);
  });

  it("says nothing of a Good answer, a Poor one without a comment or a honeypot's, and once of an answer however often edited", async () => {
    const { answer, app, receiver, notifier, queued } = await setUp();
    await answer({ rating: "good", comment: "Clear, thanks." });
    await answer({ rating: "poor", found: "no" });
    await answer({ rating: "poor", comment: "Buy pills", website: "https://spam.example" });
    expect(await queued()).toEqual([]);

    const first = (await (await answer({ rating: "average" })).json()) as { id: string; editToken: string };
    const edit = (body: Record<string, unknown>) =>
      app.request(`/api/feedback/${first.id}`, {
        method: "PUT",
        headers: { "Content-Type": "application/json", "X-Test-Client": "203.0.113.7" },
        body: JSON.stringify({ topic: "temporary-login-code", editToken: first.editToken, ...body }),
      });
    expect((await edit({ rating: "poor", comment: "Step 3 fails." })).status).toBe(200);
    expect((await edit({ rating: "poor", comment: "Step 3 fails on Android." })).status).toBe(200);
    await receiver.until(1);
    await notifier.deliverDue();
    expect(await queued()).toHaveLength(1);
    expect(receiver.received).toHaveLength(1);
  });

  it("has each message sent once when two servers deliver at the same moment", async () => {
    const one = await setUp();
    const other = await createTestApp({
      databaseFile: one.databaseFile,
      clock: () => Date.UTC(2026, 10, 30, 7, 0),
      webhook: { url: one.receiver.url, secret, format: "slack", digestHour: 8, siteUrl: "https://help.example.com" },
    });
    for (let i = 0; i < 5; i++) await one.answer({ found: "no", comment: `Comment ${i}` }, `198.51.100.${i}`);
    // Each answer's request began sending; both servers now look for what is due, together.
    await Promise.all([one.notifier.deliverDue(), other.deps.notifier?.deliverDue(), one.notifier.deliverDue()]);
    await Promise.all([one.notifier.deliverDue(), other.deps.notifier?.deliverDue()]);
    const deliveries = one.receiver.received.map((m) => m.headers["x-help-center-delivery"]);
    expect(deliveries).toHaveLength(5);
    expect(new Set(deliveries).size).toBe(5);
  });

  it("keeps what readers wrote from becoming markup in Slack and in Teams", async () => {
    const trap = "<!channel> [click](https://evil.example) *now*";
    const slack = await setUp();
    await slack.answer({ rating: "poor", comment: trap, name: "Ann <b>" });
    await slack.receiver.until(1);
    const slackBody = slack.receiver.received[0]?.body ?? "";
    expect(slackBody).not.toContain("<!channel>");
    expect(slackBody).toContain("&lt;!channel&gt;");

    const teams = await setUp([], { format: "teams" });
    await teams.answer({ rating: "poor", comment: trap });
    await teams.receiver.until(1);
    const card = JSON.parse(teams.receiver.received[0]?.body ?? "{}") as {
      type: string;
      attachments: { contentType: string; content: { body: { type: string; inlines: { text: string }[] }[] } }[];
    };
    expect(card.type).toBe("message");
    expect(card.attachments[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    // Text runs take no Markdown: the comment is shown as typed.
    const runs = card.attachments[0]?.content.body.flatMap((block) => block.inlines.map((run) => run.text));
    expect(runs).toContain(trap);
    expect(card.attachments[0]?.content.body.every((block) => block.type === "RichTextBlock")).toBe(true);
  });
});

describe("the writers' daily digest", () => {
  it("is queued once a day from its hour, however many servers ask at once, with answers, new attention and failed searches", async () => {
    const day = Date.UTC(2026, 10, 30);
    const one = await setUp([], { start: day + 7 * 3600_000 + 59 * minute });
    const other = await createTestApp({
      databaseFile: one.databaseFile,
      clock: () => day + 8 * 3600_000,
      webhook: { url: one.receiver.url, secret, format: "slack", digestHour: 8, siteUrl: "https://help.example.com" },
    });
    for (let i = 0; i < 4; i++) await one.answer({ rating: "poor", found: "no" }, `198.51.100.${i}`);
    await one.answer({ rating: "good", comment: "Worked." });
    for (let i = 0; i < 3; i++) {
      await one.app.request("/api/searches", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ searches: [{ query: "login code expired", results: 0 }] }),
      });
    }
    await one.notifier.queueDigestIfDue();
    expect(await one.queued()).toEqual([]);
    one.advance(minute);
    await Promise.all([
      one.notifier.queueDigestIfDue(),
      one.notifier.queueDigestIfDue(),
      other.deps.notifier?.queueDigestIfDue(),
      other.deps.notifier?.queueDigestIfDue(),
    ]);
    expect((await one.queued()).map((row) => row.id)).toEqual(["digest:2026-11-30"]);
    await one.notifier.deliverDue();
    const digest = one.receiver.received.find((m) => m.headers["x-help-center-event"] === "digest");
    expect(digest && signatureHolds(digest)).toBe(true);
    const body = JSON.parse(digest?.body ?? "{}") as { text: string; blocks: unknown[] };
    expect(body.text).toBe("Help center, 2026-11-30: 5 answers, 4 Poor or No, 1 comment");
    const blocks = JSON.stringify(body.blocks);
    expect(blocks).toContain("Mobile device inaccessible");
    expect(blocks).toContain("readers rated it Poor or said No");
    expect(blocks).toContain("“login code expired” (3)");

    // The next day, the topic is still on the list: it is not news.
    one.advance(24 * 3600_000);
    await one.notifier.queueDigestIfDue();
    await one.notifier.deliverDue();
    const next = one.receiver.received.filter((m) => m.headers["x-help-center-event"] === "digest")[1];
    expect(JSON.parse(next?.body ?? "{}").text).toBe("Help center, 2026-12-01: 0 answers, 0 Poor or No, 0 comments");
    expect(next?.body).toContain("No topic started needing attention.");
  });
});

describe("the webhook's settings", () => {
  const env = {
    FEEDBACK_WEBHOOK_URL: "https://hooks.slack.com/services/T/B/x",
    PUBLIC_URL: "https://help.example.com",
  };

  it("refuses a webhook without its secret or without the help center's address, and a digest hour past 23", () => {
    expect(() => parseNodeConfig(env)).toThrow(/FEEDBACK_WEBHOOK_URL needs FEEDBACK_WEBHOOK_SECRET/);
    expect(() => parseNodeConfig({ ...env, FEEDBACK_WEBHOOK_SECRET: secret, PUBLIC_URL: undefined })).toThrow(
      /needs PUBLIC_URL/,
    );
    expect(() => parseNodeConfig({ ...env, FEEDBACK_WEBHOOK_SECRET: secret, FEEDBACK_DIGEST_HOUR: "24" })).toThrow(
      /FEEDBACK_DIGEST_HOUR/,
    );
    expect(() => parseNodeConfig({ ...env, FEEDBACK_WEBHOOK_URL: "ftp://x.example/" })).toThrow(/FEEDBACK_WEBHOOK_URL/);
    expect(parseNodeConfig({ ...env, FEEDBACK_WEBHOOK_SECRET: secret, FEEDBACK_DIGEST_HOUR: "off" }).webhook).toEqual({
      url: env.FEEDBACK_WEBHOOK_URL,
      secret,
      format: "slack",
      digestHour: null,
      siteUrl: "https://help.example.com",
    });
  });
});
