import type { APIRoute } from "astro";
import { audience } from "../lib/build.ts";
import { publishedTopics, topicPath } from "../lib/topics.ts";

/**
 * The build's manifest: which topics exist, for the API to reject feedback on unknown topics.
 * Each audience build writes its own, so the public one never names an internal topic.
 */
export const GET: APIRoute = async () => {
  const topics = await publishedTopics();
  const manifest = {
    audience,
    topics: topics.map((t) => ({ id: t.id, title: t.data.title, path: topicPath(t.id), audience: t.data.audience })),
  };
  return new Response(JSON.stringify(manifest, null, 2), { headers: { "Content-Type": "application/json" } });
};
