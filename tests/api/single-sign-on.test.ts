import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Client } from "@libsql/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { staffAccounts } from "../../functions/app/auth/accounts.ts";
import type { SsoSettings } from "../../functions/app/auth/single-sign-on.ts";
import { housekeeping } from "../../functions/app/housekeeping.ts";
import { escapeHtml } from "../../functions/app/lib/html.ts";
import {
  type DevProvider,
  type DevUser,
  devUsers,
  employeeGroup,
  startDevProvider,
} from "../../scripts/lib/oidc-dev-provider.ts";
import { catalogueFor } from "../../src/shared/i18n/catalogues.ts";
import { formatMessage } from "../../src/shared/i18n/format.ts";
import { memoryLogger } from "../support/memory-logger.ts";
import { ssoBrowser } from "../support/oidc-browser.ts";
import { internalNote, signInTemplate, twoSites } from "../support/sample-pages.ts";
import { createTestApp, testPasswords } from "../support/test-app.ts";

const origin = "http://help.test";
const [employee, customer] = devUsers;
/** The provider's people: tests add some and change e-mails; each test starts from devUsers. */
const people: DevUser[] = [];
let provider: DevProvider;

beforeAll(async () => {
  provider = await startDevProvider({ port: 0, publicUrl: origin, people });
});
beforeEach(() => {
  people.splice(0, people.length, ...devUsers.map((person) => ({ ...person })));
});
afterAll(() => provider.close());

const countOf = async (db: Client, sql: string) => Number((await db.execute(sql)).rows[0]?.n);

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
  const log = memoryLogger();
  const test = await createTestApp({
    sites: twoSites(),
    signInPage: signInTemplate.replace("<form>", '<div data-slot="sso"></div><form data-slot="local">'),
    sso: settings(overrides),
    localSignIn,
    log,
  });
  const browser = ssoBrowser(test.app.request, origin);
  const audited = () => log.audits().map((entry) => String(entry.event));
  return { ...test, log, audited, browser };
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
    const { browser, db, audited } = await setUp({ allowedDomains: ["example.com"] });
    const answer = await browser.request(await browser.throughProvider(customer));
    expect(answer.status).toBe(403);
    expect(await answer.text()).toContain("customer@example.org is not an employee account");
    expect(answer.headers.get("set-cookie") ?? "").not.toMatch(/session=[^;]/);
    expect((await db.execute("SELECT count(*) AS n FROM sessions")).rows[0]?.n).toBe(0);
    expect(audited()).toContain("sso_non_employee_refused");
  });

  it("lets the verified e-mail domain rule alone make an employee", async () => {
    const { browser } = await setUp({ employeeGroup: undefined, allowedDomains: ["example.com"] });
    expect((await browser.request(await browser.throughProvider(employee))).status).toBe(303);
  });

  it("refuses a callback whose state was tampered with, or that comes back a second time", async () => {
    const { browser, log } = await setUp();
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
    expect(log.audits()).toContainEqual(
      expect.objectContaining({ event: "sso_sign_in_refused", reason: "state mismatch" }),
    );
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

  it("speaks the language of the page a sign-in was begun on, and names an unnamed provider the company account", async () => {
    const de = catalogueFor("de");
    const { app, browser } = await setUp({ allowedDomains: ["example.com"] });
    const page = await (await app.request(`${origin}/de/sign-in/?next=%2Fde%2Ftopics%2Fcodes%2F`)).text();
    expect(page).toContain(
      'href="/api/auth/oidc/start?next=%2Fde%2Ftopics%2Fcodes%2F&amp;lang=de">Mit the local identity provider anmelden</a>',
    );
    const refused = await browser.request(await browser.throughProvider(customer, "/de/topics/codes/"));
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain(formatMessage(de.signIn.notEmployee, "de", { email: customer.email }));
    const unnamed = await setUp({ providerName: undefined });
    expect(await (await unnamed.app.request(`${origin}/de/sign-in/`)).text()).toContain(
      `>${de.signIn.withCompanyAccount}</a>`,
    );
    const down = await setUp({ issuer: "http://127.0.0.1:9", providerName: undefined });
    const start = await down.app.request(`${origin}/api/auth/oidc/start?next=%2Fes%2F&lang=es`);
    expect(start.status).toBe(503);
    expect(await start.text()).toContain(escapeHtml(catalogueFor("es").signIn.companyAccountUnreachable));
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

describe("single sign-on, as an attacker would try it", () => {
  const logoutRequest = (token: string) => ({
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ logout_token: token }).toString(),
  });

  it("never lets an identity whose e-mail is unverified take the local account with that address", async () => {
    const { browser, db, app } = await setUp();
    const owner = await staffAccounts(db, testPasswords).add("owner@example.com", "the owner's own password");
    const intruder = { email: "owner@example.com", password: "intruder-password" };
    people.push({
      id: "intruder-1",
      ...intruder,
      name: "Ivan Intruder",
      groups: [employeeGroup],
      emailVerified: false,
    });
    expect((await browser.request(await browser.throughProvider(intruder))).status).toBe(303);
    const staff = await db.execute("SELECT id, email, issuer, name FROM staff_users ORDER BY id");
    // The owner's account is untouched; the intruder (an employee by group) has a record of its own,
    // under no address the provider did not vouch for, and its session is that record's.
    expect(staff.rows.map((r) => ({ ...r }))).toEqual([
      { id: owner.id, email: "owner@example.com", issuer: null, name: null },
      {
        id: expect.any(Number),
        email: `intruder-1@${new URL(provider.issuer).hostname}`,
        issuer: provider.issuer,
        name: "Ivan Intruder",
      },
    ]);
    const sessions = await db.execute("SELECT user_id FROM sessions");
    expect(sessions.rows.map((r) => r.user_id)).toEqual([staff.rows[1]?.id]);
    // An administrator can still disable it by the name `staff list` shows.
    await staffAccounts(db, testPasswords).disable(String(staff.rows[1]?.email));
    expect(await countOf(db, "SELECT count(*) AS n FROM sessions")).toBe(0);
    // The owner's own sign-in, with a verified address, still takes the account that is theirs.
    people.push({
      id: "owner-1",
      email: "owner@example.com",
      password: "owner-password",
      name: "Olga Owner",
      groups: [employeeGroup],
    });
    const owners = ssoBrowser(app.request, origin);
    expect(
      (await owners.request(await owners.throughProvider({ email: "owner@example.com", password: "owner-password" })))
        .status,
    ).toBe(303);
    const taken = await db.execute({ sql: "SELECT issuer, subject FROM staff_users WHERE id = ?", args: [owner.id] });
    expect({ ...taken.rows[0] }).toEqual({ issuer: provider.issuer, subject: "owner-1" });
  });

  it("follows a person whose e-mail changed at the provider, and says so when another account has the new address", async () => {
    const { browser, db, audited } = await setUp();
    const person = people[0] as DevUser;
    expect((await browser.request(await browser.throughProvider(person))).status).toBe(303);
    person.email = "emma.e@example.com";
    expect((await browser.request(await browser.throughProvider(person))).status).toBe(303);
    const staff = await db.execute("SELECT email, subject FROM staff_users");
    expect(staff.rows.map((r) => ({ ...r }))).toEqual([{ email: "emma.e@example.com", subject: person.id }]);

    await staffAccounts(db, testPasswords).add("taken@example.com", "someone else's password");
    person.email = "taken@example.com";
    const sessionsBefore = await countOf(db, "SELECT count(*) AS n FROM sessions");
    const conflict = await browser.request(await browser.throughProvider(person));
    expect(conflict.status).toBe(409);
    const page = await conflict.text();
    expect(page).toContain("Another account of this help center already uses taken@example.com");
    expect(page).toContain("Ask an administrator");
    expect(await countOf(db, "SELECT count(*) AS n FROM sessions")).toBe(sessionsBefore);
    expect(await countOf(db, "SELECT count(*) AS n FROM staff_users WHERE email = 'emma.e@example.com'")).toBe(1);
    expect(audited()).toContain("sso_email_conflict");
  });

  it("lets one client begin only so many sign-ins at once, and never for an image on another site", async () => {
    const { app, db } = await setUp();
    const start = (client: string, headers: Record<string, string> = {}) =>
      app.request(`${origin}/api/auth/oidc/start?next=/`, { headers: { "X-Test-Client": client, ...headers } });
    const answers = await Promise.all(Array.from({ length: 26 }, () => start("198.51.100.9")));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 303)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
    const refused = answers.find((a) => a.status === 429);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused?.text()).toContain("Too many");
    expect(await countOf(db, "SELECT count(*) AS n FROM sso_attempts")).toBe(20);
    // Another reader is not held up by that one.
    expect((await start("198.51.100.10")).status).toBe(303);
    // An <img> (or fetch) pointing here from any page begins nothing.
    const image = await start("198.51.100.11", { "Sec-Fetch-Mode": "no-cors", "Sec-Fetch-Dest": "image" });
    const script = await start("198.51.100.11", { "Sec-Fetch-Mode": "cors", "Sec-Fetch-Dest": "empty" });
    expect(script.status).toBe(403);
    expect(image.status).toBe(403);
    expect(await countOf(db, "SELECT count(*) AS n FROM sso_attempts")).toBe(21);
  });

  it("gives a finished sign-in's start back, so an office behind one address is never held up by its own staff", async () => {
    const { app } = await setUp();
    const office = (url: string, init: RequestInit = {}) =>
      app.request(url, {
        ...init,
        headers: { ...Object.fromEntries(new Headers(init.headers)), "X-Test-Client": "192.0.2.50" },
      });
    for (let i = 0; i < 22; i++) {
      const browser = ssoBrowser(office, origin);
      expect((await browser.request(await browser.throughProvider(employee))).status).toBe(303);
    }
    expect((await office(`${origin}/api/auth/oidc/start?next=/`)).status).toBe(303);
  });

  it("counts an IPv6 client by its /64, and refuses a prefetch", async () => {
    const { app } = await setUp();
    const start = (client: string, headers: Record<string, string> = {}) =>
      app.request(`${origin}/api/auth/oidc/start?next=/`, { headers: { "X-Test-Client": client, ...headers } });
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) => start(`2001:db8:7:7:${(i + 1).toString(16)}::1`)),
    );
    expect(answers.filter((a) => a.status === 429)).toHaveLength(4);
    expect((await start("2001:db8:7:8::1")).status).toBe(303);
    const prefetch = await start("198.51.100.20", {
      "Sec-Fetch-Dest": "document",
      "Sec-Purpose": "prefetch;prerender",
    });
    expect(prefetch.status).toBe(403);
  });

  it("never links a disabled local account, and says how to free its address", async () => {
    const { browser, db } = await setUp();
    const accounts = staffAccounts(db, testPasswords);
    await accounts.add(employee.email, "a disabled account's password");
    await accounts.disable(employee.email);
    const refused = await browser.request(await browser.throughProvider(employee));
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain(`npm run staff -- remove ${employee.email}`);
    const local = await db.execute("SELECT issuer, disabled_at FROM staff_users");
    expect(local.rows.map((r) => r.issuer)).toEqual([null]);
    await accounts.remove(employee.email);
    expect((await browser.request(await browser.throughProvider(employee))).status).toBe(303);
  });

  it("removes sign-ins begun and never finished once they can no longer finish", async () => {
    const { app, db } = await setUp();
    await app.request(`${origin}/api/auth/oidc/start?next=/`);
    expect(await countOf(db, "SELECT count(*) AS n FROM sso_attempts")).toBe(1);
    await housekeeping(db, Date.now() + 9 * 60_000);
    expect(await countOf(db, "SELECT count(*) AS n FROM sso_attempts")).toBe(1);
    expect((await housekeeping(db, Date.now() + 11 * 60_000)).ssoAttempts).toBe(1);
    expect(await countOf(db, "SELECT count(*) AS n FROM sso_attempts")).toBe(0);
  });

  it("writes each audit event as one line of JSON, whatever the provider's error parameter holds", async () => {
    const { browser, log } = await setUp();
    const callback = await browser.throughProvider(employee);
    const forged = new URL(callback);
    forged.search = "";
    forged.searchParams.set("state", callback.searchParams.get("state") ?? "");
    const injected =
      'x\n{"time":"2026-12-01T00:00:00.000Z","type":"audit","event":"sso_sign_in","email":"boss@example.com"}';
    forged.searchParams.set("error", injected);
    expect((await browser.request(forged)).status).toBe(400);
    const auditLines = log.lines.filter((line) => line.includes('"type":"audit"'));
    expect(auditLines).toHaveLength(1);
    expect(auditLines[0]).not.toContain("\n");
    expect(log.audits()).toEqual([expect.objectContaining({ event: "sso_sign_in_refused" })]);
    expect(String(log.audits()[0]?.reason)).toContain(injected);
    // No line of any kind begins with what the request sent.
    expect(log.lines.every((line) => line.startsWith('{"time":'))).toBe(true);
  });

  it("acts on each back-channel logout token once: a replay, or a token without jti, ends nothing", async () => {
    const { browser, app, audited } = await setUp();
    const page = () => browser.request(new URL("/topics/codes/", origin)).then((r) => r.text());
    expect((await browser.request(await browser.throughProvider(employee, "/topics/codes/"))).status).toBe(303);
    const token = await provider.logoutToken({ sub: employee.id });
    expect((await app.request(`${origin}/api/auth/oidc/backchannel-logout`, logoutRequest(token))).status).toBe(200);
    expect(await page()).not.toContain(internalNote);

    expect((await browser.request(await browser.throughProvider(employee, "/topics/codes/"))).status).toBe(303);
    const replays = await Promise.all(
      [1, 2, 3].map(() => app.request(`${origin}/api/auth/oidc/backchannel-logout`, logoutRequest(token))),
    );
    expect(replays.map((r) => r.status)).toEqual([400, 400, 400]);
    const withoutJti = await provider.logoutToken({ sub: employee.id, jti: null });
    expect((await app.request(`${origin}/api/auth/oidc/backchannel-logout`, logoutRequest(withoutJti))).status).toBe(
      400,
    );
    expect(await page()).toContain(internalNote);
    expect(audited().filter((event) => event === "backchannel_logout_refused")).toHaveLength(4);
  });

  it("acts on only one of simultaneous deliveries of the same logout token", async () => {
    const { browser, app, db } = await setUp();
    expect((await browser.request(await browser.throughProvider(employee))).status).toBe(303);
    const token = await provider.logoutToken({ sub: employee.id });
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => app.request(`${origin}/api/auth/oidc/backchannel-logout`, logoutRequest(token))),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400, 400, 400, 400, 400, 400, 400]);
    expect(await countOf(db, "SELECT count(*) AS n FROM logout_tokens")).toBe(1);
  });

  it("ends the browser's previous session when someone signs in on it", async () => {
    const { browser, db } = await setUp();
    expect((await browser.request(await browser.throughProvider(employee))).status).toBe(303);
    const first = browser.cookieFor(origin);
    expect((await browser.request(await browser.throughProvider(employee))).status).toBe(303);
    expect(browser.cookieFor(origin)).not.toBe(first);
    expect(await countOf(db, "SELECT count(*) AS n FROM sessions")).toBe(1);
  });

  it("keeps the state in a __Host- cookie over https, and refuses a callback that brings only the bare name", async () => {
    const secureOrigin = "https://help.test";
    const secureProvider = await startDevProvider({ port: 0, publicUrl: secureOrigin });
    try {
      const test = await createTestApp({
        sites: twoSites(),
        signInPage: signInTemplate,
        sso: settings({ issuer: secureProvider.issuer, publicUrl: secureOrigin }),
      });
      const start = await test.app.request(`${secureOrigin}/api/auth/oidc/start?next=/`);
      const cookie = start.headers.get("set-cookie") ?? "";
      expect(cookie).toMatch(/^__Host-sso_state=[^;]+;/);
      expect(cookie).toMatch(/; Path=\//);
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/; HttpOnly/i);

      const browser = ssoBrowser(test.app.request, secureOrigin);
      const callback = await browser.throughProvider(employee);
      const state = callback.searchParams.get("state") ?? "";
      const bare = await test.app.request(callback.href, { headers: { Cookie: `sso_state=${state}` } });
      expect(bare.status).toBe(400);
    } finally {
      await secureProvider.close();
    }
  });
});

describe("back-channel logout, end to end", () => {
  it("ends the session here when the person signs out at the local provider, which posts to the help center on 127.0.0.1", async () => {
    // The help center as a real server, so that the provider can reach it as it would in production.
    let handle: (request: Request) => Response | Promise<Response> = () => new Response(null, { status: 503 });
    const server = serve({ fetch: (request) => handle(request), port: 0, hostname: "127.0.0.1" });
    await once(server, "listening");
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const local = await startDevProvider({ port: 0, publicUrl: base });
    try {
      const log = memoryLogger();
      const test = await createTestApp({
        sites: twoSites(),
        signInPage: signInTemplate,
        sso: settings({ issuer: local.issuer, publicUrl: base }),
        log,
      });
      handle = (request) => test.app.fetch(request);
      const browser = ssoBrowser((url, init) => fetch(url, init), base);
      const page = () => browser.request(new URL("/topics/codes/", base)).then((r) => r.text());
      expect((await browser.request(await browser.throughProvider(employee, "/topics/codes/"))).status).toBe(303);
      expect(await page()).toContain(internalNote);

      // The provider's own sign-out page, confirmed as the person would.
      const confirm = await (await browser.request(new URL("/session/end", local.issuer))).text();
      const action = /<form[^>]*method="post" action="([^"]+)"/.exec(confirm)?.[1] ?? "";
      const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm)?.[1] ?? "";
      const signedOut = await browser.request(new URL(action, local.issuer), {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ xsrf, logout: "yes" }).toString(),
      });
      expect(signedOut.status).toBe(303);
      // The provider has delivered its logout token before it answers the reader.
      expect(log.audits()).toContainEqual(expect.objectContaining({ event: "backchannel_logout", sessionsEnded: 1 }));
      expect(await page()).not.toContain(internalNote);
    } finally {
      await local.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
