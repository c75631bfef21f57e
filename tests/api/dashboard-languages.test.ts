import { describe, expect, it } from "vitest";
import { staffAccounts } from "../../functions/app/auth/accounts.ts";
import { dashboardTemplate } from "../support/sample-pages.ts";
import { signInAs } from "../support/sign-in.ts";
import { createTestApp, testPasswords } from "../support/test-app.ts";

/** The dashboard filtered by, and broken down by, the language of the pages readers answered and searched on. */

const email = "languages@example.com";
const password = "languages password 2026";
const now = Date.UTC(2026, 10, 29, 12);
const topic = "temporary-login-code";

async function setUp() {
  const test = await createTestApp({ clock: () => now, dashboardPage: dashboardTemplate });
  await staffAccounts(test.db, testPasswords).add(email, password);
  const cookie = await signInAs(test.app.request, { email, password });
  const get = (path: string) => test.app.request(path, { headers: { Cookie: cookie } });
  const json = async <T>(path: string) => {
    const response = await get(path);
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
  const send = async (path: string, body: unknown) => {
    const response = await test.app.request(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(response.status, JSON.stringify(body)).toBeLessThan(300);
  };
  // Answers from the seed topic's English, German and Arabic pages, and one on the help center in German.
  await send("/api/feedback?lang=en", { topic, rating: "good", found: "yes", comment: "Clear steps." });
  await send("/api/feedback?lang=de", { topic, rating: "poor", found: "no", comment: "Der Code kam nie an." });
  await send("/api/feedback?lang=de", { topic, rating: "average", found: "no", reason: "out-of-date" });
  await send("/api/feedback?lang=ar", { topic, rating: "excellent", comment: "شكرا" });
  await send("/api/feedback?lang=de", { comment: "Mehr Themen auf Deutsch, bitte." });
  for (let i = 0; i < 4; i++) await test.app.request(`/api/views/${topic}?lang=de`);
  return { ...test, get, json, send };
}

interface Overview {
  lang: string | null;
  totals: { summary: { responses: number }; views: number };
  topics: { topic: string; summary: { responses: number }; views: number }[];
  languages: { lang: string; name: string; summary: { responses: number; foundShare: number | null }; views: number }[];
}

describe("the dashboard in one language, and per language", () => {
  it("breaks the overview down per language, and filters every figure to one language", async () => {
    const { json } = await setUp();
    const every = await json<Overview>("/api/dashboard/overview?period=30d");
    expect(every.lang).toBeNull();
    expect(every.totals.summary.responses).toBe(5);
    expect(every.languages.map((l) => [l.lang, l.name, l.summary.responses, l.views]).sort()).toEqual([
      ["ar", "Arabic", 1, 0],
      ["de", "German", 3, 4],
      ["en", "English", 1, 0],
    ]);
    const german = await json<Overview>("/api/dashboard/overview?period=30d&lang=de");
    expect(german.lang).toBe("de");
    expect(german.totals).toMatchObject({ summary: { responses: 3 }, views: 4 });
    expect(german.topics.map((t) => [t.topic, t.summary.responses, t.views])).toEqual([
      [topic, 2, 4],
      ["_help-center", 1, 0],
    ]);
    expect(german.languages.map((l) => [l.lang, l.summary.foundShare])).toEqual([["de", 0]]);
    const allTime = await json<Overview>("/api/dashboard/overview?period=all&lang=ar");
    expect(allTime.topics.map((t) => [t.topic, t.summary.responses])).toEqual([[topic, 1]]);
  });

  it("filters the comments and both exports by language, and the exports carry each comment's language", async () => {
    const { json, get } = await setUp();
    const page = await json<{ total: number; rows: { lang: string; comment: string }[] }>(
      "/api/dashboard/comments?period=30d&status=any&lang=de",
    );
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.lang)).toEqual(["de", "de"]);
    const csv = (await (await get("/api/dashboard/comments.csv?period=30d&status=any")).text()).replace(/^\uFEFF/, "");
    const [header, ...lines] = csv.trim().split("\r\n");
    expect(header?.split(",")[4]).toBe("language");
    expect(lines.map((line) => line.split(",")[4]).sort()).toEqual(["ar", "de", "de", "en"]);
    const germanCsv = await (await get("/api/dashboard/comments.csv?period=30d&status=any&lang=de")).text();
    expect(germanCsv.trim().split("\r\n")).toHaveLength(3);
    const exported = await json<{ comments: { lang: string }[] }>(
      "/api/dashboard/comments.json?period=30d&status=any&lang=ar",
    );
    expect(exported.comments).toEqual([expect.objectContaining({ lang: "ar", comment: "شكرا" })]);
  });

  it("shows one topic's reasons in one language, and links each comment's topic in the comment's language", async () => {
    const { get } = await setUp();
    const german = await (await get(`/dashboard/?period=30d&topic=${topic}&lang=de&status=any`)).text();
    expect(german).toMatch(/Out of date<\/a><\/th><td>1<\/td>/);
    expect(german).toContain(`<a href="/de/topics/${topic}/">Mobile device inaccessible</a> · German`);
    const english = await (await get(`/dashboard/?period=30d&topic=${topic}&lang=en`)).text();
    expect(english).toContain("No reader gave a reason in this period.");
  });

  it("refuses a language filter the help center does not speak, with the field named", async () => {
    const { get } = await setUp();
    for (const path of [
      "/api/dashboard/overview?lang=fr",
      "/api/dashboard/comments?lang=english",
      "/api/dashboard/comments.csv?lang=fr",
      "/api/dashboard/searches?lang=fr",
      "/api/dashboard/searches.csv?lang=fr",
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      const { error } = (await response.json()) as {
        error: { code: string; fields: { field: string; message: string }[] };
      };
      expect(error.code).toBe("invalid_input");
      expect(error.fields).toEqual([
        {
          field: "lang",
          message: "Choose one of the help center's languages (en, de, es, ar), or none for all of them.",
        },
      ]);
    }
    // An empty choice is every language, as the page's drop-down sends it.
    expect((await get("/api/dashboard/overview?lang=")).status).toBe(200);
  });

  it("shows every language on a page whose language filter it cannot use, keeping the period and the build chosen beside it", async () => {
    const { get } = await setUp();
    const current = (html: string, label: string) =>
      new RegExp(
        `<nav aria-label="${label}">[\\s\\S]*?<a class="period" href="[^"]*" aria-current="page">([^<]*)</a>`,
      ).exec(html)?.[1];
    for (const lang of ["fr", "%3Cb%3E", "x".repeat(40)]) {
      const overview = await (await get(`/dashboard/?period=7d&sort=responses&lang=${lang}`)).text();
      expect(current(overview, "Period"), lang).toBe("7 days");
      expect(current(overview, "Language"), lang).toBe("All languages");
      const searches = await (await get(`/dashboard/searches/?period=7d&audience=public&lang=${lang}`)).text();
      expect(current(searches, "Period"), lang).toBe("7 days");
      expect(searches, lang).toContain('href="/dashboard/searches/?period=7d&amp;audience=public&amp;lang=de"');
    }
  });

  it("lists each search in the language it was typed in, filters by language, and links that language's search page", async () => {
    const { json, get, send } = await setUp();
    await send("/api/searches?lang=de", { searches: [{ query: "code", results: 0 }] });
    await send("/api/searches?lang=en", { searches: [{ query: "code", results: 3 }] });
    const every = await json<{ top: { query: string; lang: string; searches: number }[] }>(
      "/api/dashboard/searches?period=7d",
    );
    // The same words on two languages' indexes are two searches: one found nothing, the other did.
    expect(every.top.map((r) => [r.query, r.lang]).sort()).toEqual([
      ["code", "de"],
      ["code", "en"],
    ]);
    const german = await json<{ lang: string; noResults: { lang: string }[]; top: unknown[] }>(
      "/api/dashboard/searches?period=7d&lang=de",
    );
    expect(german.lang).toBe("de");
    expect(german.top).toHaveLength(1);
    expect(german.noResults.map((r) => r.lang)).toEqual(["de"]);
    const csv = await (await get("/api/dashboard/searches.csv?period=7d&lang=en")).text();
    expect(csv).toContain("\r\ncode,en,1,0,0,0,,0\r\n");
    expect(csv).not.toContain("code,de");
    const html = await (await get("/dashboard/searches/?period=7d&lang=de")).text();
    expect(html).toContain('href="/de/search/?q=code&amp;typed=1"');
    expect(html).toMatch(/<a class="period" href="[^"]*lang=de[^"]*" aria-current="page">German<\/a>/);
  });

  it("counts Needs attention per topic in every language, a failed search matched in its own language", async () => {
    const { json, send, get } = await setUp();
    // Readers let down in three languages, too few in any one of them to be sure it fails them.
    for (const lang of ["en", "en", "ar"])
      await send(`/api/feedback?lang=${lang}`, { topic, rating: "poor", found: "no" });
    for (let i = 0; i < 3; i++) {
      // The German title and description's words ("temporären Anmeldecode"), typed without umlauts.
      await send("/api/searches?lang=de", { searches: [{ query: "temporaren anmeldecode erzeugen", results: 0 }] });
    }
    type Signal = { kind: string; missed?: { queries: unknown[] }; unhelpful?: { answers: number; bad: number } };
    type Attention = { topics: { topic: string; signals: Signal[] }[] };
    const attention = await json<Attention>("/api/dashboard/attention?period=7d&lang=en");
    const seed = attention.topics.find((t) => t.topic === topic);
    // Five of seven readers let down, in every language together, whatever the language filter.
    expect(seed?.signals.map((s) => s.kind)).toEqual(["failing", "no-rising", "out-of-date", "searches-missed"]);
    expect(seed?.signals[0]?.unhelpful).toMatchObject({ answers: 7, bad: 5 });
    expect(seed?.signals.find((s) => s.kind === "searches-missed")?.missed?.queries).toEqual([
      { query: "temporaren anmeldecode erzeugen", lang: "de", searches: 3 },
    ]);
    const page = await (await get("/dashboard/?period=7d&lang=de")).text();
    expect(page).toContain("close to its words found nothing: “temporaren anmeldecode erzeugen” (German, 3)");
    expect(page).toContain("Counted in every language");
  });
});
