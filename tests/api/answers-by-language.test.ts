import { afterEach, describe, expect, it } from "vitest";
import { formRequest } from "../support/form-request.ts";
import { createTestApp } from "../support/test-app.ts";
import { type Received, webhookReceiver } from "../support/webhook-receiver.ts";

/**
 * Answers, searches and views record the language of the page they came from (`<html lang>`),
 * which every request a page sends names in its address (`?lang=de`).
 */

const now = Date.UTC(2026, 10, 29, 12);
type Test = Awaited<ReturnType<typeof createTestApp>>;

const postJson = (test: Test, path: string, body: unknown, method = "POST") =>
  test.app.request(path, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
const postForm = (test: Test, path: string, fields: Record<string, string>) =>
  test.app.request(path, formRequest(fields));
const rows = async (test: Test, sql: string) => (await test.db.execute(sql)).rows.map((r) => ({ ...r }));
const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; fields?: { field: string; message: string }[] } }).error;

const receivers: Awaited<ReturnType<typeof webhookReceiver>>[] = [];
afterEach(async () => {
  for (const receiver of receivers.splice(0)) await receiver.close();
});

describe("an answer's language", () => {
  it("is the language of the page it was sent from, as JSON or as a plain form, and an answer without one is the default's", async () => {
    const test = await createTestApp({ clock: () => now });
    const fromGerman = { topic: "temporary-login-code", rating: "poor", comment: "Der Code kam nie an." };
    expect((await postJson(test, "/api/feedback?lang=de", fromGerman)).status).toBe(201);
    const form = await postForm(test, "/api/feedback?lang=ar", { topic: "temporary-login-code", found: "yes" });
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toBe("/ar/topics/temporary-login-code/?feedback=sent#feedback-thanks");
    expect((await postForm(test, "/api/feedback?lang=es", { comment: "Todo bien." })).status).toBe(303);
    // A page built before languages names none: it was the default language's.
    expect((await postJson(test, "/api/feedback", { topic: "temporary-login-code", found: "no" })).status).toBe(201);
    expect(await rows(test, "SELECT topic, lang, rating, found FROM feedback ORDER BY lang")).toEqual([
      { topic: "temporary-login-code", lang: "ar", rating: null, found: "yes" },
      { topic: "temporary-login-code", lang: "de", rating: "poor", found: null },
      { topic: "temporary-login-code", lang: "en", rating: null, found: "no" },
      { topic: null, lang: "es", rating: null, found: null },
    ]);
  });

  it("refuses a language the help center does not speak, naming the field, and stores nothing", async () => {
    const test = await createTestApp({ clock: () => now });
    const answer = { topic: "temporary-login-code", rating: "good" };
    const unknown = await postJson(test, "/api/feedback?lang=fr", answer);
    expect(unknown.status).toBe(400);
    expect(await errorOf(unknown)).toEqual({
      code: "invalid_input",
      message: "Some fields need attention.",
      fields: [{ field: "lang", message: "Send the page's language (lang): one of en, de, es, ar." }],
    });
    for (const lang of ["", "DE", "de-de", "%3Cb%3E", "de&lang=ar"]) {
      const response = await postJson(test, `/api/feedback?lang=${lang}`, answer);
      expect(response.status, lang).toBe(400);
      expect(
        (await errorOf(response)).fields?.map((f) => f.field),
        lang,
      ).toEqual(["lang"]);
    }
    const searches = await postJson(test, "/api/searches?lang=xx", { searches: [{ query: "code", results: 1 }] });
    expect(searches.status).toBe(400);
    expect((await errorOf(searches)).fields?.map((f) => f.field)).toEqual(["lang"]);
    expect(await rows(test, "SELECT count(*) AS n FROM feedback")).toEqual([{ n: 0 }]);
    expect(await rows(test, "SELECT count(*) AS n FROM searches")).toEqual([{ n: 0 }]);
  });

  it("answers a plain form from a page in a language the site does not speak with the check page, in the default language", async () => {
    const test = await createTestApp({ clock: () => now });
    const page = await postForm(test, "/api/feedback?lang=fr", { topic: "temporary-login-code", rating: "good" });
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain("Your feedback was not sent.");
    // Sent again from here, the answer is the default language's.
    expect(html).toContain('action="/api/feedback"');
    expect(await rows(test, "SELECT count(*) AS n FROM feedback")).toEqual([{ n: 0 }]);
  });

  it("moves with an answer changed from the topic's page in another language", async () => {
    const test = await createTestApp({ clock: () => now });
    const created = (await (
      await postJson(test, "/api/feedback", { topic: "temporary-login-code", rating: "poor" })
    ).json()) as { id: string; editToken: string };
    const changed = { topic: "temporary-login-code", rating: "good", editToken: created.editToken };
    expect((await postJson(test, `/api/feedback/${created.id}?lang=de`, changed, "PUT")).status).toBe(200);
    expect(await rows(test, "SELECT lang, responses, poor, good FROM feedback_totals")).toEqual([
      { lang: "de", responses: 1, poor: 0, good: 1 },
      { lang: "en", responses: 0, poor: 0, good: 0 },
    ]);
  });
});

describe("a search's and a view's language", () => {
  it("records a page's searches in its language, the index they ran on", async () => {
    const test = await createTestApp({ clock: () => now });
    const batch = { searches: [{ query: "Anmeldecode abgelaufen", results: 0 }] };
    expect((await postJson(test, "/api/searches?lang=de", batch)).status).toBe(202);
    expect((await postJson(test, "/api/searches", { searches: [{ query: "code", results: 2 }] })).status).toBe(202);
    expect(await rows(test, "SELECT lang, query, searches, no_results FROM search_daily ORDER BY lang")).toEqual([
      { lang: "de", query: "anmeldecode abgelaufen", searches: 1, no_results: 1 },
      { lang: "en", query: "code", searches: 1, no_results: 0 },
    ]);
  });

  it("counts a view in the language of the topic's page, and nothing in a language the site does not speak", async () => {
    const test = await createTestApp({ clock: () => now });
    const view = (query: string) => test.app.request(`/api/views/temporary-login-code${query}`);
    for (const query of ["?lang=de", "?lang=de", "?lang=ar", ""]) {
      expect((await view(query)).headers.get("x-view-counted")).toBe("1");
    }
    for (const query of ["?lang=fr", "?lang=", "?lang=DE"]) {
      const response = await view(query);
      expect(response.status).toBe(200);
      expect(response.headers.get("x-view-counted"), query).toBe("0");
    }
    expect(await rows(test, "SELECT lang, views FROM topic_view_totals ORDER BY lang")).toEqual([
      { lang: "ar", views: 1 },
      { lang: "de", views: 2 },
      { lang: "en", views: 1 },
    ]);
  });
});

describe("telling writers", () => {
  it("says the answer's language and links its page in that language; the digest counts answers per language", async () => {
    const receiver = await webhookReceiver([]);
    receivers.push(receiver);
    let clock = Date.UTC(2026, 10, 30, 7, 0);
    const test = await createTestApp({
      clock: () => clock,
      webhook: {
        url: receiver.url,
        secret: "a-webhook-secret-of-at-least-32-chars",
        format: "slack",
        digestHour: 8,
        siteUrl: "https://help.example.com",
      },
      webhookDelivery: { retryDelaysMs: [60_000] },
    });
    const german = { topic: "temporary-login-code", rating: "poor", comment: "Der Code kam nie an." };
    expect((await postJson(test, "/api/feedback?lang=de", german)).status).toBe(201);
    expect((await postJson(test, "/api/feedback?lang=en", { rating: "good" })).status).toBe(201);
    await test.deps.notifier?.deliverDue();
    const bodyOf = (message: Received | undefined) => JSON.parse(message?.body ?? "{}") as { text: string };
    const [answer] = receiver.received;
    expect(bodyOf(answer).text).toBe("A reader on “Mobile device inaccessible” (German): rated it Poor");
    expect(answer?.body).toContain("https://help.example.com/de/topics/temporary-login-code/");
    clock += 3600_000;
    await test.deps.notifier?.queueDigestIfDue();
    await test.deps.notifier?.deliverDue();
    const digest = receiver.received.find((m) => m.headers["x-help-center-event"] === "digest");
    expect(digest?.body).toContain("2 answers since the last digest (German 1, English 1): 1 Poor or No, 1 comment.");
  });
});
