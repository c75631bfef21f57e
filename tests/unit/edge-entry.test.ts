import { join } from "node:path";
import { createClient } from "@libsql/client/web";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { unstable_readConfig } from "wrangler";
import { createDb } from "../../functions/db/client.ts";
import { migrate } from "../../functions/db/migrate.ts";
import { readMigrations } from "../../functions/db/node-migrations.ts";
import { schemaVersion } from "../../functions/db/schema-version.ts";
import { housekeepingCron } from "../../functions/edge/crons.ts";
import { requireCurrentSchema } from "../../functions/edge/schema-check.ts";
import worker from "../../functions/worker.ts";
import { startLibsqlHttpServer } from "../../scripts/lib/libsql-http-server.ts";
import { scratchDir } from "../../scripts/lib/scratch-dir.ts";

const freshDb = () => createDb({ url: `file:${join(scratchDir("edge"), "e.db")}`, authToken: undefined });

describe("the edge entry", () => {
  it("knows the newest migration, so it can tell a database that is behind", () => {
    expect(schemaVersion).toBe(readMigrations().length);
  });

  it("answers API requests with a 503 naming npm run db:migrate while the schema is behind, and health always", async () => {
    const db = await freshDb();
    const app = new Hono()
      .use("*", requireCurrentSchema(db))
      .get("/api/health", (c) => c.text("ok"))
      .get("/api/ready", (c) => c.text("ready"));
    const behind = await app.request("/api/ready");
    expect(behind.status).toBe(503);
    expect(((await behind.json()) as { error: { message: string } }).error.message).toContain("npm run db:migrate");
    expect((await app.request("/api/health")).status).toBe(200);
    await migrate(db, readMigrations().slice(0, 2));
    expect((await app.request("/api/ready")).status).toBe(503);
    await migrate(db, readMigrations());
    expect((await app.request("/api/ready")).status).toBe(200);
  });

  it("answers every request with a 503 in the error shape when a binding is missing", async () => {
    const assets = { fetch: async () => new Response("", { status: 404 }) };
    const response = await worker.fetch(new Request("https://help.example/"), {
      ASSETS: assets,
      LIBSQL_URL: "https://db.example",
    });
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unavailable");
  });

  it("runs housekeeping on a Cron Trigger wrangler.jsonc really declares, beside the five-minute one", () => {
    const { triggers } = unstable_readConfig({ config: "wrangler.jsonc" });
    expect(triggers.crons).toContain(housekeepingCron);
    expect(triggers.crons).toHaveLength(2);
  });

  it("tidies finished rate-limit windows from its Cron Trigger, as the Node server does every hour", async () => {
    const endpoint = await startLibsqlHttpServer(join(scratchDir("edge-cron"), "c.db"));
    try {
      const db = createClient({ url: endpoint.url });
      await migrate(db, readMigrations());
      await db.execute({
        sql: "INSERT INTO rate_limits (bucket, window_start, window_end, hits) VALUES ('old', ?, ?, 3)",
        args: [Date.now() - 3 * 86400_000, Date.now() - 3 * 86400_000 + 600_000],
      });
      const pending: Promise<unknown>[] = [];
      const trigger = async (cron: string) => {
        await worker.scheduled(
          { cron },
          { ASSETS: { fetch: async () => new Response("") }, LIBSQL_URL: endpoint.url, SERVER_SECRET: "x".repeat(40) },
          { waitUntil: (promise) => pending.push(promise) },
        );
        await Promise.all(pending);
      };
      const windows = async () => (await db.execute("SELECT count(*) AS n FROM rate_limits")).rows[0]?.n;
      // The five-minute trigger is the writers' messages' only: housekeeping waits for the hour.
      await trigger("*/5 * * * *");
      expect(await windows()).toBe(1);
      await trigger("17 * * * *");
      expect(await windows()).toBe(0);
      db.close();
    } finally {
      await endpoint.close();
    }
  });
});
