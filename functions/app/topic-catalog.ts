import { z } from "zod";
import { parseOrExplain } from "../../src/lib/zod-issues.ts";

const manifestSchema = z.object({
  audience: z.enum(["public", "internal"]),
  topics: z.array(z.object({ id: z.string(), title: z.string(), path: z.string() })),
});

/** The topics a build published, read from its `/topics.json`. */
export interface TopicCatalog {
  has(id: string): boolean;
  path(id: string): string | undefined;
}

export function topicCatalog(manifest: unknown): TopicCatalog {
  const parsed = parseOrExplain(manifestSchema, manifest, "The build's topics.json is not a topic manifest");
  const paths = new Map(parsed.topics.map((t) => [t.id, t.path]));
  return { has: (id) => paths.has(id), path: (id) => paths.get(id) };
}
