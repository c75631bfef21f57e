import { describe, expect, it } from "vitest";
import { pagesOfLanguage } from "../../src/integrations/search-index.ts";
import { alternatesOf } from "../../src/lib/alternates.ts";
import { topicTranslationSchema } from "../../src/lib/content-schemas.ts";
import { categoryNames, translationProblems, translationsByLanguage } from "../../src/lib/translations.ts";
import { referenceCatalogue } from "../../src/shared/i18n/catalogues.ts";
import type { SiteLanguages } from "../../src/shared/i18n/languages.ts";

const languages: SiteLanguages = {
  default: { code: "en", name: "English", dir: "ltr" },
  all: [
    { code: "en", name: "English", dir: "ltr" },
    { code: "de", name: "Deutsch", dir: "ltr" },
    { code: "ar", name: "العربية", dir: "rtl" },
  ],
};
const originals = new Set(["temporary-login-code", "add-a-user"]);
const entry = (id: string) => ({ id, filePath: `content/topics/${id}.mdx` });

describe("translations beside their originals", () => {
  it("accepts a translation in a declared language's folder with an original of the same name", () => {
    expect(translationProblems([entry("de/temporary-login-code")], originals, languages, "content/topics")).toEqual([]);
  });

  it("names the file of a translation in a folder that is no language to translate into", () => {
    expect(
      translationProblems([entry("fr/add-a-user"), entry("en/add-a-user")], originals, languages, "content/topics"),
    ).toEqual([
      'content/topics/fr/add-a-user.mdx: "fr" is not a language to translate into (content/languages.json declares de, ar)',
      "content/topics/en/add-a-user.mdx: en is the default language; its pages are the originals, in content/topics/ itself",
    ]);
  });

  it("names the file of a translation with no original", () => {
    expect(translationProblems([entry("de/no-such-topic")], originals, languages, "content/topics")).toEqual([
      'content/topics/de/no-such-topic.mdx: no original "no-such-topic" in content/topics/ to translate',
    ]);
    expect(() => translationsByLanguage([entry("de/no-such-topic")], originals, languages, "content/topics")).toThrow(
      /no original "no-such-topic"/,
    );
  });

  it("files each translation under its language and its original's id", () => {
    const byLanguage = translationsByLanguage(
      [entry("de/add-a-user"), entry("ar/add-a-user")],
      originals,
      languages,
      "x",
    );
    expect([...byLanguage.keys()]).toEqual(["de", "ar"]);
    expect(byLanguage.get("ar")?.get("add-a-user")?.id).toBe("ar/add-a-user");
  });

  it("names a category once per language, and says so when two translations disagree", () => {
    const named = categoryNames(
      [
        { filePath: "a.mdx", original: "Security and sign-in", name: "Anmeldung und Sicherheit" },
        { filePath: "b.mdx", original: "Security and sign-in", name: undefined },
        { filePath: "c.mdx", original: "Security and sign-in", name: "Sicherheit" },
      ],
      ["Security and sign-in"],
    );
    expect(named.names.get("Security and sign-in")).toBe("Anmeldung und Sicherheit");
    expect(named.problems).toEqual([
      'c.mdx: category: "Sicherheit", but a.mdx names the category "Security and sign-in" "Anmeldung und Sicherheit" in this language',
    ]);
  });

  it("refuses one name for two categories in a language, translated or kept as the original's, naming the file", () => {
    const categories = ["Security and sign-in", "Sign-in", "Reports"];
    const named = categoryNames(
      [
        { filePath: "a.mdx", original: "Security and sign-in", name: "Anmeldung" },
        { filePath: "b.mdx", original: "Sign-in", name: "Anmeldung" },
        { filePath: "c.mdx", original: "Billing", name: "Reports" },
      ],
      [...categories, "Billing"],
    );
    expect(named.problems).toEqual([
      'a.mdx: category: "Anmeldung" names the category "Security and sign-in" as "Sign-in" is named in this language; give each its own name',
      'b.mdx: category: "Anmeldung" names the category "Sign-in" as "Security and sign-in" is named in this language; give each its own name',
      'c.mdx: category: "Reports" names the category "Billing" as "Reports" is named in this language; give each its own name',
    ]);
    const distinct = [{ filePath: "a.mdx", original: "Sign-in", name: "Anmeldung" }];
    expect(categoryNames(distinct, categories).problems).toEqual([]);
  });

  it("leaves what a topic is to its original: a translation that sets it is told where it belongs", () => {
    const result = topicTranslationSchema.safeParse({
      title: "Ein Thema",
      description: "Worum es geht.",
      updated: "2026-11-02",
      related: ["add-a-user"],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      "related: a translation takes related topics, demo, owner, review date and popularity from its original; set it there",
    );
  });
});

describe("a page in every language", () => {
  it("links each language that has the page to it, and each that has not to the original with that language's notice in view", () => {
    const { basePath, alternates } = alternatesOf("/de/topics/temporary-login-code/", ["en", "de"]);
    expect(basePath).toBe("/topics/temporary-login-code/");
    expect(alternates.map((a) => [a.language.code, a.exists, a.href])).toEqual([
      ["en", true, "/topics/temporary-login-code/"],
      ["de", true, "/de/topics/temporary-login-code/"],
      ["es", false, "/topics/temporary-login-code/#untranslated-es"],
      ["ar", false, "/topics/temporary-login-code/#untranslated-ar"],
    ]);
  });
});

describe("one search index per language", () => {
  const ui = (lang: string) => ({ lang, searchPath: "/search/", words: referenceCatalogue.search, inOriginal: "" });
  const indexes = [
    { folder: "", ui: ui("en") },
    { folder: "de/", ui: ui("de") },
    { folder: "ar/", ui: ui("ar") },
  ];
  const page = (url: string) => ({
    url,
    content: "",
    title: url,
    description: "",
    keywords: [],
    headings: [],
    textFile: "",
  });
  const pages = ["/topics/a/", "/topics/b/", "/de/topics/a/", "/ar/topics/b/", "/alerts/", "/de/alerts/"].map(page);

  it("holds a language's own pages and the originals it has no translation of, in their language", () => {
    const german = pagesOfLanguage(pages, indexes[1] as (typeof indexes)[number], indexes);
    expect(german.map((p) => [p.url, p.lang])).toEqual([
      ["/de/alerts/", "de"],
      ["/de/topics/a/", "de"],
      ["/topics/b/#untranslated-de", "en"],
    ]);
    // The original's title and headings find it; its body stays in the default language's index.
    expect(german.find((p) => p.lang === "en")).toMatchObject({ title: "/topics/b/", content: "" });
  });

  it("holds only the default language's pages in the default language's index", () => {
    const english = pagesOfLanguage(pages, indexes[0] as (typeof indexes)[number], indexes);
    expect(english.map((p) => p.url)).toEqual(["/topics/a/", "/topics/b/", "/alerts/"]);
  });
});
