import { z } from "zod";
import { foundAnswers, ratings, reasons } from "../../../src/shared/feedback-rules.ts";
import { topicIdSchema } from "../../../src/shared/topic-id-schema.ts";
import { languageFilterSchema } from "../lib/page-language.ts";
import { searchAudiences } from "../searches/searches.queries.ts";
import type { SiteLanguageCodes } from "../topic-catalog.ts";
import {
  commentStatuses,
  defaultPeriod,
  defaultSort,
  periods,
  sortKeys,
  statusFilters,
  wholeSite,
} from "./vocabulary.ts";

const period = z.enum(periods).default(defaultPeriod);

/** Where a page of comments starts: a comment's time and id, as "1796029535314.AbC_12-x". */
const cursorSchema = z
  .string()
  .regex(/^\d{1,16}\.[A-Za-z0-9_-]{16,40}$/, "Follow the Newer and Older links: this page marker is not one.")
  .transform((text) => {
    const [at = "0", id = ""] = text.split(".");
    return { at: Number(at), id };
  });

/** A topic's owner as its front matter names it; empty means every owner. */
const owner = z
  .string()
  .trim()
  .max(80, "An owner is at most 80 characters: choose one from the list.")
  .optional()
  .transform((value) => value || undefined);

export const overviewQuerySchema = z.object({
  /** Default: the last 30 days. */
  period,
  /** Default: worst first. */
  sort: z.enum(sortKeys).default(defaultSort),
  owner,
});

export const attentionQuerySchema = z.object({ period, owner });

export const commentsQuerySchema = z.object({
  period,
  /** A topic id, or `wholeSite` for feedback on the help center as a whole. */
  topic: z
    .union([topicIdSchema, z.literal(wholeSite)])
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
  reason: z
    .enum(reasons)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Default: only comments nobody has dealt with yet. */
  status: z.enum(statusFilters).default("new"),
  /** Which page this is: shown to the reader; the cursors below say where it starts. */
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  /** The page of comments older than this one ("<created_at>.<id>" of its last comment). */
  before: cursorSchema.optional(),
  /** The page of comments newer than this one ("<created_at>.<id>" of its first comment). */
  after: cursorSchema.optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export const searchesQuerySchema = z.object({
  period,
  /** Readers (public), employees (internal) or both. Default: both. */
  audience: z.enum(searchAudiences).default("any"),
});

/**
 * The views' queries for a build's languages: each filtered by one language (`lang`), or by none.
 * Needs attention takes no language: it counts each topic in every language together.
 */
export function dashboardQueries(languages: SiteLanguageCodes) {
  const lang = languageFilterSchema(languages);
  return {
    lang,
    overview: overviewQuerySchema.extend({ lang }),
    comments: commentsQuerySchema.extend({ lang }),
    searches: searchesQuerySchema.extend({ lang }),
  };
}
type DashboardQueries = ReturnType<typeof dashboardQueries>;
export type CommentsQuery = z.infer<DashboardQueries["comments"]>;

export const statusChangeSchema = z.strictObject({
  status: z.enum(commentStatuses, { error: "Choose new, reviewed, archived or spam." }),
  /** Where a plain form returns to (the dashboard with its filters). */
  next: z.string().max(2048).optional(),
});

export const deleteCommentSchema = z.strictObject({
  /** Where a plain form returns to (the dashboard with its filters). */
  next: z.string().max(2048).optional(),
});

const commentId = z.string().regex(/^[A-Za-z0-9_-]{16,40}$/, "Unknown comment.");
export const commentIdParamSchema = z.object({ id: commentId });

/** What one bulk action does to every selected comment: a status, or deletion for good. */
export const bulkActions = [...commentStatuses, "delete"] as const;
export type BulkAction = (typeof bulkActions)[number];

/** A plain form sends each ticked comment as its own field, `select-<id>`; JSON sends `ids`. */
function selectedFields(input: unknown): unknown {
  if (typeof input !== "object" || input === null || "ids" in input) return input;
  const fields = Object.entries(input);
  const ids = fields.filter(([name]) => name.startsWith("select-")).map(([name]) => name.slice("select-".length));
  return { ...Object.fromEntries(fields.filter(([name]) => !name.startsWith("select-"))), ids };
}

const bulkTriageFields = z.strictObject({
  /** None ticked is answered by the route: a plain form comes back saying so. */
  ids: z.array(commentId).max(200, "Act on at most 200 comments at once: one page of comments."),
  action: z.enum(bulkActions, { error: "Choose reviewed, archived, spam, new or delete." }),
  /** Where a plain form returns to (the dashboard with its filters). */
  next: z.string().max(2048).optional(),
});

export const bulkTriageSchema = z.preprocess(selectedFields, bulkTriageFields);

/** For the API's document: what a plain form sends instead of `ids`. */
export const bulkTriageFormSchema = bulkTriageFields
  .omit({ ids: true })
  .catchall(z.string())
  .meta({ description: "Each ticked comment as a field of its own, `select-<id>`, besides `action` and `next`." });
