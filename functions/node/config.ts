import { z } from "zod";
import { parseOrExplain } from "../../src/shared/zod-issues.ts";
import type { SessionPolicy } from "../app/auth/sessions.ts";
import type { SsoSettings } from "../app/auth/single-sign-on.ts";
import { parseRateLimitRule, type RateLimitRule } from "../app/lib/limiter.ts";

/** A count of proxy hops; `false`/`true` are read as 0 and 1, as earlier versions took them. */
const hops = z
  .string()
  .regex(/^(\d{1,2}|true|false)$/, "use the number of proxies in front (0, 1, 2…)")
  .transform((v) => (v === "true" ? 1 : v === "false" ? 0 : Number(v)));

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
  /**
   * How many reverse proxies stand in front of this server. The client's address is taken that
   * many entries from the right of X-Forwarded-For, and X-Forwarded-Proto: https from the nearest
   * one means https. Default: 0 (nobody is trusted; the socket's address, plain http).
   */
  TRUST_PROXY: hops.default(0),
  /** The company's OpenID provider (its issuer URL); unset: no single sign-on. */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Shown on the button: "Sign in with …". Default: "your company account". */
  OIDC_PROVIDER_NAME: z.string().min(1).default("your company account"),
  /** Members of this group (the `groups` claim) are employees. */
  OIDC_EMPLOYEE_GROUP: z.string().min(1).optional(),
  /** Verified e-mail domains whose people are employees, comma-separated. */
  OIDC_ALLOWED_DOMAINS: z.string().default(""),
  /** The help center's public address, where the provider sends readers back. */
  PUBLIC_URL: z.url().optional(),
  /** "off" removes the e-mail and password form and its API (single sign-on only). Default: on. */
  LOCAL_SIGN_IN: z.enum(["on", "off"]).default("on"),
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

/** Single sign-on, when configured completely; a half-done configuration stops the start, saying what is missing. */
function ssoSettings(e: z.infer<typeof nodeEnvSchema>): SsoSettings | undefined {
  if (!e.OIDC_ISSUER) {
    if (e.LOCAL_SIGN_IN === "off")
      throw new Error("Invalid server environment: LOCAL_SIGN_IN=off needs OIDC_ISSUER (nobody could sign in)");
    return undefined;
  }
  const missing = [
    ["OIDC_CLIENT_ID", e.OIDC_CLIENT_ID],
    ["OIDC_CLIENT_SECRET", e.OIDC_CLIENT_SECRET],
    ["PUBLIC_URL", e.PUBLIC_URL],
  ].filter(([, value]) => !value);
  const allowedDomains = e.OIDC_ALLOWED_DOMAINS.split(",")
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);
  if (!e.OIDC_EMPLOYEE_GROUP && allowedDomains.length === 0)
    missing.push(["OIDC_EMPLOYEE_GROUP or OIDC_ALLOWED_DOMAINS", ""]);
  if (missing.length > 0) {
    throw new Error(
      `Invalid server environment: OIDC_ISSUER is set, so set ${missing.map(([name]) => name).join(", ")} too`,
    );
  }
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID ?? "",
    clientSecret: e.OIDC_CLIENT_SECRET ?? "",
    providerName: e.OIDC_PROVIDER_NAME,
    employeeGroup: e.OIDC_EMPLOYEE_GROUP,
    allowedDomains,
    publicUrl: e.PUBLIC_URL ?? "",
  };
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
