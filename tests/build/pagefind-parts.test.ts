import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { afterAll, describe, expect, it } from "vitest";
import { removeScratchDir, scratchDir } from "../../scripts/lib/scratch-dir.ts";
import { indexedPart } from "../../src/integrations/site-pagefind.ts";

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html") && !file.startsWith("pagefind"))
    .map((file) => join(dir, file));

/** The address Pagefind gives a file it reads from a folder: `/topics/x/` for topics/x/index.html. */
const addressOf = (site: string, file: string) => `/${relative(site, file).replace(/(^|\/)index\.html$/, "$1")}`;

interface Fragment {
  url: string;
  meta: Record<string, string>;
}

/**
 * A fragment without the page-view beacon (an <img> to /api/views/… outside the indexed part)
 * that Pagefind, shown the whole page, takes for the page's picture: no picture of the page, and
 * one that would count a view wherever a result showed it.
 */
function withoutBeacon(fragment: Fragment): Fragment {
  if (!fragment.meta.image?.startsWith("/api/views/")) return fragment;
  const { image: _image, image_alt: _alt, ...meta } = fragment.meta;
  return { ...fragment, meta };
}

/** Every fragment an index wrote, as JSON, by address. */
function fragments(outputPath: string): Map<string, Fragment> {
  const dir = join(outputPath, "fragment");
  return new Map(
    readdirSync(dir).map((name) => {
      const text = gunzipSync(readFileSync(join(dir, name))).toString("utf8");
      const fragment = JSON.parse(text.slice(text.indexOf("{"))) as Fragment;
      return [fragment.url, fragment];
    }),
  );
}

async function indexed(add: (index: pagefind.PagefindIndex) => Promise<unknown>) {
  const outputPath = scratchDir("pagefind-parts");
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error("Pagefind did not start");
  await add(index);
  await index.writeFiles({ outputPath });
  const found = fragments(outputPath);
  removeScratchDir(outputPath);
  return found;
}

afterAll(() => pagefind.close());

describe("what Pagefind is shown of each page", () => {
  for (const site of ["dist", "dist-internal"]) {
    it(`gives Pagefind the same text, titles, filters and anchors as the whole pages of ${site}`, async () => {
      const whole = await indexed((index) => index.addDirectory({ path: site }));
      const parts = await indexed(async (index) => {
        for (const file of htmlFiles(site)) {
          const content = indexedPart(readFileSync(file), file);
          if (content !== undefined) await index.addHTMLFile({ url: addressOf(site, file), content });
        }
      });
      expect(whole.size).toBeGreaterThan(40);
      expect([...parts.keys()].sort()).toEqual([...whole.keys()].sort());
      for (const [url, fragment] of whole) expect(parts.get(url), url).toEqual(withoutBeacon(fragment));
    });
  }
});
