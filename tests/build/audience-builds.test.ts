import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contentByAudience } from "../support/content-audiences.ts";
import { readSite, type SiteFile } from "../support/site-text.ts";

const { secretRuns, secretWords } = contentByAudience();
const publicSite = readSite("dist");
const internalSite = readSite("dist-internal");

function leaks(site: SiteFile[]) {
  const found: string[] = [];
  for (const file of site) {
    for (const run of secretRuns) if (file.text.includes(run)) found.push(`${file.path}: “${run}”`);
    for (const word of secretWords) if (file.has(word)) found.push(`${file.path}: word “${word}”`);
  }
  return found;
}

describe("the two audience builds", () => {
  it("derives enough internal text from the sources to make the check meaningful, in every language", () => {
    expect(secretRuns.length).toBeGreaterThan(50);
    expect(secretWords).toEqual(expect.arrayContaining(["letterhead", "citrix", "sharepoint"]));
    // The translated internal notes and the translated internal-only topic: German, Spanish, Arabic.
    expect(secretWords).toEqual(expect.arrayContaining(["firmenbriefpapier", "membrete", "ترويسة", "kontodatensatz"]));
  });

  it("leaves every internal block, internal topic and the banner out of every public file, search index included", () => {
    expect(publicSite.some((f) => f.path.startsWith("search-text/"))).toBe(true);
    expect(leaks(publicSite)).toEqual([]);
  });

  it("puts the internal text in the internal build and its search index", () => {
    const found = leaks(internalSite);
    expect(found.some((f) => f.startsWith("topics/temporary-login-code/index.html"))).toBe(true);
    expect(found.some((f) => f.startsWith("topics/internal-admin-temporary-code/index.html"))).toBe(true);
    expect(found.some((f) => f.startsWith("search-text/"))).toBe(true);
    expect(found.some((f) => f.includes("word “sharepoint”"))).toBe(true);
  });

  it("marks internal blocks visibly as Internal in the internal build", () => {
    const page = readFileSync("dist-internal/topics/temporary-login-code/index.html", "utf8");
    expect(page).toMatch(
      /<aside class="internal" aria-label="Internal note"[^>]*>\s*<p class="internal__label"[^>]*>Internal<\/p>/,
    );
  });

  it("lists only public topics in the public manifest and sitemap, and every topic in the internal ones", () => {
    const publicManifest = JSON.parse(readFileSync("dist/topics.json", "utf8")) as { topics: { id: string }[] };
    const internalManifest = JSON.parse(readFileSync("dist-internal/topics.json", "utf8")) as {
      topics: { id: string }[];
    };
    const sources = readdirSync("content/topics").filter((file) => file.endsWith(".mdx"));
    const publicIds = sources
      .filter((file) => !/^audience:\s*internal\s*$/m.test(readFileSync(join("content/topics", file), "utf8")))
      .map((file) => file.replace(/\.mdx$/, ""));
    expect(publicIds.length).toBeLessThan(sources.length);
    expect(publicManifest.topics.map((t) => t.id).sort()).toEqual(publicIds.sort());
    expect(internalManifest.topics).toHaveLength(sources.length);
    expect(internalManifest.topics.map((t) => t.id)).toContain("internal-admin-temporary-code");
    expect(readFileSync("dist/sitemap.xml", "utf8")).not.toContain("internal-admin");
    expect(readFileSync("dist-internal/sitemap.xml", "utf8")).toContain("internal-admin");
  });

  it("builds no page for an internal-only topic in the public site, in any language", () => {
    expect(publicSite.some((f) => f.path.includes("internal-admin"))).toBe(false);
    expect(internalSite.some((f) => f.path === "de/topics/internal-admin-temporary-code/index.html")).toBe(true);
  });

  it("keeps each translation's internal notes to the internal build of its language", () => {
    const found = leaks(internalSite);
    for (const lang of ["de", "es", "ar"]) {
      expect(found.some((f) => f.startsWith(`${lang}/topics/temporary-login-code/index.html`))).toBe(true);
      expect(readFileSync(`dist/${lang}/topics/temporary-login-code/index.html`, "utf8")).not.toContain(
        'class="internal"',
      );
    }
  });

  it("ships no source maps", () => {
    expect([...publicSite, ...internalSite].filter((f) => f.path.endsWith(".map"))).toEqual([]);
  });
});

describe("the 404 page", () => {
  it("offers a search box and the popular topics of its own site", () => {
    const page = readFileSync("dist/404.html", "utf8");
    expect(page).toMatch(/<input id="not-found-search" name="q" type="search"/);
    expect(page).toMatch(/<h2[^>]*>Popular topics<\/h2>/);
    expect(page).toContain('href="/topics/temporary-login-code/"');
  });
});
