import { z } from "zod";
import { parseOrExplain } from "../../src/shared/zod-issues.ts";
import type { SessionPolicy } from "../app/auth/sessions.ts";
import type { SsoSettings } from "../app/auth/single-sign-on.ts";
import { ssoEnvFields, ssoSettings } from "../app/auth/sso-config.ts";
import { parseRateLimitRule, type RateLimitRule } from "../app/lib/limiter.ts";

/** A count of proxy hops; `false`/`true` are read as 0 and 1, as earlier versions took them. */
const hops = z
  .string()
  .regex(/^(\d{1,2}|true|false)$/, "use the number of proxies in front (0, 1, 2…)")
  .transform((v) => (v === "true" ? 1 : v === "false" ? 0 : Number(v)));

const nodeEnvSchema = z.object({
  ...ssoEnvFields,
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
  /** Feedback per client: "COUNT/SECONDS" or "off". Default: 20 per 10 minutes. */
  FEEDBACK_RATE_LIMIT: z.string().default("20/600"),
  /** Extra origins allowed to post, comma-separated (the public address behind a proxy). */
  ALLOWED_ORIGINS: z.string().default(""),
  /**
   * How many reverse proxies stand in front of this server. The client's address is taken that
   * many entries from the right of X-Forwarded-For, and X-Forwarded-Proto: https from the nearest
   * one means https. Default: 0 (nobody is trusted; the socket's address, plain http).
   */
  TRUST_PROXY: hops.default(0),
  /** How long a request waits for the database (a lock, a slow server) before a 503. Default: 5000. */
  DB_WAIT_MS: z.coerce.number().int().min(50).max(120_000).default(5000),
  /** Password hashes computed at once, each on its own thread. Default: 1. */
  PASSWORD_THREADS: z.coerce.number().int().min(1).max(16).default(1),
  /** Sign-ins that may wait for a hashing thread; more are answered 503 at once. Default: 8. */
  PASSWORD_QUEUE: z.coerce.number().int().min(0).max(1000).default(8),
  /** An employee session ends after this many hours unused. Default: 12. */
  SESSION_IDLE_HOURS: z.coerce.number().positive().default(12),
  /** An employee session ends this many days after sign-in. Default: 7. */
  SESSION_MAX_DAYS: z.coerce.number().positive().default(7),
});

export interface NodeConfig {
  port: number;
  host: string;
  publicSiteDir: string;
  internalSiteDir: string;
  database: { url: string; authToken: string | undefined; waitMs: number };
  serverSecret: string | undefined;
  feedbackLimit: RateLimitRule | null;
  allowedOrigins: string[];
  trustedProxyHops: number;
  passwordWork: { threads: number; queue: number };
  sso: SsoSettings | undefined;
  localSignIn: boolean;
  sessionPolicy: SessionPolicy;
}

/** Parsed once at start; nothing else reads process.env. */
export function parseNodeConfig(env: Record<string, string | undefined>): NodeConfig {
  const e = parseOrExplain(nodeEnvSchema, env, "Invalid server environment");
  return {
    port: e.PORT,
    host: e.HOST,
    publicSiteDir: e.PUBLIC_SITE_DIR,
    internalSiteDir: e.INTERNAL_SITE_DIR,
    database: { url: e.LIBSQL_URL, authToken: e.LIBSQL_AUTH_TOKEN, waitMs: e.DB_WAIT_MS },
    serverSecret: e.SERVER_SECRET,
    feedbackLimit: parseRateLimitRule(e.FEEDBACK_RATE_LIMIT),
    allowedOrigins: e.ALLOWED_ORIGINS.split(",")
      .map((o) => o.trim())
      .filter(Boolean),
    trustedProxyHops: e.TRUST_PROXY,
    passwordWork: { threads: e.PASSWORD_THREADS, queue: e.PASSWORD_QUEUE },
    sso: ssoSettings(e),
    localSignIn: e.LOCAL_SIGN_IN === "on",
    sessionPolicy: { idleMs: e.SESSION_IDLE_HOURS * 3600_000, absoluteMs: e.SESSION_MAX_DAYS * 24 * 3600_000 },
  };
}
