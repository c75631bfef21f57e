import { describe, expect, it } from "vitest";
import { createTestApp } from "../support/test-app.ts";

describe("GET /api/health", () => {
  it("answers ok", async () => {
    const { app } = await createTestApp();
    const response = await app.request("/api/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("says not ready from the moment the server begins shutting down, while liveness stays ok", async () => {
    let draining = false;
    const { app } = await createTestApp({ draining: () => draining });
    expect((await app.request("/api/ready")).status).toBe(200);
    draining = true;
    const ready = await app.request("/api/ready");
    expect(ready.status).toBe(503);
    expect(ready.headers.get("retry-after")).toBe("5");
    expect(await ready.json()).toEqual({ error: { code: "shutting_down", message: "This server is shutting down." } });
    expect((await app.request("/api/health")).status).toBe(200);
  });

  it("answers an unknown API path with the JSON error shape", async () => {
    const { app } = await createTestApp();
    const response = await app.request("/api/nothing-here", { method: "POST" });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: "not_found", message: "No API route POST /api/nothing-here." },
    });
  });

  it("hides an unexpected failure behind a generic 500 in the same shape", async () => {
    const seen: unknown[] = [];
    const failing = () => {
      throw new Error("disk on fire");
    };
    const { app } = await createTestApp({
      sites: { public: failing, internal: failing },
      onUnexpectedError: (e: unknown) => seen.push(e),
    });
    const response = await app.request("/some-page/");
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("internal_error");
    expect(body.error.message).not.toContain("disk");
    expect(seen).toHaveLength(1);
  });
});
