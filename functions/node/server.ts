import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { compress } from "hono/compress";
import { countActiveStaff } from "../app/auth/accounts.ts";
import { passwordHasher } from "../app/auth/password.ts";
import { pbkdf2Passwords } from "../app/auth/pbkdf2-password.ts";
import { createApp } from "../app/create-app.ts";
import { housekeeping } from "../app/housekeeping.ts";
import { jsonLogger } from "../app/lib/log.ts";
import { appMetrics } from "../app/metrics/app-metrics.ts";
import { scheduledBackupsLogged } from "../db/backup/scheduled.ts";
import { fileDbPath } from "../db/file-url.ts";
import type { NodeConfig } from "./config.ts";
import { nodeDeps, openMigratedDb } from "./deps.ts";
import { type Draining, drainingOf } from "./draining.ts";
import { passwordWorkers } from "./password-workers.ts";
import { watchProcess } from "./process-metrics.ts";
import { owaspScrypt, scryptPasswords } from "./scrypt-password.ts";
import { stopServer } from "./shutdown.ts";
import { folderSite, hashedAssetsOf } from "./static-site.ts";
import { stdoutLines } from "./stdout-lines.ts";
import { tellWritersOnSchedule } from "./writer-messages.ts";

const pageCompression = compress();

export interface RunningServer {
  url: string;
  /** Enabled employee accounts when the server started. */
  employeeAccounts: number;
  /**
   * Stops as SIGTERM asks (shutdown.ts): resolves once the database is closed, with whether
   * everything in flight was answered and written within `SHUTDOWN_TIMEOUT_MS`.
   */
  close(): Promise<{ clean: boolean }>;
}

/** Starts the app with the built site and the database on Node; used by `npm start` and the tests. */
export async function startServer(config: NodeConfig): Promise<RunningServer> {
  const log = jsonLogger(stdoutLines, undefined, config.logLevel);
  const metrics = config.metrics ? appMetrics() : undefined;
  const db = await openMigratedDb(config.database, {
    backgroundCheckpoints: true,
    backgroundSyncs: true,
    ...(metrics ? { onFault: metrics.dbFault } : {}),
  });
  const backUp = config.backups && scheduledBackupsLogged(config.backups, fileDbPath(config.database.url), log);
  const tidy = async () => {
    // Not awaited: a backup takes seconds and never holds up the start or the tidying.
    void backUp?.(Date.now());
    await housekeeping(db, Date.now(), config.retention).catch((error) => log.error("housekeeping_failed", error));
  };
  await tidy();
  const tidying = setInterval(tidy, 3600_000);
  tidying.unref();
  const employeeAccounts = await countActiveStaff(db);
  const hashing = passwordWorkers(config.passwordWork);
  if (metrics) watchProcess(metrics, hashing);
  const passwords = passwordHasher(pbkdf2Passwords({ derive: hashing.pbkdf2 }), [
    scryptPasswords(owaspScrypt, hashing.scrypt),
  ]);
  let draining: Draining | undefined;
  const deps = nodeDeps(config, db, passwords, { log, metrics, draining: () => draining?.started ?? false });
  const stopTellingWriters = tellWritersOnSchedule(deps);
  const app = createApp(deps, {
    sites: {
      public: folderSite(config.publicSiteDir),
      internal: folderSite(config.internalSiteDir, { private: true }),
      isPublicAsset: hashedAssetsOf(config.publicSiteDir),
    },
  });
  // Behind a CDN the platform would compress; here the Node entry does, for pages and assets only:
  // API answers are a few hundred bytes, and compressing them costs far more than it saves.
  const root = new Hono()
    .use("*", (c, next) => (c.req.path.startsWith("/api/") ? next() : pageCompression(c, next)))
    .route("/", app);

  return new Promise((resolve, reject) => {
    const server = serve({ fetch: root.fetch, port: config.port, hostname: config.host }, (info: AddressInfo) => {
      const host = config.host === "0.0.0.0" || config.host === "127.0.0.1" ? "localhost" : config.host;
      resolve({
        url: `http://${host}:${info.port}`,
        employeeAccounts,
        close: () => {
          clearInterval(tidying);
          return stopServer(
            {
              requests: draining as Draining,
              writes: deps.writes,
              db,
              databaseUrl: config.database.url,
              hashing,
              background: stopTellingWriters(),
              log,
            },
            config.shutdownTimeoutMs,
          );
        },
      });
    });
    draining = drainingOf(server as Server);
    server.once("error", reject);
  });
}
