import { z } from "zod";
import { parseOrExplain } from "../../src/shared/zod-issues.ts";
import { type AppSettings, appEnvFields, appSettings } from "../app/app-settings.ts";
import { backupEnvFields, backupSchedule } from "../db/backup/backup-config.ts";
import type { BackupSchedule } from "../db/backup/scheduled.ts";

/** A count of proxy hops; `false`/`true` are read as 0 and 1, as earlier versions took them. */
const hops = z
  .string()
  .regex(/^(\d{1,2}|true|false)$/, "use the number of proxies in front (0, 1, 2…)")
  .transform((v) => (v === "true" ? 1 : v === "false" ? 0 : Number(v)));

const nodeEnvSchema = z.object({
  ...appEnvFields,
  ...backupEnvFields,
  /** Port of `npm start`. Default: 4321. */
  PORT: z.coerce.number().int().min(0).max(65535).default(4321),
  /** Interface to listen on. Default: 127.0.0.1 (this machine only); 0.0.0.0 to serve a network. */
  HOST: z.string().min(1).default("127.0.0.1"),
  /** The public build, served to everyone. */
  PUBLIC_SITE_DIR: z.string().min(1).default("./dist"),
  /** The internal build, served to signed-in employees only. */
  INTERNAL_SITE_DIR: z.string().min(1).default("./dist-internal"),
  /** `file:` for an embedded database (default, created on start), `libsql://…` for a libSQL server. */
  LIBSQL_URL: z
    .string()
    .regex(/^(file:|libsql:|https?:|wss?:)/, "use file:…, libsql://…, https://… or wss://…")
    .default("file:data/help-center.db"),
  /** Token for a libSQL server (Turso). */
  LIBSQL_AUTH_TOKEN: z.string().min(1).optional(),
  /** Key for keyed hashes. Default: a random one, created once in data/server-secret. */
  SERVER_SECRET: z.string().min(32, "use at least 32 characters").optional(),
  /**
   * How many reverse proxies stand in front of this server. The client's address is taken that
   * many entries from the right of X-Forwarded-For, and X-Forwarded-Proto: https from the nearest
   * one means https. Default: 0 (nobody is trusted; the socket's address, plain http).
   */
  TRUST_PROXY: hops.default(0),
  /** Password hashes computed at once, each on its own thread. Default: 1. */
  PASSWORD_THREADS: z.coerce.number().int().min(1).max(16).default(1),
  /** Sign-ins that may wait for a hashing thread; more are answered 503 at once. Default: 8. */
  PASSWORD_QUEUE: z.coerce.number().int().min(0).max(1000).default(8),
  /** `off`: no metrics are collected and `/api/metrics` is absent. Default: on. */
  METRICS: z.enum(["on", "off"]).default("on"),
  /** A bearer token that reads `/api/metrics` from anywhere; without it, only from this machine. */
  METRICS_TOKEN: z.string().min(16, "use at least 16 characters").max(256).regex(/^\S+$/, "no spaces").optional(),
  /**
   * After SIGTERM or SIGINT, how long the server may take to answer what is in flight, finish
   * its writes and close the database before it exits anyway. Default: 10000.
   */
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number({ error: "use a number of milliseconds, like 10000" })
    .int("use a whole number of milliseconds")
    .min(100, "use at least 100 ms")
    .max(600_000, "use at most 600000 ms (10 minutes)")
    .default(10_000),
});

export interface NodeConfig extends AppSettings {
  port: number;
  host: string;
  publicSiteDir: string;
  internalSiteDir: string;
  database: { url: string; authToken: string | undefined; waitMs: number };
  serverSecret: string | undefined;
  trustedProxyHops: number;
  passwordWork: { threads: number; queue: number };
  metrics: { token: string | undefined } | undefined;
  shutdownTimeoutMs: number;
  /** Scheduled backups of the file database, when BACKUP_DIR is set. */
  backups: BackupSchedule | undefined;
}

/** Parsed once at start; nothing else reads process.env. */
export function parseNodeConfig(env: Record<string, string | undefined>): NodeConfig {
  const e = parseOrExplain(nodeEnvSchema, env, "Invalid server environment");
  return {
    ...appSettings(e),
    port: e.PORT,
    host: e.HOST,
    publicSiteDir: e.PUBLIC_SITE_DIR,
    internalSiteDir: e.INTERNAL_SITE_DIR,
    database: { url: e.LIBSQL_URL, authToken: e.LIBSQL_AUTH_TOKEN, waitMs: e.DB_WAIT_MS },
    serverSecret: e.SERVER_SECRET,
    trustedProxyHops: e.TRUST_PROXY,
    passwordWork: { threads: e.PASSWORD_THREADS, queue: e.PASSWORD_QUEUE },
    metrics: e.METRICS === "on" ? { token: e.METRICS_TOKEN } : undefined,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    backups: backupSchedule(e),
  };
}
