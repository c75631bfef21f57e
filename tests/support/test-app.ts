import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MiddlewareHandler } from "hono";
import { createApp } from "../../functions/app/create-app.ts";
import type { AppDeps } from "../../functions/app/deps.ts";
import { createWebHasher } from "../../functions/app/lib/crypto.ts";
import type { RateLimitRule } from "../../functions/app/lib/rate-limit.ts";
import { topicCatalog } from "../../functions/app/topic-catalog.ts";
import { createDb } from "../../functions/db/client.ts";
import { migrate } from "../../functions/db/migrate.ts";
import { readMigrations } from "../../functions/db/node-migrations.ts";
import { createWriteQueue } from "../../functions/db/write-queue.ts";
import { testManifest } from "./test-manifest.ts";

export interface TestAppOptions {
  /** Share a database file with another test app (two processes, as far as the limits know). */
  databaseFile?: string;
  limit?: RateLimitRule | null;
  clock?: () => number;
  site?: MiddlewareHandler;
  onUnexpectedError?: (error: unknown) => void;
}

/** The whole app on a fresh, migrated file database of its own. Clients are told apart by `X-Test-Client`. */
export async function createTestApp(options: TestAppOptions = {}) {
  const databaseFile = options.databaseFile ?? join(mkdtempSync(join(tmpdir(), "help-center-db-")), "test.db");
  const db = await createDb({ url: `file:${databaseFile}`, authToken: undefined });
  await migrate(db, readMigrations());
  const deps: AppDeps = {
    feedback: {
      writes: createWriteQueue(db),
      hasher: createWebHasher("a-test-secret-that-is-long-enough-000"),
      clock: options.clock ?? Date.now,
      limit: options.limit === undefined ? null : options.limit,
    },
    topics: topicCatalog(testManifest),
    clientAddress: (c) => c.req.header("X-Test-Client") ?? "203.0.113.7",
    allowedOrigins: [],
  };
  const app = createApp(deps, {
    ...(options.site ? { site: options.site } : {}),
    ...(options.onUnexpectedError ? { onUnexpectedError: options.onUnexpectedError } : {}),
  });
  return { app, db, deps, databaseFile };
}
