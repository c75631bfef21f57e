import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { staffAccounts } from "../../functions/app/auth/accounts.ts";
import { appMetrics } from "../../functions/app/metrics/app-metrics.ts";
import { parseExposition, sampleValue } from "../support/prometheus-text.ts";
import { signInAs } from "../support/sign-in.ts";
import { createTestApp, type TestAppOptions, testPasswords } from "../support/test-app.ts";

const onThisMachine = { "X-Test-Client": "127.0.0.1" };
const token = "a-metrics-token-for-the-tests";

async function setUp(options: TestAppOptions = {}) {
  const test = await createTestApp({ metrics: appMetrics(), ...options });
  const scrape = async () => {
    const response = await test.app.request("/api/metrics", { headers: onThisMachine });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    return parseExposition(await response.text());
  };
  /** A request is counted once its answer has been sent, as a reader would read it: whole. */
  const post = async (path: string, body: unknown) => {
    const response = await test.app.request(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    await response.clone().arrayBuffer();
    return response;
  };
  return { ...test, scrape, post };
}

const feedback = { topic: "temporary-login-code", rating: "good" };

describe("GET /api/metrics", () => {
  it("counts requests by method, route pattern and status as they are made, in a format Prometheus reads", async () => {
    const { app, scrape, post } = await setUp();
    const created = { method: "POST", route: "/api/feedback", status: "201" };
    expect(sampleValue(await scrape(), "help_center_http_requests_total", created)).toBe(0);
    const { id } = (await (await post("/api/feedback", feedback)).json()) as { id: string };
    await post("/api/feedback", { ...feedback, topic: "no-such-topic" });
    await (await app.request(`/api/feedback/${id}?token=secret`, { method: "PUT" })).text();
    const families = await scrape();
    expect(sampleValue(families, "help_center_http_requests_total", created)).toBe(1);
    expect(sampleValue(families, "help_center_http_requests_total", { ...created, status: "400" })).toBe(1);
    // The route's pattern, never the path a client chose: no client can add series.
    expect(sampleValue(families, "help_center_http_requests_total", { route: "/api/feedback/:id" })).toBe(1);
    expect(JSON.stringify([...families.values()])).not.toContain(id);
    expect(families.get("help_center_http_request_duration_seconds")?.type).toBe("HISTOGRAM");
    // The scrape before this one is counted too.
    expect(sampleValue(families, "help_center_http_requests_total", { route: "/api/metrics", status: "200" })).toBe(1);

    await post("/api/feedback", feedback);
    expect(sampleValue(await scrape(), "help_center_http_requests_total", created)).toBe(2);
  });

  it("counts feedback stored, searches recorded and the write queue's waits", async () => {
    const { scrape, post } = await setUp();
    await Promise.all([post("/api/feedback", feedback), post("/api/feedback", { ...feedback, website: "spam" })]);
    await post("/api/searches", {
      searches: [
        { query: "code", results: 2 },
        { query: "expired", results: 0 },
      ],
    });
    const families = await scrape();
    expect(sampleValue(families, "help_center_feedback_recorded_total")).toBe(2);
    expect(sampleValue(families, "help_center_searches_recorded_total")).toBe(2);
    const waits = families.get("help_center_write_queue_wait_seconds")?.metrics[0];
    expect(Number(waits?.count)).toBeGreaterThanOrEqual(3);
    expect(waits?.buckets?.["+Inf"]).toBe(waits?.count);
    expect(sampleValue(families, "help_center_write_queue_depth")).toBe(0);
  });

  it("counts rate-limit refusals by route, the silent ones of views too", async () => {
    const limit = { max: 1, windowMs: 3600_000 };
    const { app, scrape, post } = await setUp({ limit, viewLimit: limit });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post("/api/feedback", feedback)).status);
    expect(statuses).toEqual([201, 429, 429]);
    for (let i = 0; i < 2; i++) await (await app.request("/api/views/temporary-login-code")).arrayBuffer();
    const families = await scrape();
    expect(sampleValue(families, "help_center_rate_limit_refusals_total", { route: "/api/feedback" })).toBe(2);
    expect(sampleValue(families, "help_center_rate_limit_refusals_total", { route: "/api/views/:topic" })).toBe(1);
  });

  it("counts database faults by class", async () => {
    const { scrape, post, databaseFile } = await setUp({ dbWaitMs: 100 });
    const holder = new DatabaseSync(databaseFile);
    holder.exec("BEGIN IMMEDIATE");
    try {
      expect((await post("/api/feedback", feedback)).status).toBe(503);
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
    expect(sampleValue(await scrape(), "help_center_db_faults_total", { class: "busy" })).toBeGreaterThanOrEqual(1);
  });

  it("counts employees' sessions that are still active", async () => {
    const { app, db, scrape } = await setUp();
    expect(sampleValue(await scrape(), "help_center_sessions_active")).toBe(0);
    await staffAccounts(db, testPasswords).add("metrics@example.com", "a long enough password");
    await signInAs(app.request, { email: "metrics@example.com", password: "a long enough password" });
    expect(sampleValue(await scrape(), "help_center_sessions_active")).toBe(1);
  });

  it("is read from this machine, or from anywhere with the metrics token, and refused otherwise", async () => {
    const away = { "X-Test-Client": "198.51.100.9" };
    const get = (app: Awaited<ReturnType<typeof setUp>>["app"], headers: Record<string, string>) =>
      app.request("/api/metrics", { headers });
    const withoutToken = await setUp();
    const refused = await get(withoutToken.app, away);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("local_only");
    expect((await get(withoutToken.app, { ...away, Authorization: `Bearer ${token}` })).status).toBe(403);

    const { app } = await setUp({ metricsToken: token });
    expect((await get(app, { ...away, Authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await get(app, { ...away, Authorization: `bearer  ${token}` })).status).toBe(200);
    for (const authorization of [undefined, `Bearer ${token}x`, `Bearer ${token.slice(1)}`, `Basic ${token}`, token]) {
      const answer = await get(app, { ...away, ...(authorization ? { Authorization: authorization } : {}) });
      expect(answer.status, authorization).toBe(401);
      expect(answer.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
      expect(((await answer.json()) as { error: { code: string } }).error.code).toBe("token_required");
    }
    expect((await get(app, onThisMachine)).status).toBe(200);
    expect((await get(app, { "X-Test-Client": "::1" })).status).toBe(200);
  });

  it("is not read through a proxy on this machine without the token, trusted or not", async () => {
    const { app } = await setUp({ metricsToken: token });
    for (const relayed of [
      { "X-Forwarded-For": "198.51.100.9" },
      { Forwarded: "for=198.51.100.9" },
      { "X-Real-IP": "198.51.100.9" },
    ]) {
      const answer = await app.request("/api/metrics", { headers: { ...onThisMachine, ...relayed } });
      expect(answer.status, JSON.stringify(relayed)).toBe(401);
    }
    const withToken = { ...onThisMachine, "X-Forwarded-For": "198.51.100.9", Authorization: `Bearer ${token}` };
    expect((await app.request("/api/metrics", { headers: withToken })).status).toBe(200);
  });

  it("is absent without metrics, as on the edge: 404 in the API's error shape", async () => {
    const { app } = await createTestApp();
    const response = await app.request("/api/metrics", { headers: onThisMachine });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "No API route GET /api/metrics." } });
  });
});
