import { z } from "zod";
import { normalizeQuery } from "../../../src/shared/search/recorded-query.ts";

/** At most this many searches in one batch: a page's worth, sent as the reader leaves it. */
export const maxBatch = 20;

const searchSchema = z.strictObject({
  /** What the reader typed; stored normalised (src/shared/search/recorded-query.ts). */
  query: z
    .string({ error: "Send the search as text." })
    .max(500, "A search is at most 500 characters.")
    .transform(normalizeQuery)
    .refine((query) => query !== "", "Send a search with at least one word."),
  /** How many topics had every meaningful word of it (0 when only some words were found). */
  results: z.number({ error: "Send the number of results." }).int().min(0).max(100_000),
  /** No topic had every word: the topics shown had only some of them. */
  partial: z.boolean({ error: "Send partial as true or false." }).optional(),
  /** The words the results shown were for, when the search corrected what the reader typed. */
  corrected: z
    .string({ error: "Send the corrected words as text." })
    .max(500, "A search is at most 500 characters.")
    .transform(normalizeQuery)
    .transform((words) => words || undefined)
    .optional(),
  /** The address of the result opened next: a path on this site. */
  opened: z
    .string()
    .max(300)
    .regex(/^\/[\w\-./~%]*$/, "Send the path of the opened result, like /topics/some-topic/.")
    .optional(),
});

/** A batch of searches from one page (its language is in the address: `?lang=de`). */
export const searchBatchSchema = z.strictObject({
  searches: z
    .array(searchSchema)
    .min(1, "Send at least one search.")
    .max(maxBatch, `Send at most ${maxBatch} searches at once.`),
});
export type SearchBatch = z.infer<typeof searchBatchSchema>;

/** How many searches of the batch were stored (0 when the reader asked not to be tracked). */
export const searchesRecordedSchema = z.strictObject({ recorded: z.number().int().min(0) });

/** One search's words and what came of them in a period (the dashboard's Searches view). */
export const searchRowSchema = z.strictObject({
  query: z.string(),
  /** The language of the pages it was searched on: the index that answered it. */
  lang: z.string(),
  searches: z.number(),
  noResults: z.number(),
  opened: z.number(),
  /** Searches that showed topics with only some of the words (counted in noResults too). */
  partial: z.number(),
  /** What the words were last corrected to, when results were shown for a correction. */
  corrected: z.string().nullable(),
  /** Searches for the same words in the period before; null for "all time". */
  previous: z.number().nullable(),
});
export type SearchRow = z.infer<typeof searchRowSchema>;
