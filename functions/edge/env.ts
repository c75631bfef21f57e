import { z } from "zod";
import { parseOrExplain } from "../../src/shared/zod-issues.ts";
import type { SessionPolicy } from "../app/auth/sessions.ts";
import type { SsoSettings } from "../app/auth/single-sign-on.ts";
import { ssoEnvFields, ssoSettings } from "../app/auth/sso-config.ts";
import { parseRateLimitRule, type RateLimitRule } from "../app/lib/limiter.ts";
import { defaultWaitMs } from "../db/wait.ts";

/** Static assets as the Workers runtime hands them to the Worker (`env.ASSETS`). */
export interface AssetsBinding {
  fetch(request: Request | string): Promise<Response>;
}

/** What wrangler.jsonc and `wrangler secret put` give the Worker. */
export interface EdgeBindings {
  ASSETS: AssetsBinding;
  [name: string]: unknown;
}

const edgeEnvSchema = z.object({
  ...ssoEnvFields,
  /** The libSQL server: `libsql://…` (Turso), `https://…`, or `http://127.0.0.1:…` for `npm run edge`. */
  LIBSQL_URL: z.string().regex(/^(libsql:|https?:)/, "use libsql://…, https://… or http://…"),
  /** Token for the libSQL server (a secret). */
  LIBSQL_AUTH_TOKEN: z.string().min(1).optional(),
  /** Key for keyed hashes (a secret); the same as the Node server's if both share a database. */
  SERVER_SECRET: z.string().min(32, "use at least 32 characters"),
  /** Feedback per client: "COUNT/SECONDS" or "off". Default: 20 per 10 minutes. */
  FEEDBACK_RATE_LIMIT: z.string().default("20/600"),
  /** Extra origins allowed to post, comma-separated. */
  ALLOWED_ORIGINS: z.string().default(""),
  SESSION_IDLE_HOURS: z.coerce.number().positive().default(12),
  SESSION_MAX_DAYS: z.coerce.number().positive().default(7),
  /** How long a request waits for the database before a 503. Default: 5000. */
  DB_WAIT_MS: z.coerce.number().int().min(50).max(120_000).default(defaultWaitMs),
});

export interface EdgeConfig {
  database: { url: string; authToken: string | undefined; waitMs: number };
  serverSecret: string;
  feedbackLimit: RateLimitRule | null;
  allowedOrigins: string[];
  sessionPolicy: SessionPolicy;
  sso: SsoSettings | undefined;
  localSignIn: boolean;
}

/** The Worker's bindings, parsed: a missing secret or a bad value is named, not guessed. */
export function parseEdgeEnv(bindings: EdgeBindings): EdgeConfig {
  const e = parseOrExplain(edgeEnvSchema, bindings, "Invalid Worker environment");
  return {
    database: { url: e.LIBSQL_URL, authToken: e.LIBSQL_AUTH_TOKEN, waitMs: e.DB_WAIT_MS },
    serverSecret: e.SERVER_SECRET,
    feedbackLimit: parseRateLimitRule(e.FEEDBACK_RATE_LIMIT),
    allowedOrigins: e.ALLOWED_ORIGINS.split(",")
      .map((o) => o.trim())
      .filter(Boolean),
    sessionPolicy: { idleMs: e.SESSION_IDLE_HOURS * 3600_000, absoluteMs: e.SESSION_MAX_DAYS * 24 * 3600_000 },
    sso: ssoSettings(e),
    localSignIn: e.LOCAL_SIGN_IN === "on",
  };
}
