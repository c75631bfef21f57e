import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { nodeSqliteClient } from "../../functions/db/node-sqlite-client.ts";
import { baseUrl, openPage, sweepLayoutAndAxe, useChromium } from "../support/browser.ts";

const browser = useChromium();
const db = nodeSqliteClient(`file:${inject("databaseFile")}`);
afterAll(() => db.close());

async function storedSearches(query: string) {
  const result = await db.execute({ sql: "SELECT results, opened FROM searches WHERE query = ?", args: [query] });
  return result.rows.map((r) => ({ ...r }));
}

const payloads = [
  "<script>window.pwned = 1</script>",
  '<img src=x onerror="window.pwned = 2">',
  "[click me](javascript:window.pwned=3)",
];

beforeAll(async () => {
  for (const [index, comment] of payloads.entries()) {
    const response = await fetch(`${baseUrl()}/api/feedback`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": `192.0.2.${index}` },
      body: JSON.stringify({ topic: "application-security-overview", rating: "poor", comment: `xss-run ${comment}` }),
    });
    expect(response.status).toBe(201);
  }
});

describe("the feedback dashboard in Chromium", () => {
  it("counts a topic view whether or not the page runs JavaScript, and none for a reader who asks not to be tracked", async () => {
    const views = async () =>
      Number(
        (await db.execute({ sql: "SELECT sum(views) AS n FROM topic_views WHERE topic = 'export-to-excel-or-csv'" }))
          .rows[0]?.n ?? 0,
      );
    const before = await views();
    for (const options of [{}, { javaScriptEnabled: false }, { extraHTTPHeaders: { "Sec-GPC": "1" } }]) {
      const page = await openPage(browser(), "/topics/export-to-excel-or-csv/", options);
      await page.waitForLoadState("load");
      await page.context().close();
    }
    expect(await views()).toBe(before + 2);
  });

  it("shows a writer the topic failing its readers on the first screen, and leads from it to its comments", async () => {
    for (let i = 0; i < 8; i++) {
      const response = await fetch(`${baseUrl()}/api/feedback`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Forwarded-For": `198.51.100.${i}` },
        body: JSON.stringify({
          topic: "schedule-a-report",
          rating: "poor",
          found: "no",
          comment: `attention-run ${i}`,
        }),
      });
      expect(response.status).toBe(201);
    }
    const page = await openPage(browser(), "/sign-in/?next=%2Fdashboard%2F", {
      viewport: { width: 1280, height: 900 },
    });
    await page.getByRole("textbox", { name: "E-mail address" }).fill(inject("employee").email);
    await page.getByLabel("Password").fill(inject("employee").password);
    await page.getByLabel("Password").press("Enter");
    const attention = page.getByRole("region", { name: "Needs attention" });
    const item = attention
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: "Schedule a report to be sent by email" }) });
    await item.getByText(/readers rated it Poor or said No/).waitFor();
    // On the first screen, without scrolling.
    expect(((await item.boundingBox())?.y ?? Number.POSITIVE_INFINITY) + 40).toBeLessThan(900);
    await item.getByRole("link", { name: "Comments on Schedule a report to be sent by email" }).click();
    await page.getByText("attention-run 7", { exact: true }).waitFor();
    expect(await page.getByText(/^attention-run \d$/).count()).toBe(8);
    await page.context().close();
  });

  it("marks a page of comments at once, with and without JavaScript, says so with an undo, and leads to each topic", async () => {
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${baseUrl()}/api/feedback`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Forwarded-For": `203.0.113.${i}` },
        body: JSON.stringify({ topic: "build-a-report", rating: "average", comment: `bulk-run ${i}` }),
      });
      expect(response.status).toBe(201);
    }
    const list = "/dashboard/?topic=build-a-report&status=new";
    for (const javaScriptEnabled of [true, false]) {
      const page = await openPage(browser(), `/sign-in/?next=${encodeURIComponent(list)}`, { javaScriptEnabled });
      await page.getByRole("textbox", { name: "E-mail address" }).fill(inject("employee").email);
      await page.getByLabel("Password").fill(inject("employee").password);
      await page.getByLabel("Password").press("Enter");
      await page.getByText("bulk-run 0", { exact: true }).waitFor();
      const boxes = page.getByRole("checkbox", { name: "Select this comment" });
      if (javaScriptEnabled) {
        expect(await boxes.count()).toBe(3);
        await page.getByRole("button", { name: "Tick all on this page" }).click();
        await page.getByRole("button", { name: "Mark reviewed" }).first().click();
        await page.getByRole("status").getByText("3 comments marked reviewed.").waitFor();
        await page.getByRole("button", { name: "Undo: mark them new again" }).click();
        await page.getByRole("status").getByText("3 comments marked new.").waitFor();
        expect(await page.getByText(/^bulk-run \d$/).count()).toBe(3);
        const report: Record<string, string[]> = {};
        await sweepLayoutAndAxe(page, "dashboard after a bulk action", report);
        expect(report).toEqual({});
        await page.locator(".comment__meta").getByRole("link", { name: "Build a custom report" }).first().click();
        await page.getByRole("heading", { level: 1, name: "Build a custom report" }).waitFor();
      } else {
        expect(await page.getByRole("button", { name: "Tick all on this page" }).isVisible()).toBe(false);
        await boxes.nth(0).check();
        await boxes.nth(1).check();
        await page.getByRole("button", { name: "Mark archived" }).first().click();
        await page.getByRole("status").getByText("2 comments marked archived.").waitFor();
        expect(await page.getByText(/^bulk-run \d$/).count()).toBe(1);
      }
      await page.context().close();
    }
  });

  it("shows hostile comments as plain text, runs none of them, and filters, marks and exports", async () => {
    const page = await openPage(browser(), "/sign-in/?next=%2Fdashboard%2F%3Fstatus%3Dany%26period%3D7d");
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.getByRole("textbox", { name: "E-mail address" }).fill(inject("employee").email);
    await page.getByLabel("Password").fill(inject("employee").password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Feedback dashboard" }).waitFor();

    for (const payload of payloads) expect(await page.getByText(`xss-run ${payload}`, { exact: true }).count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator(".comment__text img, .comment__text script, .comment__text a").count()).toBe(0);
    for (const width of [1280, 1440, 1920]) {
      await page.setViewportSize({ width, height: 800 });
      const left = async (selector: string) => (await page.locator(selector).first().boundingBox())?.x;
      // The wide dashboard and the header above it keep one left edge.
      expect(await left("main h1"), `at ${width} px`).toBe(await left(".site-header__bar > *"));
    }
    const report: Record<string, string[]> = {};
    await sweepLayoutAndAxe(page, "dashboard", report);
    await page.goto("/dashboard/?topic=application-security-overview&status=any&period=all");
    await page.getByRole("heading", { name: "Why not" }).waitFor();
    await sweepLayoutAndAxe(page, "dashboard, one topic", report);
    await page.goBack();
    expect(report).toEqual({});

    await page.getByRole("combobox", { name: "Rating" }).selectOption("poor");
    await page.getByRole("combobox", { name: "Status" }).selectOption("new");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/rating=poor/);
    const first = page.locator(".comment").filter({ hasText: "xss-run <script>" });
    await first.getByRole("button", { name: "Mark reviewed" }).scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => scrollY);
    await first.getByRole("button", { name: "Mark reviewed" }).click();
    // In place: the comment says so, the page does not move or reload.
    await first.getByText("Status: reviewed (by you, just now)").waitFor();
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);
    expect(await first.getByRole("button", { name: "Mark reviewed" }).isVisible()).toBe(false);
    await page.reload();
    expect(await page.getByText("xss-run <script>window.pwned = 1</script>", { exact: true }).count()).toBe(0);
    expect(await page.getByText("xss-run <img", { exact: false }).count()).toBe(1);

    const csvHref = await page.getByRole("link", { name: "CSV" }).getAttribute("href");
    const csv = await (await page.request.get(csvHref ?? "")).text();
    expect(csv).toContain('xss-run <img src=x onerror=""window.pwned = 2"">');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("is not there for a reader who is not signed in", async () => {
    const response = await fetch(`${baseUrl()}/dashboard/`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("Topics, worst first");
  });

  it("shows a search that found nothing in the Searches view, once the reader has left the page", async () => {
    const page = await openPage(browser(), "/search/?q=qqzzxx%20widgets");
    await page.getByText("No topics match “qqzzxx widgets”.").waitFor();
    // It counts once the reader pauses on it; leaving the page sends it.
    await page.waitForTimeout(1700);
    await page.goto("/sign-in/?next=%2Fdashboard%2Fsearches%2F");
    await expect.poll(() => storedSearches("qqzzxx widgets")).toEqual([{ results: 0, opened: null }]);
    await page.getByRole("textbox", { name: "E-mail address" }).fill(inject("employee").email);
    await page.getByLabel("Password").fill(inject("employee").password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/dashboard/searches/");
    const nothing = page.getByRole("region", { name: "Searches that found nothing" });
    expect(await nothing.getByRole("row", { name: /qqzzxx widgets/ }).count()).toBe(1);
    const report: Record<string, string[]> = {};
    await sweepLayoutAndAxe(page, "searches view", report);
    expect(report).toEqual({});
    await page.context().close();
  });

  it("records a search that showed only some words as finding nothing, and a corrected one with its correction", async () => {
    // Words no other test searches for: the server's database is shared by the browser tests.
    const page = await openPage(browser(), "/search/?q=phone%20wqzzyk");
    await page.getByText("No topic mentions “wqzzyk”; topics about “phone”:").waitFor();
    await page.waitForTimeout(1700);
    await page.goto("/search/?q=temprary%20login%20code");
    await page.getByText(/^Showing results for temporary login code/).waitFor();
    await page.waitForTimeout(1700);
    await page.goto("/");
    const stored = async (query: string) =>
      (
        await db.execute({ sql: "SELECT results, partial, corrected FROM searches WHERE query = ?", args: [query] })
      ).rows.map((r) => ({ ...r }));
    await expect.poll(() => stored("phone wqzzyk")).toEqual([{ results: 0, partial: 1, corrected: null }]);
    await expect
      .poll(() => stored("temprary login code"))
      .toEqual([{ results: expect.any(Number), partial: 0, corrected: "temporary login code" }]);
    expect(Number((await stored("temprary login code"))[0]?.results)).toBeGreaterThan(0);
    await page.context().close();
  });

  it("records nothing for a reader whose browser asks not to be tracked", async () => {
    const context = await browser().newContext({ baseURL: baseUrl(), extraHTTPHeaders: { "Sec-GPC": "1" } });
    const page = await context.newPage();
    await page.addInitScript(() => Object.defineProperty(navigator, "globalPrivacyControl", { value: true }));
    const settled = () => page.locator("[data-search-status]").filter({ hasText: /\S/ }).waitFor();
    await page.goto("/search/?q=private%20matters");
    await settled();
    await page.waitForTimeout(1700);
    await page.goto("/search/?q=qqzzxx%20widgets");
    await settled();
    await page.goto("/");
    // Give a beacon, had one been sent, the time the other test's needed.
    await page.waitForTimeout(1000);
    expect(await storedSearches("private matters")).toEqual([]);
    await context.close();
  });
});
