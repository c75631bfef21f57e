import type { Page } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import { nodeSqliteClient } from "../../functions/db/node-sqlite-client.ts";
import { expectNoAxeViolations, openPage, useChromium } from "../support/browser.ts";

const browser = useChromium();

const topicPath = "/topics/multi-factor-authentication-overview/";
const db = nodeSqliteClient(`file:${inject("databaseFile")}`);

afterAll(() => {
  db.close();
});

async function feedbackRows(marker: string) {
  const result = await db.execute({
    sql: "SELECT rating, found, name, comment FROM feedback WHERE comment LIKE ?",
    args: [`%${marker}%`],
  });
  return result.rows.map((r) => ({ ...r }));
}

/**
 * Hydrated islands replace the static hint with the live counter. The form wakes when a reader
 * comes near it (`client:when`), so the test scrolls there as a reader would.
 */
async function waitForIsland(page: Page) {
  await page.locator("#feedback").scrollIntoViewIfNeeded();
  await page.getByText(/^Characters left: \d+/).waitFor();
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? "");

describe("topic feedback in Chromium", () => {
  it("lets a keyboard-only reader rate, answer and comment, then thanks them and moves focus there", async () => {
    const page = await openPage(browser(), topicPath);
    await waitForIsland(page);
    await expectNoAxeViolations(page);

    await page.getByRole("radio", { name: "Excellent" }).focus();
    await page.keyboard.press("ArrowRight"); // Good
    await page.keyboard.press("Tab"); // the Yes/No group
    await page.keyboard.press("Space"); // Yes
    await page.keyboard.press("Tab"); // name
    await page.keyboard.type("Keyboard Kim");
    await page.keyboard.press("Tab"); // comment (the honeypot is skipped)
    await page.keyboard.type("keyboard-run: clear and short.");
    await page.keyboard.press("Tab"); // send
    await page.keyboard.press("Enter");

    await page.getByRole("status").filter({ hasText: "Thank you for your feedback." }).waitFor();
    expect(await focusedText(page)).toContain("Thank you for your feedback.");
    expect(await page.getByRole("status").filter({ hasText: "Thank you" }).count()).toBeGreaterThan(0);
    expect(await feedbackRows("keyboard-run")).toEqual([
      { rating: "good", found: "yes", name: "Keyboard Kim", comment: "keyboard-run: clear and short." },
    ]);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("counts characters down, announces them once typing pauses, and flags a comment over the limit", async () => {
    const page = await openPage(browser(), topicPath);
    await waitForIsland(page);
    const comment = page.getByRole("textbox", { name: "Please tell us how we can make this topic more helpful." });
    await comment.pressSequentially("Hello");
    await page.getByText("Characters left: 995").waitFor();
    await page.locator("[aria-live=polite]").filter({ hasText: "995 characters left" }).waitFor();

    await comment.fill("x".repeat(1000));
    await page.getByText("Characters left: 0", { exact: true }).waitFor();
    await comment.press("End");
    await comment.pressSequentially("y");
    await page.getByText("Characters left: 0 (1 over the limit)").waitFor();
    expect(await comment.getAttribute("aria-invalid")).toBe("true");

    await page.getByRole("button", { name: "Send feedback" }).click();
    await page.getByRole("alert").getByText("Shorten your comment to 1,000 characters or fewer.").waitFor();
    expect(await focusedText(page)).toContain("Please check your feedback");
    await expectNoAxeViolations(page);
    expect(await feedbackRows("xxxxxxxxxxy")).toEqual([]);
    await page.context().close();
  });

  it("asks for something to send when the form is empty, next to the rating", async () => {
    const page = await openPage(browser(), topicPath);
    await waitForIsland(page);
    await page.getByRole("button", { name: "Send feedback" }).click();
    const message = "Rate the topic, say whether you found what you needed, or write a comment.";
    await page.getByRole("alert").getByRole("link", { name: message }).waitFor();
    const group = page.getByRole("group", { name: "Please rate this topic." });
    expect(await group.getAttribute("aria-describedby")).toBe("feedback-rating-error");
    expect(await page.locator("#feedback-rating-error").textContent()).toBe(message);
    await page.context().close();
  });

  it("remembers the answer and replaces it in the database when the reader changes it", async () => {
    const page = await openPage(browser(), topicPath);
    await waitForIsland(page);
    await page.getByRole("radio", { name: "Average" }).check();
    await page.getByRole("textbox", { name: /more helpful/ }).fill("change-run: first thoughts");
    await page.getByRole("button", { name: "Send feedback" }).click();
    await page.getByRole("status").filter({ hasText: "Thank you for your feedback." }).waitFor();

    await page.reload();
    await page.getByText("You already sent feedback on this page.").waitFor();
    expect(await page.getByText("Rating: Average").count()).toBe(1);
    await page.getByRole("button", { name: "Change your answer" }).click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe("rating");
    await page.getByRole("radio", { name: "Poor" }).check();
    await page.getByRole("textbox", { name: /more helpful/ }).fill("change-run: second thoughts");
    await page.getByRole("button", { name: "Update feedback" }).click();
    await page.getByRole("status").filter({ hasText: "Thank you for your feedback." }).waitFor();

    expect(await feedbackRows("change-run")).toEqual([
      { rating: "poor", found: null, name: null, comment: "change-run: second thoughts" },
    ]);
    await page.context().close();
  });

  it("works as a plain HTML form with JavaScript turned off", async () => {
    const page = await openPage(browser(), topicPath, { javaScriptEnabled: false });
    expect(await page.getByText("Up to 1,000 characters.").count()).toBe(1);
    await page.getByRole("radio", { name: "Excellent" }).check();
    await page.getByRole("radio", { name: "No", exact: true }).check();
    await page.getByRole("textbox", { name: /more helpful/ }).fill("nojs-run: sent without scripts");
    await page.getByRole("button", { name: "Send feedback" }).click();
    await page.waitForURL(
      (url) => url.pathname === topicPath && url.search === "?feedback=sent" && url.hash === "#feedback-thanks",
    );
    expect(await page.getByText("Thank you for your feedback.").isVisible()).toBe(true);
    // The thanks stands in for the form, which "Send more feedback" brings back.
    expect(await page.getByRole("button", { name: "Send feedback" }).isVisible()).toBe(false);
    await page.getByRole("link", { name: "Send more feedback" }).click();
    expect(await page.getByRole("button", { name: "Send feedback" }).isVisible()).toBe(true);
    expect(await page.getByText("Thank you for your feedback.").isVisible()).toBe(false);
    expect(await feedbackRows("nojs-run")).toEqual([
      { rating: "excellent", found: "no", name: null, comment: "nojs-run: sent without scripts" },
    ]);
    await expectNoAxeViolations(page, { javaScript: "off", browser: browser() });
    await page.context().close();
  });

  it("shows what to fix on a page of its own when a plain form post is incomplete, keeping what was typed", async () => {
    const page = await openPage(browser(), topicPath, { javaScriptEnabled: false });
    await page.getByRole("textbox", { name: "Name (optional):" }).fill("Nameonly Nadia");
    await page.getByRole("button", { name: "Send feedback" }).click();
    await page.getByRole("heading", { name: "Check your feedback" }).waitFor();
    expect(await page.getByRole("textbox", { name: "Name (optional):" }).inputValue()).toBe("Nameonly Nadia");
    expect(await page.getByRole("link", { name: /Rate the topic/ }).count()).toBe(1);
    // A page of the site: its frame, its stylesheet (the honeypot is hidden by it), its footer.
    expect(await page.getByRole("link", { name: "Skip to content" }).count()).toBe(1);
    expect(await page.getByRole("contentinfo").count()).toBe(1);
    expect(await page.locator(".honeypot").evaluate((el) => el.getBoundingClientRect().right <= 0)).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector("main") as Element).maxWidth)).not.toBe(
      "none",
    );
    await expectNoAxeViolations(page, { javaScript: "off", browser: browser() });
    await page.context().close();
  });

  it("words the questions for the help center as a whole on the Leave feedback page", async () => {
    const page = await openPage(browser(), "/feedback/");
    await waitForIsland(page);
    expect(await page.getByRole("group", { name: "Please rate this help center." }).count()).toBe(1);
    expect(
      await page
        .getByRole("textbox", { name: "Please tell us how we can make this help center more helpful." })
        .count(),
    ).toBe(1);
    await page.context().close();
  });

  it("asks why after a No, stores the reason, and shows it to writers in the dashboard", async () => {
    const page = await openPage(browser(), topicPath);
    await waitForIsland(page);
    const whyNot = page.getByRole("group", { name: "What was wrong? (optional)" });
    expect(await whyNot.count()).toBe(0);
    await page.getByRole("radio", { name: "No", exact: true }).check();
    await whyNot.waitFor();
    expect(await whyNot.getByRole("link", { name: "Contact Support" }).getAttribute("href")).toBe("/contact-us/");
    await expectNoAxeViolations(page);
    await whyNot.getByRole("radio", { name: "Steps did not work" }).check();
    await page.getByRole("textbox", { name: /more helpful/ }).fill("reason-run: step two has no such button");
    await page.getByRole("button", { name: "Send feedback" }).click();
    await page.getByText("What was wrong: Steps did not work").waitFor();

    await page.goto("/sign-in/?next=%2Fdashboard%2F");
    await page.getByRole("textbox", { name: "E-mail address" }).fill(inject("employee").email);
    await page.getByLabel("Password").fill(inject("employee").password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Feedback dashboard" }).waitFor();
    await page.getByRole("combobox", { name: "Topic" }).selectOption({ label: "Multi-factor authentication overview" });
    await page.getByRole("combobox", { name: "Why not" }).selectOption({ label: "Steps did not work" });
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/reason=steps-did-not-work/);
    const comment = page.locator(".comment").filter({ hasText: "reason-run: step two has no such button" });
    expect(await comment.textContent()).toContain("why not: Steps did not work");
    const reasons = page.getByRole("table", { name: "Why not" });
    expect(await reasons.getByRole("row", { name: /Steps did not work/ }).textContent()).toMatch(
      /Steps did not work\d+\d+ %/,
    );
    await page.context().close();
  });

  it("offers the reasons without JavaScript too, and refuses one that has no No or low rating with its own message", async () => {
    const page = await openPage(browser(), topicPath, { javaScriptEnabled: false });
    const whyNot = page.getByRole("group", { name: /what was wrong\? \(optional\)/ });
    await whyNot.getByRole("radio", { name: "Out of date" }).check();
    await page.getByRole("radio", { name: "No", exact: true }).check();
    await page.getByRole("button", { name: "Send feedback" }).click();
    await page.waitForURL((url) => url.hash === "#feedback-thanks");
    const rows = await db.execute("SELECT reason FROM feedback WHERE found = 'no' AND reason = 'out-of-date'");
    expect(rows.rows.length).toBeGreaterThan(0);

    await page.goto(topicPath);
    await page.getByRole("radio", { name: "Excellent" }).check();
    await page
      .getByRole("group", { name: /what was wrong/ })
      .getByRole("radio", { name: "Hard to understand" })
      .check();
    await page.getByRole("button", { name: "Send feedback" }).click();
    await page.getByRole("heading", { name: "Check your feedback" }).waitFor();
    expect(await page.getByRole("link", { name: /A reason goes with a No/ }).count()).toBe(1);
    await page.context().close();
  });
});
