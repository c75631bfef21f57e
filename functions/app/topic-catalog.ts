import { z } from "zod";
import { parseOrExplain } from "../../src/shared/zod-issues.ts";

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const topicSchema = z.object({
  id: z.string(),
  title: z.string(),
  path: z.string(),
  /** The employees' manifest only: what the writers' dashboard shows and filters by. */
  category: z.string().optional(),
  /** The words it is found by: Needs attention matches searches that found nothing against them. */
  description: z.string().optional(),
  keywords: z.array(z.string()).optional(),
  updated: isoDay.optional(),
  owner: z.string().optional(),
  reviewBy: isoDay.optional(),
});

const manifestSchema = z.object({ audience: z.enum(["public", "internal"]), topics: z.array(topicSchema) });

export type CatalogTopic = z.infer<typeof topicSchema>;

/** The topics a build published, read from its `/topics.json`. */
export interface TopicCatalog {
  has(id: string): boolean;
  path(id: string): string | undefined;
  title(id: string): string | undefined;
  /** Everything the manifest says of a topic. */
  get(id: string): CatalogTopic | undefined;
  all(): readonly CatalogTopic[];
}

export function topicCatalog(manifest: unknown): TopicCatalog {
  const parsed = parseOrExplain(manifestSchema, manifest, "The build's topics.json is not a topic manifest");
  const byId = new Map(parsed.topics.map((t) => [t.id, t]));
  return {
    has: (id) => byId.has(id),
    path: (id) => byId.get(id)?.path,
    title: (id) => byId.get(id)?.title,
    get: (id) => byId.get(id),
    all: () => parsed.topics,
  };
}
