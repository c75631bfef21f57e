import { describe, expect, it } from "vitest";
import { createTestApp } from "../support/test-app.ts";

type App = Awaited<ReturnType<typeof createTestApp>>["app"];

/** A visitor: keeps the demo cookie between calls, like a browser. */
function visitor(app: App, address = "203.0.113.7") {
  let cookie = "";
  return async (method: string, path: string, body?: unknown) => {
    const response = await app.request(`/api/demo${path}`, {
      method,
      headers: {
        Cookie: cookie,
        "X-Test-Client": address,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const set = /demo_sandbox=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
    if (set) cookie = `demo_sandbox=${set}`;
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown>,
      headers: response.headers,
    };
  };
}

describe("the live demo API", () => {
  it("walks the whole flow: sandbox, code for a user, sign-in, wrong code, clock advanced past expiry", async () => {
    const { app } = await createTestApp();
    const call = visitor(app);
    const created = await call("POST", "/sandbox");
    expect(created.status).toBe(201);
    expect(created.headers.get("set-cookie")).toMatch(
      /demo_sandbox=[A-Za-z0-9_-]{22}; Max-Age=172800; Path=\/api\/demo; HttpOnly; SameSite=Lax/,
    );
    const users = created.body.users as { id: string; kind: string; username: string }[];
    expect(users.map((u) => u.kind).sort()).toEqual(["client", "client", "staff", "staff"]);
    const alex = users.find((u) => u.username === "arivera");

    const issued = await call("POST", `/users/${alex?.id}/code`, { oneTime: false });
    expect(issued.status).toBe(201);
    expect(issued.headers.get("cache-control")).toBe("no-store");
    const code = String(issued.body.code);
    expect(code).toMatch(/^\d{8}$/);

    expect((await call("POST", "/sign-in", { username: "arivera", code })).body.outcome).toMatchObject({
      kind: "signed_in",
    });
    const wrong = String((Number(code) + 1) % 1e8).padStart(8, "0");
    expect((await call("POST", "/sign-in", { username: "arivera", code: wrong })).body.outcome).toEqual({
      kind: "wrong",
      triesLeft: 4,
    });

    const later = await call("POST", "/clock", { hours: 24 });
    expect(
      (later.body.users as { id: string; code?: { state: string } }[]).find((u) => u.id === alex?.id)?.code?.state,
    ).toBe("expired");
    expect((await call("POST", "/sign-in", { username: "arivera", code })).body.outcome).toMatchObject({
      kind: "expired",
    });

    const state = await call("GET", "/sandbox");
    expect((state.body.audit as { event: string }[]).map((a) => a.event).reverse()).toEqual([
      "issued",
      "used",
      "failed",
      "expired",
      "refused",
    ]);
    expect(JSON.stringify(state.body)).not.toContain(code);
  });

  it("keeps visitors apart: one sandbox's cookie reaches none of another's users or codes", async () => {
    const { app } = await createTestApp();
    const first = visitor(app);
    const second = visitor(app, "198.51.100.2");
    await first("POST", "/sandbox");
    await second("POST", "/sandbox");
    const { code } = (await first("POST", "/users/client-rivera/code", {})).body as { code: string };
    expect((await second("POST", "/sign-in", { username: "arivera", code })).body.outcome).toEqual({ kind: "no_code" });
    expect((await second("DELETE", "/users/client-rivera/code")).status).toBe(404);
    expect((await first("POST", "/sign-in", { username: "arivera", code })).body.outcome).toMatchObject({
      kind: "signed_in",
    });
  });

  it("takes a code as people copy it, grouped with a space or a hyphen", async () => {
    const { app } = await createTestApp();
    const call = visitor(app);
    await call("POST", "/sandbox");
    const { code } = (await call("POST", "/users/client-rivera/code", { oneTime: false })).body as { code: string };
    for (const typed of [`${code.slice(0, 4)} ${code.slice(4)}`, ` ${code.slice(0, 4)}-${code.slice(4)} `]) {
      expect((await call("POST", "/sign-in", { username: "arivera", code: typed })).body.outcome).toMatchObject({
        kind: "signed_in",
      });
    }
  });

  it("answers a visitor without a sandbox, or with a made-up one, with 404 and the error shape", async () => {
    const { app } = await createTestApp();
    const none = await app.request("/api/demo/sandbox");
    expect(none.status).toBe(404);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe("no_sandbox");
    const forged = await app.request("/api/demo/sandbox", {
      headers: { Cookie: "demo_sandbox=AAAAAAAAAAAAAAAAAAAAAA" },
    });
    expect(forged.status).toBe(404);
  });

  it.each([
    ["a code with letters", "/sign-in", { username: "arivera", code: "12ab5678" }, 400],
    ["a code too short", "/sign-in", { username: "arivera", code: "1234567" }, 400],
    ["an unknown user name", "/sign-in", { username: "nobody", code: "12345678" }, 400],
    ["oneTime as a string", "/users/client-rivera/code", { oneTime: "yes" }, 400],
    ["an unknown field", "/users/client-rivera/code", { oneTime: true, admin: true }, 400],
    ["a user of no sandbox", "/users/staff-nobody/code", {}, 404],
    ["a user id that cannot be one", "/users/..%2Fetc/code", {}, 400],
    ["a clock advanced by a year", "/clock", { hours: 24 * 365 }, 400],
  ])("refuses %s", async (_name, path, body, status) => {
    const { app } = await createTestApp();
    const call = visitor(app);
    await call("POST", "/sandbox");
    const response = await call("POST", path, body);
    expect(response.status).toBe(status);
    expect(response.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  });

  it("limits how many sandboxes one client may start", async () => {
    const { app } = await createTestApp();
    const statuses = [];
    for (let i = 0; i < 21; i++) statuses.push((await visitor(app)("POST", "/sandbox")).status);
    expect(statuses.slice(0, 20).every((s) => s === 201)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it("still asks for multi-factor authentication after the device is disconnected, and the code still works", async () => {
    const { app } = await createTestApp();
    const call = visitor(app);
    await call("POST", "/sandbox");
    const { code } = (await call("POST", "/users/staff-patel/code", {})).body as { code: string };
    expect((await call("PUT", "/users/staff-patel/device", { paired: false })).status).toBe(200);
    const state = await call("GET", "/sandbox");
    expect(
      (state.body.users as { id: string; devicePaired: boolean }[]).find((u) => u.id === "staff-patel")?.devicePaired,
    ).toBe(false);
    expect((await call("POST", "/sign-in", { username: "spatel", code })).body.outcome).toMatchObject({
      kind: "signed_in",
    });
  });
});
