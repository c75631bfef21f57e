import { z } from "zod";
import { defaultWaitMs } from "../db/wait.ts";
import type { SessionPolicy } from "./auth/sessions.ts";
import type { SsoSettings } from "./auth/single-sign-on.ts";
import { ssoEnvFields, ssoSettings } from "./auth/sso-config.ts";
import { defaultRetention, type Retention } from "./housekeeping.ts";
import { parseRateLimitRule, type RateLimitRule } from "./lib/limiter.ts";
import { type LogLevel, logLevels } from "./lib/log.ts";
import { type WebhookSettings, webhookEnvFields, webhookSettings } from "./notify/webhook-settings.ts";

/** The app's settings that every runtime reads alike (environment on Node, bindings on the edge). */
export const appEnvFields = {
  ...ssoEnvFields,
  ...webhookEnvFields,
  /** Feedback per client: "COUNT/SECONDS" or "off". Default: 20 per 10 minutes. */
  FEEDBACK_RATE_LIMIT: z.string().default("20/600"),
  /** Batches of recorded searches per client (one per page a reader leaves): "COUNT/SECONDS" or "off". Default: 60 per 10 minutes. */
  SEARCH_RATE_LIMIT: z.string().default("60/600"),
  /** Topic views counted per client (one per page opened): "COUNT/SECONDS" or "off". Default: 120 per 10 minutes. */
  VIEW_RATE_LIMIT: z.string().default("120/600"),
  /** Extra origins allowed to post, comma-separated (the public address behind a proxy). */
  ALLOWED_ORIGINS: z.string().default(""),
  /** An employee session ends after this many hours unused. Default: 12. */
  SESSION_IDLE_HOURS: z.coerce.number().positive().default(12),
  /** An employee session ends this many days after sign-in. Default: 7. */
  SESSION_MAX_DAYS: z.coerce.number().positive().default(7),
  /** Days raw feedback (answers and comments) is kept; the daily counts stay. Default: 730 (2 years). */
  FEEDBACK_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(defaultRetention.feedbackDays),
  /** Days recorded searches are kept; the daily counts stay. Default: 396 (13 months). */
  SEARCH_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(defaultRetention.searchDays),
  /** How long a request waits for the database (a lock, a slow server) before a 503. Default: 5000. */
  DB_WAIT_MS: z.coerce.number().int().min(50).max(120_000).default(defaultWaitMs),
  /** What is logged: "info" (requests, audit events, errors), "error" (unexpected errors only) or "silent". */
  LOG_LEVEL: z.enum(logLevels).default("info"),
};

const appEnvSchema = z.object(appEnvFields);

export interface AppSettings {
  feedbackLimit: RateLimitRule | null;
  searchLimit: RateLimitRule | null;
  viewLimit: RateLimitRule | null;
  allowedOrigins: string[];
  sessionPolicy: SessionPolicy;
  sso: SsoSettings | undefined;
  localSignIn: boolean;
  dbWaitMs: number;
  retention: Retention;
  logLevel: LogLevel;
  webhook: WebhookSettings | undefined;
}

export function appSettings(e: z.infer<typeof appEnvSchema>): AppSettings {
  return {
    feedbackLimit: parseRateLimitRule(e.FEEDBACK_RATE_LIMIT),
    searchLimit: parseRateLimitRule(e.SEARCH_RATE_LIMIT),
    viewLimit: parseRateLimitRule(e.VIEW_RATE_LIMIT),
    allowedOrigins: e.ALLOWED_ORIGINS.split(",")
      .map((o) => o.trim())
      .filter(Boolean),
    sessionPolicy: { idleMs: e.SESSION_IDLE_HOURS * 3600_000, absoluteMs: e.SESSION_MAX_DAYS * 24 * 3600_000 },
    sso: ssoSettings(e),
    localSignIn: e.LOCAL_SIGN_IN === "on",
    dbWaitMs: e.DB_WAIT_MS,
    retention: { feedbackDays: e.FEEDBACK_RETENTION_DAYS, searchDays: e.SEARCH_RETENTION_DAYS },
    logLevel: e.LOG_LEVEL,
    webhook: webhookSettings(e),
  };
}
