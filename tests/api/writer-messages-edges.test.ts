import { afterEach, describe, expect, it } from "vitest";
import { housekeeping } from "../../functions/app/housekeeping.ts";
import { enteringShown, messageBody } from "../../functions/app/notify/messages.ts";
import { createTestApp } from "../support/test-app.ts";
import { closeReceivers, minute, webhookApp } from "../support/webhook-app.ts";

afterEach(closeReceivers);

const day = 24 * 3600_000;
type Stored = { id: string; editToken: string };

function editor(app: Awaited<ReturnType<typeof webhookApp>>["app"], id: string) {
  return (editToken: string, body: Record<string, unknown>) =>
    app.request(`/api/feedback/${id}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", "X-Test-Client": "203.0.113.7" },
      body: JSON.stringify({ topic: "temporary-login-code", editToken, ...body }),
    });
}

describe("telling writers, at the edges", () => {
  it("queues nothing for an edit refused for its wrong token, even of an answer writers were never told of", async () => {
    const told = await webhookApp();
    // Stored while no webhook was set: a Poor answer with a comment nobody was told of.
    const quiet = await createTestApp({ databaseFile: told.databaseFile });
    const stored = (await (
      await quiet.app.request("/api/feedback", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Test-Client": "203.0.113.7" },
        body: JSON.stringify({ topic: "temporary-login-code", rating: "poor", comment: "Step 2 is wrong." }),
      })
    ).json()) as Stored;
    const edit = editor(told.app, stored.id);

    const refused = await edit("not-the-token-of-this-answer-at-all", { rating: "poor", comment: "Spam via PUT" });
    expect(refused.status).toBe(404);
    expect(await told.queued()).toEqual([]);

    expect((await edit(stored.editToken, { rating: "poor", comment: "Step 2 is wrong on iOS." })).status).toBe(200);
    expect((await told.queued()).map((row) => row.id)).toEqual([`answer:${stored.id}`]);
  });

  it("keeps the record of a message while its answer is kept, so an edit months later tells no one twice", async () => {
    const { answer, app, db, receiver, notifier, queued, advance, clock } = await webhookApp();
    const stored = (await (await answer({ rating: "poor", comment: "Step 3 fails." })).json()) as Stored;
    await receiver.until(1);
    await notifier.deliverDue();

    advance(60 * day);
    await housekeeping(db, clock());
    expect((await editor(app, stored.id)(stored.editToken, { rating: "poor", comment: "Still fails." })).status).toBe(
      200,
    );
    await notifier.deliverDue();
    expect(receiver.received).toHaveLength(1);
    expect(await queued()).toHaveLength(1);

    // Once retention deletes the answer, its record goes with it.
    await housekeeping(db, clock(), { feedbackDays: 30, searchDays: 396 });
    expect(await queued()).toEqual([]);
  });

  it("gives up at once on a receiver that refuses the message itself, and retries one that says too many", async () => {
    const refusing = await webhookApp([404]);
    await refusing.answer({ rating: "poor", comment: "Where is step 5?" });
    await refusing.receiver.until(1);
    await refusing.notifier.deliverDue();
    expect((await refusing.queued())[0]).toMatchObject({ attempts: 1, last_error: "HTTP 404" });
    expect((await refusing.queued())[0]?.given_up_at).not.toBeNull();

    const busy = await webhookApp([429]);
    await busy.answer({ rating: "poor", comment: "Where is step 5?" });
    await busy.receiver.until(1);
    await busy.notifier.deliverDue();
    expect((await busy.queued())[0]).toMatchObject({ attempts: 1, given_up_at: null, last_error: "HTTP 429" });
  });

  it("waits, when the server stops, for the message being sent to be recorded, and sends nothing after", async () => {
    const { answer, receiver, notifier, queued } = await webhookApp([], { hold: true });
    await answer({ rating: "poor", comment: "Step 3 fails." });
    await receiver.until(1);
    let stopped = false;
    const stopping = notifier.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The receiver has not answered yet: the message is still being sent.
    expect(stopped).toBe(false);
    receiver.release();
    await stopping;
    expect((await queued())[0]?.delivered_at).not.toBeNull();

    await answer({ rating: "poor", comment: "And step 4." }, "198.51.100.4");
    await notifier.deliverDue();
    expect(receiver.received).toHaveLength(1);
    expect(await queued()).toHaveLength(2);
  });

  it("counts in a digest the failed searches since the digest before, not since that digest's whole day", async () => {
    const start = Date.UTC(2026, 10, 30, 7, 0);
    const { app, notifier, receiver, setNow } = await webhookApp([], { start });
    const search = (query: string) =>
      app.request("/api/searches", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ searches: [{ query, results: 0 }] }),
      });
    await search("reset authenticator");
    setNow(start + 61 * minute);
    await notifier.queueDigestIfDue();
    await notifier.deliverDue();
    setNow(start + 3 * 3600_000);
    await search("backup codes");
    setNow(start + day + 61 * minute);
    await notifier.queueDigestIfDue();
    await notifier.deliverDue();

    const digests = receiver.received.filter((m) => m.headers["x-help-center-event"] === "digest");
    expect(digests).toHaveLength(2);
    expect(digests[0]?.body).toContain("“reset authenticator” (1)");
    expect(digests[1]?.body).toContain("“backup codes” (1)");
    expect(digests[1]?.body).not.toContain("reset authenticator");
  });

  it(`names at most ${enteringShown} topics entering Needs attention, so Slack takes the first digest`, () => {
    const entering = Array.from({ length: 60 }, (_, i) => ({
      title: `Topic ${i}`,
      url: `https://help.example.com/topics/t${i}/`,
      why: ["3 readers said No"],
    }));
    const event = {
      type: "digest" as const,
      day: "2026-11-30",
      answers: { total: 0, unhelpful: 0, comments: 0 },
      entering,
      failedSearches: [],
      dashboardUrl: "https://help.example.com/dashboard/",
    };
    const slack = JSON.parse(messageBody(event, "slack")) as { blocks: unknown[] };
    expect(slack.blocks.length).toBeLessThanOrEqual(50);
    const text = JSON.stringify(slack.blocks);
    expect(text).toContain(`Topic ${enteringShown - 1}`);
    expect(text).not.toContain(`Topic ${enteringShown}*`);
    expect(text).toContain(`and ${60 - enteringShown} more topics, listed in the dashboard.`);
  });
});
