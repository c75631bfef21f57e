import type { APIRoute } from "astro";
import { everyAudience, pageAudience } from "../../lib/audience.ts";
import { publishedTopics, topicPath } from "../../lib/topics.ts";

export const getStaticPaths = everyAudience;

/**
 * The site's manifest: which topics exist, for the API to reject feedback on unknown topics.
 * Each audience's site has its own, so the public one never names an internal topic.
 */
export const GET: APIRoute = async ({ params }) => {
  const audience = pageAudience(params);
  const topics = await publishedTopics(audience);
  const manifest = {
    audience,
    topics: topics.map((t) => ({ id: t.id, title: t.data.title, path: topicPath(t.id), audience: t.data.audience })),
  };
  return new Response(JSON.stringify(manifest, null, 2), { headers: { "Content-Type": "application/json" } });
};
