import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { staffAccounts } from "../../functions/app/auth/accounts.ts";
import type { PasswordHasher } from "../../functions/app/auth/password.ts";
import { scryptPasswords } from "../../functions/node/scrypt-password.ts";
import { internalNote, signInTemplate, twoSites } from "../support/sample-pages.ts";
import { signInAs } from "../support/sign-in.ts";
import { createTestApp, type TestAppOptions, testPasswords } from "../support/test-app.ts";

const email = "kim@example.com";
const password = "a long enough password";

async function setUp(options: TestAppOptions = {}) {
  const test = await createTestApp({ sites: twoSites(), signInPage: signInTemplate, ...options });
  await staffAccounts(test.db, testPasswords).add(email, password);
  const login = (
    body: Record<string, string>,
    headers: Record<string, string> = {},
    url = "http://localhost/api/auth/login",
  ) =>
    test.app.request(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
  const formLogin = (fields: Record<string, string>) =>
    test.app.request("/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
  /** The session token alone (tests build their own Cookie headers around it). */
  const sessionCookie = async (headers: Record<string, string> = {}) =>
    (await signInAs(test.app.request, { email, password }, { headers })).slice("session=".length);
  const page = (path: string, token?: string, extraCookie = "") =>
    test.app.request(path, { headers: token ? { Cookie: `session=${token}${extraCookie}` } : {} });
  return { ...test, login, formLogin, sessionCookie, page };
}

describe("signing in", () => {
  it("sets an HttpOnly, SameSite=Lax session cookie and stores only the token's hash", async () => {
    const { login, db } = await setUp();
    const response = await login({ email: "KIM@example.com ", password });
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^session=[A-Za-z0-9_-]{43}; Max-Age=604800; Path=\/; HttpOnly; SameSite=Lax/);
    expect(cookie).not.toContain("Secure");
    const token = /session=([^;]+)/.exec(cookie)?.[1] ?? "";
    const stored = (await db.execute("SELECT token_hash FROM sessions")).rows.map((r) => String(r.token_hash));
    expect(stored).toEqual([createHash("sha256").update(token).digest("base64url")]);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it("uses a __Host- cookie marked Secure over https", async () => {
    const { login } = await setUp();
    const response = await login({ email, password }, {}, "https://help.example.com/api/auth/login");
    expect(response.headers.get("set-cookie")).toMatch(
      /^__Host-session=[^;]+; Max-Age=604800; Path=\/; HttpOnly; Secure; SameSite=Lax/,
    );
    expect(response.headers.get("strict-transport-security")).toMatch(/max-age=/);
  });

  it("ends the session the browser had when it signs in again, so a planted session cannot outlive a sign-in", async () => {
    const { sessionCookie, page, db } = await setUp();
    const planted = await sessionCookie();
    const fresh = await sessionCookie({ Cookie: `session=${planted}` });
    expect(fresh).not.toBe(planted);
    expect(await (await page("/topics/codes/", planted)).text()).not.toContain(internalNote);
    expect(await (await page("/topics/codes/", fresh)).text()).toContain(internalNote);
    expect((await db.execute("SELECT count(*) AS n FROM sessions")).rows[0]?.n).toBe(1);
  });

  it("replaces an older scrypt hash with the current scheme's at the next sign-in", async () => {
    const { login, db } = await setUp();
    const old = await scryptPasswords({ N: 1024, r: 8, p: 1 }).hash(password);
    await db.execute({ sql: "UPDATE staff_users SET password_hash = ?", args: [old] });
    expect((await login({ email, password })).status).toBe(200);
    const stored = String((await db.execute("SELECT password_hash FROM staff_users")).rows[0]?.password_hash);
    expect(stored).toMatch(/^pbkdf2-sha256\$/);
    expect((await login({ email, password })).status).toBe(200);
  });

  it("answers a wrong password and an unknown address with the same generic 401", async () => {
    const { login } = await setUp();
    const wrong = await login({ email, password: "not the password" });
    const unknown = await login({ email: "nobody@example.com", password });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(wrong.headers.get("set-cookie")).toBeNull();
  });

  it("hashes the decoy for unknown addresses once, though the edge builds the app anew for every request", async () => {
    let hashes = 0;
    const counting: PasswordHasher = {
      ...testPasswords,
      hash: (text) => {
        hashes += 1;
        return testPasswords.hash(text);
      },
    };
    const first = await setUp({ passwords: counting });
    const second = await createTestApp({ databaseFile: first.databaseFile, passwords: counting });
    const login = (app: typeof first.app, address: string) =>
      app.request("http://localhost/api/auth/login", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email: address, password }),
      });
    const statuses = [
      (await login(first.app, email)).status,
      (await login(second.app, email)).status,
      (await login(second.app, "nobody@example.com")).status,
    ];
    expect({ statuses, hashes }).toEqual({ statuses: [200, 200, 401], hashes: 1 });
  });

  it("closes an account to a client after 5 failures from it, even with the right password, with Retry-After", async () => {
    const { login } = await setUp();
    for (let i = 1; i <= 5; i++) expect((await login({ email, password: `wrong ${i}` })).status).toBe(401);
    const refused = await login({ email, password });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("closes a client to further tries after 20 failures across accounts, and no other client", async () => {
    const { login } = await setUp();
    for (let i = 1; i <= 20; i++) expect((await login({ email: `guess${i}@example.com`, password })).status).toBe(401);
    expect((await login({ email, password })).status).toBe(429);
    expect((await login({ email, password }, { "X-Test-Client": "192.0.2.50" })).status).toBe(200);
  });

  it("returns a form post to the page it came from, and only to a page of this site", async () => {
    const { formLogin } = await setUp();
    const home = await formLogin({ email, password, next: "/topics/codes/" });
    expect(home.status).toBe(303);
    expect(home.headers.get("location")).toBe("/topics/codes/");
    for (const next of ["https://evil.example/", "//evil.example/", "/\\evil.example"]) {
      expect((await formLogin({ email, password, next })).headers.get("location")).toBe("/");
    }
  });

  it("shows a failed form sign-in on the sign-in page, with the address kept and the password not", async () => {
    const { formLogin } = await setUp();
    const response = await formLogin({ email, password: "wrong password!", next: "/topics/codes/" });
    expect(response.status).toBe(401);
    const html = await response.text();
    expect(html).toContain("do not match an employee account");
    expect(html).toContain(`value="${email}"`);
    expect(html).toContain('value="/topics/codes/"');
    expect(html).not.toContain("wrong password!");
  });

  it("serves the sign-in page with where to return filled in", async () => {
    const { page } = await setUp();
    const response = await page("/sign-in/?next=%2Ftopics%2Fcodes%2F");
    expect(await response.text()).toContain('name="next" value="/topics/codes/"');
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("sessions", () => {
  it("ends at logout: the cookie is cleared and the old token no longer works", async () => {
    const { sessionCookie, app, page, db } = await setUp();
    const token = await sessionCookie();
    const response = await app.request("/api/auth/logout", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `session=${token}` },
      body: "",
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("set-cookie")).toMatch(/session=; Max-Age=0/);
    expect((await db.execute("SELECT * FROM sessions")).rows).toHaveLength(0);
    expect(await (await page("/topics/codes/", token)).text()).not.toContain("Internal note");
    // The browser lands where it is told so, with a way back to the help center.
    expect(response.headers.get("location")).toBe("/sign-in/?signed-out=1");
    const signedOut = await (await app.request("/sign-in/?signed-out=1")).text();
    expect(signedOut).toContain('<p class="note" role="status">You are signed out of the help center.');
    expect(signedOut).toContain('<a href="/">Back to the help center</a>');
  });

  it("tells an employee on every internal page who is signed in, and nobody else, nor the customer view", async () => {
    const { sessionCookie, page } = await setUp();
    const token = await sessionCookie();
    const internal = await (await page("/topics/codes/", token)).text();
    expect(internal).toContain(`<p data-slot="employee">Signed in as ${email}</p>`);
    expect(await (await page("/topics/codes/")).text()).not.toContain("Signed in as");
    const asCustomer = await (await page("/topics/codes/", token, "; view=customer")).text();
    expect(asCustomer).toContain("You are viewing the help center as a customer.");
    expect(asCustomer).not.toContain("Signed in as");
  });

  it("ends after 12 idle hours, and after 7 days however busy", async () => {
    let now = Date.UTC(2026, 10, 1);
    const { sessionCookie, page } = await setUp({ clock: () => now });
    const idle = await sessionCookie();
    now += 12 * 3600_000 - 1;
    expect(await (await page("/topics/codes/", idle)).text()).toContain("Internal note");
    now += 12 * 3600_000 + 1;
    expect(await (await page("/topics/codes/", idle)).text()).not.toContain("Internal note");

    const busy = await sessionCookie();
    for (let hour = 0; hour < 7 * 24; hour += 6) {
      now += 6 * 3600_000;
      const seen = await (await page("/topics/codes/", busy)).text();
      expect(seen.includes("Internal note")).toBe(hour + 6 < 7 * 24);
    }
  });

  it("stop working at once when the account is disabled", async () => {
    const { sessionCookie, page, db } = await setUp();
    const token = await sessionCookie();
    expect(await (await page("/topics/codes/", token)).text()).toContain("Internal note");
    await staffAccounts(db, testPasswords).disable(email);
    expect(await (await page("/topics/codes/", token)).text()).not.toContain("Internal note");
  });
});

describe("serving by audience", () => {
  it("serves the internal build to an employee, never to be cached, and the public one to everyone else", async () => {
    const { sessionCookie, page } = await setUp();
    const token = await sessionCookie();
    const internal = await page("/topics/codes/", token);
    expect(await internal.text()).toContain("Internal note");
    expect(internal.headers.get("cache-control")).toBe("private, no-store");
    expect(internal.headers.get("vary")).toContain("Cookie");
    const anonymous = await page("/topics/codes/");
    expect(await anonymous.text()).not.toContain("Internal note");
    expect(anonymous.headers.get("vary")).toContain("Cookie");
    expect(anonymous.headers.get("cache-control")).toMatch(/^public/);
  });

  it("answers an internal-only topic with the 404 page to anyone without a session, forged cookies included", async () => {
    const { page } = await setUp();
    for (const token of [undefined, "forged-token-value-that-is-not-real-00000"]) {
      const response = await page("/topics/staff-only/", token);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("Staff only");
    }
  });

  it("lets an employee view the site as a customer and switch back", async () => {
    const { sessionCookie, page, app } = await setUp();
    const token = await sessionCookie();
    const switched = await app.request("/api/auth/view", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `session=${token}` },
      body: "as=customer&next=%2Ftopics%2Fcodes%2F",
    });
    expect(switched.status).toBe(303);
    const viewCookie = /view=([^;]+)/.exec(switched.headers.get("set-cookie") ?? "")?.[1];
    expect(viewCookie).toBe("customer");
    const asCustomer = await page("/topics/codes/", token, "; view=customer");
    const html = await asCustomer.text();
    expect(html).not.toContain("Internal note");
    expect(html).toContain("Back to the employee view");
    expect(asCustomer.headers.get("cache-control")).toBe("private, no-store");
  });

  it("flags feedback sent by a signed-in employee, who may also comment on internal-only topics", async () => {
    const { sessionCookie, app, db } = await setUp();
    const token = await sessionCookie();
    const send = (cookie: string) =>
      app.request("/api/feedback", {
        method: "POST",
        headers: { "Content-Type": "application/json", Cookie: cookie },
        body: JSON.stringify({ topic: "internal-admin-temporary-code", rating: "good" }),
      });
    expect((await send("")).status).toBe(400);
    expect((await send(`session=${token}`)).status).toBe(201);
    expect((await db.execute("SELECT is_employee FROM feedback")).rows.map((r) => r.is_employee)).toEqual([1]);
  });
});

describe("security headers", () => {
  it("come with pages, assets and API responses alike", async () => {
    const { page, app } = await setUp();
    for (const response of [
      await page("/topics/codes/"),
      await page("/no-such-file.js"),
      await app.request("/api/health"),
    ]) {
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self' [^;]*'sha256-test'/);
      expect(csp).not.toContain("unsafe-inline");
      // Nothing the site runs compiles code, so no script may (search included: it runs only the site's own).
      expect(csp).not.toMatch(/unsafe-eval/);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("permissions-policy")).toContain("camera=()");
    }
  });
});
