import type { Client } from "@libsql/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { staffAccounts } from "../../functions/app/auth/accounts.ts";
import type { SsoSettings } from "../../functions/app/auth/single-sign-on.ts";
import { type DevProvider, type DevUser, devUsers, employeeGroup, startDevProvider } from "../../scripts/lib/oidc-dev-provider.ts";
import { memoryLogger } from "../support/memory-logger.ts";
import { ssoBrowser } from "../support/oidc-browser.ts";
import { signInTemplate, twoSites } from "../support/sample-pages.ts";
import { createTestApp, testPasswords } from "../support/test-app.ts";

const origin = "http://help.test";
const [employee] = devUsers;
const people: DevUser[] = [];
let provider: DevProvider;
beforeAll(async () => { provider = await startDevProvider({ port: 0, publicUrl: origin, people }); });
beforeEach(() => { people.splice(0, people.length, ...devUsers.map((p) => ({ ...p }))); });
afterAll(() => provider.close());
const rows = async (db: Client, sql: string) => (await db.execute(sql)).rows.map((r) => ({ ...r }));

function settings(o: Partial<SsoSettings> = {}): SsoSettings {
  return { issuer: provider.issuer, clientId: "help-center", clientSecret: "dev-secret", providerName: "P",
    employeeGroup: "help-center-staff", allowedDomains: [], publicUrl: origin, ...o };
}
async function setUp(o: Partial<SsoSettings> = {}) {
  const log = memoryLogger();
  const test = await createTestApp({ sites: twoSites(), signInPage: signInTemplate, sso: settings(o), log });
  return { ...test, log, browser: ssoBrowser(test.app.request, origin) };
}

describe("attack", () => {
  it("A: 21 successful SSO sign-ins from one address (an office behind NAT)", async () => {
    const { app } = await setUp();
    const statuses: (number | string)[] = [];
    for (let i = 0; i < 21; i++) {
      const b = ssoBrowser(app.request, origin);
      try { statuses.push((await b.request(await b.throughProvider(employee))).status); }
      catch (e) { statuses.push(String(e).slice(0, 60)); }
    }
    console.log("A statuses", JSON.stringify(statuses));
  });

  it("B: verified e-mail moves to a disabled account's address: 409 forever", async () => {
    const { browser, db } = await setUp();
    const accounts = staffAccounts(db, testPasswords);
    await accounts.add("left@example.com", "the leaver's old password!");
    await accounts.disable("left@example.com");
    const person = people[0] as DevUser;
    expect((await browser.request(await browser.throughProvider(person))).status).toBe(303);
    person.email = "left@example.com";
    const r = await browser.request(await browser.throughProvider(person));
    console.log("B status", r.status, (await r.text()).match(/Another account[^<]*/)?.[0]);
    console.log("B rows", JSON.stringify(await rows(db, "SELECT id,email,issuer,subject,disabled_at FROM staff_users")));
  });

  it("C: first sign-in with a verified e-mail of a disabled local account links it", async () => {
    const { db, app } = await setUp();
    const accounts = staffAccounts(db, testPasswords);
    await accounts.add("left@example.com", "the leaver's old password!");
    await accounts.disable("left@example.com");
    people.push({ id: "newcomer", email: "left@example.com", password: "pw", name: "New", groups: [employeeGroup] });
    const b = ssoBrowser(app.request, origin);
    const r = await b.request(await b.throughProvider({ email: "left@example.com", password: "pw" }));
    console.log("C status", r.status);
    console.log("C rows", JSON.stringify(await rows(db, "SELECT id,email,issuer,subject,disabled_at FROM staff_users")));
    await accounts.resetPassword?.("left@example.com", "a brand new password for the owner");
    const b2 = ssoBrowser(app.request, origin);
    const r2 = await b2.request(await b2.throughProvider({ email: "left@example.com", password: "pw" }));
    console.log("C after reset-password", r2.status);
  });

  it("D: simultaneous first sign-ins of the same identity, and of two identities with one verified e-mail", async () => {
    const { db, app } = await setUp();
    const b1 = ssoBrowser(app.request, origin);
    const b2 = ssoBrowser(app.request, origin);
    const [c1, c2] = [await b1.throughProvider(employee), await b2.throughProvider(employee)];
    const rs = await Promise.all([b1.request(c1), b2.request(c2)]);
    console.log("D same identity", rs.map((r) => r.status));
    people.push({ id: "twin-a", email: "twin@example.com", password: "a", name: "A", groups: [employeeGroup] });
    people.push({ id: "twin-b", email: "twin@example.com", password: "b", name: "B", groups: [employeeGroup] });
    const ba = ssoBrowser(app.request, origin);
    const bb = ssoBrowser(app.request, origin);
    // provider matches by email+password
    const ca = await ba.throughProvider({ email: "twin@example.com", password: "a" });
    const cb = await bb.throughProvider({ email: "twin@example.com", password: "b" });
    const rs2 = await Promise.all([ba.request(ca), bb.request(cb)]);
    console.log("D twins", rs2.map((r) => r.status));
    console.log("D rows", JSON.stringify(await rows(db, "SELECT id,email,subject FROM staff_users")));
  });

  it("E: placeholder of an unverified identity vs a local account with sub@host", async () => {
    const { db, app } = await setUp();
    const host = new URL(provider.issuer).hostname;
    await staffAccounts(db, testPasswords).add(`boss@example.com`, "boss password 12345");
    await db.execute({ sql: "INSERT INTO staff_users (email,password_hash,created_at) VALUES (?,'x',0)", args: [`boss@${host}`] });
    people.push({ id: "boss", email: "x@example.org", password: "pw", name: "Fake", groups: [employeeGroup], emailVerified: false });
    const b = ssoBrowser(app.request, origin);
    const r = await b.request(await b.throughProvider({ email: "x@example.org", password: "pw" }));
    console.log("E status", r.status);
    people.push({ id: "s2", email: "y@example.org", password: "pw2", name: "Str", groups: [employeeGroup], emailVerified: "true" as unknown as boolean });
    const b2 = ssoBrowser(app.request, origin);
    const r2 = await b2.request(await b2.throughProvider({ email: "y@example.org", password: "pw2" }));
    console.log("E string-true", r2.status);
    console.log("E rows", JSON.stringify(await rows(db, "SELECT id,email,issuer,subject FROM staff_users")));
  });

  it("F: audit line with U+2028 / U+0085 in the error parameter", async () => {
    const { app, log } = await setUp();
    const start = await app.request(`${origin}/api/auth/oidc/start?next=/`);
    const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const state = new URL(start.headers.get("location") ?? "").searchParams.get("state") ?? "";
    const cb = new URL("/api/auth/oidc/callback", origin);
    cb.searchParams.set("state", state);
    cb.searchParams.set("error", "x\u2028FORGED LINE ONE\u0085FORGED LINE TWO\u2029three");
    const r = await app.request(cb.href, { headers: { Cookie: cookie } });
    console.log("F status", r.status);
    const line = log.lines.at(-1) ?? "";
    console.log("F raw", JSON.stringify(line));
    console.log("F has raw U+2028", line.includes("\u2028"), "U+0085", line.includes("\u0085"));
    require("node:fs").writeFileSync("/tmp/zz/logline.txt", `${line}\n`);
  });
});
