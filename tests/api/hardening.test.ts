import { describe, expect, it } from "vitest";
import { staffAccounts } from "../../functions/app/auth/accounts.ts";
import { passwordHasher } from "../../functions/app/auth/password.ts";
import { pbkdf2Passwords } from "../../functions/app/auth/pbkdf2-password.ts";
import { escapeHtml } from "../../functions/app/lib/html.ts";
import { passwordWorkers } from "../../functions/node/password-workers.ts";
import { referenceCatalogue } from "../../src/shared/i18n/catalogues.ts";
import { signInTemplate } from "../support/sample-pages.ts";
import { signInAs } from "../support/sign-in.ts";
import { statuses } from "../support/statuses.ts";
import { createTestApp, type TestAppOptions, testPasswords } from "../support/test-app.ts";

const email = "kim@example.com";
const password = "a long enough password";

type App = Awaited<ReturnType<typeof createTestApp>>["app"];

async function withEmployee(options: TestAppOptions = {}) {
  const test = await createTestApp({ signInPage: signInTemplate, ...options });
  await staffAccounts(test.db, testPasswords).add(email, password);
  return test;
}

const login = (app: App, body: Record<string, string>, client = "203.0.113.7") =>
  app.request("/api/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Test-Client": client },
    body: JSON.stringify(body),
  });

const form = (app: App, path: string, fields: [string, string][], headers: Record<string, string> = {}) =>
  app.request(path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
  });

describe("limits under simultaneous requests", () => {
  it("checks at most 5 of 30 wrong passwords sent at once for one account from one client", async () => {
    const { app } = await withEmployee();
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login(app, { email, password: `wrong ${i}` })),
    );
    expect(statuses(responses)).toEqual({ 401: 5, 429: 25 });
    for (const r of responses.filter((r) => r.status === 429))
      expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("never lets the right password in after 5 failures, however the 12 simultaneous tries are ordered", async () => {
    for (let run = 0; run < 4; run++) {
      const { app } = await withEmployee();
      const tries = Array.from({ length: 12 }, (_, i) => (i === 11 - run ? password : `wrong ${i}`));
      const responses = await Promise.all(tries.map((p) => login(app, { email, password: p })));
      const checked = responses.filter((r) => r.status === 401 || r.status === 200).length;
      expect(checked).toBeLessThanOrEqual(5);
      expect(statuses(responses)[429]).toBeGreaterThanOrEqual(7);
    }
  });

  it("lets 5 of 20 simultaneous feedback posts from one client through with a limit of 5, and stores 5", async () => {
    const { app, db } = await createTestApp({ limit: { max: 5, windowMs: 60_000 } });
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        app.request("/api/feedback", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ topic: "temporary-login-code", rating: "good" }),
        }),
      ),
    );
    expect(statuses(responses)).toEqual({ 201: 5, 429: 15 });
    expect(Number((await db.execute("SELECT count(*) AS n FROM feedback")).rows[0]?.n)).toBe(5);
  });

  it("starts exactly 20 demo sandboxes for one client out of 30 asked for at once", async () => {
    const { app, db } = await createTestApp();
    const responses = await Promise.all(
      Array.from({ length: 30 }, () => app.request("/api/demo/sandbox", { method: "POST" })),
    );
    expect(statuses(responses)).toEqual({ 201: 20, 429: 10 });
    expect(Number((await db.execute("SELECT count(*) AS n FROM demo_sandboxes")).rows[0]?.n)).toBe(20);
  });

  it("compares at most 5 of 40 simultaneous code guesses, and a code that let the right one in was not locked before it", async () => {
    for (let run = 0; run < 4; run++) {
      const { app, db } = await createTestApp();
      const created = await app.request("/api/demo/sandbox", { method: "POST" });
      const cookie = /demo_sandbox=[^;]+/.exec(created.headers.get("set-cookie") ?? "")?.[0] ?? "";
      const json = { "Content-Type": "application/json", Cookie: cookie };
      const issued = await app.request("/api/demo/users/client-rivera/code", {
        method: "POST",
        headers: json,
        body: JSON.stringify({ oneTime: run % 2 === 0 }),
      });
      const { code } = (await issued.json()) as { code: string };
      const wrong = (i: number) => String((Number(code) + 1 + i) % 100_000_000).padStart(8, "0");
      const guesses = Array.from({ length: 40 }, (_, i) => (i === 10 * run + 3 ? code : wrong(i)));
      const outcomes = await Promise.all(
        guesses.map(async (guess) => {
          const response = await app.request("/api/demo/sign-in", {
            method: "POST",
            headers: json,
            body: JSON.stringify({ username: "arivera", code: guess }),
          });
          return ((await response.json()) as { outcome: { kind: string } }).outcome.kind;
        }),
      );
      const events = (
        await db.execute("SELECT event FROM demo_audit WHERE event IN ('failed', 'used', 'locked') ORDER BY id")
      ).rows.map((r) => String(r.event));
      const compared = events.filter((e) => e === "failed" || e === "used").length;
      expect(compared).toBeLessThanOrEqual(5);
      expect(events.filter((e) => e === "failed").length).toBeLessThanOrEqual(5);
      if (outcomes.includes("signed_in")) {
        expect(events.indexOf("used")).toBeGreaterThanOrEqual(0);
        const locked = events.indexOf("locked");
        expect(locked === -1 || locked > events.indexOf("used")).toBe(true);
      }
      const status = (await db.execute("SELECT status FROM demo_codes")).rows[0]?.status;
      if (run % 2 === 0 && outcomes.includes("signed_in")) expect(status).toBe("used");
      if (!outcomes.includes("signed_in")) expect(status).toBe("locked");
    }
  });
});

describe("a lockout nobody else can trigger", () => {
  it("lets the right password in from a client that has not failed, after 5 failures from another", async () => {
    const { app } = await withEmployee();
    for (let i = 0; i < 5; i++)
      expect((await login(app, { email, password: `wrong ${i}` }, "198.51.100.1")).status).toBe(401);
    expect((await login(app, { email, password }, "198.51.100.1")).status).toBe(429);
    expect((await login(app, { email, password }, "198.51.100.2")).status).toBe(200);
  });

  it("slows everyone down once the account's ceiling of failures from many clients is reached", async () => {
    const ceiling = {
      perClientAndAccount: { max: 5, windowMs: 900_000 },
      perClient: { max: 20, windowMs: 900_000 },
      perAccount: { max: 8, windowMs: 900_000 },
    };
    const { app } = await withEmployee({ signInThrottle: ceiling });
    for (let i = 0; i < 8; i++)
      expect((await login(app, { email, password: "wrong" }, `198.51.100.${i}`)).status).toBe(401);
    expect((await login(app, { email, password }, "192.0.2.77")).status).toBe(429);
  });

  it("does not count successful sign-ins as failures", async () => {
    const { app } = await withEmployee();
    for (let i = 0; i < 8; i++) expect((await login(app, { email, password })).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(app, { email, password: "wrong" })).status).toBe(401);
    expect((await login(app, { email, password })).status).toBe(200);
  });
});

describe("password hashing under a burst", () => {
  it("answers sign-ins beyond the hashing queue at once with 503 and Retry-After, and does not count them", async () => {
    const workers = passwordWorkers({ threads: 1, queue: 2 });
    try {
      const passwords = passwordHasher(pbkdf2Passwords({ iterations: 50_000, derive: workers.pbkdf2 }));
      const test = await createTestApp({ passwords });
      await staffAccounts(test.db, passwords).add(email, password);
      const responses = await Promise.all(
        Array.from({ length: 12 }, (_, i) => login(test.app, { email, password: "wrong" }, `198.51.100.${i}`)),
      );
      const counts = statuses(responses);
      expect(counts[500]).toBeUndefined();
      expect(counts[503]).toBeGreaterThanOrEqual(8);
      for (const r of responses.filter((r) => r.status === 503)) {
        expect(r.headers.get("retry-after")).toMatch(/^\d+$/);
        expect(((await r.json()) as { error: { code: string } }).error.code).toBe("unavailable");
      }
      const failures = await test.db.execute(
        "SELECT sum(hits) AS n FROM rate_limits WHERE bucket LIKE 'signin:account:%'",
      );
      expect(Number(failures.rows[0]?.n)).toBe(counts[401]);
      expect((await login(test.app, { email, password }, "192.0.2.1")).status).toBe(200);
    } finally {
      await workers.close();
    }
  });
});

describe("server-filled pages never interpret what they insert", () => {
  const patterns = ["$&", "$`", "$'", "$1", "$$", "$<x>"];

  it("keeps replacement patterns as text in the sign-in page's every slot", async () => {
    const { app } = await withEmployee();
    for (const pattern of patterns) {
      const page = await app.request(`/sign-in/?next=${encodeURIComponent(`/x${pattern}y`)}`);
      const next = new URL(`/x${pattern}y`, "https://a.example").pathname;
      expect(await page.text()).toContain(`value="${escapeHtml(next)}"`);
      const failed = await form(app, "/api/auth/login", [
        ["email", `a${pattern}@example.com`],
        ["password", "wrong password here"],
        ["next", `/p${pattern}`],
      ]);
      const html = await failed.text();
      expect(html.match(/<input/g)).toHaveLength(2);
      expect(html).toContain(`value="${escapeHtml(`a${pattern}@example.com`)}"`);
      expect(html).toContain("do not match an employee account.</p>");
    }
  });
});

describe("input hygiene", () => {
  const postJson = (app: App, path: string, body: unknown) =>
    app.request(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

  it("refuses control characters in any text field with a 400 naming the field, and stores nothing", async () => {
    const { app, db } = await createTestApp();
    for (const [field, value] of [
      ["comment", "before\u0000after"],
      ["name", "Kim\u0007"],
      ["comment", "escape \u001b[31m"],
    ] as const) {
      const response = await postJson(app, "/api/feedback", {
        topic: "temporary-login-code",
        rating: "good",
        [field]: value,
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { fields: { field: string }[] } };
      expect(body.error.fields.map((f) => f.field)).toEqual([field]);
    }
    const plain = await form(app, "/api/feedback", [
      ["topic", "temporary-login-code"],
      ["comment", "nul \u0000 here"],
    ]);
    expect(plain.status).toBe(400);
    expect(Number((await db.execute("SELECT count(*) AS n FROM feedback")).rows[0]?.n)).toBe(0);
    const kept = await postJson(app, "/api/feedback", { topic: "temporary-login-code", comment: "tab\there\r\nline" });
    expect(kept.status).toBe(201);
  });

  it("refuses control characters in sign-in and demo fields too", async () => {
    const { app } = await withEmployee();
    const signIn = await postJson(app, "/api/auth/login", { email: `${email}\u0000`, password });
    expect(signIn.status).toBe(400);
    expect(((await signIn.json()) as { error: { fields: { field: string }[] } }).error.fields[0]?.field).toBe("email");
  });

  it("refuses C1 controls such as U+0085 and lone surrogates like other control characters, naming the field", async () => {
    const { app, db } = await createTestApp();
    const fieldsOf = async (response: Response) =>
      ((await response.json()) as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field);
    for (const [field, raw] of [
      ["comment", '"next\\u0085line"'],
      ["comment", '"half \\ud800 a pair"'],
      ["name", '"Kim \\udc00"'],
      ["comment", '"\\ud83d"'],
    ] as const) {
      const response = await app.request("/api/feedback", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: `{"topic":"temporary-login-code","rating":"good","${field}":${raw}}`,
      });
      expect(response.status, raw).toBe(400);
      expect(await fieldsOf(response)).toEqual([field]);
    }
    const plain = await app.request("/api/feedback", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "topic=temporary-login-code&comment=next%C2%85line",
    });
    expect(plain.status).toBe(400);
    expect(await plain.text()).toContain("Remove the control characters");
    const edited = await postJson(app, "/api/feedback", { topic: "temporary-login-code", rating: "good" });
    const { id, editToken } = (await edited.json()) as { id: string; editToken: string };
    const put = await app.request(`/api/feedback/${id}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ editToken, rating: "poor", comment: "bad \u0085" }),
    });
    expect(put.status).toBe(400);
    expect(await fieldsOf(put)).toEqual(["comment"]);
    expect(Number((await db.execute("SELECT count(*) AS n FROM feedback WHERE comment IS NOT NULL")).rows[0]?.n)).toBe(
      0,
    );
    const kept = await postJson(app, "/api/feedback", {
      topic: "temporary-login-code",
      comment: "no-break\u00a0space 😀",
    });
    expect(kept.status).toBe(201);
  });

  it("refuses JSON nested 7,000 deep with a 400 on every route that reads JSON, and logs no error", async () => {
    const unexpected: unknown[] = [];
    const { app } = await withEmployee({ onUnexpectedError: (error) => unexpected.push(error) });
    const cookie = await signInAs(app.request, { email, password });
    const sandbox = await app.request("/api/demo/sandbox", { method: "POST" });
    const sandboxCookie = /demo_sandbox=[^;]+/.exec(sandbox.headers.get("set-cookie") ?? "")?.[0] ?? "";
    const arrays = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
    const objects = (n: number) => `${'{"a":'.repeat(n)}1${"}".repeat(n)}`;
    const inField = (n: number) => `{"topic":"temporary-login-code","comment":${arrays(n)}}`;
    // Each body fits the route's size limit: depth alone is what is refused.
    const routes: [string, string, number][] = [
      ["POST", "/api/feedback", 7000],
      ["PUT", "/api/feedback/aaaaaaaaaaaaaaaaaaaa", 7000],
      ["POST", "/api/searches", 7000],
      ["POST", "/api/auth/login", 3500],
      ["POST", "/api/auth/view", 1800],
      ["POST", "/api/demo/sign-in", 1800],
      ["POST", "/api/demo/clock", 1800],
      ["PUT", "/api/demo/users/client-rivera/device", 1800],
      ["POST", "/api/dashboard/comments/aaaaaaaaaaaaaaaaaaaa/status", 1800],
    ];
    for (const [method, path, depth] of routes) {
      for (const body of [arrays(depth), objects(depth / 5), inField(depth / 2 - 40)]) {
        const response = await app.request(path, {
          method,
          headers: { "Content-Type": "application/json", Cookie: `${cookie}; ${sandboxCookie}` },
          body,
        });
        expect(response.status, `${method} ${path}`).toBe(400);
        const { error } = (await response.json()) as { error: { code: string; message: string } };
        expect(error.code).toBe("json_too_deep");
        expect(error.message).toMatch(/more than 16 levels deep/);
      }
    }
    expect(unexpected).toEqual([]);
  });

  it("counts only real nesting: brackets in text are kept, and a body as deep as the limit is judged by its fields", async () => {
    const { app } = await createTestApp();
    const brackets = await postJson(app, "/api/feedback", {
      topic: "temporary-login-code",
      comment: `${"[{".repeat(200)} "quoted \\" ${"]}".repeat(200)}`,
    });
    expect(brackets.status).toBe(201);
    const atLimit = await app.request("/api/feedback", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: `{"topic":"temporary-login-code","comment":${"[".repeat(15)}${"]".repeat(15)}}`,
    });
    expect(atLimit.status).toBe(400);
    expect(((await atLimit.json()) as { error: { code: string } }).error.code).toBe("invalid_input");
  });

  it("refuses a field sent twice on the sign-in, view and status forms", async () => {
    const { app } = await withEmployee();
    const twice = await form(app, "/api/auth/login", [
      ["email", email],
      ["password", password],
      ["next", "/a/"],
      ["next", "//evil.example"],
    ]);
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain(referenceCatalogue.signIn.unreadable);
    const twiceJson = await login(app, { email, password });
    expect(twiceJson.status).toBe(200);
    const cookie = await signInAs(app.request, { email, password });
    const view = await form(
      app,
      "/api/auth/view",
      [
        ["as", "customer"],
        ["as", "employee"],
      ],
      { Cookie: cookie },
    );
    expect(view.status).toBe(400);
    const status = await form(
      app,
      "/api/dashboard/comments/aaaaaaaaaaaaaaaaaaaa/status",
      [
        ["status", "reviewed"],
        ["status", "spam"],
      ],
      { Cookie: cookie },
    );
    expect(status.status).toBe(400);
  });

  it("counts a family emoji as one character against the comment limit", async () => {
    const { app } = await createTestApp();
    // 600 families are 4,200 code points: far over the limit if code points were counted.
    const response = await postJson(app, "/api/feedback", {
      topic: "temporary-login-code",
      comment: "👨‍👩‍👧‍👦".repeat(600),
    });
    expect(response.status).toBe(201);
  });
});

describe("small things done right", () => {
  it("answers a method a route does not have with 405, Allow and the JSON error shape", async () => {
    const { app } = await createTestApp();
    const response = await app.request("/api/auth/login");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("method_not_allowed");
    const put = await app.request("/api/demo/sandbox", { method: "PUT" });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, HEAD, POST");
    expect((await app.request("/api/no-such-thing")).status).toBe(404);
  });

  it("marks every JSON answer that sets a cookie or carries a session's or sandbox's state no-store", async () => {
    const { app } = await withEmployee();
    const signedIn = await login(app, { email, password });
    expect(signedIn.headers.get("cache-control")).toBe("no-store");
    const sandbox = await app.request("/api/demo/sandbox", { method: "POST" });
    expect(sandbox.headers.get("cache-control")).toBe("no-store");
    const cookie = /demo_sandbox=[^;]+/.exec(sandbox.headers.get("set-cookie") ?? "")?.[0] ?? "";
    const state = await app.request("/api/demo/sandbox", { headers: { Cookie: cookie } });
    expect(state.headers.get("cache-control")).toBe("no-store");
    const out = await app.request("/api/auth/logout", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(out.headers.get("cache-control")).toBe("no-store");
  });

  it("over https counts only the __Host- session cookie, never a plain one a subdomain could plant", async () => {
    const { app } = await withEmployee();
    const cookie = await signInAs(app.request, { email, password }, { base: "https://help.example.com" });
    expect(cookie).toMatch(/^__Host-session=/);
    const token = cookie.slice("__Host-session=".length);
    const withPlain = await app.request("https://help.example.com/api/dashboard/overview", {
      headers: { Cookie: `session=${token}` },
    });
    expect(withPlain.status).toBe(401);
    const withHost = await app.request("https://help.example.com/api/dashboard/overview", {
      headers: { Cookie: `__Host-session=${token}` },
    });
    expect(withHost.status).toBe(200);
  });
});
