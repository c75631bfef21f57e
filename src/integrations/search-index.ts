import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { untranslatedAnchor } from "../shared/i18n/languages.ts";
import { bodyText, buildSearchIndex, type PageText, type SearchUi } from "../shared/search/search-index.ts";

/** The file beside each build's Pagefind index that the search code loads (src/scripts/search-core.ts). */
export const searchIndexFile = "search-index.json";

/** One language's index: what it says, and its folder in the site ("" for the default language, "de/"). */
export interface LanguageIndex {
  ui: SearchUi;
  folder: string;
}

interface Fragment {
  url: string;
  content: string;
  meta?: { title?: string; description?: string };
  filters?: { keyword?: string[] };
  anchors?: { element: string; text: string }[];
}

/** Pagefind writes each page's text as gzip, after a signature line: the JSON follows the first brace. */
function readFragment(file: string): Fragment {
  const text = gunzipSync(readFileSync(file)).toString("utf8");
  return JSON.parse(text.slice(text.indexOf("{"))) as Fragment;
}

/**
 * The pages of a build as Pagefind indexed them (what `data-pagefind-ignore` left out stays
 * out), so the search index holds exactly the text Pagefind's does: each audience's own.
 */
export function pagesIndexedBy(pagefindDir: string): Omit<PageText, "lang">[] {
  const dir = join(pagefindDir, "fragment");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".pf_fragment"))
    .sort()
    .map((name) => {
      const fragment = readFragment(join(dir, name));
      const title = fragment.meta?.title ?? fragment.url;
      return {
        url: fragment.url,
        content: bodyText(fragment.content, title),
        title,
        description: fragment.meta?.description ?? "",
        keywords: fragment.filters?.keyword ?? [],
        headings: (fragment.anchors ?? []).filter((a) => /^h[2-4]$/.test(a.element)).map((a) => a.text),
        fragment: name,
      };
    })
    .sort((a, b) => (a.url < b.url ? -1 : 1));
}

/**
 * The pages one language's index holds: the pages in its folder, and every page of the default
 * language it has no translation of, which its readers find too (in the original, the link bringing
 * the notice in their language into view) by its title, description, keywords and headings. Not by
 * its body: that would make every declared language index every topic's text again, so a language
 * would cost the build as much as its default, translated or not. The default language's own index
 * holds only its pages.
 */
export function pagesOfLanguage(
  pages: readonly Omit<PageText, "lang">[],
  index: LanguageIndex,
  indexes: readonly LanguageIndex[],
): PageText[] {
  const fallback = indexes.find((i) => i.folder === "");
  const otherFolders = indexes.filter((i) => i.folder !== "").map((i) => `/${i.folder}`);
  const inFolder = (folder: string) => (page: { url: string }) => page.url.startsWith(`/${folder}`);
  const inDefault = pages.filter((page) => !otherFolders.some((folder) => page.url.startsWith(folder)));
  if (index.folder === "" || !fallback) return inDefault.map((page) => ({ ...page, lang: index.ui.lang }));
  const own = pages.filter(inFolder(index.folder)).map((page) => ({ ...page, lang: index.ui.lang }));
  const translated = new Set(own.map((page) => page.url.slice(index.folder.length)));
  const originals = inDefault
    .filter((page) => !translated.has(page.url))
    .map((page) => ({
      ...page,
      url: `${page.url}#${untranslatedAnchor(index.ui.lang)}`,
      lang: fallback.ui.lang,
      content: "",
    }));
  return [...own, ...originals].sort((a, b) => (a.url < b.url ? -1 : 1));
}

/** Writes `search-index.json` for each language of the site in `siteDir`, from its Pagefind index; returns the pages read. */
export function writeSearchIndexes(siteDir: string, indexes: readonly LanguageIndex[]): number {
  const pages = pagesIndexedBy(join(siteDir, "pagefind"));
  for (const index of indexes) {
    mkdirSync(join(siteDir, index.folder), { recursive: true });
    const indexed = buildSearchIndex(pagesOfLanguage(pages, index, indexes), index.ui);
    writeFileSync(join(siteDir, index.folder, searchIndexFile), JSON.stringify(indexed));
  }
  return pages.length;
}
