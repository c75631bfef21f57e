import { z } from "zod";
import { parseOrExplain } from "../../src/lib/zod-issues.ts";
import type { SessionPolicy } from "../app/auth/sessions.ts";
import { parseRateLimitRule, type RateLimitRule } from "../app/lib/rate-limit.ts";

const flag = z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true");

const nodeEnvSchema = z.object({
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
  /** Trust X-Forwarded-For from a reverse proxy in front of this server. Default: no. */
  TRUST_PROXY: flag.default(false),
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
  database: { url: string; authToken: string | undefined };
  serverSecret: string | undefined;
  feedbackLimit: RateLimitRule | null;
  allowedOrigins: string[];
  trustProxy: boolean;
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
    database: { url: e.LIBSQL_URL, authToken: e.LIBSQL_AUTH_TOKEN },
    serverSecret: e.SERVER_SECRET,
    feedbackLimit: parseRateLimitRule(e.FEEDBACK_RATE_LIMIT),
    allowedOrigins: e.ALLOWED_ORIGINS.split(",")
      .map((o) => o.trim())
      .filter(Boolean),
    trustProxy: e.TRUST_PROXY,
    sessionPolicy: { idleMs: e.SESSION_IDLE_HOURS * 3600_000, absoluteMs: e.SESSION_MAX_DAYS * 24 * 3600_000 },
  };
}
