import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { staffAccounts } from "../../functions/app/auth/accounts.ts";
import type { AppEnv } from "../../functions/app/deps.ts";
import { jsonLogger } from "../../functions/app/lib/log.ts";
import { requestLog } from "../../functions/app/lib/request-log.ts";
import { appMetrics } from "../../functions/app/metrics/app-metrics.ts";
import { memoryLogger } from "../support/memory-logger.ts";
import { dashboardTemplate, twoSites } from "../support/sample-pages.ts";
import { createTestApp, testPasswords } from "../support/test-app.ts";

const requests = (log: ReturnType<typeof memoryLogger>) => log.entries().filter((e) => e.type === "request");

describe("request logs", () => {
  it("writes one JSON line per request with its id, route pattern, status, duration and size, and nothing a reader sent", async () => {
    const log = memoryLogger();
    const { app } = await createTestApp({ log, sites: twoSites() });
    const answer = await app.request("/api/feedback/aaaaaaaaaaaaaaaaaaaaaaaa?q=anna%40example.com", {
      method: "PUT",
      headers: { "Content-Type": "application/json", Cookie: "session=a-secret-token" },
      body: JSON.stringify({ editToken: "x".repeat(43), comment: "my card is 4111 1111 1111 1111" }),
    });
    const id = answer.headers.get("x-request-id") ?? "";
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await answer.text();
    const [line, ...more] = requests(log);
    expect(more).toEqual([]);
    expect(line).toEqual({
      time: expect.any(String),
      level: "info",
      type: "request",
      requestId: id,
      method: "PUT",
      route: "/api/feedback/:id",
      status: answer.status,
      durationMs: expect.any(Number),
      bytes: expect.any(Number),
      runtime: "node",
    });
    const written = log.lines.join("\n");
    for (const secret of ["a-secret-token", "anna", "4111", "203.0.113.7", "xxxxxxxx"])
      expect(written).not.toContain(secret);
    // A page is one line too.
    await (await app.request("/topics/codes/")).text();
    expect(requests(log).at(-1)).toMatchObject({ method: "GET", status: 200, bytes: expect.any(Number) });
  });

  it("never writes a password, cookie, token, comment or address, whatever requests carry them", async () => {
    const log = memoryLogger();
    const metricsToken = "metrics-token-that-must-stay-secret";
    const { app, db } = await createTestApp({
      log,
      metrics: appMetrics(),
      metricsToken,
      dashboardPage: dashboardTemplate,
    });
    const email = "logged@example.com";
    const password = "correct horse battery staple";
    await staffAccounts(db, testPasswords).add(email, password);
    const send = async (path: string, init: RequestInit = {}) => {
      const answer = await app.request(path, init);
      await answer.text();
      return answer;
    };
    const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
    expect((await send("/api/auth/login", json({ email, password: "wrong password typed by kim" }))).status).toBe(401);
    const signedIn = await send("/api/auth/login", json({ email, password }));
    const cookie = /session=[^;]+/.exec(signedIn.headers.get("set-cookie") ?? "")?.[0] ?? "";
    expect(cookie).not.toBe("");
    await send("/api/dashboard/overview", { headers: { Cookie: cookie } });
    const comment = "my phone is 0612345678, call me";
    const created = await app.request("/api/feedback", json({ topic: "temporary-login-code", comment }));
    const { id, editToken } = (await created.json()) as { id: string; editToken: string };
    await send(`/api/feedback/${id}`, { ...json({ editToken, comment: `${comment} again` }), method: "PUT" });
    await send("/api/metrics", {
      headers: { Authorization: `Bearer ${metricsToken}`, "X-Test-Client": "198.51.100.4" },
    });
    await send(
      `/api/searches?email=${encodeURIComponent(email)}`,
      json({ searches: [{ query: "secret words", results: 0 }] }),
    );

    const entries = log.entries();
    expect(entries.filter((e) => e.type === "request")).toHaveLength(7);
    for (const entry of entries.filter((e) => e.type === "request"))
      expect(Object.keys(entry).sort()).toEqual(
        ["bytes", "durationMs", "level", "method", "requestId", "route", "runtime", "status", "time", "type"].sort(),
      );
    expect(log.audits()).toEqual([expect.objectContaining({ event: "sign_in_refused", reason: "invalid" })]);
    const written = log.lines.join("\n");
    const sessionToken = cookie.slice(cookie.indexOf("=") + 1);
    for (const secret of [
      password,
      "wrong password",
      sessionToken,
      editToken,
      comment,
      "0612345678",
      metricsToken,
      email,
      "secret words",
      "203.0.113.7",
      "198.51.100.4",
    ])
      expect(written, secret).not.toContain(secret);
  });

  it("logs a HEAD request, which sends no body, and a body that failed part-way as cut short, with the error", async () => {
    const log = memoryLogger();
    const { app } = await createTestApp({ log });
    const head = await app.request("/api/health", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(requests(log)).toEqual([expect.objectContaining({ method: "HEAD", route: "/api/health", bytes: 0 })]);

    const streaming = new Hono<AppEnv>()
      .use("*", async (c, next) => {
        c.set("client", { address: "203.0.113.7", https: false });
        await next();
      })
      .use("*", requestLog(log, "node"))
      .get("/export", () => {
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            controller.enqueue(new TextEncoder().encode("first rows,"));
            controller.error(new Error("the database went away"));
          },
        });
        return new Response(body, { status: 200 });
      });
    const answer = await streaming.request("/export");
    await expect(answer.text()).rejects.toThrow();
    await expect.poll(() => requests(log).at(-1)).toMatchObject({ route: "/export", status: 200, aborted: true });
    expect(log.entries().at(-1)).toMatchObject({
      type: "error",
      event: "response_failed",
      error: "Error: the database went away",
    });
  });

  it("counts on Node what the socket sent for each response, headers included, without touching the body", async () => {
    const log = memoryLogger();
    const { app } = await createTestApp({ log });
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await once(server, "listening");
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const answer = await fetch(`${base}/api/health`);
      const body = await answer.text();
      await expect.poll(() => requests(log).length).toBe(1);
      const [line] = requests(log);
      expect(line).toMatchObject({ route: "/api/health", status: 200, runtime: "node" });
      // The body and its headers (the security headers alone are hundreds of bytes).
      expect(Number(line?.bytes)).toBeGreaterThan(body.length + 200);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("keeps the id a trusted proxy gave, and makes a new one for an id that could corrupt a log", async () => {
    const log = memoryLogger();
    const { app } = await createTestApp({ log, trustedRequestIds: true });
    const given = await app.request("/api/health", { headers: { "X-Request-Id": "lb-7f3a.22" } });
    expect(given.headers.get("x-request-id")).toBe("lb-7f3a.22");
    await given.text();
    const forged = await app.request("/api/health", { headers: { "X-Request-Id": 'x"} {"type":"audit"' } });
    expect(forged.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    await forged.text();
    expect(requests(log).map((e) => e.requestId)).toEqual(["lb-7f3a.22", forged.headers.get("x-request-id")]);
  });

  it("carries the request id on an unexpected error, and LOG_LEVEL=error keeps only errors", async () => {
    const lines: string[] = [];
    const log = jsonLogger((line) => lines.push(line), Date.now, "error");
    const { app } = await createTestApp({
      log,
      wrapDb: (db) => ({ ...db, execute: () => Promise.reject(new Error("not a database fault")) }) as typeof db,
    });
    const answer = await app.request("/api/dashboard/overview", { headers: { Cookie: "session=t" } });
    expect(answer.status).toBe(500);
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? "{}");
    expect(entry).toMatchObject({
      type: "error",
      event: "unexpected_error",
      requestId: answer.headers.get("x-request-id"),
    });
    expect(entry.stack).toContain("not a database fault");
  });
});
