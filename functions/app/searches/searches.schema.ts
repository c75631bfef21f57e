import { z } from "zod";
import { normalizeQuery } from "../../../src/shared/spelling.ts";

/** At most this many searches in one batch: a page's worth, sent as the reader leaves it. */
export const maxBatch = 20;

const searchSchema = z.strictObject({
  /** What the reader typed; stored normalised (src/shared/spelling.ts). */
  query: z
    .string({ error: "Send the search as text." })
    .max(500, "A search is at most 500 characters.")
    .transform(normalizeQuery)
    .refine((query) => query !== "", "Send a search with at least one word."),
  /** How many topics it found. */
  results: z.number({ error: "Send the number of results." }).int().min(0).max(100_000),
  /** The address of the result opened next: a path on this site. */
  opened: z
    .string()
    .max(300)
    .regex(/^\/[\w\-./~%]*$/, "Send the path of the opened result, like /topics/some-topic/.")
    .optional(),
});

/** A batch of searches from one page. */
export const searchBatchSchema = z.strictObject({
  searches: z
    .array(searchSchema)
    .min(1, "Send at least one search.")
    .max(maxBatch, `Send at most ${maxBatch} searches at once.`),
});
export type SearchBatch = z.infer<typeof searchBatchSchema>;
