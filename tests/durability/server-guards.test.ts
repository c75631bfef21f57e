import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";
import { fakeSiteDir, type ServerProcess, startServerProcess } from "../../scripts/lib/server-process.ts";

let server: ServerProcess;

beforeAll(async () => {
  const site = fakeSiteDir();
  mkdirSync(join(site, "_astro"));
  writeFileSync(join(site, "_astro", "app.js"), "console.log('app')");
  writeFileSync(join(site, ".build-stamp"), "stamp-secret");
  server = await startServerProcess({
    LIBSQL_URL: `file:${join(scratchDir("server-guards"), "help.db")}`,
    PUBLIC_SITE_DIR: site,
    TRUST_PROXY: "1",
    FEEDBACK_RATE_LIMIT: "1/3600",
  });
});

afterAll(async () => {
  server.child.kill("SIGTERM");
  await server.exited;
});

describe("the real Node server", () => {
  it("serves several byte ranges as the whole file, one as 206, an impossible one as 416", async () => {
    const several = await fetch(`${server.url}/_astro/app.js`, { headers: { Range: "bytes=0-1,3-4" } });
    expect(several.status).toBe(200);
    expect(await several.text()).toBe("console.log('app')");
    const one = await fetch(`${server.url}/_astro/app.js`, { headers: { Range: "bytes=0-6" } });
    expect(one.status).toBe(206);
    expect((await fetch(`${server.url}/_astro/app.js`, { headers: { Range: "bytes=99-" } })).status).toBe(416);
  });

  it("keeps the build stamp to itself", async () => {
    const response = await fetch(`${server.url}/.build-stamp`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("stamp-secret");
  });

  it("believes https only from the trusted proxy, and then marks it with HSTS", async () => {
    const proxied = await fetch(`${server.url}/api/health`, { headers: { "X-Forwarded-Proto": "https" } });
    expect(proxied.headers.get("strict-transport-security")).toMatch(/max-age=/);
    const plain = await fetch(`${server.url}/api/health`);
    expect(plain.headers.get("strict-transport-security")).toBeNull();
  });

  it("limits the client the proxy saw, whatever the client wrote into X-Forwarded-For", async () => {
    const post = (forwardedFor: string) =>
      fetch(`${server.url}/api/feedback`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Forwarded-For": forwardedFor },
        body: JSON.stringify({ topic: "temporary-login-code", rating: "good" }),
      });
    expect((await post("1.1.1.1, 198.51.100.7")).status).toBe(201);
    expect((await post("2.2.2.2, 198.51.100.7")).status).toBe(429);
    expect((await post("1.1.1.1, 198.51.100.8")).status).toBe(201);
  });
});
