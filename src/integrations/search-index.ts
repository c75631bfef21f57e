import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { untranslatedAnchor } from "../shared/i18n/languages.ts";
import {
  buildSearchIndex,
  type PageText,
  type SearchTextFile,
  type SearchUi,
  searchTextFolder,
} from "../shared/search/search-index.ts";
import type { PageSearchText } from "./page-text.ts";

/** The file in each language's folder of a site that the search code loads (src/scripts/search-core.ts). */
export const searchIndexFile = "search-index.json";

/** One language's index: what it says, and its folder in the site ("" for the default language, "de/"). */
export interface LanguageIndex {
  ui: SearchUi;
  folder: string;
}

/** Pages in address order, as every index lists them. */
const byUrl = (a: { url: string }, b: { url: string }) => (a.url < b.url ? -1 : 1);

/**
 * Writes each page's text to a file of its own in the site's `search-text/`, named by its
 * contents (what a result shows comes from the file the index names), and returns the pages
 * with their files' names, in address order.
 */
function writeSearchTexts(siteDir: string, pages: readonly PageSearchText[]): Omit<PageText, "lang">[] {
  const folder = join(siteDir, searchTextFolder);
  mkdirSync(folder, { recursive: true });
  return pages
    .map((page) => {
      const file: SearchTextFile = { content: page.content };
      const json = JSON.stringify(file);
      const name = `${createHash("sha256").update(page.url).update("\0").update(json).digest("hex").slice(0, 16)}.json`;
      writeFileSync(join(folder, name), json);
      return { ...page, textFile: name };
    })
    .sort(byUrl);
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
  return [...own, ...originals].sort(byUrl);
}

/**
 * Writes the texts of the site in `siteDir` and its `search-index.json` for each language, from
 * the pages it wrote (`pageSearchText`); returns the number of pages.
 */
export function writeSearchIndexes(
  siteDir: string,
  indexes: readonly LanguageIndex[],
  searched: readonly PageSearchText[],
): number {
  const pages = writeSearchTexts(siteDir, searched);
  for (const index of indexes) {
    mkdirSync(join(siteDir, index.folder), { recursive: true });
    const indexed = buildSearchIndex(pagesOfLanguage(pages, index, indexes), index.ui);
    writeFileSync(join(siteDir, index.folder, searchIndexFile), JSON.stringify(indexed));
  }
  return pages.length;
}
