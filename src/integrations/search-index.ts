import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { bodyText, buildSearchIndex, type PageText, type SearchUi } from "../shared/search/search-index.ts";

/** The file beside each build's Pagefind index that the search code loads (src/scripts/search-core.ts). */
export const searchIndexFile = "search-index.json";

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
export function pagesIndexedBy(pagefindDir: string): PageText[] {
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

/** Writes `search-index.json` for the site in `siteDir`, from its Pagefind index, saying what it says in `ui`. */
export function writeSearchIndex(siteDir: string, ui: SearchUi): number {
  const pages = pagesIndexedBy(join(siteDir, "pagefind"));
  writeFileSync(join(siteDir, searchIndexFile), JSON.stringify(buildSearchIndex(pages, ui)));
  return pages.length;
}
