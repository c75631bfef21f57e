import { z } from "zod";
import { ratings, reasons } from "../../../src/shared/feedback-rules.ts";
import { searchAudiences } from "../searches/searches.queries.ts";
import { searchRowSchema } from "../searches/searches.schema.ts";
import { bulkActions } from "./dashboard.schema.ts";
import { commentStatuses, periods } from "./vocabulary.ts";

/**
 * What the dashboard's data routes answer, declared once: the OpenAPI document describes these,
 * and the queries' and views' types are derived from them.
 */

/**
 * How sure we are that a topic fails its readers: of the readers who answered, the share who
 * rated it Poor or said No, as a 95 % Wilson score interval.
 */
export const unhelpfulSchema = z.strictObject({
  /** Readers who rated or answered "Did you find…" (at least this many). */
  answers: z.number(),
  /** Readers who rated Poor or said No (at least this many). */
  bad: z.number(),
  /** The interval's ends, 0–1. */
  low: z.number(),
  high: z.number(),
});
export type Unhelpful = z.infer<typeof unhelpfulSchema>;

export const topicSummarySchema = z.strictObject({
  responses: z.number(),
  /** Share of each rating among the responses that rated, 0–1. */
  distribution: z.record(z.enum(ratings), z.number()),
  rated: z.number(),
  /** Mean of Excellent 4 … Poor 1; null when nobody rated. */
  score: z.number().nullable(),
  /** Share of "Yes" among those who answered "Did you find…", 0–1; null when nobody answered. */
  foundShare: z.number().nullable(),
  unhelpful: unhelpfulSchema,
});
export type TopicSummary = z.infer<typeof topicSummarySchema>;

export const periodChangeSchema = z.strictObject({
  responses: z.number(),
  /** Score points, e.g. -0.5; null when either period has no ratings. */
  score: z.number().nullable(),
  /** Percentage points of "Yes", e.g. -12; null when either period has no answers. */
  foundShare: z.number().nullable(),
});
export type PeriodChange = z.infer<typeof periodChangeSchema>;

/** A row's figures for the period: its answers summed up, their change, its views. */
const figuresSchema = z.strictObject({
  summary: topicSummarySchema,
  /** Against the period before; null for "all time". */
  change: periodChangeSchema.nullable(),
  /** Views in the period, every build together (functions/app/views/), in the languages asked for. */
  views: z.number(),
});

export const overviewRowSchema = figuresSchema.extend({ topic: z.string() });
export type OverviewRow = z.infer<typeof overviewRowSchema>;

/** Every topic together in one language: the overview's breakdown by language. */
export const languageRowSchema = figuresSchema.extend({
  /** The language's code, as pages declare it (`<html lang>`). */
  lang: z.string(),
});
export type LanguageRow = z.infer<typeof languageRowSchema>;

export const overviewSchema = z.strictObject({
  topics: z.array(overviewRowSchema),
  /** Every topic together: the dashboard's summary figures, with their change. */
  totals: figuresSchema,
  /** The same per language (only the one asked for, when the overview is filtered by language). */
  languages: z.array(languageRowSchema),
});
export type Overview = z.infer<typeof overviewSchema>;

const period = z.enum(periods);
/** The owner filter as asked, or null for every owner. */
const ownerAsked = z.string().nullable();
/** The language filter as asked, or null for every language. */
const languageAsked = z.string().nullable();

export const overviewAnswerSchema = overviewSchema.extend({
  period,
  owner: ownerAsked,
  lang: languageAsked,
  topics: z.array(overviewRowSchema.extend({ title: z.string() })),
  /** With each language's name in English ("German"). */
  languages: z.array(languageRowSchema.extend({ name: z.string() })),
});

/** Searches that found nothing, yet had the words of a topic: it may be missing what they asked. */
export const missedSearchesSchema = z.strictObject({
  /** Searches in all, counted from the topic's last update on. */
  searches: z.number(),
  /** The most frequent, at most three, each with the language it was typed in (its page's). */
  queries: z.array(z.strictObject({ query: z.string(), lang: z.string(), searches: z.number() })),
});
export type MissedSearches = z.infer<typeof missedSearchesSchema>;

export const attentionSignalSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("failing"), unhelpful: unhelpfulSchema }),
  z.strictObject({ kind: z.literal("no-rising"), now: z.number(), before: z.number() }),
  z.strictObject({ kind: z.literal("out-of-date"), readers: z.number() }),
  z.strictObject({ kind: z.literal("searches-missed"), missed: missedSearchesSchema }),
  z.strictObject({ kind: z.literal("review-due"), since: z.string() }),
]);
export type AttentionSignal = z.infer<typeof attentionSignalSchema>;

export const attentionItemSchema = z.strictObject({
  topic: z.string(),
  title: z.string(),
  owner: z.string().optional(),
  summary: topicSummarySchema,
  signals: z.array(attentionSignalSchema),
  /** The most named reason, when readers named one often enough. */
  topReason: z.strictObject({ reason: z.enum(reasons), readers: z.number() }).optional(),
});
export type AttentionItem = z.infer<typeof attentionItemSchema>;

export const attentionAnswerSchema = z.strictObject({
  period,
  owner: ownerAsked,
  topics: z.array(attentionItemSchema),
});

export const commentRowSchema = z.strictObject({
  id: z.string(),
  topic: z.string().nullable(),
  /** The language of the page it was written on. */
  lang: z.string(),
  rating: z.string().nullable(),
  found: z.string().nullable(),
  reason: z.string().nullable(),
  name: z.string().nullable(),
  comment: z.string(),
  isEmployee: z.boolean(),
  status: z.string(),
  statusBy: z.string().nullable(),
  statusAt: z.number().nullable(),
  createdAt: z.number(),
});
export type CommentRow = z.infer<typeof commentRowSchema>;

export const commentsPageSchema = z.strictObject({
  /** Matches of the filter, up to 10,000. */
  total: z.number(),
  /** False when there are more than that. */
  totalIsExact: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
  rows: z.array(commentRowSchema),
  /** Cursors of the pages either side (for `after` and `before`), when there is one. */
  newer: z.string().optional(),
  older: z.string().optional(),
});
export type CommentsPage = z.infer<typeof commentsPageSchema>;

export const commentsExportSchema = z.strictObject({ comments: z.array(commentRowSchema) });

const audience = z.enum(searchAudiences);
export const searchesAnswerSchema = z.strictObject({
  period,
  audience,
  lang: languageAsked,
  top: z.array(searchRowSchema),
  noResults: z.array(searchRowSchema),
  unopened: z.array(searchRowSchema),
});
export const searchesExportSchema = z.strictObject({
  period,
  audience,
  lang: languageAsked,
  searches: z.array(searchRowSchema),
});

export const triageOutcomeSchema = z.strictObject({
  action: z.enum(bulkActions),
  /** Each comment changed, with the status it had ("deleted" after a deletion). */
  changed: z.array(z.strictObject({ id: z.string(), previous: z.string() })),
});
export type TriageOutcome = z.infer<typeof triageOutcomeSchema>;

export const commentDeletedSchema = z.strictObject({ deleted: z.string() });
export const statusChangedSchema = z.strictObject({ status: z.enum(commentStatuses) });
