import { describe, expect, it } from "vitest";
import { searchStatus, statusText } from "../../src/scripts/search-status.ts";
import { referenceCatalogue } from "../../src/shared/i18n/catalogues.ts";
import { findTopics, loadIndex } from "../../src/shared/search/find.ts";
import { buildSearchIndex, type PageText } from "../../src/shared/search/search-index.ts";
import { snippetOf } from "../../src/shared/search/snippet.ts";
import { stem, stopWords, wordsOf } from "../../src/shared/search/words.ts";

/** A small help center: one realistic page, the others made by overriding what a test needs. */
const page = (overrides: Partial<PageText>): PageText => ({
  url: "/topics/x/",
  lang: "en",
  title: "A topic",
  description: "What this topic is about.",
  keywords: [],
  headings: [],
  content: "Some text in the body of the topic.",
  textFile: "x.json",
  ...overrides,
});

const pages = [
  page({
    url: "/topics/temporary-login-code/",
    title: "Generating a temporary login code",
    keywords: ["lost phone", "one-time code"],
    headings: ["Generate a temporary code"],
    content:
      "Sometimes a user cannot finish signing in: they lost their phone. An administrator can generate a temporary code in the information panel.",
  }),
  page({
    url: "/topics/reset-your-password/",
    title: "Reset your password",
    keywords: ["forgot password"],
    content: "Open the email and click Reset Password. Passwords must be 12 characters. Do not rest until it is done.",
  }),
  page({
    url: "/topics/export/",
    title: "Export data to Excel or CSV",
    content: "Exports go to a workbook. Information in the export includes every column.",
  }),
  page({
    url: "/topics/new-phone/",
    title: "Two-factor authentication on a new phone",
    headings: ["Before you switch phones"],
    content: "Move the authenticator app to the new phone before you hand in the old one.",
  }),
  page({
    url: "/topics/reports/",
    title: "Build a report",
    content: "Reports show invoices by client. A phone number column can be added.",
  }),
];
const ui = { lang: "en", searchPath: "/search/", words: referenceCatalogue.search, inOriginal: "in English" };
const index = loadIndex(buildSearchIndex(pages, ui));
const urls = (typed: string, options = {}) => {
  const found = findTopics(index, typed, options);
  return found.kind === "results" ? found.hits.map((h) => pages[h.doc]?.url) : [];
};

describe("words as search sees them", () => {
  it("meets the forms readers type at one stem, and folds contractions", () => {
    expect(["invoices", "invoiced", "invoicing", "invoice"].map(stem)).toEqual(Array(4).fill("invoic"));
    expect(stem("passwords")).toBe(stem("password"));
    expect(stem("stopped")).toBe("stop");
    expect(wordsOf("Can't sign-in on my NEW phone")).toEqual(["cannot", "sign", "in", "on", "my", "new", "phone"]);
    expect(stopWords.has("how") && stopWords.has("my") && !stopWords.has("without")).toBe(true);
    expect(wordsOf("it wont let me log in")).toEqual(["it", "will", "not", "let", "me", "sign", "in"]);
    expect(wordsOf("the audit log")).toEqual(["the", "audit", "log"]);
    expect(["authentication", "authenticator", "authenticated"].map(stem)).toEqual(Array(3).fill("authentic"));
    expect(stem("encryption")).toBe(stem("encrypted"));
    expect(stem("installation")).toBe(stem("install"));
    expect(["save", "saved", "saving"].map(stem)).toEqual(["save", "save", "save"]);
    expect(["move", "moved", "moving"].map(stem)).toEqual(["move", "move", "move"]);
    expect(stem("exceeded")).toBe(stem("exceed"));
  });
});

describe("finding topics", () => {
  it("never makes a hit from a stop word or a two-letter prefix", () => {
    // "in" is in every page and "information" in two: neither may answer "invoice" on the search page.
    expect(findTopics(index, "invoice")).toMatchObject({ kind: "results", match: "all" });
    expect(urls("invoice")).toEqual(["/topics/reports/"]);
    expect(findTopics(index, "reprots")).toMatchObject({ match: "all", correctedFrom: "reprots" });
    expect(urls("export to excel")).toEqual(["/topics/export/"]);
    expect(findTopics(index, "zzqx")).toMatchObject({ kind: "results", match: "none", hits: [] });
    expect(urls("in", { typing: true })).toEqual([]);
  });

  it("says when a query has only stop words", () => {
    expect(findTopics(index, "how do I")).toEqual({ kind: "stop-words", typed: "how do I" });
    expect(findTopics(index, "   ")).toEqual({ kind: "empty" });
  });

  it("completes the word still being typed from three letters, and only that one", () => {
    expect(urls("pas", { typing: true })).toContain("/topics/reset-your-password/");
    expect(urls("pa", { typing: true })).toEqual([]);
    // The search page searches whole words: "pas" is not one.
    expect(findTopics(index, "pas")).toMatchObject({ match: "none" });
    // A finished word (a space after it) is not completed.
    expect(urls("pas ", { typing: true })).toEqual([]);
  });

  it("shows the topics with most of the words when none has all, naming the words no topic has", () => {
    const found = findTopics(index, "phone stolen");
    expect(found).toMatchObject({ kind: "results", match: "some", missing: ["stolen"] });
    expect(urls("phone stolen")).toContain("/topics/temporary-login-code/");
    // Every word exists, never together.
    expect(findTopics(index, "workbook authenticator")).toMatchObject({ match: "some", missing: [] });
  });

  it("corrects a word only when no topic has it and the correction finds more, never to a stop word or a short word", () => {
    expect(findTopics(index, "temprary code")).toMatchObject({
      match: "all",
      correctedFrom: "temprary code",
      searched: "temporary code",
    });
    // "reset" is a word of the index: never changed to "rest", which is one too.
    expect(findTopics(index, "reset password")).not.toHaveProperty("correctedFrom");
    expect(urls("reset password")[0]).toBe("/topics/reset-your-password/");
    expect(findTopics(index, "phon")).not.toHaveProperty("correctedFrom");
    expect(findTopics(index, "tha")).not.toHaveProperty("correctedFrom");
    expect(findTopics(index, "temprary code", { asTyped: true })).toMatchObject({
      match: "some",
      missing: ["temprary"],
    });
    // Four letters: only letters swapped make a typo; one changed letter makes another word too often.
    expect(findTopics(index, "tbas")).not.toHaveProperty("correctedFrom");
    expect(findTopics(index, "exoprt")).toMatchObject({ correctedFrom: "exoprt", searched: "export" });
    // Only the word corrected changes: "login", which search reads as "sign in", stays as typed.
    expect(findTopics(index, "temprary login code")).toMatchObject({ searched: "temporary login code" });
    // Every word unknown: a subject the help center does not cover, not a row of typos.
    expect(findTopics(index, "tempory invocie")).toMatchObject({ match: "none" });
    expect(findTopics(index, "tempory invocie")).not.toHaveProperty("correctedFrom");
  });

  it("never requires a single letter or digit, a word said twice, or a last word only just begun", () => {
    // "2-factor" is "2" and "factor": the "2" narrows nothing.
    expect(urls("2-factor authentication")[0]).toBe("/topics/new-phone/");
    expect(findTopics(index, "phone phones phone")).toMatchObject({ words: ["phone"] });
    // Still typing "reset my pa": "pa" is not yet a word nobody has.
    expect(findTopics(index, "reset my pa", { typing: true })).toMatchObject({ match: "all", missing: [] });
    // A query longer than anyone types costs no more than 16 words.
    expect(findTopics(index, `pasword ${"word ".repeat(3000)}`)).toMatchObject({ kind: "results" });
  });

  it("reads words that every JavaScript object has a property for as words, in pages and in queries", () => {
    const developer = page({
      url: "/topics/api/",
      title: "The API client",
      content: "Call the constructor with your key.",
    });
    const withApi = loadIndex(buildSearchIndex([...pages, developer], ui));
    const found = findTopics(withApi, "constructor");
    if (found.kind !== "results") throw new Error(found.kind);
    expect(found.hits.map((hit) => withApi.docs[hit.doc]?.url)).toEqual(["/topics/api/"]);
    const nowhere = findTopics(index, "constructor tostring");
    if (nowhere.kind !== "results") throw new Error(nowhere.kind);
    const status = statusText(searchStatus("constructor tostring", { ...nowhere, hits: [], total: 0 }, ui));
    expect(status).toContain("constructor");
    expect(status).not.toMatch(/function|native code/);
  });

  it("does not require a word most topics have, but counts it", () => {
    // "topic" is in every page's description: the rare word decides which topics match.
    expect(findTopics(index, "workbook topic")).toMatchObject({ match: "all" });
    expect(urls("workbook topic")).toEqual(["/topics/export/"]);
  });

  it("ranks a title above a keyword above a heading above the body, and a phrase above scattered words", () => {
    expect(urls("phone")).toEqual(["/topics/new-phone/", "/topics/temporary-login-code/", "/topics/reports/"]);
    expect(urls("new phone")[0]).toBe("/topics/new-phone/");
    expect(urls("how do I sign in without my phone when it is lost")[0]).toBe("/topics/temporary-login-code/");
  });
});

describe("snippets", () => {
  const text = pages[0]?.content ?? "";
  it("start at a word, mark the matched words and never a stop word", () => {
    const snippet = snippetOf(text, ["lost", "phon", "in"]) ?? "";
    expect(snippet).toMatch(/^Sometimes a user/);
    expect(snippet).toContain("<mark>lost</mark>");
    expect(snippet).toContain("<mark>phone</mark>");
    expect(snippet).not.toContain("<mark>in</mark>");
  });

  it("read words as search does, and end a sentence only at a full stop before a space", () => {
    expect(snippetOf("Login fails. It can't load.", ["sign", "cannot"])).toBe(
      "<mark>Login</mark> fails. It <mark>can't</mark> load.",
    );
    expect(snippetOf("Open the app. See example.com/help for the password page.", ["password"])).toMatch(
      /^See example\.com/,
    );
  });

  it("begin with an ellipsis when the passage is mid-sentence, and escape the text", () => {
    const long = `${"word ".repeat(60)}then the <secret> passage about invoices.`;
    const snippet = snippetOf(long, ["invoic"]) ?? "";
    expect(snippet.startsWith("… ")).toBe(true);
    expect(snippet).toContain("&lt;secret&gt;");
    expect(snippet).toContain("<mark>invoices</mark>");
    expect(snippetOf(long, ["absent"])).toBeUndefined();
  });
});
