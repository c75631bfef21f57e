import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { devUsers } from "../../scripts/lib/oidc-dev-provider.ts";
import { expectNoAxeViolations, openPage, useChromium } from "../support/browser.ts";

const browser = useChromium();
const [employee, customer] = devUsers;
const seedTopic = "/topics/temporary-login-code/";
const internalNote = /Support and Customer Service representatives can generate/;

/** From a topic: the footer link, the provider's button, the provider's own login form. */
async function signInWithProvider(page: Page, person: { email: string; password: string }) {
  await page.getByRole("link", { name: "Employee sign-in" }).click();
  await page.getByRole("link", { name: "Sign in with the local identity provider" }).click();
  await page.getByRole("heading", { name: "Local identity provider" }).waitFor();
  await page.getByLabel("E-mail").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe("single sign-on in Chromium", () => {
  it("signs an employee in at the provider and back to the topic, with the internal note; signing out offers the provider's sign-out", async () => {
    const page = await openPage(browser(), seedTopic);
    await signInWithProvider(page, employee);
    await page.waitForURL(`**${seedTopic}`);
    await page.getByText(internalNote).first().waitFor();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("link", { name: "Sign out of the local identity provider too" }).waitFor();
    await expectNoAxeViolations(page);
    await page.goto(seedTopic);
    expect(await page.getByText(internalNote).count()).toBe(0);
    await page.context().close();
  });

  it("refuses a customer's account with a page that says so, and no internal text", async () => {
    const page = await openPage(browser(), seedTopic);
    await signInWithProvider(page, customer);
    await page.getByText("customer@example.org is not an employee account of this help center").waitFor();
    await expectNoAxeViolations(page);
    await page.goto(seedTopic);
    expect(await page.getByText(internalNote).count()).toBe(0);
    await page.context().close();
  });
});
