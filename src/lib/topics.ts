import { type CollectionEntry, getCollection } from "astro:content";
import { audience } from "./build.ts";
import { assertRelatedTopicsExist } from "./related-topics.ts";

export type Topic = CollectionEntry<"topics">;

let checked: Promise<Topic[]> | undefined;

/**
 * Every topic this build publishes: drafts are left out, and internal-only topics unless this
 * is the internal build. Related links are checked once over all topics, so a broken link fails
 * both builds with a message naming the file.
 */
export function publishedTopics(): Promise<Topic[]> {
  checked ??= loadPublishedTopics();
  return checked;
}

async function loadPublishedTopics(): Promise<Topic[]> {
  const all = await getCollection("topics");
  assertRelatedTopicsExist(
    all.map((t) => ({
      id: t.id,
      filePath: t.filePath ?? `content/topics/${t.id}.mdx`,
      audience: t.data.audience,
      related: t.data.related,
    })),
  );
  return all.filter((t) => !t.data.draft && (audience === "internal" || t.data.audience === "public"));
}

export function topicPath(id: string): string {
  return `/topics/${id}/`;
}
