import { type Audience, isAudience } from "../config/build-options.ts";
import { buildOptions } from "./build.ts";
import { type Translator, translator } from "./i18n.ts";
import { loadLanguages } from "./languages.ts";

/**
 * One build renders every page once per audience and language, under `/<site>/` (the `[site]`
 * folder of src/pages): `public` and `internal` for the default language, `public-de`,
 * `internal-de`… for the others. The build then moves each audience's pages to its own site root,
 * another language's under `/<lang>/` there (src/integrations/audience-sites.ts). These helpers
 * are how a page knows which site and language it is in.
 */

export interface PageSite {
  audience: Audience;
  /** The page's language code. */
  lang: string;
}

/** The `[site]` parameter of an audience in a language. */
function siteKey({ audience, lang }: PageSite): string {
  return lang === loadLanguages().default.code ? audience : `${audience}-${lang}`;
}

/** An audience and language from a `[site]` parameter (or a rendered path's first folder). */
function parseSiteKey(key: string | undefined): PageSite | undefined {
  const [, audience, lang] = /^([a-z]+)(?:-(.+))?$/.exec(key ?? "") ?? [];
  const languages = loadLanguages();
  if (!isAudience(audience)) return undefined;
  if (lang === undefined) return { audience, lang: languages.default.code };
  return languages.all.some((l) => l.code === lang && l.code !== languages.default.code)
    ? { audience, lang }
    : undefined;
}

/** The site of the page being rendered, from its `[site]` route parameter. */
export function pageSite(params: Record<string, string | undefined>): PageSite {
  const site = parseSiteKey(params.site);
  if (!site) throw new Error(`A page was rendered outside a site folder: ${params.site}`);
  return site;
}

export const pageAudience = (params: Record<string, string | undefined>): Audience => pageSite(params).audience;
export const pageLanguage = (params: Record<string, string | undefined>): string => pageSite(params).lang;

/** How the page being rendered speaks: its language's messages, dates and addresses. */
export function pageTranslator(params: Record<string, string | undefined>): Translator {
  return translator(pageLanguage(params));
}

/**
 * A rendered address split into its site and the address it has on that audience's site, the
 * language's folder included (`/public-de/topics/x/` → public, de, `/de/topics/x/`).
 */
export function splitRenderedPath(pathname: string): (PageSite & { path: string }) | undefined {
  const [, folder, rest = "/"] = /^\/([^/]+)(\/.*)?$/.exec(pathname) ?? [];
  const site = parseSiteKey(folder);
  if (!site) return undefined;
  return { ...site, path: site.lang === loadLanguages().default.code ? rest : `/${site.lang}${rest}` };
}

/** The address a page has on its own site: its rendered path without the site folder. */
export function sitePath(pathname: string): string {
  return splitRenderedPath(pathname)?.path ?? pathname;
}

type SitePath = { params: { site: string } };
const pathsOf = (sites: PageSite[]): SitePath[] => sites.map((site) => ({ params: { site: siteKey(site) } }));

/** Every audience this build writes, in each of the given languages (every language by default). */
export function sitesIn(langs: readonly string[] = loadLanguages().all.map((l) => l.code)): PageSite[] {
  return buildOptions.audiences.flatMap((audience) => langs.map((lang) => ({ audience, lang })));
}

/** Static paths for a page every audience has in every language, with nothing else in its address. */
export function everySite(): SitePath[] {
  return pathsOf(sitesIn());
}

/** Static paths for a page each audience has once, in the default language (sitemap, manifest). */
export function everyAudience(): SitePath[] {
  return pathsOf(sitesIn([loadLanguages().default.code]));
}

/** Static paths for a page only the internal site has, in the default language (the dashboard). */
export function internalOnly(): SitePath[] {
  return pathsOf(sitesIn([loadLanguages().default.code]).filter((site) => site.audience === "internal"));
}

/** The `[site]` parameter of a site, for pages whose paths depend on content (topics, header pages). */
export const siteParam = (site: PageSite): { site: string } => ({ site: siteKey(site) });
