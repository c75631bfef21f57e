import { request } from "node:http";
import { describe, expect, it, vi } from "vitest";
import { parseNodeConfig } from "../../functions/node/config.ts";
import { startServer } from "../../functions/node/server.ts";
describe("attack: non-JSON log line", () => {
  it("a client that aborts a download", async () => {
    const seen: string[] = [];
    for (const m of ["log", "info", "error", "warn"] as const) vi.spyOn(console, m).mockImplementation((...a: unknown[]) => { seen.push(`${m}: ${a.map(String).join(" ")}`); });
    const server = await startServer(parseNodeConfig({ HOST: "127.0.0.1", PORT: "0", LIBSQL_URL: "file:/tmp/zz/abort.db",
      SERVER_SECRET: "x".repeat(40), PUBLIC_SITE_DIR: "/tmp/zz/site/pub", INTERNAL_SITE_DIR: "/tmp/zz/site/int" }));
    const url = new URL("/big.html", server.url.replace("localhost", "127.0.0.1"));
    for (let i = 0; i < 3; i++) await new Promise<void>((done) => {
      const req = request(url, { headers: { "Accept-Encoding": "gzip" } }, (res) => { console.warn(`status ${res.statusCode}`); res.once("data", () => { req.destroy(); setTimeout(done, 300); }); });
      req.end();
    });
    await server.close();
    vi.restoreAllMocks();
    console.log(JSON.stringify(seen, null, 1));
    expect(true).toBe(true);
  }, 30_000);
});
