import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { nodeSqliteClient } from "../../functions/db/node-sqlite-client.ts";
import { baseUrl, islandAwake, openPage, sweepLayoutAndAxe, useChromium } from "../support/browser.ts";

const browser = useChromium();
const db = nodeSqliteClient(`file:${inject("databaseFile")}`);
afterAll(() => db.close());

/** Words no other browser test writes: the server's database is shared by them all. */
const marker = "lang-run";
const storedLanguages = async (like: string) =>
  (await db.execute({ sql: "SELECT lang FROM feedback WHERE comment LIKE ? ORDER BY lang", args: [like] })).rows.map(
    (r) => r.lang,
  );

/** What the dashboard test reads: a German and an Arabic comment, and a German search that found nothing. */
const filterRun = "lang-filter-run";
beforeAll(async () => {
  const post = (path: string, body: unknown, client: string) =>
    fetch(`${baseUrl()}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": client },
      body: JSON.stringify(body),
    });
  for (const [lang, comment, client] of [
    ["de", `${filterRun} Der Code kam nie an.`, "192.0.2.101"],
    ["ar", `${filterRun} لم يصل الرمز`, "192.0.2.102"],
  ] as const) {
    const answer = { topic: "temporary-login-code", rating: "poor", comment };
    expect((await post(`/api/feedback?lang=${lang}`, answer, client)).status).toBe(201);
  }
  const search = { searches: [{ query: "qqzzxx sprachfilter", results: 0 }] };
  expect((await post("/api/searches?lang=de", search, "192.0.2.103")).status).toBe(202);
});

async function signIn(page: Page) {
  await page.getByRole("textbox", { name: "E-mail address" }).fill(inject("employee").email);
  await page.getByLabel("Password").fill(inject("employee").password);
  await page.getByLabel("Password").press("Enter");
}

describe("answers, searches and the dashboard by language, in Chromium", () => {
  it("stores what a reader sends from a German page with the island and from an Arabic page without JavaScript in their languages", async () => {
    const page = await openPage(browser(), "/de/topics/temporary-login-code/");
    const form = page.locator("#feedback");
    await form.scrollIntoViewIfNeeded();
    await islandAwake(page, "#feedback-comment");
    await form.getByRole("textbox").last().fill(`${marker} island Der Code kam nie an.`);
    await form.getByRole("button", { name: "Feedback senden" }).click();
    await form.getByRole("status").filter({ hasText: "Vielen Dank für Ihr Feedback." }).waitFor();
    await page.context().close();

    const plain = await openPage(browser(), "/ar/topics/temporary-login-code/", { javaScriptEnabled: false });
    await plain.locator("#feedback-comment").fill(`${marker} form لم يصل الرمز`);
    await plain.getByRole("button", { name: "إرسال الملاحظات" }).click();
    await plain.waitForURL(/\/ar\/topics\/temporary-login-code\/\?feedback=sent#feedback-thanks$/);
    await plain.context().close();

    expect(await storedLanguages(`${marker} island%`)).toEqual(["de"]);
    expect(await storedLanguages(`${marker} form%`)).toEqual(["ar"]);
  });

  it("records a search on the German search page as German", async () => {
    const page = await openPage(browser(), "/de/search/?q=qqzzxx%20sprachtest");
    await page.locator("[data-search-status]").filter({ hasText: /\S/ }).waitFor();
    // It counts once the reader pauses on it; leaving the page sends it.
    await page.waitForTimeout(1700);
    await page.goto("/");
    const stored = async () =>
      (await db.execute("SELECT lang FROM searches WHERE query = 'qqzzxx sprachtest'")).rows.map((r) => r.lang);
    await expect.poll(stored).toEqual(["de"]);
    await page.context().close();
  });

  it("lets a writer pick a language beside the period, on the figures, the comments and the searches, axe clean", async () => {
    const page = await openPage(browser(), "/sign-in/?next=%2Fdashboard%2F%3Fstatus%3Dany%26period%3D7d", {
      viewport: { width: 1280, height: 900 },
    });
    await signIn(page);
    const languages = page.getByRole("navigation", { name: "Language" });
    await languages.getByRole("link", { name: "German" }).click();
    await page.waitForURL(/lang=de/);
    expect(await languages.getByRole("link", { name: "German" }).getAttribute("aria-current")).toBe("page");
    // Every figure is German alone: the breakdown has its one row, the comments theirs.
    const breakdown = page.getByRole("table", { name: /Feedback per language of the page/ });
    expect(await breakdown.getByRole("rowheader").allTextContents()).toEqual(["German"]);
    await page.getByText(`${filterRun} Der Code kam nie an.`).waitFor();
    expect(await page.getByText(`${filterRun} لم يصل الرمز`).count()).toBe(0);
    expect(await page.getByRole("combobox", { name: "Language" }).inputValue()).toBe("de");
    const report: Record<string, string[]> = {};
    await sweepLayoutAndAxe(page, "dashboard in German", report);

    // The comment filters' own drop-down: Arabic, whose comment reads right to left in its own language.
    await page.getByRole("combobox", { name: "Language" }).selectOption("ar");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/lang=ar/);
    const arabic = page.locator(".comment__text").filter({ hasText: filterRun });
    expect(await arabic.getAttribute("lang")).toBe("ar");
    const csv = await (
      await page.request.get((await page.getByRole("link", { name: "CSV" }).getAttribute("href")) ?? "")
    ).text();
    expect(csv.split("\r\n")[0]).toContain(",language,");
    expect(csv).toContain(`,ar,`);
    expect(csv).not.toContain(`${filterRun} Der Code`);
    await sweepLayoutAndAxe(page, "dashboard in Arabic", report);

    await page.goto("/dashboard/searches/?period=7d&lang=de");
    const nothing = page.getByRole("region", { name: "Searches that found nothing" });
    const row = nothing.getByRole("row", { name: /qqzzxx sprachfilter/ });
    await row.waitFor();
    expect(await row.getByRole("cell").first().textContent()).toBe("German");
    expect(await row.getByRole("link").getAttribute("href")).toBe("/de/search/?q=qqzzxx%20sprachfilter&typed=1");
    await sweepLayoutAndAxe(page, "searches in German", report);
    expect(report).toEqual({});
    await page.context().close();
  });
});
