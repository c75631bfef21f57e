import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { cspViolations, expectNoAxeViolations, openPage, sweepLayoutAndAxe, useChromium } from "../support/browser.ts";

const browser = useChromium();

const seedTopic = "/topics/temporary-login-code/";
const internalNote = /Support and Customer Service representatives can generate/;

async function signIn(page: Page) {
  const { email, password } = inject("employee");
  await page.getByRole("link", { name: "Employee sign-in" }).click();
  await page.getByRole("heading", { name: "Employee sign-in" }).waitFor();
  await page.getByRole("textbox", { name: "E-mail address" }).fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Password").press("Enter");
}

describe("employees in Chromium", () => {
  it("enforces the Content-Security-Policy: an inline script that is not listed does not run", async () => {
    const page = await openPage(browser(), "/");
    const before = cspViolations.length;
    const ran = await page.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "window.injected = true";
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    expect(cspViolations.length).toBe(before + 1);
    cspViolations.splice(before, 1);
    await page.context().close();
  });

  it("signs in from a topic, returns to it, and sees the internal note, the banner and internal search", async () => {
    const page = await openPage(browser(), seedTopic);
    expect(await page.getByText(internalNote).count()).toBe(0);
    await signIn(page);
    await page.waitForURL(`**${seedTopic}`);
    await page.getByText(internalNote).waitFor();
    expect(
      await page.getByRole("complementary", { name: "Internal note" }).getByText("Internal", { exact: true }).count(),
    ).toBe(1);
    expect(
      await page
        .getByRole("link", { name: /Internal Employees: Submit feedback using the new SharePoint request form/ })
        .count(),
    ).toBe(1);
    const report: Record<string, string[]> = {};
    await sweepLayoutAndAxe(page, "topic with internal parts", report);
    await page.goto("/topics/internal-admin-temporary-code/");
    await sweepLayoutAndAxe(page, "internal topic", report);
    expect(report).toEqual({});

    await page.goto("/search/?q=Citrix");
    await page.getByRole("link", { name: "Internal: an admin needs a temporary code" }).waitFor();
    await page.context().close();
  });

  it("shows who is signed in and their tools at the top of every internal page, and the internal escalation path", async () => {
    const page = await openPage(browser(), seedTopic);
    await signIn(page);
    const bar = page.getByRole("region", { name: "Employee tools" });
    await bar.getByText(`Signed in as ${inject("employee").email}`).waitFor();
    // The bar comes before the site's own header, so it is the first thing an employee reads.
    const top = async (l: typeof bar) => (await l.boundingBox())?.y ?? Number.NaN;
    expect(await top(bar)).toBeLessThan(await top(page.locator(".site-header")));
    for (const name of ["Dashboard", "Edit this topic"]) expect(await bar.getByRole("link", { name }).count()).toBe(1);
    for (const name of ["View as customer", "Sign out"])
      expect(await bar.getByRole("button", { name }).count()).toBe(1);
    expect(await bar.getByRole("link", { name: "Edit this topic" }).getAttribute("href")).toMatch(
      /\/content\/topics\/temporary-login-code\.mdx$/,
    );
    // A customer topic ends with the customers' contacts; an internal-only one with where to escalate.
    await page.getByRole("heading", { name: "Still need help?" }).waitFor();
    await page.goto("/topics/internal-admin-temporary-code/");
    await page.getByRole("heading", { name: "Need to escalate?" }).waitFor();
    expect(await page.getByRole("heading", { name: "Still need help?" }).count()).toBe(0);
    await page.getByRole("link", { name: "Tier 2 Support" }).waitFor();
    // The dashboard, filled on the server, says who is signed in too.
    await bar.getByRole("link", { name: "Dashboard" }).click();
    await page.getByRole("heading", { name: "Feedback dashboard" }).waitFor();
    await bar.getByText(`Signed in as ${inject("employee").email}`).waitFor();
    await page.context().close();
  });

  it("signs out with a message saying so: the note is gone, and Back does not bring it back", async () => {
    const page = await openPage(browser(), seedTopic);
    await signIn(page);
    await page.getByText(internalNote).waitFor();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/sign-in/");
    await page.getByRole("status").getByText("You are signed out of the help center.").waitFor();
    await page.getByRole("link", { name: "Back to the help center" }).waitFor();
    await page.goBack();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe(seedTopic);
    expect(await page.getByText(internalNote).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Employee sign-in" }).count()).toBe(1);
    await page.context().close();
  });

  it("lets an employee view a page as a customer and switch back", async () => {
    const page = await openPage(browser(), seedTopic);
    await signIn(page);
    await page.getByText(internalNote).waitFor();
    await page.getByRole("button", { name: "View as customer" }).click();
    await page.getByRole("button", { name: "Back to the employee view" }).waitFor();
    expect(await page.getByText(internalNote).count()).toBe(0);
    await page.getByRole("button", { name: "Back to the employee view" }).click();
    await page.getByText(internalNote).waitFor();
    await page.context().close();
  });

  it("tells a reader who mistyped the password what went wrong, on an accessible sign-in page", async () => {
    const page = await openPage(browser(), "/sign-in/?next=%2Falerts%2F");
    await expectNoAxeViolations(page);
    await page.getByRole("textbox", { name: "E-mail address" }).fill(inject("employee").email);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").getByText("do not match an employee account").waitFor();
    expect(await page.getByRole("textbox", { name: "E-mail address" }).inputValue()).toBe(inject("employee").email);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
