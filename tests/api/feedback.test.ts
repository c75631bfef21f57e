import { describe, expect, it } from "vitest";
import { feedbackLimits } from "../../src/shared/feedback-rules.ts";
import { createTestApp } from "../support/test-app.ts";

const topic = "temporary-login-code";
const goodFeedback = { topic, rating: "good", found: "yes", name: "Ada", comment: "Clear steps." };

type App = Awaited<ReturnType<typeof createTestApp>>["app"];

function postJson(app: App, body: unknown, headers: Record<string, string> = {}) {
  return app.request("/api/feedback", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

function postForm(app: App, fields: [string, string][], headers: Record<string, string> = {}) {
  return app.request("/api/feedback", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

async function rows(db: Awaited<ReturnType<typeof createTestApp>>["db"]) {
  return (await db.execute("SELECT * FROM feedback ORDER BY created_at")).rows;
}

interface BadCase {
  name: string;
  request: (app: App) => Response | Promise<Response>;
  status: number;
  code: string;
  field?: string;
}

const badInput: BadCase[] = [
  {
    name: "a rating that is a number",
    request: (a) => postJson(a, { ...goodFeedback, rating: 5 }),
    status: 400,
    code: "invalid_input",
    field: "rating",
  },
  {
    name: "a rating that is not one of the four",
    request: (a) => postJson(a, { ...goodFeedback, rating: "superb" }),
    status: 400,
    code: "invalid_input",
    field: "rating",
  },
  {
    name: "a reason that is not one of the five",
    request: (a) => postJson(a, { ...goodFeedback, found: "no", reason: "too long" }),
    status: 400,
    code: "invalid_input",
    field: "reason",
  },
  {
    name: "a reason with a Yes and a Good rating",
    request: (a) => postJson(a, { topic: "temporary-login-code", rating: "good", found: "yes", reason: "out-of-date" }),
    status: 400,
    code: "invalid_input",
    field: "reason",
  },
  {
    name: "found as a boolean",
    request: (a) => postJson(a, { ...goodFeedback, found: true }),
    status: 400,
    code: "invalid_input",
    field: "found",
  },
  {
    name: "a name that is a number",
    request: (a) => postJson(a, { ...goodFeedback, name: 42 }),
    status: 400,
    code: "invalid_input",
    field: "name",
  },
  {
    name: "a comment that is a list",
    request: (a) => postJson(a, { ...goodFeedback, comment: ["a"] }),
    status: 400,
    code: "invalid_input",
    field: "comment",
  },
  {
    name: "a field the form does not have",
    request: (a) => postJson(a, { ...goodFeedback, admin: true }),
    status: 400,
    code: "invalid_input",
    field: "body",
  },
  {
    name: "nothing to say (no rating, found or comment)",
    request: (a) => postJson(a, { topic, name: "Ada" }),
    status: 400,
    code: "invalid_input",
    field: "rating",
  },
  { name: "an empty object", request: (a) => postJson(a, {}), status: 400, code: "invalid_input", field: "rating" },
  {
    name: "a comment of only spaces and nothing else",
    request: (a) => postJson(a, { topic, comment: "   " }),
    status: 400,
    code: "invalid_input",
    field: "rating",
  },
  {
    name: "a comment one character too long",
    request: (a) => postJson(a, { topic, comment: "x".repeat(feedbackLimits.comment + 1) }),
    status: 400,
    code: "invalid_input",
    field: "comment",
  },
  {
    name: "a name one character too long",
    request: (a) => postJson(a, { ...goodFeedback, name: "n".repeat(feedbackLimits.name + 1) }),
    status: 400,
    code: "invalid_input",
    field: "name",
  },
  {
    name: "an unknown topic",
    request: (a) => postJson(a, { ...goodFeedback, topic: "no-such-topic" }),
    status: 400,
    code: "invalid_input",
    field: "topic",
  },
  {
    name: "a topic id that is not an id",
    request: (a) => postJson(a, { ...goodFeedback, topic: "../etc" }),
    status: 400,
    code: "invalid_input",
    field: "topic",
  },
  { name: "a JSON array", request: (a) => postJson(a, [goodFeedback]), status: 400, code: "invalid_input" },
  { name: "JSON null", request: (a) => postJson(a, "null"), status: 400, code: "invalid_input" },
  { name: "a body that is not JSON", request: (a) => postJson(a, "rating=good"), status: 400, code: "invalid_json" },
  { name: "truncated JSON", request: (a) => postJson(a, '{"rating": "go'), status: 400, code: "invalid_json" },
  {
    name: "plain text",
    request: (a) =>
      a.request("/api/feedback", { method: "POST", headers: { "Content-Type": "text/plain" }, body: "good" }),
    status: 415,
    code: "unsupported_media_type",
  },
  {
    name: "multipart form data",
    request: (a) => {
      const form = new FormData();
      form.set("rating", "good");
      return a.request("/api/feedback", { method: "POST", body: form });
    },
    status: 415,
    code: "unsupported_media_type",
  },
  {
    name: "no content type",
    request: (a) => a.request("/api/feedback", { method: "POST", body: "x" }),
    status: 415,
    code: "unsupported_media_type",
  },
  {
    name: "a body over 16 KB",
    request: (a) => postJson(a, { ...goodFeedback, name: "n".repeat(20_000) }),
    status: 413,
    code: "payload_too_large",
  },
  {
    name: "a streamed body over 16 KB with no declared length",
    request: (a) =>
      a.request("/api/feedback", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: new ReadableStream({
          start(controller) {
            for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode(" ".repeat(1024)));
            controller.close();
          },
        }),
        duplex: "half",
      } as RequestInit),
    status: 413,
    code: "payload_too_large",
  },
  {
    name: "a post from another site",
    request: (a) => postJson(a, goodFeedback, { Origin: "https://evil.example" }),
    status: 403,
    code: "cross_origin",
  },
  {
    name: "a cross-site post without an Origin header",
    request: (a) => postJson(a, goodFeedback, { "Sec-Fetch-Site": "cross-site" }),
    status: 403,
    code: "cross_origin",
  },
];

describe("POST /api/feedback with bad input", () => {
  it.each(badInput)("answers $name with $status and writes nothing", async ({ request, status, code, field }) => {
    const { app, db } = await createTestApp();
    const response = await request(app);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const body = (await response.json()) as {
      error: { code: string; message: string; fields?: { field: string; message: string }[] };
    };
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
    if (field) expect(body.error.fields?.map((f) => f.field)).toContain(field);
    expect(await rows(db)).toHaveLength(0);
  });
});

describe("POST /api/feedback with good input", () => {
  it("stores exactly what was sent, Unicode and quotes included", async () => {
    const { app, db } = await createTestApp({ clock: () => Date.UTC(2026, 10, 29, 12) });
    const comment = `He said "ça marche" — 👍 <b>'x'</b>\r\nsecond line`;
    const response = await postJson(app, { topic, rating: "excellent", found: "no", name: "  Zoë O'Brien ", comment });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; editToken: string };
    expect(created.id).toMatch(/^[0-9a-z]{9}[A-Za-z0-9_-]{16}$/);
    const [row] = await rows(db);
    expect(row).toMatchObject({
      id: created.id,
      topic,
      rating: "excellent",
      found: "no",
      name: "Zoë O'Brien",
      comment: `He said "ça marche" — 👍 <b>'x'</b>\nsecond line`,
      is_employee: 0,
      is_spam: 0,
      status: "new",
      created_at: Date.UTC(2026, 10, 29, 12),
    });
  });

  it("stores a comment with e-mail addresses and phone and card numbers redacted, and the rest as written", async () => {
    const { app, db } = await createTestApp();
    const comment =
      "Step 3 failed. Mail me at zoe.obrien@example.com or call +44 20 7946 0958; card 4111-1111-1111-1111.";
    expect((await postJson(app, { topic, rating: "poor", comment })).status).toBe(201);
    const [row] = await rows(db);
    expect(row?.comment).toBe("Step 3 failed. Mail me at [email] or call [number]; card [number].");
  });

  it("accepts a comment of exactly the limit, counted in characters not bytes", async () => {
    const { app, db } = await createTestApp();
    const response = await postJson(app, { topic, comment: "👍".repeat(feedbackLimits.comment) });
    expect(response.status).toBe(201);
    expect(await rows(db)).toHaveLength(1);
  });

  it("accepts feedback on the help center as a whole, without a topic", async () => {
    const { app, db } = await createTestApp();
    expect((await postJson(app, { found: "no", comment: "I could not find billing topics." })).status).toBe(201);
    expect((await rows(db))[0]?.topic).toBeNull();
  });

  it("stores a keyed hash of the client, never its address", async () => {
    const { app, db } = await createTestApp();
    await postJson(app, goodFeedback, { "X-Test-Client": "198.51.100.23" });
    const [row] = await rows(db);
    expect(String(row?.client_hash)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(row)).not.toContain("198.51.100.23");
  });

  it("answers a honeypot hit like a success but stores it flagged as spam", async () => {
    const { app, db } = await createTestApp();
    const response = await postJson(app, { ...goodFeedback, website: "http://spam.example" });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; editToken: string };
    const [row] = await rows(db);
    expect(row?.is_spam).toBe(1);
    const change = await app.request(`/api/feedback/${created.id}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...goodFeedback, rating: "poor", editToken: created.editToken }),
    });
    expect(change.status).toBe(404);
  });

  it("accepts a same-origin browser post", async () => {
    const { app } = await createTestApp();
    const response = await postJson(app, goodFeedback, { Origin: "http://localhost", "Sec-Fetch-Site": "same-origin" });
    expect(response.status).toBe(201);
  });
});

describe("changing an answer", () => {
  async function sendThenChange(
    change: (created: { id: string; editToken: string }) => Record<string, unknown>,
    id?: string,
  ) {
    const test = await createTestApp();
    const created = (await (await postJson(test.app, goodFeedback)).json()) as { id: string; editToken: string };
    const response = await test.app.request(`/api/feedback/${id ?? created.id}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(change(created)),
    });
    return { response, rows: await rows(test.db) };
  }

  it("replaces the earlier answer instead of adding a second row", async () => {
    const { response, rows: stored } = await sendThenChange((c) => ({
      topic,
      rating: "poor",
      comment: "Step 3 is wrong.",
      editToken: c.editToken,
    }));
    expect(response.status).toBe(200);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ rating: "poor", found: null, comment: "Step 3 is wrong.", name: null });
  });

  it("stores a reason with a No, and changing the answer changes or drops it", async () => {
    const test = await createTestApp();
    const created = (await (await postJson(test.app, { topic, found: "no", reason: "steps-did-not-work" })).json()) as {
      id: string;
      editToken: string;
    };
    expect((await rows(test.db))[0]).toMatchObject({ found: "no", reason: "steps-did-not-work" });
    const change = (body: Record<string, unknown>) =>
      test.app.request(`/api/feedback/${created.id}`, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ topic, editToken: created.editToken, ...body }),
      });
    expect((await change({ rating: "average", reason: "hard-to-understand" })).status).toBe(200);
    expect((await rows(test.db))[0]).toMatchObject({ rating: "average", found: null, reason: "hard-to-understand" });
    expect((await change({ found: "yes" })).status).toBe(200);
    expect((await rows(test.db))[0]).toMatchObject({ found: "yes", reason: null });
  });

  it("refuses a wrong token without saying whether the answer exists", async () => {
    const { response, rows: stored } = await sendThenChange(() => ({
      topic,
      rating: "poor",
      editToken: "x".repeat(32),
    }));
    expect(response.status).toBe(404);
    expect(stored[0]?.rating).toBe("good");
  });

  it("refuses to move an answer to another topic", async () => {
    const { response } = await sendThenChange((c) => ({
      topic: "multi-factor-authentication-overview",
      rating: "poor",
      editToken: c.editToken,
    }));
    expect(response.status).toBe(404);
  });

  it("rejects an id that cannot be one", async () => {
    const { response } = await sendThenChange((c) => ({ topic, rating: "poor", editToken: c.editToken }), "not an id!");
    expect(response.status).toBe(400);
  });
});

describe("the per-client rate limit", () => {
  const limit = { max: 2, windowMs: 60_000 };

  it("answers 429 with Retry-After past the limit, and stores nothing more", async () => {
    let now = Date.UTC(2026, 10, 29, 12, 0, 10);
    const { app, db } = await createTestApp({ limit, clock: () => now });
    expect((await postJson(app, goodFeedback)).status).toBe(201);
    expect((await postJson(app, goodFeedback)).status).toBe(201);
    const refused = await postJson(app, goodFeedback);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("50");
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    expect(await rows(db)).toHaveLength(2);

    expect((await postJson(app, goodFeedback, { "X-Test-Client": "192.0.2.99" })).status).toBe(201);
    now += 60_000;
    expect((await postJson(app, goodFeedback)).status).toBe(201);
  });

  it("answers a client it has refused at once for the rest of the window, writing nothing more", async () => {
    let now = Date.UTC(2026, 10, 29, 12, 0, 10);
    const { app, db } = await createTestApp({ limit, clock: () => now });
    const hits = async () => (await db.execute("SELECT sum(hits) AS n FROM rate_limits")).rows[0]?.n;
    for (let i = 0; i < 3; i++) await postJson(app, goodFeedback);
    expect(await hits()).toBe(3);
    const flood = await Promise.all(Array.from({ length: 20 }, () => postJson(app, goodFeedback)));
    expect(flood.map((r) => r.status)).toEqual(Array(20).fill(429));
    expect(flood[0]?.headers.get("retry-after")).toBe("50");
    expect(await hits()).toBe(3);
    expect(await rows(db)).toHaveLength(2);
    now += 50_000;
    expect((await postJson(app, goodFeedback)).status).toBe(201);
  });

  it("holds across two app instances sharing the database", async () => {
    const first = await createTestApp({ limit });
    const second = await createTestApp({ limit, databaseFile: first.databaseFile });
    expect((await postJson(first.app, goodFeedback)).status).toBe(201);
    expect((await postJson(second.app, goodFeedback)).status).toBe(201);
    expect((await postJson(first.app, goodFeedback)).status).toBe(429);
  });
});

describe("the plain HTML form (no JavaScript)", () => {
  it("answers a good post with a 303 back to the topic's thank-you", async () => {
    const { app, db } = await createTestApp();
    const response = await postForm(app, [
      ["topic", topic],
      ["rating", "average"],
      ["found", ""],
      ["name", ""],
      ["website", ""],
      ["comment", "More screenshots, please."],
    ]);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/topics/temporary-login-code/?feedback=sent#feedback-thanks");
    expect(await rows(db)).toMatchObject([
      { rating: "average", found: null, name: null, comment: "More screenshots, please." },
    ]);
  });

  it("sends site-wide feedback back to the Leave feedback page", async () => {
    const { app } = await createTestApp();
    const response = await postForm(app, [["comment", "Nice."]]);
    expect(response.headers.get("location")).toBe("/feedback/?feedback=sent#feedback-thanks");
  });

  it("shows what to fix with what was typed kept, escaped, and stores nothing", async () => {
    const { app, db } = await createTestApp();
    const response = await postForm(app, [
      ["topic", topic],
      ["name", "<script>alert(1)</script>"],
      ["comment", "x".repeat(feedbackLimits.comment + 5)],
    ]);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain("Shorten your comment to 1,000 characters or fewer.");
    expect(html).toContain('value="&lt;script>alert(1)&lt;/script>"');
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain('href="/topics/temporary-login-code/"');
    expect(await rows(db)).toHaveLength(0);
  });

  it("refuses a field sent twice", async () => {
    const { app, db } = await createTestApp();
    const response = await postForm(app, [
      ["topic", topic],
      ["rating", "good"],
      ["rating", "poor"],
    ]);
    expect(response.status).toBe(400);
    expect(await rows(db)).toHaveLength(0);
  });
});
