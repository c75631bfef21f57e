import { z } from "zod";

/** Where writers' chat hears of readers: Slack's incoming webhooks, or Teams' (a Workflows webhook). */
export const webhookFormats = ["slack", "teams"] as const;
export type WebhookFormat = (typeof webhookFormats)[number];

export const webhookEnvFields = {
  /** Where a Poor or No answer with a comment, and the daily digest, are posted. Default: nowhere. */
  FEEDBACK_WEBHOOK_URL: z
    .url({ protocol: /^https?$/, error: "use the http(s) address your chat gave for an incoming webhook" })
    .optional(),
  /** The key of each message's `X-Help-Center-Signature` (HMAC-SHA256); required with the URL. */
  FEEDBACK_WEBHOOK_SECRET: z.string().min(32, "use at least 32 characters").optional(),
  /** The JSON the receiver reads: "slack" (default) or "teams". */
  FEEDBACK_WEBHOOK_FORMAT: z.enum(webhookFormats).default("slack"),
  /** The hour (UTC, 0–23) the daily digest is sent, or "off". Default: 8. */
  FEEDBACK_DIGEST_HOUR: z
    .string()
    .regex(/^(off|[01]?\d|2[0-3])$/, 'use an hour from 0 to 23 (UTC), or "off"')
    .default("8"),
};

export interface WebhookSettings {
  url: string;
  secret: string;
  format: WebhookFormat;
  /** null: no digest. */
  digestHour: number | null;
  siteUrl: string;
}

const webhookEnvSchema = z.object(webhookEnvFields);
/** With the help center's own address (PUBLIC_URL, which single sign-on reads too) for the links. */
type WebhookEnv = z.infer<typeof webhookEnvSchema> & { PUBLIC_URL?: string | undefined };

/** The webhook, when one is configured; a URL without its secret is refused, not sent unsigned. */
export function webhookSettings(e: WebhookEnv): WebhookSettings | undefined {
  if (e.FEEDBACK_WEBHOOK_URL === undefined) return undefined;
  if (e.FEEDBACK_WEBHOOK_SECRET === undefined) {
    throw new Error(
      "Invalid environment: FEEDBACK_WEBHOOK_URL needs FEEDBACK_WEBHOOK_SECRET (at least 32 characters) to sign its messages",
    );
  }
  if (e.PUBLIC_URL === undefined) {
    throw new Error(
      "Invalid environment: FEEDBACK_WEBHOOK_URL needs PUBLIC_URL, the help center's address, for the links in its messages",
    );
  }
  return {
    url: e.FEEDBACK_WEBHOOK_URL,
    secret: e.FEEDBACK_WEBHOOK_SECRET,
    format: e.FEEDBACK_WEBHOOK_FORMAT,
    digestHour: e.FEEDBACK_DIGEST_HOUR === "off" ? null : Number(e.FEEDBACK_DIGEST_HOUR),
    siteUrl: e.PUBLIC_URL.replace(/\/+$/, ""),
  };
}
