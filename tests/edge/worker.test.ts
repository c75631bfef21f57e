import { createHmac } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { nodeSqliteClient } from "../../functions/db/node-sqlite-client.ts";
import { devUsers } from "../../scripts/lib/oidc-dev-provider.ts";
import { crawl } from "../support/crawl.ts";
import { ssoBrowser } from "../support/oidc-browser.ts";
import { signInAs } from "../support/sign-in.ts";
import { statuses } from "../support/statuses.ts";

/** The Worker in workerd, started once by global-setup.ts. */
const base = inject("edgeUrl");
/** Each test its own client (the Worker believes CF-Connecting-IP, which Cloudflare sets). */
const client = (n: number) => ({ "CF-Connecting-IP": `198.51.100.${n}` });

const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("the Worker in workerd", () => {
  it("stores feedback sent as JSON and as a plain form, in the database behind the libSQL endpoint", async () => {
    // Letters only: a long number in a comment is stored as [number] (personal-data.ts).
    const marker = `edge feedback ${crypto.randomUUID().replace(/[^a-f]/g, "")}`;
    const json = await postJson(
      "/api/feedback",
      { topic: "temporary-login-code", rating: "poor", comment: marker },
      client(1),
    );
    expect(json.status).toBe(201);
    const form = await fetch(`${base}/api/feedback`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...client(1) },
      body: new URLSearchParams({ topic: "temporary-login-code", found: "yes", comment: `${marker} form` }),
      redirect: "manual",
    });
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toBe("/topics/temporary-login-code/?feedback=sent#feedback-thanks");
    const db = nodeSqliteClient(`file:${inject("edgeDatabaseFile")}`);
    const rows = await db.execute({
      sql: "SELECT rating, found, comment FROM feedback WHERE comment LIKE ?",
      args: [`${marker}%`],
    });
    db.close();
    expect(rows.rows.map((r) => [r.rating, r.found, r.comment])).toEqual([
      ["poor", null, marker],
      [null, "yes", `${marker} form`],
    ]);
  });

  it("tells the writers' webhook of a Poor answer with a comment after answering the reader, signed", async () => {
    const marker = `edge webhook ${crypto.randomUUID().replace(/[^a-f]/g, "")}`;
    const response = await postJson(
      "/api/feedback",
      { topic: "temporary-login-code", rating: "poor", comment: marker },
      client(3),
    );
    expect(response.status).toBe(201);
    const file = inject("edgeWebhookFile");
    const sent = () =>
      (existsSync(file) ? readFileSync(file, "utf8") : "")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { headers: Record<string, string>; body: string })
        .filter((message) => message.body.includes(marker));
    for (let waited = 0; sent().length === 0 && waited < 10_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const [message] = sent();
    expect(message?.headers["x-help-center-event"]).toBe("answer");
    const [t, v1] = String(message?.headers["x-help-center-signature"]).split(",");
    const signed = `${t?.slice(2)}.${message?.body}`;
    expect(v1).toBe(`v1=${createHmac("sha256", inject("edgeWebhookSecret")).update(signed).digest("hex")}`);
  });

  it("holds the feedback limit under 20 simultaneous posts: exactly 5 stored", async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        postJson("/api/feedback", { topic: "temporary-login-code", rating: "good" }, client(2)),
      ),
    );
    expect(statuses(responses)).toEqual({ 201: 5, 429: 15 });
    for (const r of responses.filter((r) => r.status === 429)) expect(r.headers.get("retry-after")).toMatch(/^\d+$/);

    // The isolate remembers the refusal across requests: ten more posts, no more hits counted
    // (one, should workerd have started a fresh isolate between them).
    const db = nodeSqliteClient(`file:${inject("edgeDatabaseFile")}`);
    const hits = async () =>
      Number((await db.execute("SELECT sum(hits) AS n FROM rate_limits WHERE bucket LIKE 'feedback:%'")).rows[0]?.n);
    const before = await hits();
    for (let i = 0; i < 10; i++) {
      const again = await postJson("/api/feedback", { topic: "temporary-login-code", rating: "good" }, client(2));
      expect(again.status).toBe(429);
    }
    expect((await hits()) - before).toBeLessThanOrEqual(1);
    db.close();
  });

  it("signs an employee in and serves the internal build, never to be cached; anyone else gets the 404 page", async () => {
    const cookie = await signInAs(fetch, inject("edgeEmployee"), { base, headers: client(3) });
    const internal = await fetch(`${base}/topics/internal-admin-temporary-code/`, { headers: { Cookie: cookie } });
    expect(internal.status).toBe(200);
    expect(internal.headers.get("cache-control")).toBe("private, no-store");
    expect(internal.headers.get("vary")).toBe("Cookie");
    const anonymous = await fetch(`${base}/topics/internal-admin-temporary-code/`);
    expect(anonymous.status).toBe(404);
    expect(await anonymous.text()).toContain("Page not found");
    expect(anonymous.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("lets no internal text reach an anonymous reader, every path of the internal build asked for directly", async () => {
    const anonymous = await crawl(base, undefined);
    expect(anonymous.requests).toBeGreaterThan(50);
    expect(anonymous.leaks).toEqual([]);
    const signedIn = await crawl(base, await signInAs(fetch, inject("edgeEmployee"), { base, headers: client(4) }));
    expect(signedIn.leaks.some((l) => l.startsWith("/topics/internal-admin-temporary-code/"))).toBe(true);
    // Every page of both builds, twice, through wrangler dev's proxy: a minute alone on these
    // shared two cores, more while other suites run.
  }, 240_000);

  it("lets exactly one of 20 simultaneous sign-ins use a one-time demo code", async () => {
    const started = await fetch(`${base}/api/demo/sandbox`, { method: "POST", headers: client(5) });
    expect(started.status).toBe(201);
    const cookie = /demo_sandbox=[^;]+/.exec(started.headers.get("set-cookie") ?? "")?.[0] ?? "";
    const issued = await postJson("/api/demo/users/client-rivera/code", { oneTime: true }, { Cookie: cookie });
    const { code } = (await issued.json()) as { code: string };
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const answer = await postJson("/api/demo/sign-in", { username: "arivera", code }, { Cookie: cookie });
        return ((await answer.json()) as { outcome: { kind: string } }).outcome.kind;
      }),
    );
    expect(outcomes.filter((kind) => kind === "signed_in")).toHaveLength(1);
    expect(outcomes.filter((kind) => kind !== "signed_in").every((kind) => kind === "used")).toBe(true);
  });

  it("answers like the Node server: redirects, dot-files, methods, ranges, readiness", async () => {
    const folder = await fetch(`${base}/topics/temporary-login-code?from=mail`, { redirect: "manual" });
    expect(folder.status).toBe(301);
    expect(folder.headers.get("location")).toBe("/topics/temporary-login-code/?from=mail");
    expect((await fetch(`${base}/csp-hashes.json`)).status).toBe(200);
    expect((await fetch(`${base}/.build-stamp`)).status).toBe(404);
    // The builds' folders among the assets are reached through the Worker only, never by address.
    for (const path of [
      "/internal/topics/internal-admin-temporary-code/",
      "/public/index.html",
      "/public-assets.json",
    ]) {
      expect((await fetch(`${base}${path}`)).status).toBe(404);
    }
    const post = await fetch(`${base}/topics/temporary-login-code/`, { method: "DELETE" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    expect((await fetch(`${base}/api/auth/login`)).status).toBe(405);
    expect((await fetch(`${base}/api/ready`)).status).toBe(200);
  });

  it("has no metrics route: the platform has its own analytics (404 in the API's error shape)", async () => {
    const response = await fetch(`${base}/api/metrics`, { headers: client(42) });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "No API route GET /api/metrics." } });
  });

  it("writes its requests and audit events as single JSON lines, whatever a request puts in them", async () => {
    const start = await fetch(`${base}/api/auth/oidc/start?next=/`, { redirect: "manual", headers: client(40) });
    const state = new URL(start.headers.get("location") ?? "").searchParams.get("state") ?? "";
    const cookie = /sso_state=[^;]+/.exec(start.headers.get("set-cookie") ?? "")?.[0] ?? "";
    const forged = `x\n{"type":"audit","event":"sso_sign_in","email":"boss@example.com"}`;
    const callback = new URL("/api/auth/oidc/callback", base);
    callback.search = new URLSearchParams({ state, error: forged }).toString();
    const refusedAnswer = await fetch(callback, { headers: { Cookie: cookie, ...client(40) } });
    expect(refusedAnswer.status).toBe(400);
    await refusedAnswer.text();
    const requestId = refusedAnswer.headers.get("x-request-id");
    expect(requestId).toBeTruthy();
    const audited = async () =>
      readFileSync(inject("edgeLogFile"), "utf8")
        .split("\n")
        .filter((line) => line.includes('"type":"audit"'));
    // The Worker's output reaches the file as wrangler passes it on.
    await expect.poll(async () => (await audited()).some((line) => line.includes("sso_sign_in_refused"))).toBe(true);
    const lines = await audited();
    for (const line of lines) expect(() => JSON.parse(line.slice(line.indexOf("{")))).not.toThrow();
    const refused = lines
      .map((line) => JSON.parse(line.slice(line.indexOf("{"))))
      .find((e) => e.event === "sso_sign_in_refused");
    expect(refused.reason).toContain(forged);
    expect(lines.some((line) => line.startsWith('{"type":"audit","event":"sso_sign_in"'))).toBe(false);
    // And the request itself, one line, under the id it was answered with.
    const requestLine = () =>
      readFileSync(inject("edgeLogFile"), "utf8")
        .split("\n")
        .filter((line) => line.includes('"type":"request"') && line.includes(String(requestId)))
        .map((line) => JSON.parse(line.slice(line.indexOf("{"))));
    await expect.poll(() => requestLine().length).toBe(1);
    expect(requestLine()[0]).toEqual({
      time: expect.any(String),
      level: "info",
      type: "request",
      requestId,
      method: "GET",
      route: "/api/auth/oidc/callback",
      status: 400,
      durationMs: expect.any(Number),
      bytes: expect.any(Number),
      runtime: "edge",
    });
    expect(JSON.stringify(requestLine()[0])).not.toContain("boss@example.com");
  });

  it("signs an employee in through the OpenID provider, and refuses a customer", async () => {
    const [employee, customer] = devUsers;
    // A client of its own: the crawls of other tests begin sign-ins too (each counts until it finishes).
    const asClient = (url: string, init: RequestInit) =>
      fetch(url, { ...init, headers: { ...Object.fromEntries(new Headers(init.headers)), ...client(41) } });
    const browser = ssoBrowser(asClient, base);
    const answer = await browser.request(
      await browser.throughProvider(employee, "/topics/internal-admin-temporary-code/"),
    );
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe("/topics/internal-admin-temporary-code/");
    expect((await browser.request(new URL("/topics/internal-admin-temporary-code/", base))).status).toBe(200);
    const outsider = ssoBrowser(asClient, base);
    const refused = await outsider.request(await outsider.throughProvider(customer));
    expect(refused.status).toBe(403);
  });
});
