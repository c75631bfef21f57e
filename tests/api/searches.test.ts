import { describe, expect, it } from "vitest";
import { staffAccounts } from "../../functions/app/auth/accounts.ts";
import { dashboardTemplate } from "../support/sample-pages.ts";
import { signInAs } from "../support/sign-in.ts";
import { statuses } from "../support/statuses.ts";
import { createTestApp, testPasswords } from "../support/test-app.ts";

const now = Date.UTC(2026, 10, 29, 12);
const day = 86_400_000;
const email = "insight@example.com";
const password = "insight password 2026";

type Test = Awaited<ReturnType<typeof createTestApp>>;

function post(test: Test, body: unknown, headers: Record<string, string> = {}) {
  return test.app.request("/api/searches", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

async function stored(test: Test) {
  return (await test.db.execute("SELECT * FROM searches ORDER BY id")).rows.map((r) => ({ ...r }));
}

describe("recording searches", () => {
  it("stores the normalised words, the build, the count and the opened result, and nothing about the reader", async () => {
    const test = await createTestApp({ clock: () => now });
    const response = await post(test, {
      searches: [
        { query: "  Temporary   CODE ", results: 3, opened: "/topics/temporary-login-code/" },
        { query: "zzqx", results: 0 },
      ],
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ recorded: 2 });
    expect(await stored(test)).toEqual([
      {
        id: 1,
        query: "temporary code",
        audience: "public",
        lang: "en",
        results: 3,
        opened: "/topics/temporary-login-code/",
        created_at: now,
        partial: 0,
        corrected: null,
      },
      {
        id: 2,
        query: "zzqx",
        audience: "public",
        lang: "en",
        results: 0,
        opened: null,
        created_at: now,
        partial: 0,
        corrected: null,
      },
    ]);
  });

  it("counts an employee's searches as the internal build's", async () => {
    const test = await createTestApp({ clock: () => now });
    await staffAccounts(test.db, testPasswords).add(email, password);
    const cookie = await signInAs(test.app.request, { email, password });
    await post(test, { searches: [{ query: "citrix", results: 1 }] }, { Cookie: cookie });
    expect((await stored(test))[0]).toMatchObject({ query: "citrix", audience: "internal" });
  });

  it("records an employee's search without touching their session, so the two cannot be matched by time", async () => {
    let clock = now;
    const test = await createTestApp({ clock: () => clock });
    await staffAccounts(test.db, testPasswords).add(email, password);
    const cookie = await signInAs(test.app.request, { email, password });
    const lastSeen = async () => (await test.db.execute("SELECT last_seen_at FROM sessions")).rows[0]?.last_seen_at;
    clock = now + 30 * 60_000;
    expect((await post(test, { searches: [{ query: "citrix", results: 1 }] }, { Cookie: cookie })).status).toBe(202);
    expect((await stored(test))[0]).toMatchObject({ audience: "internal", created_at: clock });
    expect(await lastSeen()).toBe(now);
    // Reading a page is a use of the session, and is remembered as one.
    await test.app.request("/api/health", { headers: { Cookie: cookie } });
    expect(await lastSeen()).toBe(clock);
  });

  it("redacts e-mail addresses, phone and card numbers before anything is stored, in any script's digits", async () => {
    const test = await createTestApp({ clock: () => now });
    const typed = [
      "reset password for anna.meier@example.com",
      "ＡＮＮＡ＠ＥＸＡＭＰＬＥ．ＣＯＭ locked out",
      "call me +1 (555) 123-4567",
      "card 4111 1111 1111 1111 refused",
      "رقم الهاتف ٠١٢٣٤٥٦٧٨٩",
      "फ़ोन ९८७६५४३२१०",
      "windows 10 code 12345",
    ];
    expect((await post(test, { searches: typed.map((query) => ({ query, results: 0 })) })).status).toBe(202);
    const queries = (await stored(test)).map((row) => row.query);
    expect(queries).toEqual([
      "reset password for [email]",
      "[email] locked out",
      "call me [number]",
      "card [number] refused",
      "رقم الهاتف [number]",
      "फ़ोन [number]",
      "windows 10 code 12345",
    ]);
    const daily = (await test.db.execute("SELECT query FROM search_daily ORDER BY query")).rows.map((r) => r.query);
    expect(daily).toEqual([...queries].sort());
    const everything = JSON.stringify([await stored(test), daily]);
    for (const secret of ["anna", "example", "555", "4111", "٠١٢٣", "९८७६"]) expect(everything).not.toContain(secret);
  });

  it("records a search whose topics had only some of its words as finding nothing, and keeps what it was corrected to", async () => {
    const test = await createTestApp({ clock: () => now, dashboardPage: dashboardTemplate });
    await staffAccounts(test.db, testPasswords).add(email, password);
    const cookie = await signInAs(test.app.request, { email, password });
    const searches = [
      { query: "phone stolen", results: 0, partial: true },
      { query: "Temprary code", results: 3, corrected: "temporary code" },
      { query: "invoice", results: 0 },
    ];
    expect((await post(test, { searches })).status).toBe(202);
    const rows = (await test.db.execute("SELECT query, results, partial, corrected FROM searches ORDER BY id")).rows;
    expect(rows.map((r) => ({ ...r }))).toEqual([
      { query: "phone stolen", results: 0, partial: 1, corrected: null },
      { query: "temprary code", results: 3, partial: 0, corrected: "temporary code" },
      { query: "invoice", results: 0, partial: 0, corrected: null },
    ]);
    const view = await (
      await test.app.request("/dashboard/searches/?period=7", { headers: { Cookie: cookie } })
    ).text();
    const nothing = view.slice(view.indexOf('id="no-results-heading"'), view.indexOf('id="unopened-heading"'));
    expect(nothing).toContain("phone stolen");
    expect(nothing).toContain("invoice");
    expect(nothing).not.toContain("temprary code");
    expect(view).toMatch(/temprary code<\/a><span class="dashboard__note"> shown as <a[^>]*>temporary code<\/a>/);
  });

  it("stores nothing when the browser sends Sec-GPC: 1 or DNT: 1", async () => {
    const test = await createTestApp({ clock: () => now });
    for (const headers of [{ "Sec-GPC": "1" }, { DNT: "1" }]) {
      const response = await post(test, { searches: [{ query: "private", results: 1 }] }, headers);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ recorded: 0 });
    }
    expect(await stored(test)).toEqual([]);
    expect((await test.db.execute("SELECT count(*) AS n FROM search_daily")).rows[0]?.n).toBe(0);
  });

  it.each([
    ["no searches", { searches: [] }, "searches"],
    ["too many searches", { searches: Array.from({ length: 21 }, () => ({ query: "a", results: 1 })) }, "searches"],
    ["a search of punctuation only", { searches: [{ query: "?!", results: 1 }] }, "searches.0.query"],
    ["a negative count", { searches: [{ query: "code", results: -1 }] }, "searches.0.results"],
    [
      "an opened address on another site",
      { searches: [{ query: "code", results: 1, opened: "https://evil.example/" }] },
      "searches.0.opened",
    ],
    ["a field it does not know", { searches: [{ query: "code", results: 1, ip: "1.2.3.4" }] }, "searches.0"],
  ])("refuses %s with 400 in the error shape", async (_name, body, field) => {
    const test = await createTestApp({ clock: () => now });
    const response = await post(test, body);
    expect(response.status).toBe(400);
    const error = ((await response.json()) as { error: { code: string; fields: { field: string }[] } }).error;
    expect(error.code).toBe("invalid_input");
    expect(error.fields.map((f) => f.field)).toContain(field);
    expect(await stored(test)).toEqual([]);
  });

  it("lets 5 of 20 simultaneous batches from one client through a limit of 5", async () => {
    const test = await createTestApp({ clock: () => now, searchLimit: { max: 5, windowMs: 600_000 } });
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post(test, { searches: [{ query: `q${i}`, results: 1 }] })),
    );
    expect(statuses(responses)).toEqual({ 202: 5, 429: 15 });
    expect(responses.find((r) => r.status === 429)?.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await stored(test)).toHaveLength(5);
    const hits = async () => Number((await test.db.execute("SELECT sum(hits) AS n FROM rate_limits")).rows[0]?.n);
    // Each batch the database refused counted a hit; a batch that arrived after the first refusal
    // may have been refused from memory without one. Which of the 15 did is the race's to decide.
    const counted = await hits();
    expect(counted).toBeGreaterThanOrEqual(6);
    expect(counted).toBeLessThanOrEqual(20);
    // Refused once, refused at once: the rest of the window costs the database nothing.
    const flood = await Promise.all(
      Array.from({ length: 10 }, () => post(test, { searches: [{ query: "x", results: 1 }] })),
    );
    expect(statuses(flood)).toEqual({ 429: 10 });
    expect(await hits()).toBe(counted);
  });
});

describe("the Searches view", () => {
  async function withSearches() {
    const test = await createTestApp({ clock: () => now, dashboardPage: dashboardTemplate });
    await staffAccounts(test.db, testPasswords).add(email, password);
    const cookie = await signInAs(test.app.request, { email, password });
    const insert = (query: string, results: number, opened: string | null, at: number) =>
      test.db.execute({
        sql: "INSERT INTO searches (query, audience, results, opened, created_at) VALUES (?, 'public', ?, ?, ?)",
        args: [query, results, opened, at],
      });
    for (let i = 0; i < 4; i++)
      await insert("temporary code", 2, i === 0 ? "/topics/temporary-login-code/" : null, now - day);
    for (let i = 0; i < 3; i++) await insert("invoice", 0, null, now - 2 * day);
    for (let i = 0; i < 2; i++) await insert("pairing", 1, null, now - day);
    await insert("invoice", 0, null, now - 40 * day);
    const get = (path: string) => test.app.request(path, { headers: { Cookie: cookie } });
    return { test, get };
  }

  it("lists top searches, searches that found nothing and searches nobody opened, with the change", async () => {
    const { get } = await withSearches();
    const body = (await (await get("/api/dashboard/searches?period=30d")).json()) as Record<
      string,
      { query: string; searches: number; previous: number | null }[]
    >;
    expect(body.top?.map((r) => [r.query, r.searches, r.previous])).toEqual([
      ["temporary code", 4, 0],
      ["invoice", 3, 1],
      ["pairing", 2, 0],
    ]);
    expect(body.noResults?.map((r) => r.query)).toEqual(["invoice"]);
    expect(body.unopened?.map((r) => r.query)).toEqual(["pairing"]);
  });

  it("renders the view in the dashboard's frame and exports formula-safe CSV", async () => {
    const { get } = await withSearches();
    const html = await (await get("/dashboard/searches/?period=7d")).text();
    expect(html).toContain("Searches that found nothing");
    expect(html).toContain('href="/search/?q=invoice&amp;typed=1"');
    const csv = await (await get("/api/dashboard/searches.csv?period=all")).text();
    expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(
      "query,language,searches,found_nothing,some_words_only,opened_a_result,corrected_to,searches_period_before",
    );
    expect(csv).toContain("invoice,en,4,4,0,0,,\r\n");
  });

  it("says once that nobody searched, rather than that every search found a topic", async () => {
    const { get } = await withSearches();
    const html = await (await get("/dashboard/searches/?period=30d&audience=internal")).text();
    expect(html).toContain("Nobody searched in this period.");
    expect(html).not.toContain("Searches that found nothing");
    expect(html).not.toContain("Searches whose results nobody opened");
  });

  it("is not there for anonymous readers, and refuses a period it does not know", async () => {
    const { test, get } = await withSearches();
    expect((await test.app.request("/api/dashboard/searches")).status).toBe(401);
    expect((await test.app.request("/api/dashboard/searches.csv")).status).toBe(401);
    expect((await test.app.request("/dashboard/searches/")).status).toBe(404);
    expect((await get("/api/dashboard/searches?period=forever")).status).toBe(400);
  });
});
