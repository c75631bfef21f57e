import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { baseUrl, openPage, useChromium, watchCsp } from "../support/browser.ts";

const browser = useChromium();

const seedTopic = "/topics/temporary-login-code/";

describe("the public site in Chromium", () => {
  it("shows the seed topic with its five steps, related topics and no internal text", async () => {
    const page = await openPage(browser(), seedTopic);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Mobile device inaccessible: Generating a temporary login code",
    );
    expect(await page.locator("article ol > li").count()).toBe(5);
    const related = page.getByRole("region", { name: "Related topics" });
    expect(await related.getByRole("link").allTextContents()).toEqual([
      "CS Professional Suite application security overview",
      "Multi-factor authentication overview",
    ]);
    const text = (await page.locator("body").textContent()) ?? "";
    expect(text).not.toMatch(/Citrix|letterhead|SharePoint|Internal note/i);
    await page.context().close();
  });

  it("ends every topic with a way to get help, from the brand file, and lists the same on Contact us", async () => {
    const brand = JSON.parse(readFileSync("content/brand.json", "utf8")) as {
      siteName: string;
      contact: { phone: { number: string }; email: string; case: { label: string } };
    };
    const page = await openPage(browser(), seedTopic);
    const help = page.getByRole("region", { name: "Still need help?" });
    expect(await help.getByRole("link", { name: brand.contact.phone.number }).getAttribute("href")).toMatch(
      /^tel:\+\d+$/,
    );
    expect(await help.getByRole("link", { name: brand.contact.email }).getAttribute("href")).toBe(
      `mailto:${brand.contact.email}`,
    );
    expect(await help.getByRole("link", { name: brand.contact.case.label }).count()).toBe(1);
    expect(await page.title()).toContain(brand.siteName);
    await page.getByRole("link", { name: "our Support team" }).click();
    await page.waitForURL("**/contact-us/");
    const reach = page.getByRole("region", { name: "Reach Support" });
    expect(await reach.getByRole("link", { name: brand.contact.email }).count()).toBe(1);
    await page.context().close();
  });

  it("opens a topic with two or more sections with an On this page list that leads to them", async () => {
    const page = await openPage(browser(), "/topics/multi-factor-authentication-overview/");
    const contents = page.getByRole("navigation", { name: "On this page" });
    expect(await contents.getByRole("link").allTextContents()).toEqual([
      "Pairing a device",
      "When the device is not available",
    ]);
    await contents.getByRole("link", { name: "When the device is not available" }).click();
    await page.waitForURL("**#when-the-device-is-not-available");
    expect(await page.getByRole("heading", { name: "When the device is not available" }).isVisible()).toBe(true);
    await page.context().close();
  });

  it("prints the topic without the banner, demo, controls or feedback, with the site's name, the page's address, full link addresses and the support contacts", async () => {
    const page = await openPage(browser(), seedTopic);
    await page.emulateMedia({ media: "print" });
    for (const region of ["Important notice", "Try it: generate a temporary code", "Share this topic"]) {
      expect(
        await page
          .getByRole("complementary", { name: region })
          .or(page.getByRole("region", { name: region }))
          .isVisible(),
      ).toBe(false);
    }
    expect(await page.getByRole("button").filter({ visible: true }).count()).toBe(0);
    const printed = page.locator(".print-only");
    expect(await printed.isVisible()).toBe(true);
    expect(await printed.textContent()).toBe(
      `Fairway Help Center · ${new URL(seedTopic, "http://localhost:4321").href}`,
    );
    const stillNeedHelp = page.getByRole("region", { name: "Still need help?" });
    expect(await stillNeedHelp.isVisible()).toBe(true);
    expect(await stillNeedHelp.textContent()).toMatch(/Call \+?[\d ()-]+/);
    const address = await page
      .getByRole("region", { name: "Related topics" })
      .getByRole("link")
      .first()
      .evaluate((link) => getComputedStyle(link, "::after").content);
    expect(address).toMatch(
      /^" \(" "http:\/\/localhost:4321" attr\(href\) "\)"$|\(http:\/\/localhost:4321\/topics\/[a-z-]+\/\)/,
    );
    expect(
      await page
        .locator("h2")
        .first()
        .evaluate((h) => getComputedStyle(h).breakAfter),
    ).toBe("avoid");
    await page.context().close();
  });

  it("follows a related topic link to that topic", async () => {
    const page = await openPage(browser(), seedTopic);
    await page
      .getByRole("region", { name: "Related topics" })
      .getByRole("link", { name: "Multi-factor authentication overview" })
      .click();
    await page.waitForURL("**/topics/multi-factor-authentication-overview/");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Multi-factor authentication overview");
    await page.context().close();
  });

  it("finds the seed topic when a reader searches for “temporary code” from the header of a topic on a wide screen", async () => {
    const page = await openPage(browser(), "/topics/multi-factor-authentication-overview/", {
      viewport: { width: 1280, height: 800 },
    });
    // A search box until it first gets focus, a combobox once its suggestions have loaded: by its label.
    const box = page.locator("header").getByLabel("Search the help center");
    expect(await box.isVisible()).toBe(true);
    expect(await page.locator("header form").getByRole("button", { name: "Search" }).isVisible()).toBe(true);
    await box.fill("temporary code");
    await box.press("Enter");
    await page.waitForURL("**/search/?q=temporary+code");
    const result = page.getByRole("link", { name: "Mobile device inaccessible: Generating a temporary login code" });
    await result.waitFor();
    await expect(page.locator("[data-search-status]").textContent()).resolves.toMatch(/match/);
    // Announced once, after the reader pauses.
    await page
      .getByRole("status")
      .filter({ hasText: /topics match “temporary code”/ })
      .waitFor();
    await result.click();
    await page.waitForURL(`**${seedTopic}`);
    await page.context().close();
  });

  it("copies the topic's link to the clipboard and says so", async () => {
    const page = await openPage(browser(), seedTopic, { permissions: ["clipboard-read", "clipboard-write"] });
    await page.getByRole("button", { name: "Copy link" }).click();
    await page.getByText("Link copied to the clipboard.").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseUrl()}${seedTopic}`);
    await page.context().close();
  });

  it("offers an e-mail link that carries the topic's address", async () => {
    const page = await openPage(browser(), seedTopic);
    const href = await page.getByRole("link", { name: "E-mail a link" }).getAttribute("href");
    expect(decodeURIComponent(href ?? "")).toContain("/topics/temporary-login-code/");
    await page.context().close();
  });

  it("answers an unknown address with the 404 page and a way on: home, popular topics and a search that works", async () => {
    const context = await browser().newContext({ baseURL: baseUrl() });
    const page = watchCsp(await context.newPage());
    const response = await page.goto("/topics/no-such-topic/");
    expect(response?.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found");
    expect(await page.getByRole("link", { name: "home page" }).count()).toBe(1);
    await page.getByRole("heading", { name: "Popular topics" }).waitFor();
    expect(await page.locator("main ul a[href^='/topics/']").count()).toBeGreaterThan(0);
    await page.locator("#not-found-search").fill("temporary code");
    await page.locator("#not-found-search").press("Enter");
    await page.waitForURL("**/search/?q=temporary+code");
    await page.locator("[data-search-results] li").first().waitFor();
    await context.close();
  });

  it("reads the seed topic with JavaScript turned off", async () => {
    const page = await openPage(browser(), seedTopic, { javaScriptEnabled: false });
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("temporary login code");
    expect(await page.getByText("Temporary codes expire 24 hours after they are generated.").count()).toBe(1);
    expect(await page.getByRole("button", { name: "Copy link" }).isVisible()).toBe(false);
    await page.context().close();
  });

  it("lets a keyboard user skip straight to the content", async () => {
    const page = await openPage(browser(), seedTopic);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await page.context().close();
  });
});
