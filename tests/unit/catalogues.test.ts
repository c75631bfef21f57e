import { describe, expect, it } from "vitest";
import { catalogueProblems } from "../../src/lib/catalogue-check.ts";
import { catalogues, referenceCatalogue } from "../../src/shared/i18n/catalogues.ts";
import { formatMessage, messageParts } from "../../src/shared/i18n/format.ts";

/** A small default catalogue: text, a slot, a plural, a group. */
const reference = {
  frame: { skipLink: "Skip to content", copyright: "© {year} {company}" },
  home: { topicCount: { one: "{count} topic", other: "{count} topics" } },
  feedback: { ratings: { good: "Good", poor: "Poor" } },
};
const german = {
  frame: { skipLink: "Zum Inhalt springen", copyright: "© {year} {company}" },
  home: { topicCount: { one: "{count} Thema", other: "{count} Themen" } },
  feedback: { ratings: { good: "Gut", poor: "Schlecht" } },
};
const withChange = (change: (copy: typeof german) => void) => {
  const copy = structuredClone(german);
  change(copy);
  return catalogueProblems(reference, copy, "de");
};

describe("a language's catalogue against the default one", () => {
  it("accepts a catalogue with the same keys, slots and the plural forms its language needs", () => {
    expect(catalogueProblems(reference, german, "de")).toEqual([]);
  });

  it("names the language and the key of a message that is missing", () => {
    expect(
      withChange((c) => {
        delete (c.frame as Partial<typeof c.frame>).skipLink;
      }),
    ).toEqual(["de: frame.skipLink is missing"]);
  });

  it("names the language and the key of a message the default language does not have", () => {
    expect(withChange((c) => Object.assign(c.frame, { skipLinks: "Zum Inhalt" }))).toEqual([
      "de: frame.skipLinks is not a key of the default language",
    ]);
  });

  it("refuses a slot the default text has not, and a slot left out", () => {
    expect(withChange((c) => Object.assign(c.frame, { copyright: "© {jahr} {company}" }))).toEqual([
      "de: frame.copyright has {jahr}, which the default language's text has not",
      "de: frame.copyright leaves out {year}",
    ]);
  });

  it("asks for every plural form the language's counts need, and only those", () => {
    const arabic = { ...german, home: { topicCount: { one: "موضوع واحد", other: "{count} موضوع" } } };
    expect(catalogueProblems(reference, arabic, "ar")).toEqual([
      "ar: home.topicCount.zero is missing (a count of ar needs it)",
      "ar: home.topicCount.two is missing (a count of ar needs it)",
      "ar: home.topicCount.few is missing (a count of ar needs it)",
      "ar: home.topicCount.many is missing (a count of ar needs it)",
    ]);
    expect(
      withChange((c) => Object.assign(c.home, { topicCount: { ...c.home.topicCount, two: "zwei Themen" } })),
    ).toEqual(["de: home.topicCount.two: de has no “two” plural form"]);
  });

  it("lets a plural form say its number in words, but not the form every other count uses", () => {
    expect(
      withChange((c) => Object.assign(c.home, { topicCount: { one: "ein Thema", other: "{count} Themen" } })),
    ).toEqual([]);
    expect(
      withChange((c) => Object.assign(c.home, { topicCount: { one: "{count} Thema", other: "viele Themen" } })),
    ).toEqual(["de: home.topicCount.other leaves out {count}"]);
  });

  it("refuses text where a group is expected, plural forms where text is, and empty text", () => {
    expect(withChange((c) => Object.assign(c, { feedback: "Gut" }))).toEqual([
      "de: feedback must be a group of messages, like the default language's",
    ]);
    expect(withChange((c) => Object.assign(c.frame, { skipLink: { one: "a", other: "b" } }))).toEqual([
      "de: frame.skipLink must be text",
    ]);
    expect(withChange((c) => Object.assign(c.frame, { skipLink: " " }))).toEqual(["de: frame.skipLink must be text"]);
  });
});

describe("the project's own catalogues", () => {
  it.each(Object.keys(catalogues))("%s has every key of the English catalogue, and nothing else", (lang) => {
    expect(catalogueProblems(referenceCatalogue, catalogues[lang], lang)).toEqual([]);
  });
});

describe("messages as text", () => {
  it("fills slots, chooses the plural form for the count and writes numbers as the language does", () => {
    const topics = { one: "{count} Thema", other: "{count} Themen" };
    expect(formatMessage(topics, "de", { count: 1 })).toBe("1 Thema");
    expect(formatMessage(topics, "de", { count: 1000 })).toBe("1.000 Themen");
    expect(formatMessage("Up to {count} characters.", "en", { count: 1000 })).toBe("Up to 1,000 characters.");
  });

  it("uses the Arabic forms for two and for three to ten", () => {
    const arabic = (catalogues.ar as typeof referenceCatalogue).home.topicCount;
    expect(formatMessage(arabic, "ar", { count: 2 })).toBe("موضوعان");
    expect(formatMessage(arabic, "ar", { count: 3 })).toMatch(/^3 مواضيع$|^٣ مواضيع$/);
  });

  it("keeps markup whole in a slot and leaves a slot without a value as written", () => {
    const link = { href: "/" };
    expect(messageParts("Go back to the {homeLink}.", { homeLink: link })).toEqual(["Go back to the ", link, "."]);
    expect(messageParts("© {year}", {}).join("")).toBe("© {year}");
  });

  it("never reads a value as a replacement pattern", () => {
    expect(formatMessage("Comment: “{comment}”", "en", { comment: "costs $& and $1" })).toBe(
      "Comment: “costs $& and $1”",
    );
  });
});
