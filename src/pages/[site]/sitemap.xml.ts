import type { APIRoute } from "astro";
import { everyAudience, pageAudience } from "../../lib/audience.ts";
import { headerPagesByLanguage } from "../../lib/header-pages.ts";
import { loadLanguages } from "../../lib/languages.ts";
import { sitemapXml } from "../../lib/sitemap.ts";
import { categorySlug } from "../../lib/topic-groups.ts";
import { topicPath, topicsIn } from "../../lib/topics.ts";
import { isoDay } from "../../shared/dates.ts";
import { localizedPath } from "../../shared/i18n/languages.ts";

export const getStaticPaths = everyAudience;

/**
 * One sitemap per site, every language in it: each page at each address it is written in. An
 * untranslated topic is listed once, at its original's address (its other languages link there).
 */
export const GET: APIRoute = async ({ site, params }) => {
  const audience = pageAudience(params);
  const languages = loadLanguages();
  const pages = await headerPagesByLanguage();
  const entries = (
    await Promise.all(
      languages.all.map(async ({ code }) => {
        const at = (path: string) => localizedPath(path, code, languages.default.code);
        const topics = await topicsIn(audience, code);
        const written = topics.filter((t) => code === languages.default.code || t.translation);
        return [
          { path: at("/"), lastmod: undefined },
          { path: at("/alerts/"), lastmod: undefined },
          ...pages
            .filter((p) => p.lang === code)
            .map((p) => ({ path: at(`/${p.id}/`), lastmod: isoDay(p.page.data.updated) })),
          ...[...new Set(topics.map((t) => t.category))].map((category) => ({
            path: at(`/categories/${categorySlug(category)}/`),
            lastmod: undefined,
          })),
          ...written.map((t) => ({ path: at(topicPath(t.id)), lastmod: isoDay(t.updated) })),
        ];
      }),
    )
  ).flat();
  return new Response(sitemapXml(site ?? new URL("http://localhost:4321"), entries), {
    headers: { "Content-Type": "application/xml" },
  });
};
