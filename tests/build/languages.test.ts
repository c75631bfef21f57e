import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { SearchIndex } from "../../src/shared/search/search-index.ts";

const languages = JSON.parse(readFileSync("content/languages.json", "utf8")) as {
  default: string;
  languages: { code: string; dir: "ltr" | "rtl" }[];
};
const others = languages.languages.filter((l) => l.code !== languages.default);
const origin = "http://localhost:4321";

interface Page {
  site: string;
  /** Its address on its site. */
  path: string;
  html: string;
}

function pagesOf(site: string): Page[] {
  return readdirSync(site, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html"))
    .map((file) => ({
      site,
      path: `/${file}`.replace(/index\.html$/, "").replace(/(^|\/)404\.html$/, "$1404/"),
      html: readFileSync(join(site, file), "utf8"),
    }));
}

const pages = [...pagesOf("dist"), ...pagesOf("dist-internal")];
const languageOf = (path: string) => others.find((l) => path.startsWith(`/${l.code}/`))?.code ?? languages.default;
const alternatesOf = (html: string) =>
  new Map([...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1], m[2]]));
/** The built file an absolute address of the site is served from. */
const fileOf = (site: string, href: string) => {
  const path = new URL(href).pathname;
  return join(site, path.endsWith("/") ? `${path}index.html` : path);
};

describe("every page of every language, in both audiences", () => {
  it("builds each language's frame pages in both sites", () => {
    for (const site of ["dist", "dist-internal"]) {
      for (const { code } of others) {
        for (const page of [
          "index.html",
          "search/index.html",
          "alerts/index.html",
          "404.html",
          "feedback/index.html",
        ]) {
          expect(existsSync(join(site, code, page)), `${site}/${code}/${page}`).toBe(true);
        }
      }
    }
  });

  it("says its language and direction on <html>, from its folder", () => {
    const wrong = pages.flatMap(({ site, path, html }) => {
      const lang = languageOf(path);
      const dir = languages.languages.find((l) => l.code === lang)?.dir;
      return html.includes(`<html lang="${lang}" dir="${dir}">`) ? [] : [`${site}${path}`];
    });
    expect(pages.length).toBeGreaterThan(150);
    expect(wrong).toEqual([]);
  });

  it("names no canonical and no alternates on the 404 page, which any unknown address serves", () => {
    const notFound = pages.filter((page) => page.path.endsWith("/404/"));
    expect(notFound).toHaveLength(2 * languages.languages.length);
    expect(notFound.filter((page) => alternatesOf(page.html).size > 0).map((page) => page.path)).toEqual([]);
    expect(notFound.filter((page) => page.html.includes('rel="canonical"')).map((page) => page.path)).toEqual([]);
  });

  it("names its own address as canonical", () => {
    const wrong = pages
      .filter((page) => !page.path.endsWith("/404/"))
      .flatMap(({ site, path, html }) =>
        html.includes(`<link rel="canonical" href="${origin}${path}">`) ? [] : [`${site}${path}`],
      );
    expect(wrong).toEqual([]);
  });

  it("lists itself and every language it exists in as alternates, and x-default, each built and saying the same", () => {
    const problems: string[] = [];
    // The 404 page is served at every address without a page: there is no address to name.
    for (const { site, path, html } of pages.filter((page) => !page.path.endsWith("/404/"))) {
      const alternates = alternatesOf(html);
      if (alternates.get(languageOf(path)) !== `${origin}${path}`)
        problems.push(`${site}${path}: not its own alternate`);
      if (!alternates.has("x-default")) problems.push(`${site}${path}: no x-default`);
      for (const [lang, href] of alternates) {
        const file = fileOf(site, href ?? "");
        if (!existsSync(file)) {
          problems.push(`${site}${path}: ${lang} → ${href}, which was not built`);
          continue;
        }
        const other = readFileSync(file, "utf8");
        if (lang !== "x-default" && alternatesOf(other).get(languageOf(path)) !== `${origin}${path}`)
          problems.push(`${site}${path}: ${href} does not list it back`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("builds a translated topic in its language and leaves an untranslated one to its original", () => {
    expect(existsSync("dist/de/topics/temporary-login-code/index.html")).toBe(true);
    expect(existsSync("dist/de/topics/add-a-user/index.html")).toBe(false);
    const home = readFileSync("dist/de/index.html", "utf8");
    expect(home).toMatch(/<a href="\/topics\/add-a-user\/#untranslated-de" hreflang="en" lang="en" dir="ltr">/);
    expect(home).toContain("(auf Englisch)");
    const original = readFileSync("dist/topics/add-a-user/index.html", "utf8");
    expect(original).toMatch(
      /<p class="untranslated" id="untranslated-de" lang="de" dir="ltr"[^>]*>Diese Seite gibt es noch nicht auf Deutsch\./,
    );
    expect(original).toMatch(/id="untranslated-ar" lang="ar" dir="rtl"/);
    // A translated topic's original needs no notice for that language.
    expect(readFileSync("dist/topics/temporary-login-code/index.html", "utf8")).not.toContain('id="untranslated-de"');
  });

  it("links, from a page in a language, a page written in it to its translation, not to its original", () => {
    const problems: string[] = [];
    for (const { site, path, html } of pages) {
      const lang = languageOf(path);
      if (lang === languages.default) continue;
      const main = /<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? "";
      // A link naming its language (hreflang) leads to another language on purpose: an untranslated original.
      for (const [, attributes = ""] of main.matchAll(/<a\b([^>]*)>/g)) {
        const href = /href="(\/[^/"][^"]*)"/.exec(attributes)?.[1];
        if (!href || attributes.includes("hreflang=")) continue;
        const target = href.split(/[#?]/)[0] ?? "";
        if (target.startsWith(`/${lang}/`) || /^\/(api|_astro|search-text)\//.test(target)) continue;
        if (existsSync(fileOf(site, `${origin}/${lang}${target}`)))
          problems.push(`${site}${path}: ${href}, which is written in ${lang} at /${lang}${target}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("lists every language's pages in the sitemap, an untranslated topic once", () => {
    const sitemap = readFileSync("dist/sitemap.xml", "utf8");
    expect(sitemap).toContain(`<loc>${origin}/de/topics/temporary-login-code/</loc>`);
    expect(sitemap).toContain(`<loc>${origin}/ar/</loc>`);
    expect(sitemap).not.toContain("/de/topics/add-a-user/");
  });
});

describe("search in every language", () => {
  const indexOf = (site: string, code: string) =>
    JSON.parse(
      readFileSync(join(site, code === languages.default ? "" : code, "search-index.json"), "utf8"),
    ) as SearchIndex;

  it("writes one index per language and audience", () => {
    for (const site of ["dist", "dist-internal"]) {
      for (const { code } of languages.languages) expect(indexOf(site, code).ui.lang).toBe(code);
    }
  });

  it("finds a language's own pages and the originals it has no translation of, never another language's", () => {
    const german = indexOf("dist", "de");
    const urls = german.docs.map((d) => d.url);
    expect(urls).toContain("/de/topics/temporary-login-code/");
    expect(urls).toContain("/topics/add-a-user/#untranslated-de");
    expect(urls).not.toContain("/topics/temporary-login-code/#untranslated-de");
    expect(urls.some((url) => /^\/(es|ar)\//.test(url))).toBe(false);
    expect(german.docs.find((d) => d.url.startsWith("/topics/add-a-user/"))?.lang).toBe("en");
    expect(indexOf("dist", "en").docs.some((d) => /^\/(de|es|ar)\//.test(d.url))).toBe(false);
  });
});
