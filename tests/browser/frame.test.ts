import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, openPage, useChromium } from "../support/browser.ts";

const browser = useChromium();

const seedTopic = "/topics/temporary-login-code/";
/** A common phone: 375 × 812 CSS pixels. */
const phone = { viewport: { width: 375, height: 812 } };
const brand = JSON.parse(readFileSync("content/brand.json", "utf8")) as {
  productName: string;
  tasks: { label: string; topic: string }[];
};

/** Where the page's own content starts, in CSS pixels from the top of the window. */
const contentTop = (page: Page) => page.evaluate(() => document.querySelector("main")?.getBoundingClientRect().top);

describe("the home page and the site's frame in Chromium", () => {
  it("leads with a search box, the readers' top tasks, the latest notice, categories with their counts and popular topics", async () => {
    const page = await openPage(browser(), "/");
    await page.getByRole("heading", { level: 1, name: "How can we help?" }).waitFor();
    await page.getByText(`Answers for ${brand.productName}`).waitFor();
    // One search box on the home page: the page's own, not a second one in the header.
    expect(await page.locator("input[name=q]").count()).toBe(1);
    expect(await page.locator("main input[name=q]").getAttribute("id")).toBe("site-search");

    const tasks = page.getByRole("region", { name: "Start with what you came to do" }).getByRole("link");
    expect(await tasks.count()).toBe(brand.tasks.length);
    for (const [i, task] of brand.tasks.entries()) {
      expect(await tasks.nth(i).getAttribute("href")).toBe(`/topics/${task.topic}/`);
      expect(await tasks.nth(i).textContent()).toContain(task.label);
    }

    await page.getByRole("complementary", { name: "Latest notice" }).getByRole("link").first().waitFor();
    const card = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: "Security and sign-in" }) });
    const count = Number(/(\d+) topics/.exec((await card.textContent()) ?? "")?.[1]);
    expect(count).toBeGreaterThan(3);
    await card.getByRole("link", { name: `All ${count} topics in Security and sign-in` }).click();
    await page.getByRole("heading", { level: 1, name: "Security and sign-in" }).waitFor();
    expect(await page.locator("main .topic-list > li").count()).toBe(count);
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Home" }).waitFor();
    await page.goBack();

    await page.getByRole("region", { name: "Popular topics" }).getByRole("link").first().waitFor();
    await page.locator("#site-search").fill("temporary code");
    await page.keyboard.press("Enter");
    await page.waitForURL("**/search/?q=temporary+code");
    await page.locator("[data-search-results] li").first().waitFor();
    await page.context().close();
  });

  it("keeps the phone frame under 120 px before the content, with search and the links behind two buttons", async () => {
    const page = await openPage(browser(), seedTopic, phone);
    expect(await contentTop(page)).toBeLessThanOrEqual(120);
    const links = page.getByRole("navigation", { name: "Fairway Help Center" }).getByRole("link");
    const isOpen = (id: string) => page.locator(`#${id}`).evaluate((panel) => panel.matches(":popover-open"));
    expect(await links.first().isVisible()).toBe(false);

    const menu = page.getByRole("button", { name: "Menu" });
    await menu.click();
    expect(await isOpen("site-menu")).toBe(true);
    expect(await links.count()).toBe(4);
    for (let i = 0; i < 4; i++) expect(await links.nth(i).isVisible()).toBe(true);
    await page.getByRole("combobox", { name: "Theme" }).waitFor();
    await expectNoAxeViolations(page);
    await links.first().focus();
    await page.keyboard.press("Escape");
    expect(await isOpen("site-menu")).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Menu");
    expect(await links.first().isVisible()).toBe(false);

    // The open menu is a sheet over the header with its own Close; search opens ready to type in.
    await menu.click();
    await page.getByRole("button", { name: "Close the menu" }).click();
    expect(await isOpen("site-menu")).toBe(false);
    await page.getByRole("button", { name: "Search" }).first().click();
    expect(await isOpen("site-header-search")).toBe(true);
    await page.waitForFunction(() => document.activeElement?.id === "site-search");
    await page.keyboard.press("Escape");
    expect(await isOpen("site-header-search")).toBe(false);
    await page.context().close();
  });

  it("folds the phone header the same way without JavaScript, and opens it all the same", async () => {
    const page = await openPage(browser(), seedTopic, { ...phone, javaScriptEnabled: false });
    expect(await contentTop(page)).toBeLessThanOrEqual(120);
    const links = page.getByRole("navigation", { name: "Fairway Help Center" }).getByRole("link");
    await page.getByRole("button", { name: "Menu" }).click();
    for (let i = 0; i < 4; i++) expect(await links.nth(i).isVisible()).toBe(true);
    await page.getByRole("button", { name: "Close the menu" }).click();
    await page.getByRole("button", { name: "Search" }).first().click();
    expect(await page.locator("#site-search").isVisible()).toBe(true);
    await page.context().close();
  });

  it("puts the seed topic's sentence for users and its first step on a phone's first screen", async () => {
    const page = await openPage(browser(), seedTopic, phone);
    const readers = page.getByRole("region", { name: "Who this is for" });
    const sentence = readers.getByText("Ask your firm administrator for a temporary code");
    const stepOne = page.locator(".prose ol > li").first();
    expect(await stepOne.textContent()).toContain("In the Admin tab of the navigation pane");
    const bottom = async (l: typeof stepOne, lines = 1) => {
      const box = await l.boundingBox();
      const lineHeight = await l.evaluate((e) => Number.parseFloat(getComputedStyle(e).lineHeight));
      return (box?.y ?? Number.POSITIVE_INFINITY) + lines * lineHeight;
    };
    expect(await bottom(sentence, 2)).toBeLessThanOrEqual(812);
    // Step 1's first line is on screen, not only its number.
    expect(await bottom(stepOne)).toBeLessThanOrEqual(812);

    // Administrators are sent to the steps.
    await readers.getByRole("link", { name: "Generate the code with the steps below." }).click();
    await page.waitForURL(`**${seedTopic}#generate-a-temporary-code`);
    await page.context().close();
  });
});
