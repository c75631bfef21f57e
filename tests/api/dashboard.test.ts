import { existsSync, readFileSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { staffAccounts } from "../../functions/app/auth/accounts.ts";
import { memoryLogger } from "../support/memory-logger.ts";
import { dashboardTemplate } from "../support/sample-pages.ts";
import { signInAs } from "../support/sign-in.ts";
import { createTestApp, testPasswords } from "../support/test-app.ts";

const email = "triage@example.com";
const password = "triage password 2026";
const day = 86400000;
const now = Date.UTC(2026, 10, 29, 12);

async function setUp() {
  const test = await createTestApp({ clock: () => now, dashboardPage: dashboardTemplate });
  await staffAccounts(test.db, testPasswords).add(email, password);
  const cookie = await signInAs(test.app.request, { email, password });
  const insert = (id: string, fields: Record<string, string | number | null>) =>
    test.db.execute({
      sql: `INSERT INTO feedback (id, topic, rating, found, reason, name, comment, is_employee, is_spam, client_hash, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'h', ?, ?)`,
      args: [
        id,
        fields.topic ?? "temporary-login-code",
        fields.rating ?? null,
        fields.found ?? null,
        fields.reason ?? null,
        fields.name ?? null,
        fields.comment ?? null,
        fields.is_employee ?? 0,
        fields.is_spam ?? 0,
        fields.created_at ?? now - day,
        fields.created_at ?? now - day,
      ],
    });
  const get = (path: string, withCookie = true) =>
    test.app.request(path, { headers: withCookie ? { Cookie: cookie } : {} });
  return { ...test, cookie, insert, get };
}

const allComments = async (
  app: { request: (path: string, init: RequestInit) => Response | Promise<Response> },
  cookie: string,
) =>
  (await (await app.request("/api/dashboard/comments?status=any", { headers: { Cookie: cookie } })).json()) as {
    rows: { id: string; status: string }[];
  };

const id = (n: number) => `feedback-id-${String(n).padStart(8, "0")}`;

describe("the feedback dashboard API", () => {
  it("answers anonymous requests with 401 on every route, and 404 for the page", async () => {
    const { app, get } = await setUp();
    for (const path of [
      "/api/dashboard/overview",
      "/api/dashboard/comments",
      "/api/dashboard/comments.csv",
      "/api/dashboard/comments.json",
    ]) {
      const response = await get(path, false);
      expect(response.status, path).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("signed_out");
    }
    const change = await app.request(`/api/dashboard/comments/${id(1)}/status`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ status: "reviewed" }),
    });
    expect(change.status).toBe(401);
    expect((await get("/dashboard/", false)).status).toBe(404);
  });

  it("keeps a topic that happens to be named site apart from feedback on the help center as a whole", async () => {
    const { insert, get, db } = await setUp();
    await insert(id(1), { rating: "poor", comment: "general comment" });
    await db.execute({ sql: "UPDATE feedback SET topic = NULL WHERE id = ?", args: [id(1)] });
    await insert(id(2), { topic: "site", rating: "good", comment: "a topic called site" });
    const overview = (await (await get("/api/dashboard/overview")).json()) as { topics: { topic: string }[] };
    expect(overview.topics.map((t) => t.topic).sort()).toEqual(["_help-center", "site"]);
    const general = (await (await get("/api/dashboard/comments?topic=_help-center")).json()) as {
      rows: { comment: string }[];
    };
    expect(general.rows.map((r) => r.comment)).toEqual(["general comment"]);
    const named = (await (await get("/api/dashboard/comments?topic=site")).json()) as { rows: { comment: string }[] };
    expect(named.rows.map((r) => r.comment)).toEqual(["a topic called site"]);
  });

  it("sums each topic's ratings, found share and change against the previous period, never counting honeypot hits", async () => {
    const { insert, get } = await setUp();
    await insert(id(1), { rating: "poor", found: "no" });
    await insert(id(2), { rating: "good", found: "yes" });
    await insert(id(3), { rating: "excellent", found: "yes", created_at: now - 40 * day });
    await insert(id(4), { rating: "excellent", found: "yes", is_spam: 1 });
    await insert(id(5), { topic: "multi-factor-authentication-overview", rating: "excellent" });
    const body = (await (await get("/api/dashboard/overview?period=30d")).json()) as {
      topics: {
        topic: string;
        title: string;
        summary: { responses: number; score: number; foundShare: number };
        change: { responses: number; score: number };
      }[];
    };
    expect(body.topics.map((t) => t.topic)).toEqual(["temporary-login-code", "multi-factor-authentication-overview"]);
    const [worst] = body.topics;
    expect(worst?.title).toBe("Mobile device inaccessible");
    expect(worst?.summary).toMatchObject({ responses: 2, score: 2, foundShare: 0.5 });
    expect(worst?.change).toMatchObject({ responses: 1, score: -2 });
  });

  it("totals every topic for the summary figures, against the period before, topics answered only then included", async () => {
    const { insert, get, ...test } = await setUp();
    await insert(id(1), { rating: "poor", found: "no" });
    await insert(id(2), { rating: "good", found: "yes" });
    await insert(id(3), { topic: "multi-factor-authentication-overview", rating: "excellent" });
    await insert(id(4), { rating: "excellent", found: "yes", created_at: now - 40 * day });
    await insert(id(5), { topic: "reset-your-password", rating: "poor", found: "no", created_at: now - 40 * day });
    // Views: 200 of the seed topic this period (readers and employees), 50 before it.
    const today = Math.floor(now / day);
    for (const [topic, dayNumber, audience, views] of [
      ["temporary-login-code", today, "public", 150],
      ["temporary-login-code", today - 3, "internal", 50],
      ["temporary-login-code", today - 40, "public", 50],
    ] as const) {
      await test.db.execute({
        sql: "INSERT INTO topic_views (topic, day, audience, lang, views) VALUES (?, ?, ?, 'en', ?)",
        args: [topic, dayNumber, audience, views],
      });
    }
    const body = (await (await get("/api/dashboard/overview?period=30d")).json()) as {
      totals: {
        summary: { responses: number; score: number; foundShare: number };
        change: Record<string, number>;
        views: number;
      };
      topics: { topic: string; views: number }[];
    };
    expect(body.totals.views).toBe(200);
    expect(body.topics.find((t) => t.topic === "temporary-login-code")?.views).toBe(200);
    expect(body.totals.summary).toMatchObject({ responses: 3, foundShare: 0.5 });
    expect(body.totals.summary.score).toBeCloseTo(8 / 3);
    expect(body.totals.change).toEqual({ responses: 1, score: 0.17, foundShare: 0 });
    const page = await (await get("/dashboard/?period=30d")).text();
    expect(page).toMatch(/Responses<\/dt><dd><span class="figure__value">3<\/span>/);
    // Two answers on the seed topic in 200 views: 10.0 per thousand.
    expect(page).toContain("<td>200</td><td>10.0</td>");
  });

  it("lists what needs attention first by how surely it fails, counting only feedback since each topic was updated", async () => {
    const { insert, get } = await setUp();
    let n = 0;
    // Before the seed topic's update on Nov 20: these no longer count against it.
    for (let i = 0; i < 5; i++) await insert(id(++n), { rating: "poor", found: "no", created_at: now - 19 * day });
    // After it: six readers in seven find it unhelpful, one says it is out of date.
    for (let i = 0; i < 6; i++) await insert(id(++n), { rating: "poor", found: "no", reason: "steps-did-not-work" });
    await insert(id(++n), { rating: "good", found: "yes" });
    await insert(id(++n), { found: "no", reason: "out-of-date" });
    // The internal topic's complaints came before its update on Nov 28: it leaves the list.
    for (let i = 0; i < 4; i++) {
      await insert(id(++n), { topic: "internal-admin-temporary-code", rating: "poor", created_at: now - 4 * day });
    }
    const body = (await (await get("/api/dashboard/attention?period=30d")).json()) as {
      topics: {
        topic: string;
        owner: string;
        signals: { kind: string }[];
        topReason: { reason: string; readers: number };
      }[];
    };
    expect(body.topics.map((t) => t.topic)).toEqual(["temporary-login-code", "multi-factor-authentication-overview"]);
    const [seed, overdue] = body.topics;
    expect(seed?.signals.map((s) => s.kind)).toEqual(["failing", "no-rising", "out-of-date"]);
    expect(seed?.topReason).toEqual({ reason: "steps-did-not-work", readers: 6 });
    expect(overdue?.signals).toEqual([{ kind: "review-due", since: "2026-06-01" }]);

    const owned = (await (await get("/api/dashboard/attention?owner=Security%20team")).json()) as {
      topics: { topic: string }[];
    };
    expect(owned.topics.map((t) => t.topic)).toEqual(["multi-factor-authentication-overview"]);
    const page = await (await get("/dashboard/?owner=identity-docs%40example.com")).text();
    expect(page).toContain('<h2 id="attention-heading">Needs attention</h2>');
    expect(page).toContain("readers rated it Poor or said No");
    expect(page).not.toContain("its review was due");
  });

  it("names the searches that found nothing close to a topic's words, from three on, with a link to them", async () => {
    const { get, ...test } = await setUp();
    const search = (query: string) =>
      test.app.request("/api/searches", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ searches: [{ query, results: 0 }] }),
      });
    for (const query of ["temporary code expired", "temporary code expired", "login code authenticater lost"]) {
      expect((await search(query)).status).toBe(202);
    }
    const body = (await (await get("/api/dashboard/attention?period=7d")).json()) as {
      topics: { topic: string; signals: { kind: string; missed?: unknown }[] }[];
    };
    expect(body.topics.map((t) => [t.topic, t.signals])).toContainEqual([
      "temporary-login-code",
      [
        {
          kind: "searches-missed",
          missed: {
            searches: 3,
            queries: [
              { query: "temporary code expired", lang: "en", searches: 2 },
              { query: "login code authenticater lost", lang: "en", searches: 1 },
            ],
          },
        },
      ],
    ]);
    const page = await (await get("/dashboard/?period=7d")).text();
    expect(page).toContain("3 searches close to its words found nothing: “temporary code expired” (2)");
    expect(page).toContain('href="/dashboard/searches/?period=7d&amp;audience=any#no-results-heading"');
  });

  it("refuses an owner longer than any, and anonymous requests, on the attention route", async () => {
    const { get } = await setUp();
    expect((await get("/api/dashboard/attention", false)).status).toBe(401);
    const tooLong = await get(`/api/dashboard/attention?owner=${"x".repeat(81)}`);
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { error: { code: string } }).error.code).toBe("invalid_input");
  });

  it("lists comments newest first, filtered and paginated, with employees' feedback told apart", async () => {
    const { insert, get } = await setUp();
    for (let n = 1; n <= 30; n++) {
      await insert(id(n), {
        comment: `comment ${n}`,
        rating: n % 2 ? "poor" : "good",
        created_at: now - n * 3600_000,
        is_employee: n === 1 ? 1 : 0,
      });
    }
    await insert(id(99), { comment: "buy cheap watches", is_spam: 1, created_at: now - 60_000 });
    const first = (await (await get("/api/dashboard/comments?pageSize=10")).json()) as {
      total: number;
      rows: { comment: string; isEmployee: boolean }[];
    };
    expect(first.total).toBe(30);
    expect(first.rows.map((r) => r.comment).slice(0, 2)).toEqual(["comment 1", "comment 2"]);
    expect(first.rows[0]?.isEmployee).toBe(true);
    type Page = { rows: { comment: string }[]; newer?: string; older?: string; page: number };
    const page = async (query: string) =>
      (await (await get(`/api/dashboard/comments?pageSize=10&${query}`)).json()) as Page;
    // Older and Newer follow cursors (keyset), never offsets.
    const start = await page("");
    expect(start.newer).toBeUndefined();
    const second = await page(`page=2&before=${start.older}`);
    const third = await page(`page=3&before=${second.older}`);
    expect(third.rows.map((r) => r.comment)).toEqual(Array.from({ length: 10 }, (_, i) => `comment ${21 + i}`));
    expect(third.older).toBeUndefined();
    const back = await page(`page=2&after=${third.newer}`);
    expect(back.rows).toEqual(second.rows);
    expect(back.newer).toBeDefined();
    expect((await get("/api/dashboard/comments?before=not-a-cursor")).status).toBe(400);
    const poor = (await (await get("/api/dashboard/comments?rating=poor&pageSize=100")).json()) as { total: number };
    expect(poor.total).toBe(15);
    expect(JSON.stringify(await (await get("/api/dashboard/comments?status=any&pageSize=200")).json())).not.toContain(
      "cheap watches",
    );
  });

  it("rejects a filter it does not know with the error shape", async () => {
    const { get } = await setUp();
    const response = await get("/api/dashboard/comments?rating=superb");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { fields: { field: string }[] } }).error.fields[0]?.field).toBe(
      "rating",
    );
  });

  it("records who changed a comment's status and when", async () => {
    const { insert, app, cookie, db, get } = await setUp();
    await insert(id(1), { comment: "Step 3 is wrong." });
    const response = await app.request(`/api/dashboard/comments/${id(1)}/status`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: cookie },
      body: JSON.stringify({ status: "reviewed" }),
    });
    expect(response.status).toBe(200);
    expect((await db.execute("SELECT status, status_by, status_at FROM feedback")).rows[0]).toMatchObject({
      status: "reviewed",
      status_by: email,
      status_at: now,
    });
    expect(((await (await get("/api/dashboard/comments")).json()) as { total: number }).total).toBe(0);
  });

  it("answers a status change whose body is not JSON with 400, not a server error", async () => {
    const { insert, app, cookie } = await setUp();
    await insert(id(1), { comment: "Step 3 is wrong." });
    const response = await app.request(`/api/dashboard/comments/${id(1)}/status`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: cookie },
      body: '{"status": "revi',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("invalid_json");
  });

  it("exports CSV with quotes, commas, line breaks and formulas made safe", async () => {
    const { insert, get } = await setUp();
    await insert(id(1), { comment: '=HYPERLINK("http://evil","click"), then\r\nmore', name: "@admin" });
    const response = await get("/api/dashboard/comments.csv");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const csv = await response.text();
    const [header, row] = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toBe(
      "id,created_at,topic,topic_title,language,rating,found,reason,name,comment,from_employee,status,status_by,status_at",
    );
    expect(row).toContain(`'@admin,"'=HYPERLINK(""http://evil"",""click""), then`);
  });

  it("renders the dashboard page for an employee, with comment text escaped", async () => {
    const { insert, get } = await setUp();
    await insert(id(1), { comment: '<script>alert("x")</script><img src=x onerror=alert(1)>', rating: "poor" });
    const response = await get("/dashboard/?status=any");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const html = await response.text();
    expect(html).toContain("&lt;script>alert(&quot;x&quot;)&lt;/script>&lt;img src=x onerror=alert(1)>");
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("Topics, worst first");
  });

  it("names the period in the table's caption as a sentence would", async () => {
    const { get } = await setUp();
    const caption = async (period: string) =>
      /<caption[^>]*>([^<]*)<\/caption>/.exec(await (await get(`/dashboard/?period=${period}`)).text())?.[1];
    expect(await caption("30d")).toBe("Feedback per topic, last 30 days; change against the 30 days before");
    expect(await caption("all")).toBe("Feedback per topic, all time");
  });

  it("counts the reasons per topic in the period and filters comments by reason", async () => {
    const { insert, get } = await setUp();
    await insert(id(1), { found: "no", reason: "out-of-date", comment: "Screens changed." });
    await insert(id(2), { found: "no", reason: "out-of-date", comment: "Old menu names." });
    await insert(id(3), { rating: "poor", reason: "steps-did-not-work", comment: "Step 3 fails." });
    await insert(id(4), { found: "no", reason: "missing-information", created_at: now - 60 * day });
    const html = await (await get("/dashboard/?topic=temporary-login-code&period=30d&status=any")).text();
    const row = (label: string) => new RegExp(`${label}</a></th><td>(\\d+)</td><td>(\\d+ %)</td>`).exec(html)?.slice(1);
    expect(row("Out of date")).toEqual(["2", "67 %"]);
    expect(row("Steps did not work")).toEqual(["1", "33 %"]);
    expect(row("Missing information")).toEqual(["0", "0 %"]);

    const filtered = (await (await get("/api/dashboard/comments?reason=out-of-date&status=any")).json()) as {
      rows: { comment: string; reason: string }[];
    };
    expect(filtered.rows.map((r) => r.comment).sort()).toEqual(["Old menu names.", "Screens changed."]);
    expect(new Set(filtered.rows.map((r) => r.reason))).toEqual(new Set(["out-of-date"]));
    expect((await get("/api/dashboard/comments?reason=because")).status).toBe(400);
  });

  it("exports every matching comment, across many pages of rows, as CSV and as JSON", async () => {
    const { db, get } = await setUp();
    const rows = 2_345;
    await db.execute({
      sql: `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
            INSERT INTO feedback (id, topic, rating, comment, client_hash, created_at, updated_at)
            SELECT printf('feedback-id-%08d', i), 'temporary-login-code', 'good', 'comment ' || i, 'h', ? - i * 1000, ? FROM n`,
      args: [rows, now, now],
    });
    const csv = await (await get("/api/dashboard/comments.csv?status=any")).text();
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(rows + 1);
    expect(lines[1]).toContain("comment 1,");
    expect(lines.at(-1)).toContain(`comment ${rows},`);
    const json = (await (await get("/api/dashboard/comments.json?status=any")).json()) as {
      comments: { comment: string }[];
    };
    expect(json.comments).toHaveLength(rows);
    expect(new Set(json.comments.map((c) => c.comment)).size).toBe(rows);
  });

  it("marks many comments at once from a plain form, says so on the page it returns to, and undoes it", async () => {
    const { insert, get, app, cookie } = await setUp();
    for (let n = 1; n <= 4; n++) await insert(id(n), { comment: `bulk comment ${n}` });
    const form = (fields: Record<string, string>, headers: Record<string, string> = { Cookie: cookie }) =>
      app.request("/api/dashboard/comments/bulk", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
        body: new URLSearchParams(fields).toString(),
      });
    const next = "/dashboard/?status=new#comments-heading";
    const ticked = { [`select-${id(1)}`]: "on", [`select-${id(3)}`]: "on" };
    expect((await form({ ...ticked, action: "reviewed", next }, {})).status).toBe(401);
    const done = await form({ ...ticked, action: "reviewed", next });
    expect(done.status).toBe(303);
    const back = done.headers.get("location") ?? "";
    expect(back).toBe(`/dashboard/?status=new&triaged=reviewed&count=2&from=new&ids=${id(1)}.${id(3)}#triage-done`);
    const statuses = () => allComments(app, cookie);
    expect(
      (await statuses()).rows
        .filter((r) => r.status === "reviewed")
        .map((r) => r.id)
        .sort(),
    ).toEqual([id(1), id(3)]);

    const page = await (await get(back)).text();
    expect(page).toContain(
      '<div class="triage-done" role="status" id="triage-done" tabindex="-1"><p>2 comments marked reviewed.</p>',
    );
    expect(page).toContain("Undo: mark them new again");
    // The address is the reader's to change: an undo is offered only for comments that are so marked.
    const forged = await (await get(back.replace(id(3), id(2)))).text();
    expect(forged).toContain(`name="select-${id(1)}" value="on"`);
    expect(forged).not.toContain(`name="select-${id(2)}" value="on"`);
    // The comment links to its topic; the bulk form comes back to this page without the old message.
    expect(page).toContain('<a href="/topics/temporary-login-code/">Mobile device inaccessible</a>');
    expect(page).toContain('name="next" value="/dashboard/?status=new#comments-heading"');

    const undone = await form({ ...ticked, action: "new", next });
    expect(undone.status).toBe(303);
    expect((await statuses()).rows.every((r) => r.status === "new")).toBe(true);

    // Nothing ticked: the form comes back saying so, and nothing changes.
    const none = await form({ action: "archived", next });
    expect(none.status).toBe(303);
    expect(none.headers.get("location")).toBe("/dashboard/?status=new&triaged=none#triage-done");
    expect(await (await get(none.headers.get("location") ?? "")).text()).toContain(
      "Tick at least one comment first: nothing was changed.",
    );
    expect(
      (await form({ ...ticked, action: "spam", next }, { Cookie: cookie, Origin: "https://evil.example" })).status,
    ).toBe(403);
    expect((await statuses()).rows.every((r) => r.status === "new")).toBe(true);
  });

  it("deletes many comments for good in one request, auditing each by who deleted it, never what it said", async () => {
    const log = memoryLogger();
    const test = await createTestApp({ clock: () => now, dashboardPage: dashboardTemplate, log });
    await staffAccounts(test.db, testPasswords).add(email, password);
    const cookie = await signInAs(test.app.request, { email, password });
    for (const n of [1, 2, 3]) {
      await test.db.execute({
        sql: `INSERT INTO feedback (id, topic, rating, comment, client_hash, created_at, updated_at)
              VALUES (?, 'temporary-login-code', 'poor', 'secret words ' || ?, 'h', ?, ?)`,
        args: [id(n), n, now - day, now - day],
      });
    }
    const response = await test.app.request("/api/dashboard/comments/bulk", {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: cookie },
      body: JSON.stringify({ ids: [id(1), id(3)], action: "delete" }),
    });
    expect(response.status).toBe(200);
    expect((await allComments(test.app, cookie)).rows.map((r) => r.id)).toEqual([id(2)]);
    const deleted = log.audits().filter((e) => e.event === "feedback_deleted");
    expect(deleted.map((e) => [e.feedback, e.by]).sort()).toEqual([
      [id(1), email],
      [id(3), email],
    ]);
    expect(JSON.stringify(log.audits())).not.toContain("secret words");
  });

  it("refuses a bulk action with nothing ticked, too many, an unknown action or field, and answers simultaneous ones", async () => {
    const { insert, app, cookie } = await setUp();
    for (let n = 1; n <= 6; n++) await insert(id(n), { comment: `c ${n}` });
    const bulk = (body: unknown) =>
      app.request("/api/dashboard/comments/bulk", {
        method: "POST",
        headers: { "Content-Type": "application/json", Cookie: cookie },
        body: JSON.stringify(body),
      });
    for (const body of [
      { ids: [], action: "reviewed" },
      { ids: Array.from({ length: 201 }, (_, n) => id(n)), action: "reviewed" },
      { ids: [id(1)], action: "shred" },
      { ids: [id(1)], action: "reviewed", also: true },
      { ids: ["../etc"], action: "reviewed" },
    ]) {
      const response = await bulk(body);
      expect(response.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("invalid_input");
    }
    // Two reviewers at once on overlapping comments: both answered, every comment in one of their states.
    const ids = [1, 2, 3, 4, 5, 6].map(id);
    const [a, b, gone] = await Promise.all([
      bulk({ ids: ids.slice(0, 4), action: "reviewed" }),
      bulk({ ids: ids.slice(2), action: "archived" }),
      bulk({ ids: [ids[5]], action: "delete" }),
    ]);
    expect([a.status, b.status, gone.status]).toEqual([200, 200, 200]);
    const rows = (await allComments(app, cookie)).rows;
    expect(rows.map((r) => r.id).sort()).toEqual(ids.slice(0, 5));
    for (const row of rows) expect(["reviewed", "archived"]).toContain(row.status);
  });

  it("deletes one comment for good for an employee, audits it without its text, and keeps the counts", async () => {
    const log = memoryLogger();
    const test = await createTestApp({ clock: () => now, dashboardPage: dashboardTemplate, log });
    await staffAccounts(test.db, testPasswords).add(email, password);
    const cookie = await signInAs(test.app.request, { email, password });
    await test.db.execute({
      sql: `INSERT INTO feedback (id, topic, rating, name, comment, client_hash, created_at, updated_at)
            VALUES (?, 'temporary-login-code', 'poor', 'Ada Lovelace', 'my phone number is 555-0100', 'h', ?, ?)`,
      args: [id(1), now - day, now - day],
    });
    const counts = () =>
      test.db.execute("SELECT responses, poor FROM feedback_daily").then((r) => r.rows.map((x) => ({ ...x })));
    const before = await counts();
    const remove = (target: string, headers: Record<string, string>) =>
      test.app.request(`/api/dashboard/comments/${target}/delete`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
        body: new URLSearchParams({ next: "/dashboard/?status=any#comments-heading" }).toString(),
      });
    expect((await remove(id(1), {})).status).toBe(401);
    expect((await remove(id(1), { Cookie: cookie, Origin: "https://evil.example" })).status).toBe(403);
    const done = await remove(id(1), { Cookie: cookie });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/dashboard/?status=any#comments-heading");
    expect((await test.db.execute("SELECT count(*) AS n FROM feedback")).rows[0]?.n).toBe(0);
    expect(await counts()).toEqual(before);
    expect(log.audits()).toEqual([
      expect.objectContaining({
        type: "audit",
        event: "feedback_deleted",
        feedback: id(1),
        topic: "temporary-login-code",
        by: email,
      }),
    ]);
    expect(log.lines.join("\n")).not.toContain("555-0100");
    expect((await remove(id(1), { Cookie: cookie })).status).toBe(404);
  });

  /** A signed-in employee, one comment holding `secret`, and a way to look for it in the files. */
  async function withComment(secret: string, log = memoryLogger()) {
    const test = await createTestApp({ clock: () => now, dashboardPage: dashboardTemplate, log });
    await staffAccounts(test.db, testPasswords).add(email, password);
    const cookie = await signInAs(test.app.request, { email, password });
    await test.db.execute({
      sql: `INSERT INTO feedback (id, topic, rating, comment, client_hash, created_at, updated_at)
            VALUES (?, 'temporary-login-code', 'poor', ?, 'h', ?, ?)`,
      args: [id(2), secret, now - day, now - day],
    });
    const onDisk = () =>
      [test.databaseFile, `${test.databaseFile}-wal`]
        .filter((file) => existsSync(file))
        .some((file) => readFileSync(file).includes(secret));
    const deleteIt = () =>
      test.app.request(`/api/dashboard/comments/${id(2)}/delete`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Cookie: cookie },
        body: "{}",
      });
    return { test, onDisk, deleteIt };
  }

  it("leaves no trace of a comment deleted for good in the database file or its WAL", async () => {
    const { test, onDisk, deleteIt } = await withComment(
      "Please call Ada Lovelace on 0171 555 0100 about her lost phone",
    );
    // Written through to the main file first, where a plain DELETE would only unlink it.
    await test.db.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    expect(onDisk()).toBe(true);
    expect((await deleteIt()).status).toBe(200);
    expect(onDisk()).toBe(false);
  });

  it("deletes for good and says so even while a backup holds the database open, erasing the text once it lets go", async () => {
    const log = memoryLogger();
    const { test, onDisk, deleteIt } = await withComment("Ada Lovelace lost her phone on the train again", log);
    // A reader on another connection (a backup tool, a shell) keeps an old snapshot open.
    const backup = new DatabaseSync(test.databaseFile);
    backup.exec("BEGIN");
    backup.prepare("SELECT count(*) FROM feedback").get();
    expect((await deleteIt()).status).toBe(200);
    expect((await test.db.execute("SELECT count(*) AS n FROM feedback")).rows[0]?.n).toBe(0);
    expect(log.audits().map((e) => e.event)).toEqual(["feedback_deleted", "feedback_erasure_pending"]);
    backup.exec("COMMIT");
    backup.close();
    await expect.poll(onDisk, { timeout: 3000 }).toBe(false);
  });
});
