import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffAccounts } from "../../functions/app/auth/accounts.ts";
import type { SsoSettings } from "../../functions/app/auth/single-sign-on.ts";
import { type DevProvider, devUsers, startDevProvider } from "../../scripts/lib/oidc-dev-provider.ts";
import { ssoBrowser } from "../support/oidc-browser.ts";
import { internalNote, signInTemplate, twoSites } from "../support/sample-pages.ts";
import { createTestApp, testPasswords } from "../support/test-app.ts";

const origin = "http://help.test";
const [employee, customer] = devUsers;
let provider: DevProvider;

beforeAll(async () => {
  provider = await startDevProvider({ port: 0, publicUrl: origin });
});
afterAll(() => provider.close());

function settings(overrides: Partial<SsoSettings> = {}): SsoSettings {
  return {
    issuer: provider.issuer,
    clientId: "help-center",
    clientSecret: "dev-secret",
    providerName: "the local identity provider",
    employeeGroup: "help-center-staff",
    allowedDomains: [],
    publicUrl: origin,
    ...overrides,
  };
}

async function setUp(overrides: Partial<SsoSettings> = {}, localSignIn = true) {
  const audit: string[] = [];
  const test = await createTestApp({
    sites: twoSites(),
    signInPage: signInTemplate.replace("<form>", '<div data-slot="sso"></div><form data-slot="local">'),
    sso: settings(overrides),
    localSignIn,
    audit: (line) => audit.push(line),
  });
  const browser = ssoBrowser(test.app.request, origin);
  return { ...test, audit, browser };
}

describe("single sign-on with the company's OpenID provider", () => {
  it("signs an employee in and back to the page they came from, with a staff record per issuer and subject", async () => {
    const { browser, db } = await setUp();
    const callback = await browser.throughProvider(employee, "/topics/codes/");
    const answer = await browser.request(callback);
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe("/topics/codes/");
    const page = await browser.request(new URL("/topics/codes/", origin));
    expect(await page.text()).toContain(internalNote);
    const staff = await db.execute("SELECT email, issuer, subject, name FROM staff_users");
    expect(staff.rows.map((r) => ({ ...r }))).toEqual([
      { email: employee.email, issuer: provider.issuer, subject: employee.id, name: employee.name },
    ]);
  });

  it("refuses an account that is not an employee's, with a page that says so and no session", async () => {
    const { browser, db, audit } = await setUp({ allowedDomains: ["example.com"] });
    const answer = await browser.request(await browser.throughProvider(customer));
    expect(answer.status).toBe(403);
    expect(await answer.text()).toContain("customer@example.org is not an employee account");
    expect(answer.headers.get("set-cookie") ?? "").not.toMatch(/session=[^;]/);
    expect((await db.execute("SELECT count(*) AS n FROM sessions")).rows[0]?.n).toBe(0);
    expect(audit.some((line) => line.includes("non-employee"))).toBe(true);
  });

  it("lets the verified e-mail domain rule alone make an employee", async () => {
    const { browser } = await setUp({ employeeGroup: undefined, allowedDomains: ["example.com"] });
    expect((await browser.request(await browser.throughProvider(employee))).status).toBe(303);
  });

  it("refuses a callback whose state was tampered with, or that comes back a second time", async () => {
    const { browser, audit } = await setUp();
    const callback = await browser.throughProvider(employee);
    const tampered = new URL(callback);
    tampered.searchParams.set("state", "made-up-state");
    expect((await browser.request(tampered)).status).toBe(400);
    const again = await setUp();
    const fresh = await again.browser.throughProvider(employee);
    expect((await again.browser.request(fresh)).status).toBe(303);
    const replay = await again.browser.request(fresh);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain("could not be confirmed");
    expect(audit.some((line) => line.includes("state"))).toBe(true);
  });

  it("refuses a sign-in that took longer than ten minutes to come back", async () => {
    const { browser, db } = await setUp();
    const callback = await browser.throughProvider(employee);
    await db.execute({ sql: "UPDATE sso_attempts SET created_at = ?", args: [Date.now() - 11 * 60_000] });
    const answer = await browser.request(callback);
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain("Start it again");
  });

  it("refuses an ID token whose nonce is not the one this sign-in sent", async () => {
    const { browser, db } = await setUp();
    const callback = await browser.throughProvider(employee);
    await db.execute("UPDATE sso_attempts SET nonce = 'another-nonce'");
    expect((await browser.request(callback)).status).toBe(400);
  });

  it("refuses the sign-in when the provider does not take the help center for its client (wrong client credentials)", async () => {
    const { browser } = await setUp({ clientSecret: "not-the-secret" });
    expect((await browser.request(await browser.throughProvider(employee))).status).toBe(400);
  });

  it("answers 503 with a page when the provider cannot be reached or its issuer is not the one configured", async () => {
    const down = await setUp({ issuer: "http://127.0.0.1:9" });
    const start = await down.app.request(`${origin}/api/auth/oidc/start?next=/`);
    expect(start.status).toBe(503);
    expect(await start.text()).toContain("cannot be reached right now");
    const wrongIssuer = await setUp({ issuer: provider.issuer.replace("127.0.0.1", "localhost") });
    expect((await wrongIssuer.app.request(`${origin}/api/auth/oidc/start`)).status).toBe(503);
  });

  it("offers the provider first on the sign-in page, and without the local form when that is off", async () => {
    const both = await setUp();
    const page = await (await both.app.request(`${origin}/sign-in/?next=%2Ftopics%2Fcodes%2F`)).text();
    expect(page).toContain(
      'href="/api/auth/oidc/start?next=%2Ftopics%2Fcodes%2F">Sign in with the local identity provider</a>',
    );
    expect(page).toContain('data-slot="local"');
    const ssoOnly = await setUp({}, false);
    const only = await (await ssoOnly.app.request(`${origin}/sign-in/`)).text();
    expect(only).toContain("Sign in with the local identity provider");
    expect(only).not.toContain('data-slot="local"');
    const local = await ssoOnly.app.request(`${origin}/api/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "a@example.com", password: "whatever it is" }),
    });
    expect(local.status).toBe(404);
  });

  it("lists single sign-on staff, and disabling one ends their sessions at once and keeps them out", async () => {
    const { browser, db } = await setUp();
    expect((await browser.request(await browser.throughProvider(employee, "/topics/codes/"))).status).toBe(303);
    const accounts = staffAccounts(db, testPasswords);
    expect((await accounts.list()).map((a) => [a.email, a.issuer, a.name])).toEqual([
      [employee.email, provider.issuer, employee.name],
    ]);
    await accounts.disable(employee.email);
    expect(await (await browser.request(new URL("/topics/codes/", origin))).text()).not.toContain(internalNote);
    const again = await browser.request(await browser.throughProvider(employee));
    expect(again.status).toBe(403);
  });

  it("ends an employee's sessions when the provider sends a valid back-channel logout, and only then", async () => {
    const { browser, app } = await setUp();
    expect((await browser.request(await browser.throughProvider(employee, "/topics/codes/"))).status).toBe(303);
    const page = () => browser.request(new URL("/topics/codes/", origin)).then((r) => r.text());
    const logout = (token: string) =>
      app.request(`${origin}/api/auth/oidc/backchannel-logout`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ logout_token: token }).toString(),
      });
    for (const forged of [
      await provider.logoutToken({ sub: employee.id, aud: "another-client" }),
      await provider.logoutToken({ sub: employee.id, iat: Math.floor(Date.now() / 1000) - 3600 }),
      await provider.logoutToken({ sub: employee.id, nonce: "n" }),
      "not.a.token",
    ]) {
      expect((await logout(forged)).status).toBe(400);
      expect(await page()).toContain(internalNote);
    }
    expect((await logout(await provider.logoutToken({ sub: employee.id }))).status).toBe(200);
    expect(await page()).not.toContain(internalNote);
  });
});
