import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { afterAll, describe, expect, it } from "vitest";
import { bodyText, type SearchIndex, type SearchTextFile } from "../../src/shared/search/search-index.ts";

/** What Pagefind, run over a whole built site, writes of each page (its fragment). */
interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  anchors: { element: string; text: string }[];
}

/** Pagefind's fragments of every page of `site`, read from its pages as Pagefind reads any site: in memory, nothing written. */
async function pagefindFragments(site: string): Promise<Fragment[]> {
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error("Pagefind did not start");
  await index.addDirectory({ path: site });
  const { files } = await index.getFiles();
  return files
    .filter((file) => file.path.startsWith("fragment/"))
    .map((file) => {
      const text = gunzipSync(file.content).toString("utf8");
      return JSON.parse(text.slice(text.indexOf("{"))) as Fragment;
    });
}

/** A page as the site's search reads it: its entry in a language's index, and its text file. */
function searchedPages(site: string) {
  const pages = new Map<string, SearchIndex["docs"][number] & { content: string }>();
  for (const file of readdirSync(site, { recursive: true, encoding: "utf8" })) {
    if (!file.endsWith("search-index.json")) continue;
    const index = JSON.parse(readFileSync(join(site, file), "utf8")) as SearchIndex;
    // A language's index also lists the default language's untranslated topics, at an anchor.
    for (const doc of index.docs.filter((d) => !d.url.includes("#"))) {
      const text = JSON.parse(readFileSync(join(site, "search-text", doc.textFile), "utf8")) as SearchTextFile;
      pages.set(doc.url, { ...doc, content: text.content });
    }
  }
  return pages;
}

/** Words as search compares them: letters and digits, lower case. */
const words = (text: string) => text.toLocaleLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

afterAll(() => pagefind.close());

describe("what search reads of each built page", () => {
  for (const site of ["dist", "dist-internal"]) {
    it(`is what Pagefind reads of the whole pages of ${site}: the same pages, words, titles, descriptions, keywords and headings`, async () => {
      const fragments = await pagefindFragments(site);
      const ours = searchedPages(site);
      expect(fragments.length).toBeGreaterThan(40);
      expect([...ours.keys()].sort()).toEqual(fragments.map((f) => f.url).sort());
      for (const fragment of fragments) {
        const page = ours.get(fragment.url);
        const title = fragment.meta.title ?? "";
        expect(
          {
            title: page?.title,
            description: page?.description,
            keywords: [...(page?.keywords ?? [])].sort(),
            headings: page?.headings,
            words: words(page?.content ?? ""),
          },
          fragment.url,
        ).toEqual({
          title,
          description: fragment.meta.description ?? "",
          keywords: [...(fragment.filters.keyword ?? [])].sort(),
          headings: fragment.anchors.filter((a) => /^h[2-4]$/.test(a.element)).map((a) => a.text),
          words: words(bodyText(fragment.content, title)),
        });
      }
    });
  }
});
