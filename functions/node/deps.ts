import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Client } from "@libsql/client";
import type { PasswordHasher } from "../app/auth/password.ts";
import type { AppDeps } from "../app/deps.ts";
import { assembleDeps } from "../app/deps.ts";
import { rememberingKeyed } from "../app/lib/crypto.ts";
import type { Logger } from "../app/lib/log.ts";
import type { AppMetrics } from "../app/metrics/app-metrics.ts";
import { type InlineHashes, mergeInlineHashes, parseInlineHashes } from "../app/security-headers.ts";
import { builtPage } from "../app/site/built-pages.ts";
import { type TopicCatalog, topicCatalog } from "../app/topic-catalog.ts";
import { createDb, type DbConfig, type DbOptions } from "../db/client.ts";
import { walEraser } from "../db/erase.ts";
import { fileDbPath, isFileUrl } from "../db/file-url.ts";
import { migrate } from "../db/migrate.ts";
import { readMigrations } from "../db/node-migrations.ts";
import type { NodeConfig } from "./config.ts";
import { createNodeHasher } from "./node-hasher.ts";
import { nodeRequestClient } from "./proxy.ts";
import { loadOrCreateSecret } from "./secret.ts";

/** Opens the database; a file database's folder is created first, as `npm start` promises. */
export async function openDb(database: DbConfig, options: DbOptions = {}): Promise<Client> {
  if (isFileUrl(database.url)) {
    mkdirSync(dirname(fileDbPath(database.url)), { recursive: true });
  }
  return createDb(database, options);
}

/** Opens the database and applies the migrations it has not had. */
export async function openMigratedDb(database: DbConfig, options: DbOptions = {}): Promise<Client> {
  const db = await openDb(database, options);
  await migrate(db, readMigrations());
  return db;
}

function readTopicCatalog(siteDir: string): TopicCatalog {
  const file = join(siteDir, "topics.json");
  if (!existsSync(file)) throw new Error(`${file} is missing: build the site first (npm run build).`);
  return topicCatalog(JSON.parse(readFileSync(file, "utf8")));
}

function readPage(siteDir: string, path: string): string | undefined {
  const file = join(siteDir, path, "index.html");
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

export function secretFile(config: NodeConfig): string {
  return isFileUrl(config.database.url)
    ? join(dirname(fileDbPath(config.database.url)), "server-secret")
    : join("data", "server-secret");
}

/** Both builds' CSP hashes, written by the build (src/integrations/csp-hashes.ts). */
function readCspHashes(siteDirs: readonly string[]): InlineHashes {
  const manifests = siteDirs
    .map((dir) => join(dir, "csp-hashes.json"))
    .filter((file) => existsSync(file))
    .map((file) => parseInlineHashes(JSON.parse(readFileSync(file, "utf8"))));
  return mergeInlineHashes(manifests);
}

/** What the server itself gives the app: its logger, its metrics, whether it is shutting down. */
export interface ServerParts {
  log: Logger;
  metrics: AppMetrics | undefined;
  draining: () => boolean;
}

/** Everything the app needs on Node; `passwords` runs on the server's hashing threads. */
export function nodeDeps(config: NodeConfig, db: Client, passwords: PasswordHasher, server: ServerParts): AppDeps {
  const internalDir = existsSync(join(config.internalSiteDir, "topics.json"))
    ? config.internalSiteDir
    : config.publicSiteDir;
  const publicTopics = readTopicCatalog(config.publicSiteDir);
  const defaultLang = publicTopics.languages.default;
  const publicPage = (folder: string) => readPage(config.publicSiteDir, folder);
  return assembleDeps({
    db,
    hasher: rememberingKeyed(createNodeHasher(loadOrCreateSecret(config.serverSecret, secretFile(config)))),
    passwords,
    clock: Date.now,
    topics: { public: publicTopics, internal: readTopicCatalog(internalDir) },
    signInPages: builtPage(publicPage, defaultLang, "sign-in"),
    feedbackCheckPages: builtPage(publicPage, defaultLang, "feedback/check"),
    dashboardPage: readPage(config.internalSiteDir, "dashboard"),
    inlineHashes: readCspHashes([config.publicSiteDir, config.internalSiteDir]),
    requestClient: nodeRequestClient(config.trustedProxyHops),
    dbWaitMs: config.database.waitMs,
    sso: config.sso,
    localSignIn: config.localSignIn,
    allowedOrigins: config.allowedOrigins,
    feedbackLimit: config.feedbackLimit,
    searchLimit: config.searchLimit,
    viewLimit: config.viewLimit,
    sessionPolicy: config.sessionPolicy,
    ...(isFileUrl(config.database.url) ? { eraseDeleted: walEraser(db) } : {}),
    log: server.log,
    metrics: server.metrics,
    metricsToken: config.metrics?.token,
    draining: server.draining,
    runtime: "node",
    webhook: config.webhook,
  });
}
