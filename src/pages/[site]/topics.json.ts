import type { APIRoute } from "astro";
import { everyAudience, pageAudience } from "../../lib/audience.ts";
import { loadBrand, reviewDue } from "../../lib/brand.ts";
import { loadLanguages } from "../../lib/languages.ts";
import { publishedTopics, topicLanguages, topicPath, topicsIn } from "../../lib/topics.ts";
import { isoDay } from "../../shared/dates.ts";

export const getStaticPaths = everyAudience;

/**
 * The site's manifest: which topics exist and in which languages, for the API to reject feedback
 * on unknown topics and to send a reader back to the page in their language; and the site's
 * languages, which the server answers readers in. Each audience's site has its own, so the public
 * one never names an internal topic; the employees' one adds what the dashboard needs (category,
 * words in each language, updated, owner, review date).
 */
export const GET: APIRoute = async ({ params }) => {
  const audience = pageAudience(params);
  const topics = await publishedTopics(audience);
  const brand = loadBrand();
  const languages = loadLanguages();
  const writtenIn = new Map(await Promise.all(topics.map(async (t) => [t.id, await topicLanguages(t.id)] as const)));
  // Each translation's words, for employees: Needs attention matches a language's failed searches against them.
  const translations = new Map<string, Record<string, { title: string; description: string; keywords: string[] }>>();
  if (audience === "internal") {
    for (const { code } of languages.all.filter((l) => l.code !== languages.default.code)) {
      for (const t of await topicsIn(audience, code)) {
        if (!t.translation) continue;
        const words = { title: t.title, description: t.description, keywords: t.keywords };
        translations.set(t.id, { ...translations.get(t.id), [code]: words });
      }
    }
  }
  const manifest = {
    audience,
    languages: { default: languages.default.code, all: languages.all.map((l) => l.code) },
    topics: topics.map((t) => {
      const listed = {
        id: t.id,
        title: t.data.title,
        path: topicPath(t.id),
        audience: t.data.audience,
        languages: writtenIn.get(t.id) ?? [languages.default.code],
      };
      if (audience === "public") return listed;
      // Owners and reviews are the writers' business: only the employees' manifest names them.
      const due = reviewDue(brand, t.data);
      return {
        ...listed,
        category: t.data.category,
        description: t.data.description,
        keywords: t.data.keywords,
        ...(translations.has(t.id) ? { translations: translations.get(t.id) } : {}),
        updated: isoDay(t.data.updated),
        ...(t.data.owner ? { owner: t.data.owner } : {}),
        ...(due ? { reviewBy: isoDay(due) } : {}),
      };
    }),
  };
  return new Response(JSON.stringify(manifest, null, 2), { headers: { "Content-Type": "application/json" } });
};
