import { type CollectionEntry, getCollection } from "astro:content";
import type { Audience } from "../config/build-options.ts";
import { assertRelatedTopicsExist } from "./related-topics.ts";

export type Topic = CollectionEntry<"topics">;

let checked: Promise<Topic[]> | undefined;

/** Every topic that is not a draft, with its related links checked once over all of them. */
function allTopics(): Promise<Topic[]> {
  checked ??= loadTopics();
  return checked;
}

async function loadTopics(): Promise<Topic[]> {
  const all = await getCollection("topics");
  // Checked over every topic, so a broken link fails the build with a message naming the file.
  assertRelatedTopicsExist(
    all.map((t) => ({
      id: t.id,
      filePath: t.filePath ?? `content/topics/${t.id}.mdx`,
      audience: t.data.audience,
      related: t.data.related,
    })),
  );
  return all.filter((t) => !t.data.draft);
}

/** The topics one audience's site publishes: internal-only topics only on the internal site. */
export async function publishedTopics(audience: Audience): Promise<Topic[]> {
  const topics = await allTopics();
  return audience === "internal" ? topics : topics.filter((t) => t.data.audience === "public");
}

/** The topics marked `popular`, at most five: where a reader who found nothing is sent. */
export async function popularTopics(audience: Audience): Promise<Topic[]> {
  return (await publishedTopics(audience)).filter((topic) => topic.data.popular).slice(0, 5);
}

export function topicPath(id: string): string {
  return `/topics/${id}/`;
}
