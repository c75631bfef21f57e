import { z } from "zod";
import { parseOrExplain } from "../../src/shared/zod-issues.ts";

const manifestSchema = z.object({
  audience: z.enum(["public", "internal"]),
  topics: z.array(z.object({ id: z.string(), title: z.string(), path: z.string() })),
});

/** The topics a build published, read from its `/topics.json`. */
export interface TopicCatalog {
  has(id: string): boolean;
  path(id: string): string | undefined;
  title(id: string): string | undefined;
}

export function topicCatalog(manifest: unknown): TopicCatalog {
  const parsed = parseOrExplain(manifestSchema, manifest, "The build's topics.json is not a topic manifest");
  const byId = new Map(parsed.topics.map((t) => [t.id, t]));
  return { has: (id) => byId.has(id), path: (id) => byId.get(id)?.path, title: (id) => byId.get(id)?.title };
}
