import { z } from "zod";
import { topicIdSchema } from "../../../src/lib/content-schemas.ts";
import { foundAnswers, ratings } from "../../../src/lib/feedback-rules.ts";

export const commentStatuses = ["new", "reviewed", "archived", "spam"] as const;

export const overviewQuerySchema = z.object({
  /** Default: the last 30 days. */
  period: z.enum(["7d", "30d", "90d", "all"]).default("30d"),
  /** Default: worst first. */
  sort: z.enum(["worst", "responses", "found", "change"]).default("worst"),
});

export const commentsQuerySchema = z.object({
  period: z.enum(["7d", "30d", "90d", "all"]).default("30d"),
  topic: z
    .union([topicIdSchema, z.literal("site")])
    .optional()
    .or(z.literal("").transform(() => undefined)),
  rating: z
    .enum(ratings)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  found: z
    .enum(foundAnswers)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Default: only comments nobody has dealt with yet. */
  status: z.enum([...commentStatuses, "any"]).default("new"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export type CommentsQuery = z.infer<typeof commentsQuerySchema>;

export const statusChangeSchema = z.strictObject({
  status: z.enum(commentStatuses, { error: "Choose new, reviewed, archived or spam." }),
  /** Where a plain form returns to (the dashboard with its filters). */
  next: z.string().max(2048).optional(),
});

export const commentIdParamSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{16,40}$/, "Unknown comment.") });
