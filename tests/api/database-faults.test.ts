import { describe, expect, it } from "vitest";
import { staffAccounts } from "../../functions/app/auth/accounts.ts";
import { referenceCatalogue } from "../../src/shared/i18n/catalogues.ts";
import { failingDb } from "../support/failing-db.ts";
import { dashboardTemplate, internalNote, signInTemplate, twoSites } from "../support/sample-pages.ts";
import { signInAs } from "../support/sign-in.ts";
import { createTestApp, testPasswords } from "../support/test-app.ts";

const email = "kim@example.com";
const password = "a long enough password";

async function setUp() {
  let db: ReturnType<typeof failingDb> | undefined;
  const test = await createTestApp({
    sites: twoSites(),
    signInPage: signInTemplate,
    dashboardPage: dashboardTemplate,
    wrapDb: (real) => {
      db = failingDb(real);
      return db.client;
    },
  });
  await staffAccounts(test.db, testPasswords).add(email, password);
  const outage = (on: boolean) => db?.outage(on);
  return { ...test, outage };
}

const form = (app: Awaited<ReturnType<typeof setUp>>["app"], path: string, fields: Record<string, string>) =>
  app.request(path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });

describe("while the database is away", () => {
  it("answers API writes with 503, Retry-After and the one error shape, never a 500", async () => {
    const { app, outage } = await setUp();
    outage(true);
    for (const [path, body] of [
      ["/api/feedback", { topic: "temporary-login-code", rating: "good" }],
      ["/api/demo/sandbox", {}],
      ["/api/auth/login", { email, password }],
    ] as const) {
      const response = await app.request(path, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unavailable");
    }
    expect((await app.request("/api/ready")).status).toBe(503);
    expect((await app.request("/api/health")).status).toBe(200);
    outage(false);
    expect((await app.request("/api/ready")).status).toBe(200);
  });

  it("shows a plain-form reader the form again with what they typed, and says to try again", async () => {
    const { app, outage } = await setUp();
    outage(true);
    const response = await form(app, "/api/feedback", {
      topic: "temporary-login-code",
      rating: "poor",
      comment: "The code never arrived <b>at all</b>",
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    const html = await response.text();
    expect(html).toContain(referenceCatalogue.feedback.unavailable);
    expect(html).toContain("The code never arrived &lt;b>at all&lt;/b>");
    expect(html).toMatch(/value="poor"[^>]*checked|checked[^>]*value="poor"/);
  });

  it("shows the sign-in page with the address kept when a form sign-in meets the outage", async () => {
    const { app, outage } = await setUp();
    outage(true);
    const response = await form(app, "/api/auth/login", { email, password, next: "/topics/codes/" });
    expect(response.status).toBe(503);
    const html = await response.text();
    expect(html).toContain(`value="${email}"`);
    expect(html).toContain(referenceCatalogue.signIn.unavailable);
  });

  it("keeps serving pages, the internal ones to an employee seen lately, and says the dashboard's data is unavailable", async () => {
    const { app, outage } = await setUp();
    const cookie = await signInAs(app.request, { email, password });
    expect(await (await app.request("/topics/codes/", { headers: { Cookie: cookie } })).text()).toContain(internalNote);

    outage(true);
    const anonymous = await app.request("/topics/codes/");
    expect(anonymous.status).toBe(200);
    const employee = await app.request("/topics/codes/", { headers: { Cookie: cookie } });
    expect(employee.status).toBe(200);
    expect(await employee.text()).toContain(internalNote);
    const forged = await app.request("/topics/codes/", { headers: { Cookie: "session=made-up-token" } });
    expect(await forged.text()).not.toContain(internalNote);

    const dashboard = await app.request("/dashboard/", { headers: { Cookie: cookie } });
    expect(dashboard.status).toBe(503);
    const html = await dashboard.text();
    expect(html).toContain("<h1>Feedback dashboard</h1>");
    expect(html).toContain("The feedback data is unavailable right now.");
    outage(false);
    expect((await app.request("/dashboard/", { headers: { Cookie: cookie } })).status).toBe(200);
  });
});
