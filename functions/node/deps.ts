import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Client } from "@libsql/client";
import type { Context } from "hono";
import { assembleDeps } from "../app/assemble-deps.ts";
import type { AppDeps } from "../app/deps.ts";
import { rememberingKeyed } from "../app/lib/crypto.ts";
import { type TopicCatalog, topicCatalog } from "../app/topic-catalog.ts";
import { createDb, isFileUrl } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { readMigrations } from "../db/node-migrations.ts";
import type { NodeConfig } from "./config.ts";
import { readInlineHashes } from "./inline-hashes.ts";
import { createNodeHasher } from "./node-hasher.ts";
import { scryptPasswords } from "./scrypt-password.ts";
import { loadOrCreateSecret } from "./secret.ts";

/** A file database's folder is created on start, as `npm start` promises. */
export async function openMigratedDb(database: NodeConfig["database"]): Promise<Client> {
  if (isFileUrl(database.url)) {
    const path = database.url.slice("file:".length);
    mkdirSync(dirname(path), { recursive: true });
  }
  const db = await createDb(database);
  await migrate(db, readMigrations());
  return db;
}

export function readTopicCatalog(siteDir: string): TopicCatalog {
  const file = join(siteDir, "topics.json");
  if (!existsSync(file)) throw new Error(`${file} is missing: build the site first (npm run build).`);
  return topicCatalog(JSON.parse(readFileSync(file, "utf8")));
}

function readPage(siteDir: string, path: string): string | undefined {
  const file = join(siteDir, path, "index.html");
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

function clientAddress(trustProxy: boolean) {
  return (c: Context): string => {
    const forwarded = trustProxy ? c.req.header("X-Forwarded-For")?.split(",")[0]?.trim() : undefined;
    return forwarded || getConnInfo(c).remote.address || "unknown";
  };
}

export function secretFile(config: NodeConfig): string {
  return isFileUrl(config.database.url)
    ? join(dirname(config.database.url.slice("file:".length)), "server-secret")
    : join("data", "server-secret");
}

export function nodeDeps(config: NodeConfig, db: Client): AppDeps {
  const internalDir = existsSync(join(config.internalSiteDir, "topics.json"))
    ? config.internalSiteDir
    : config.publicSiteDir;
  return assembleDeps({
    db,
    hasher: rememberingKeyed(createNodeHasher(loadOrCreateSecret(config.serverSecret, secretFile(config)))),
    passwords: scryptPasswords(),
    clock: Date.now,
    topics: { public: readTopicCatalog(config.publicSiteDir), internal: readTopicCatalog(internalDir) },
    signInPage: readPage(config.publicSiteDir, "sign-in"),
    dashboardPage: readPage(config.internalSiteDir, "dashboard"),
    inlineHashes: readInlineHashes([config.publicSiteDir, config.internalSiteDir]),
    clientAddress: clientAddress(config.trustProxy),
    allowedOrigins: config.allowedOrigins,
    feedbackLimit: config.feedbackLimit,
    sessionPolicy: config.sessionPolicy,
  });
}
