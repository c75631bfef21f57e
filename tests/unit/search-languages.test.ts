import { describe, expect, it } from "vitest";
import { searchStatus, statusText } from "../../src/scripts/search-status.ts";
import { catalogues, type referenceCatalogue } from "../../src/shared/i18n/catalogues.ts";
import { analyzerFor } from "../../src/shared/search/analyzers.ts";
import { findTopics, loadIndex } from "../../src/shared/search/find.ts";
import { buildSearchIndex, type PageText } from "../../src/shared/search/search-index.ts";
import { snippetOf } from "../../src/shared/search/snippet.ts";

const stems = (lang: string, text: string, alsoHolds: string[] = []) => {
  const { wordsOf, stem } = analyzerFor(lang, alsoHolds);
  return wordsOf(text).map(stem);
};

describe("words as each language's search reads them", () => {
  it("reads German with or without umlauts and meets the forms of a word at one stem", () => {
    expect(stems("de", "temporären Code")).toEqual(stems("de", "temporaren code"));
    expect(stems("de", "Anmeldung Anmeldungen")).toEqual(["anmeld", "anmeld"]);
    expect(stems("de", "Straße")).toEqual(stems("de", "strasse"));
  });

  it("reads ae, oe and ue as a German reader without umlauts writes ä, ö and ü, but not in words that have them", () => {
    expect(stems("de", "Überblick für Schlüssel temporären Gebühren möchte")).toEqual(
      stems("de", "Ueberblick fuer Schluessel temporaeren Gebuehren moechte"),
    );
    expect(analyzerFor("de").stopWords.has(analyzerFor("de").wordsOf("fuer")[0] ?? "")).toBe(true);
    expect(stems("de", "neue Quelle Steuer")).toEqual(["neue", "quell", "steu"]);
  });

  it("reads Spanish without its accents but keeps ñ, and meets plurals and genders", () => {
    expect(stems("es", "código")).toEqual(stems("es", "codigo"));
    expect(stems("es", "códigos temporales")).toEqual(stems("es", "codigo temporal"));
    expect(stems("es", "año")).not.toEqual(stems("es", "ano"));
  });

  it("reads Arabic without short vowels, tatweel or letter variants, and without its article", () => {
    expect(stems("ar", "الرمز المؤقت")).toEqual(stems("ar", "رمز مؤقت"));
    expect(stems("ar", "رمزًا")).toEqual(stems("ar", "رمزا"));
    expect(stems("ar", "إنشاء")).toEqual(stems("ar", "انشاء"));
    expect(stems("ar", "كلمة")).toEqual(stems("ar", "كلمه"));
  });

  it("reads digits typed on an Arabic keyboard, Arabic-Indic or Persian, as the digits the pages write", () => {
    expect(stems("ar", "رمز صالح ٢٤ ساعة")).toEqual(stems("ar", "رمز صالح 24 ساعة"));
    expect(stems("ar", "خطأ ۰x۸۰۰۷۰۰۰۵", ["en"])).toEqual(stems("ar", "خطأ 0x80070005", ["en"]));
  });

  it("never finds anything with a language's stop words, nor with the English ones where the index holds English pages", () => {
    expect(analyzerFor("de").stopWords.has("wie")).toBe(true);
    expect(analyzerFor("de").stopWords.has("how")).toBe(false);
    expect(analyzerFor("de", ["en"]).stopWords.has("how")).toBe(true);
    expect(analyzerFor("ar").stopWords.has("كيف")).toBe(true);
  });
});

const page = (lang: string, url: string, title: string, content: string): PageText => ({
  url,
  lang,
  title,
  content,
  description: "",
  keywords: [],
  headings: [],
  textFile: `${url}.json`,
});
const ui = (lang: string) => ({
  lang,
  searchPath: `/${lang}/search/`,
  words: (catalogues[lang] as typeof referenceCatalogue).search,
  inOriginal: "",
});

describe("one language's index", () => {
  const german = loadIndex(
    buildSearchIndex(
      [
        page("de", "/de/topics/code/", "Einen temporären Anmeldecode erzeugen", "Der Administrator erzeugt den Code."),
        page("en", "/topics/invoice/#untranslated-de", "Download an invoice", "Invoices are PDF files."),
      ],
      ui("de"),
    ),
  );
  const urls = (typed: string) => {
    const found = findTopics(german, typed);
    return found.kind === "results" ? found.hits.map((hit) => german.docs[hit.doc]?.url) : found.kind;
  };

  it("finds a German topic typed the way German readers type, umlauts or none", () => {
    expect(urls("temporärer Code")).toEqual(["/de/topics/code/"]);
    expect(urls("temporaren code")).toEqual(["/de/topics/code/"]);
    const typedWithoutUmlauts = findTopics(german, "Code fuer temporaere Anmeldecodes");
    expect(typedWithoutUmlauts).toMatchObject({ kind: "results", match: "all" });
  });

  it("finds an untranslated topic by its English words from the German page", () => {
    expect(urls("invoice")).toEqual(["/topics/invoice/#untranslated-de"]);
  });

  it("says a query of stop words alone is one, in either language the index holds", () => {
    expect(urls("wie und was")).toBe("stop-words");
    expect(urls("how to")).toBe("stop-words");
  });

  it("marks the matched words in a German snippet, folded or not", () => {
    const found = findTopics(german, "temporaren");
    const matched = found.kind === "results" ? (found.hits[0]?.matched ?? []) : [];
    expect(snippetOf("Einen temporären Code erzeugen.", matched, { analyzer: german.analyzer })).toContain(
      "<mark>temporären</mark>",
    );
  });
});

describe("a correction and the words no topic has, as a German reader is shown them", () => {
  const german = loadIndex(
    buildSearchIndex(
      [
        page(
          "de",
          "/de/topics/code/",
          "Einen temporären Anmeldecode erzeugen",
          "Der temporären Anmeldung dient der Code.",
        ),
        page("de", "/de/topics/muller/", "Müller und Muller", "Muller schreibt Muller ohne Umlaut, Müller mit."),
      ],
      ui("de"),
    ),
  );

  it("keeps each word's most frequent written form where it is not the folded one", () => {
    const index = buildSearchIndex(
      [page("de", "/de/a/", "Müller und Muller", "Muller schreibt Muller ohne Umlaut, Müller mit. Temporären.")],
      ui("de"),
    );
    expect(index.spellings).toEqual({ temporaren: "temporären" });
  });

  it("shows a correction as the pages write it, in the results and the suggestions alike", () => {
    const found = findTopics(german, "tempraren Code");
    expect(found).toMatchObject({ match: "all", correctedFrom: "tempraren Code", searched: "temporären Code" });
    if (found.kind !== "results") throw new Error(found.kind);
    const hits = found.hits.map((hit) => ({
      url: german.docs[hit.doc]?.url ?? "",
      title: "",
      lang: "de",
      inOriginal: undefined,
      excerpt: "",
    }));
    const status = statusText(searchStatus("tempraren Code", { ...found, hits, total: hits.length }, german.ui));
    expect(status).toContain("temporären Code");
    expect(status).not.toContain("temporaren");
    const suggestion = statusText(
      searchStatus("tempraren Code", { ...found, hits, total: hits.length }, german.ui, { withInstead: false }),
    );
    expect(suggestion).toContain("temporären Code");
  });

  it("names a word no topic has as the reader typed it, umlauts and all", () => {
    const found = findTopics(german, "temporären Prüfung");
    if (found.kind !== "results") throw new Error(found.kind);
    const status = statusText(searchStatus("temporären Prüfung", { ...found, hits: [], total: 0 }, german.ui));
    expect(status).toContain("„prüfung“");
    expect(status).not.toContain("prufung");
  });
});

describe("the Arabic index", () => {
  const arabic = loadIndex(
    buildSearchIndex(
      [page("ar", "/ar/topics/code/", "إنشاء رمز دخول مؤقت", "ينشئ المسؤول الرمز المؤقت، صالحًا لمدة 24 ساعة.")],
      ui("ar"),
    ),
  );

  it("finds a topic by a number typed in Arabic-Indic digits", () => {
    const found = findTopics(arabic, "٢٤ ساعة");
    expect(found.kind === "results" && found.match).toBe("all");
  });

  it("finds a topic with or without the article and the hamza", () => {
    for (const typed of ["الرمز المؤقت", "رمز مؤقت", "انشاء رمز"]) {
      const found = findTopics(arabic, typed);
      expect(found.kind === "results" && found.match, typed).toBe("all");
    }
  });
});
