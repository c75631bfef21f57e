import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, islandAwake, openPage, useChromium } from "../support/browser.ts";

const browser = useChromium();

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
const demo = (page: Page) => page.getByRole("region", { name: "Try it: generate a temporary code" });
/** The login screen's answer (the live region repeats it for screen readers). */
const answer = (page: Page, text: string | RegExp) => demo(page).locator(".demo__result").filter({ hasText: text });
/** "Dec 2, 2026, 4:07 PM EST (9:07 PM UTC)": the reader's zone (New York here), UTC beside it. */
const localAndUtc = /\w{3} \d+, \d{4}, \d+:\d\d [AP]M E[SD]T \((?:\w{3} \d+, )?\d+:\d\d [AP]M UTC\)/;

/** Tab until the element with this accessible text has focus, then press Enter: keyboard only. */
async function tabTo(page: Page, text: string | RegExp, key = "Enter") {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    const focused = await focusedText(page);
    if (typeof text === "string" ? focused === text : text.test(focused)) {
      if (key) await page.keyboard.press(key);
      return;
    }
  }
  throw new Error(`Could not reach “${text}” with Tab`);
}

describe("the live demo in Chromium", () => {
  it("walks the five steps by keyboard, signs in with the code, refuses a wrong one, and shows every time in the reader's zone with UTC", async () => {
    const page = await openPage(browser(), "/topics/temporary-login-code/", { timezoneId: "America/New_York" });
    await demo(page).scrollIntoViewIfNeeded();
    await islandAwake(page, ".demo__start");
    await demo(page).getByRole("button", { name: "Start the demo" }).focus();
    await page.keyboard.press("Enter");

    await page.getByText("Step 1 of 5", { exact: true }).waitFor();
    expect(await focusedText(page)).toBe("1. Open the Users list");
    await expectNoAxeViolations(page);
    await tabTo(page, "Users"); // NetClient CS

    await page.getByText("Step 2 of 5", { exact: true }).waitFor();
    expect(await focusedText(page)).toBe("2. Select the user");
    await expectNoAxeViolations(page);
    await tabTo(page, "Alex Rivera (arivera)");

    await page.getByText("Step 3 of 5", { exact: true }).waitFor();
    await expectNoAxeViolations(page);
    await tabTo(page, "View Settings");

    await page.getByText("Step 4 of 5", { exact: true }).waitFor();
    const provide = demo(page).getByRole("button", { name: "Provide the code to the user" });
    expect(await provide.isDisabled()).toBe(true);
    await tabTo(page, "Generate a temporary, 24-hour numerical code");
    const digits = demo(page).locator("output");
    await digits.waitFor();
    const code = (await digits.textContent()) ?? "";
    expect(code).toMatch(/^\d{8}$/);
    expect(
      await demo(page)
        .getByText(/Expires at \w+ \d+, 2\d{3}, \d+:\d\d [AP]M E[SD]T \(\d+:\d\d [AP]M UTC\): 23 h 59 min/)
        .count(),
    ).toBe(1);
    await expectNoAxeViolations(page);
    await tabTo(page, "Provide the code to the user");

    await page.getByText("Step 5 of 5", { exact: true }).waitFor();
    await tabTo(page, "Enter a code");
    const codeField = page.getByRole("textbox", { name: "Temporary code" });
    await codeField.waitFor();
    expect(await codeField.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(code);
    await page.keyboard.press("Enter");
    await answer(
      page,
      new RegExp(`^Signed in as Alex Rivera\\. The code keeps working until ${localAndUtc.source}\\.$`),
    ).waitFor();
    await expectNoAxeViolations(page);

    const wrong = String((Number(code) + 1) % 1e8).padStart(8, "0");
    await page.getByRole("textbox", { name: "Temporary code" }).fill(wrong);
    await page.keyboard.press("Enter");
    await answer(page, "That code is not right. 4 tries left before the code locks.").waitFor();

    await demo(page).getByRole("button", { name: "Advance the clock 24 hours" }).click();
    await page.getByRole("textbox", { name: "Temporary code" }).fill(code);
    await page.getByRole("textbox", { name: "Temporary code" }).press("Enter");
    await answer(
      page,
      new RegExp(`^The code expired at ${localAndUtc.source}\\. Ask your administrator for a new code\\.$`),
    ).waitFor();

    await demo(page)
      .getByText(/^Audit trail/)
      .click();
    expect(
      await demo(page)
        .getByText(/^Demo clock: /)
        .textContent(),
    ).toMatch(localAndUtc);
    const audit = await demo(page).locator(".demo__audit li").allTextContents();
    expect(audit.filter((line) => !localAndUtc.test(line))).toEqual([]);
    expect(audit.reverse().join("\n")).toMatch(
      /Code generated[\s\S]*Signed in with the code[\s\S]*Wrong code typed[\s\S]*Code expired/,
    );
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("leaves the written steps to stand alone without JavaScript", async () => {
    const page = await openPage(browser(), "/topics/temporary-login-code/", { javaScriptEnabled: false });
    expect(await page.getByText("This live demo needs JavaScript.").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Start the demo" }).count()).toBe(0);
    await page.context().close();
  });
});
