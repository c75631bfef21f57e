import { getCollection } from "astro:content";
import type { APIRoute } from "astro";
import { everyAudience, pageAudience } from "../../lib/audience.ts";
import { sitemapXml } from "../../lib/sitemap.ts";
import { categoryPath } from "../../lib/topic-groups.ts";
import { publishedTopics, topicPath } from "../../lib/topics.ts";
import { isoDay } from "../../shared/dates.ts";

export const getStaticPaths = everyAudience;

export const GET: APIRoute = async ({ site, params }) => {
  const topics = await publishedTopics(pageAudience(params));
  const pages = await getCollection("pages");
  const entries = [
    { path: "/", lastmod: undefined },
    { path: "/alerts/", lastmod: undefined },
    ...pages.map((p) => ({ path: `/${p.id}/`, lastmod: isoDay(p.data.updated) })),
    ...[...new Set(topics.map((t) => t.data.category))].map((category) => ({
      path: categoryPath(category),
      lastmod: undefined,
    })),
    ...topics.map((t) => ({ path: topicPath(t.id), lastmod: isoDay(t.data.updated) })),
  ];
  return new Response(sitemapXml(site ?? new URL("http://localhost:4321"), entries), {
    headers: { "Content-Type": "application/xml" },
  });
};
