import type { Audience } from "../config/build-options.ts";

export interface TopicLinkSource {
  id: string;
  /** Path of the MDX file, for messages an author can act on. */
  filePath: string;
  audience: Audience;
  related: readonly string[];
}

/**
 * Checks every `related` entry: it must name an existing topic, not the topic itself,
 * not twice, and a public topic may not list an internal-only one (its title would leak
 * into the public build). Returns one message per problem, naming file and field.
 */
export function findRelatedTopicProblems(topics: readonly TopicLinkSource[]): string[] {
  const byId = new Map(topics.map((t) => [t.id, t]));
  const problems: string[] = [];
  for (const topic of topics) {
    const seen = new Set<string>();
    topic.related.forEach((target, index) => {
      const where = `${topic.filePath}: related[${index}]`;
      const linked = byId.get(target);
      if (seen.has(target)) {
        problems.push(`${where}: "${target}" is listed twice`);
      } else if (target === topic.id) {
        problems.push(`${where}: a topic cannot list itself as related`);
      } else if (!linked) {
        problems.push(`${where}: no topic "${target}" exists (expected a file content/topics/${target}.mdx)`);
      } else if (topic.audience === "public" && linked.audience === "internal") {
        problems.push(
          `${where}: "${target}" is internal-only and cannot be listed on a public topic; link it inside an <Internal> block instead`,
        );
      }
      seen.add(target);
    });
  }
  return problems;
}

export function assertRelatedTopicsExist(topics: readonly TopicLinkSource[]): void {
  const problems = findRelatedTopicProblems(topics);
  if (problems.length > 0) {
    throw new Error(`Broken related topics:\n  ${problems.join("\n  ")}`);
  }
}
