import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  baseUrl,
  islandAwake,
  openPage,
  publicPagePaths,
  sweepLayoutAndAxe,
  useChromium,
  watchCsp,
} from "../support/browser.ts";

const browser = useChromium();

const seedTopic = "/topics/temporary-login-code/";
/** The search page for `query`, once it has said what it found. */
async function searchPage(page: Page, query: string, typed = false) {
  await page.goto(`/search/?q=${encodeURIComponent(query)}${typed ? "&typed=1" : ""}`);
  await page.locator("[data-search-status]").filter({ hasText: /\S/ }).waitFor();
  return page.locator("[data-search-results] li");
}
const status = (page: Page) => page.locator("[data-search-status]").textContent();
const marked = (page: Page) => page.locator("[data-search-results] mark").allTextContents();

describe("readers in Chromium", () => {
  it("fits every public page at 320 to 1440 px and passes axe in the light and the dark theme", async () => {
    const context = await browser().newContext({ baseURL: baseUrl() });
    const page = watchCsp(await context.newPage());
    const report: Record<string, string[]> = {};
    for (const path of await publicPagePaths()) {
      await page.goto(path);
      if (/^(\/[a-z]{2})?\/search\//.test(path))
        await page.locator("[data-search-status]").filter({ hasText: /\S/ }).waitFor();
      await sweepLayoutAndAxe(page, path, report);
    }
    expect(report).toEqual({});
    await context.close();
    // Every page of a help center of 40 topics in four languages, at each width, in both themes: 90 s here, more on a busy machine.
  }, 480_000);

  it("fits every demo step at 320 to 1440 px, passes axe in both themes, and offers the code only once it exists", async () => {
    const page = await openPage(browser(), seedTopic, { timezoneId: "Europe/Berlin" });
    const demo = page.getByRole("region", { name: "Try it: generate a temporary code" });
    const report: Record<string, string[]> = {};
    await demo.scrollIntoViewIfNeeded();
    await sweepLayoutAndAxe(page, "demo intro", report);
    await demo.getByRole("button", { name: "Start the demo" }).click();
    await page.getByText("Step 1 of 5", { exact: true }).waitFor();
    await sweepLayoutAndAxe(page, "demo step 1", report);
    await demo.getByRole("button", { name: "Users" }).first().click();
    await page.getByText("Step 2 of 5", { exact: true }).waitFor();
    await sweepLayoutAndAxe(page, "demo step 2", report);
    await demo.getByRole("button", { name: "Alex Rivera (arivera)" }).click();
    await page.getByText("Step 3 of 5", { exact: true }).waitFor();
    await sweepLayoutAndAxe(page, "demo step 3", report);
    await demo.getByRole("button", { name: "View Settings" }).click();
    await page.getByText("Step 4 of 5", { exact: true }).waitFor();
    const provide = demo.getByRole("button", { name: "Provide the code to the user" });
    expect(await provide.isDisabled()).toBe(true);
    await sweepLayoutAndAxe(page, "demo step 4, no code yet", report);
    await demo.getByRole("button", { name: "Generate a temporary, 24-hour numerical code" }).click();
    await demo.locator("output").waitFor();
    expect(await provide.isDisabled()).toBe(false);
    // The reader's own zone (Berlin is CET in winter), UTC alongside.
    expect(await demo.getByText(/Expires at .* GMT\+1 \(.*UTC\): 23 h 59 min/).count()).toBe(1);
    expect(await demo.getByText(/^Demo clock: .* GMT\+1 \(.*UTC\)$/).count()).toBe(1);
    await sweepLayoutAndAxe(page, "demo step 4, code shown", report);
    await provide.click();
    await page.getByText("Step 5 of 5", { exact: true }).waitFor();
    await sweepLayoutAndAxe(page, "demo step 5", report);
    expect(report).toEqual({});
    await page.context().close();
  });

  it("starts the demo from the keyboard with the button the page was built with", async () => {
    const page = await openPage(browser(), seedTopic);
    const built = await (await fetch(`${baseUrl()}${seedTopic}`)).text();
    expect(built).toMatch(/<button[^>]*class="button demo__start"[^>]*>Start the demo<\/button>/);
    expect(await page.getByText("needs JavaScript").isVisible()).toBe(false);
    const start = page.getByRole("button", { name: "Start the demo" });
    for (let i = 0; i < 80 && !(await start.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press("Tab");
    }
    expect(await start.evaluate((el) => el === document.activeElement)).toBe(true);
    // It wakes as it comes near the window; Enter then starts it.
    await islandAwake(page, ".demo__start");
    await page.keyboard.press("Enter");
    await page.getByText("Step 1 of 5", { exact: true }).waitFor();
    await page.context().close();
  });

  it("follows the system's theme, remembers the reader's choice from the first paint of the next page, and can follow the system again", async () => {
    const page = await openPage(browser(), "/", { colorScheme: "dark" });
    const theme = page.getByRole("combobox", { name: "Theme" });
    expect(await theme.inputValue()).toBe("");
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(await background()).toBe("rgb(15, 20, 25)");
    await theme.selectOption("light");
    expect(await background()).toBe("rgb(255, 255, 255)");

    // The next page: the stored choice applies before any of the page's own scripts could run.
    await page.goto(seedTopic, { waitUntil: "commit" });
    await page.waitForSelector("body", { state: "attached" });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("light");
    expect(await background()).toBe("rgb(255, 255, 255)");

    // "System" forgets the choice: the page follows the system's dark theme again, and so does the next.
    await page.waitForLoadState("load");
    expect(await theme.inputValue()).toBe("light");
    await theme.selectOption("");
    expect(await background()).toBe("rgb(15, 20, 25)");
    await page.goto("/", { waitUntil: "load" });
    expect(await page.evaluate(() => document.documentElement.dataset.theme ?? "")).toBe("");
    expect(await background()).toBe("rgb(15, 20, 25)");
    await page.context().close();
  });

  it("keeps the seed topic steady while a phone reader scrolls through it and its islands wake (CLS < 0.01)", async () => {
    const context = await browser().newContext({ baseURL: baseUrl(), viewport: { width: 375, height: 700 } });
    // Layout shifts from the first paint on, as Chrome scores them (shifts right after input excluded).
    await context.addInitScript(() => {
      const shifts = { total: 0 };
      Object.assign(window, { __shifts: shifts });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) shifts.total += entry.value;
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    const page = watchCsp(await context.newPage());
    await page.goto(seedTopic, { waitUntil: "load" });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y <= height; y += 350) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(50);
    }
    // Every island that wakes on sight has woken (the header's suggestions wait for focus).
    await page.waitForFunction(() =>
      [...document.querySelectorAll('astro-island:not([component-url*="SearchSuggestions"])')].every(
        (island) => !island.hasAttribute("ssr"),
      ),
    );
    await page.locator("#feedback-comment-count").filter({ hasText: "Characters left" }).waitFor();
    await page.waitForTimeout(200);
    const shift = await page.evaluate(() => (window as unknown as { __shifts: { total: number } }).__shifts.total);
    expect(shift).toBeLessThan(0.01);
    await context.close();
  });

  it("sets the four ratings two to a row on a phone, so none stands alone on a line", async () => {
    const page = await openPage(browser(), seedTopic, { viewport: { width: 375, height: 700 } });
    const tops = await page
      .locator("#feedback-rating .choice")
      .evaluateAll((choices) => choices.map((choice) => Math.round(choice.getBoundingClientRect().top)));
    expect(tops).toHaveLength(4);
    expect(new Set(tops).size).toBe(2);
    expect(tops[0]).toBe(tops[1]);
    expect(tops[2]).toBe(tops[3]);
    await page.context().close();
  });

  it("shows the important alert on every page until dismissed, then remembers that, and its link works", async () => {
    const page = await openPage(browser(), "/getting-started/");
    const banner = page.getByRole("complementary", { name: "Important notice" });
    expect(await banner.textContent()).toContain("Multi-factor authentication becomes required for all firms");
    await banner.getByRole("link").click();
    await page.waitForURL("**/alerts/#2026-10-28-mfa-required");
    const alert = page.locator('[id="2026-10-28-mfa-required"]');
    await alert.getByRole("link", { name: "Multi-factor authentication overview" }).click();
    await page.waitForURL("**/topics/multi-factor-authentication-overview/");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Multi-factor authentication overview");

    await page.getByRole("button", { name: "Dismiss this notice" }).click();
    expect(await banner.isVisible()).toBe(false);
    await page.goto("/", { waitUntil: "commit" });
    await page.waitForSelector(".alert-banner", { state: "attached" });
    expect(await page.locator(".alert-banner").isVisible()).toBe(false);
    await page.context().close();
  });

  it("marks the section being read in the contents list beside a topic on a wide screen", async () => {
    const page = await openPage(browser(), "/topics/multi-factor-authentication-overview/", {
      viewport: { width: 1280, height: 700 },
    });
    const contents = page.getByRole("navigation", { name: "On this page" });
    const current = () => contents.locator('a[aria-current="true"]').textContent();
    expect(await current()).toBe("Pairing a device");
    await page.getByRole("heading", { name: "When the device is not available" }).evaluate((h) => {
      scrollTo(0, h.getBoundingClientRect().top + scrollY - 50);
    });
    await page.waitForFunction(
      () =>
        document.querySelector('.on-this-page a[aria-current="true"]')?.textContent ===
        "When the device is not available",
    );
    // Beside the topic, not above it.
    const box = await contents.boundingBox();
    const article = await page.locator("article.topic h1").boundingBox();
    expect(box && article && box.x > article.x + article.width).toBe(true);
    await page.context().close();
  });

  it("finds topics through the typos readers make, keywords and a did-you-mean that says so", async () => {
    const page = watchCsp(await (await browser().newContext({ baseURL: baseUrl() })).newPage());
    const cases: [string, RegExp][] = [
      ["temprary code", /temporary login code/],
      ["authenticater", /Multi-factor authentication overview|two-factor authentication/i],
      ["pasword", /Reset your password/],
      ["2FA", /Multi-factor authentication overview|two-factor authentication/i],
    ];
    for (const [query, topic] of cases) {
      const results = await searchPage(page, query);
      expect(await results.first().getByRole("link").textContent(), query).toMatch(topic);
    }
    await searchPage(page, "temprary code");
    expect(await status(page)).toMatch(
      /^Showing results for temporary code\. Search instead for temprary code\. \d+ topics match “temporary code”\.$/,
    );
    await page.getByRole("link", { name: "temprary code" }).click();
    await page.getByText("No topic mentions “temprary”; topics about “code”:").waitFor();
    await page.context().close();
  });

  it("answers the searches readers wrote about with their exact words: no false hits, no needless corrections, some words when not all", async () => {
    const page = watchCsp(await (await browser().newContext({ baseURL: baseUrl() })).newPage());
    // A word only some topics have: never found through "in".
    await searchPage(page, "invoice");
    expect(await status(page)).toMatch(/^\d+ topics match “invoice”\.$/);
    expect((await marked(page)).every((word) => /^invoice/i.test(word))).toBe(true);
    // "to" is a stop word: it neither finds nor is marked.
    const excel = await searchPage(page, "export to excel");
    expect(await excel.first().getByRole("link").textContent()).toBe("Export data to Excel or CSV");
    expect((await marked(page)).map((w) => w.toLowerCase())).not.toContain("to");
    // "reset" is a word of the help center: never "corrected" to "rest".
    const reset = await searchPage(page, "reset password");
    expect(await status(page)).toMatch(/^\d+ topics match “reset password”\.$/);
    expect(await reset.first().getByRole("link").textContent()).toBe("Reset your password");
    // No topic has both words: the topics about the phone, under a line that says so.
    const stolen = await searchPage(page, "phone stolen");
    expect(await status(page)).toBe("No topic has both “phone” and “stolen”; topics with one of them:");
    expect(await stolen.getByRole("link").allTextContents()).toContain(
      "Mobile device inaccessible: Generating a temporary login code",
    );
    await searchPage(page, "phone qqzzxx");
    expect(await status(page)).toBe("No topic mentions “qqzzxx”; topics about “phone”:");
    // Questions reach the topic that answers them.
    const question = await searchPage(page, "how do I sign in without my phone");
    expect(await question.first().getByRole("link").textContent()).toBe("Sign in without your phone");
    await searchPage(page, "how to");
    expect(await status(page)).toMatch(/^“how to” has only words like “how” and “to”\./);
    await page.context().close();
  });

  it("passes axe and fits 320 to 1440 px in every state of the search page", async () => {
    const page = await openPage(browser(), "/");
    const report: Record<string, string[]> = {};
    for (const [state, query, typed] of [
      ["all words", "temporary code", false],
      ["some words", "phone qqzzxx", false],
      ["corrected", "temprary code", false],
      ["as typed", "temprary code", true],
      ["nothing", "zzqx", false],
      ["stop words", "how to", false],
    ] as const) {
      await searchPage(page, query, typed);
      await sweepLayoutAndAxe(page, `search: ${state}`, report);
    }
    expect(report).toEqual({});
    await page.context().close();
  });

  it("says in the header's suggestions when they have only some of the words", async () => {
    const page = await openPage(browser(), "/");
    const box = page.getByRole("combobox", { name: "Search the help center" }).or(page.locator("#site-search"));
    await box.focus();
    await page.keyboard.type("phone qqzzxx");
    // Suggestions follow the typing: wait for those of the whole query.
    await page
      .locator(".suggestions__note")
      .filter({ hasText: "No topic mentions “qqzzxx”; topics about “phone”:" })
      .waitFor();
    expect(await page.getByRole("listbox", { name: "Suggested topics" }).getByRole("option").count()).toBeGreaterThan(
      0,
    );
    await box.fill("");
    await page.keyboard.type("pas");
    const options = page.getByRole("listbox", { name: "Suggested topics" }).getByRole("option");
    await options.filter({ hasText: "Reset your password" }).waitFor();
    expect(await page.locator(".suggestions__note").isHidden()).toBe(true);
    await page.context().close();
  });

  it("shows snippets of body text only: no keywords, no dates, no field names", async () => {
    const page = watchCsp(await (await browser().newContext({ baseURL: baseUrl() })).newPage());
    for (const query of ["temporary code", "2FA", "lost phone", "authenticator"]) {
      const results = await searchPage(page, query);
      for (const snippet of await results.locator("p").allTextContents()) {
        expect(snippet, query).not.toMatch(/Updated|2FA|lost phone, |keywords|description:|title:/i);
        expect(snippet.trim().length, query).toBeGreaterThan(20);
      }
    }
    await page.context().close();
  });

  it("offers popular topics and ways to reach Support when a search finds nothing", async () => {
    const page = await openPage(browser(), "/search/?q=zzqx");
    await page.getByText("No topics match “zzqx”.").waitFor();
    expect(await page.getByRole("heading", { name: "Popular topics" }).isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: /temporary login code/ }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "Open a support case" }).isVisible()).toBe(true);
    await page.context().close();
  });

  it("suggests topics in the header box by keyboard, loading them only once the box has focus", async () => {
    const page = await openPage(browser(), "/");
    const loaded = () =>
      page.evaluate(() => performance.getEntriesByType("resource").some((r) => r.name.includes("SearchSuggestions")));
    expect(await loaded()).toBe(false);
    const box = page.getByRole("combobox", { name: "Search the help center" }).or(page.locator("#site-search"));
    await box.focus();
    await page.keyboard.type("authenticat");
    const options = page.getByRole("listbox", { name: "Suggested topics" }).getByRole("option");
    await options.first().waitFor();
    expect(await loaded()).toBe(true);
    expect(await page.locator("#site-search").getAttribute("aria-expanded")).toBe("true");

    await page.keyboard.press("ArrowDown");
    const first = await options.first().textContent();
    expect(await options.first().getAttribute("aria-selected")).toBe("true");
    expect(await page.locator("#site-search").getAttribute("aria-activedescendant")).toBe(
      await options.first().getAttribute("id"),
    );
    await page.keyboard.press("Escape");
    expect(await page.locator("#site-search").getAttribute("aria-expanded")).toBe("false");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname.startsWith("/topics/"));
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(first);
    await page.context().close();
  });
});
