import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, islandAwake, openPage, sweepLayoutAndAxe, useChromium } from "../support/browser.ts";

const browser = useChromium();
const seedTopic = "/topics/temporary-login-code/";

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
const demo = (page: Page) => page.getByRole("region", { name: "Try it: generate a temporary code" });
/** The login screen's answer (the live region repeats it for screen readers). */
const answer = (page: Page, text: string | RegExp) => demo(page).locator(".demo__result").filter({ hasText: text });
const step = (page: Page, n: number) => page.getByText(`Step ${n} of 5`, { exact: true }).waitFor();
/** The code as the page shows it: "1234 5678". */
const shownCode = (page: Page) => demo(page).locator("output.demo__digits").textContent();
const given = (page: Page) => demo(page).getByRole("region", { name: "The code the administrator gave Alex Rivera" });
/** "Dec 2, 2026, 4:07 PM EST (9:07 PM UTC)": the reader's zone (New York here), UTC beside it. */
const localAndUtc = /\w{3} \d+, \d{4}, \d+:\d\d [AP]M E[SD]T \((?:\w{3} \d+, )?\d+:\d\d [AP]M UTC\)/;

/** A reader in New York who may copy and paste, on the topic with the demo awake. */
async function openDemo() {
  const page = await openPage(browser(), seedTopic, {
    timezoneId: "America/New_York",
    permissions: ["clipboard-read", "clipboard-write"],
  });
  await demo(page).scrollIntoViewIfNeeded();
  await islandAwake(page, ".demo__start");
  return page;
}

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

/** Steps 1 to 4 by mouse, the code generated; returns the code as step 4 shows it. */
async function generateCode(page: Page): Promise<string> {
  await demo(page).getByRole("button", { name: "Start the demo" }).click();
  await demo(page).getByRole("button", { name: "Users" }).first().click();
  await demo(page).getByRole("button", { name: "Alex Rivera (arivera)" }).click();
  await demo(page).getByRole("button", { name: "View Settings" }).click();
  await demo(page).getByRole("button", { name: "Generate a temporary, 24-hour numerical code" }).click();
  await demo(page).locator("output.demo__digits").waitFor();
  return (await shownCode(page)) ?? "";
}

/** From step 4 to a signed-in recap, typing the code as shown, space and all. */
async function signIn(page: Page, code: string) {
  await demo(page).getByRole("button", { name: "Provide the code to the user" }).click();
  await demo(page).getByRole("button", { name: "Enter a code" }).click();
  await demo(page).getByRole("textbox", { name: "Temporary code" }).fill(code);
  await demo(page).getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "What just happened" }).waitFor();
}

describe("the live demo in Chromium", () => {
  it("walks the five steps by keyboard, pastes the code it was given, and ends at a recap", async () => {
    const page = await openDemo();
    await demo(page).getByRole("button", { name: "Start the demo" }).focus();
    await page.keyboard.press("Enter");

    await step(page, 1);
    expect(await focusedText(page)).toBe("1. Open the Users list");
    await expectNoAxeViolations(page);
    await tabTo(page, "Users"); // NetClient CS

    await step(page, 2);
    expect(await focusedText(page)).toBe("2. Select the user");
    await expectNoAxeViolations(page);
    await tabTo(page, "Alex Rivera (arivera)");

    await step(page, 3);
    expect(await focusedText(page)).toBe("3. Open the multi-factor settings");
    await expectNoAxeViolations(page);
    await tabTo(page, "View Settings");

    await step(page, 4);
    expect(await focusedText(page)).toBe("4. Generate the temporary code");
    expect(await demo(page).getByRole("button", { name: "Provide the code to the user" }).isDisabled()).toBe(true);
    await tabTo(page, "Generate a temporary, 24-hour numerical code");
    await demo(page).locator("output.demo__digits").waitFor();
    const code = (await shownCode(page)) ?? "";
    expect(code).toMatch(/^\d{4} \d{4}$/);
    const expiry = new RegExp(`^Expires at (${localAndUtc.source}): 23 h 59 min \\d\\d s left\\.$`);
    expect(await demo(page).getByText(expiry).count()).toBe(1);
    await expectNoAxeViolations(page);
    await tabTo(page, "Provide the code to the user");

    await step(page, 5);
    expect(await focusedText(page)).toBe("5. Sign in with the code");
    expect(await given(page).locator("output").textContent()).toBe(code);
    await tabTo(page, "Copy code");
    await demo(page).getByRole("status").filter({ hasText: "Copied" }).waitFor();
    await tabTo(page, "Enter a code");
    const codeField = demo(page).getByRole("textbox", { name: "Temporary code" });
    await codeField.waitFor();
    expect(await codeField.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await codeField.inputValue()).toBe("");
    await page.keyboard.press("ControlOrMeta+V");
    expect(await codeField.inputValue()).toBe(code.replace(" ", ""));
    await page.keyboard.press("Enter");

    await page.getByText("All 5 steps done", { exact: true }).waitFor();
    expect(await focusedText(page)).toBe("What just happened");
    expect(await answer(page, "Signed in as Alex Rivera.").count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("shows the code generated in step 4 again in step 5, and Copy puts its eight digits on the clipboard", async () => {
    const page = await openDemo();
    const code = await generateCode(page);
    await demo(page).getByRole("button", { name: "Provide the code to the user" }).click();
    await step(page, 5);

    expect(await given(page).locator("output").textContent()).toBe(code);
    expect(await given(page).getByText(localAndUtc).count()).toBe(1);
    // Nothing is filled in for the reader: typing or pasting it is the lesson.
    await demo(page).getByRole("button", { name: "Enter a code" }).click();
    expect(await demo(page).getByRole("textbox", { name: "Temporary code" }).inputValue()).toBe("");

    await given(page).getByRole("button", { name: "Copy code" }).click();
    await given(page).getByRole("status").filter({ hasText: "Copied: the 8 digits are on your clipboard." }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code.replace(" ", ""));
    await page.context().close();
  });

  it("selects the code and says how to copy it by hand where the browser will not copy", async () => {
    const page = await openDemo();
    // As on a page served without HTTPS, or in a browser without the Clipboard API.
    await page.evaluate(() => Object.defineProperty(navigator, "clipboard", { value: undefined }));
    const code = await generateCode(page);
    await demo(page).getByRole("button", { name: "Provide the code to the user" }).click();
    await given(page).getByRole("button", { name: "Copy code" }).click();
    await given(page).getByRole("status").filter({ hasText: "The code is selected: press Ctrl+C" }).waitFor();
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(code);
    await page.context().close();
  });

  it("signs in with the code typed as shown, space included, or without the space", async () => {
    const page = await openDemo();
    const code = await generateCode(page);
    await signIn(page, code);
    expect(await answer(page, "Signed in as Alex Rivera.").count()).toBe(1);

    await demo(page).getByRole("button", { name: "Back to the login screen" }).click();
    await demo(page).getByRole("button", { name: "Enter a code" }).click();
    await demo(page).getByRole("textbox", { name: "Temporary code" }).fill(code.replace(" ", ""));
    await demo(page).getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "What just happened" }).waitFor();
    await page.context().close();
  });

  it("recaps the sign-in with the code's expiry in the reader's time and UTC, and Start again goes back to step 1", async () => {
    const page = await openDemo();
    const code = await generateCode(page);
    const expiresAt = (
      await demo(page)
        .getByText(/^Expires at /)
        .textContent()
    )?.match(localAndUtc)?.[0];
    expect(expiresAt).toBeDefined();
    await signIn(page, code);

    const recap = demo(page).locator(".demo__recap");
    expect(await recap.getByText("The administrator generated a temporary code for Alex Rivera at").count()).toBe(1);
    expect(await recap.getByText("Alex Rivera entered it on the login screen and signed in with it once").count()).toBe(
      1,
    );
    expect(await recap.getByText(`The code expires at ${expiresAt}, 24 hours after it was generated.`).count()).toBe(1);
    expect(await recap.getByText(/only a fingerprint of it/).count()).toBe(1);
    expect(await recap.getByText(/should now pair a new authenticator/).count()).toBe(1);
    const report: Record<string, string[]> = {};
    await sweepLayoutAndAxe(page, "demo recap", report);
    expect(report).toEqual({});

    await recap.getByRole("button", { name: "Start again" }).click();
    await step(page, 1);
    expect(await focusedText(page)).toBe("1. Open the Users list");
    expect(await demo(page).getByText("Audit trail (0)").count()).toBe(1);
    expect(await demo(page).locator("output.demo__digits").count()).toBe(0);
    await page.context().close();
  });

  it("refuses a code with a digit missing before it costs a try, then a wrong code, then the code once it expired", async () => {
    const page = await openDemo();
    const code = await generateCode(page);
    await demo(page).getByRole("button", { name: "Provide the code to the user" }).click();
    await demo(page).getByRole("button", { name: "Enter a code" }).click();
    const codeField = demo(page).getByRole("textbox", { name: "Temporary code" });

    await codeField.fill(code.slice(0, -1));
    await codeField.press("Enter");
    await demo(page)
      .getByRole("form", { name: "Application login screen" })
      .getByText("The code has 8 digits; this has 7. Check it and type it again.")
      .waitFor();
    expect(await codeField.getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page);

    const digits = code.replace(" ", "");
    await codeField.fill(String((Number(digits) + 1) % 1e8).padStart(8, "0"));
    await codeField.press("Enter");
    await answer(page, "That code is not right. 4 tries left before the code locks.").waitFor();

    await demo(page).getByRole("button", { name: "Move the clock 24 hours ahead" }).click();
    await codeField.fill(code);
    await codeField.press("Enter");
    await answer(
      page,
      new RegExp(`^The code expired at ${localAndUtc.source}\\. Ask your administrator for a new code\\.$`),
    ).waitFor();

    await demo(page)
      .getByText(/^Audit trail/)
      .click();
    const audit = await demo(page).locator(".demo__audit li").allTextContents();
    expect(audit.reverse().join("\n")).toMatch(/Code generated[\s\S]*Wrong code typed[\s\S]*Code expired/);
    await page.context().close();
  });

  it("puts the task first and the demo tools after it", async () => {
    const page = await openDemo();
    await generateCode(page);
    const top = async (name: string, role: "heading" | "group" | "button") =>
      (await demo(page).getByRole(role, { name }).boundingBox())?.y ?? Number.NaN;
    const heading = await top("4. Generate the temporary code", "heading");
    const provide = await top("Provide the code to the user", "button");
    const tools = await top("Demo tools", "group");
    expect(heading).toBeLessThan(provide);
    expect(provide).toBeLessThan(tools);
    expect(await top("Move the clock 24 hours ahead", "button")).toBeGreaterThan(tools);
    expect(await top("Reset the demo", "button")).toBeGreaterThan(tools);
    await page.context().close();
  });

  it("leaves the written steps to stand alone without JavaScript", async () => {
    const page = await openPage(browser(), seedTopic, { javaScriptEnabled: false });
    expect(await page.getByText("This live demo needs JavaScript.").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Start the demo" }).count()).toBe(0);
    await page.context().close();
  });
});
