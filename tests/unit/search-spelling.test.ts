import { describe, expect, it } from "vitest";
import { searchWordsOf } from "../../src/integrations/search-words.ts";
import { keywordsIn } from "../../src/scripts/search-core.ts";
import { closestWord, correctedQuery, editDistance, normalizeQuery, queryWords } from "../../src/shared/spelling.ts";

const vocabulary = ["code", "temporary", "authenticator", "password", "authentication", "device", "generate"];

describe("did-you-mean", () => {
  it("corrects the typos readers make to the index's own words", () => {
    expect(correctedQuery("temprary code", vocabulary)).toBe("temporary code");
    expect(correctedQuery("authenticater", vocabulary)).toBe("authenticator");
    expect(correctedQuery("pasword", vocabulary)).toBe("password");
    expect(correctedQuery("Temproary", vocabulary)).toBe("temporary");
  });

  it("leaves known words, short words and words still being typed alone", () => {
    expect(correctedQuery("temporary code", vocabulary)).toBeUndefined();
    expect(correctedQuery("cod", vocabulary)).toBeUndefined();
    expect(correctedQuery("authent", vocabulary)).toBeUndefined();
  });

  it("offers nothing when no known word is close", () => {
    expect(correctedQuery("zzqx", vocabulary)).toBeUndefined();
    expect(closestWord("invoice", vocabulary, new Set(vocabulary))).toBeUndefined();
  });

  it("prefers the more frequent word when two are as close", () => {
    expect(closestWord("cade", ["code", "cafe"], new Set())).toBe("code");
    expect(closestWord("cade", ["cafe", "code"], new Set())).toBe("cafe");
  });

  it("counts a swap of neighbours as one edit, and stops past its limit", () => {
    expect(editDistance("tempoarry", "temporary", 2)).toBe(1);
    expect(editDistance("kitten", "sitting", 5)).toBe(3);
    expect(editDistance("kitten", "sitting", 1)).toBe(2);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
  });

  it("reads words as the index does: lower case, hyphens and apostrophes inside words", () => {
    expect(queryWords("Multi-factor  AUTH, user's 2FA!")).toEqual(["multi-factor", "auth", "user's", "2fa"]);
  });
});

describe("keywords as synonyms", () => {
  const keywords = ["2fa", "lost phone", "mfa"];

  it("matches a keyword named as a whole word or phrase, in any case", () => {
    expect(keywordsIn("2FA", keywords)).toEqual(["2fa"]);
    expect(keywordsIn("I have a LOST phone", keywords)).toEqual(["lost phone"]);
  });

  it("does not match part of a word or half of a phrase", () => {
    expect(keywordsIn("mfas", keywords)).toEqual([]);
    expect(keywordsIn("lost", keywords)).toEqual([]);
  });
});

describe("the word list for did-you-mean", () => {
  it("lists the words readers see in indexed pages, most frequent first, without markup, scripts or numbers", () => {
    const page = (body: string) => `<html><head><title>x</title></head><body><main>${body}</main></body></html>`;
    const words = searchWordsOf([
      page("<h1>Temporary code</h1><p>A temporary &amp; 24 hour code.</p><script>var secretish = 1</script>"),
      page('<p class="note">Code <a href="/x">again</a></p><style>.hidden{}</style>'),
    ]);
    expect(words).toEqual(["code", "temporary", "again", "hour"]);
  });

  it("reads nothing outside <main>: headers and footers are every page's", () => {
    expect(searchWordsOf(["<header>Navigation</header><main>Topic</main><footer>Copyright</footer>"])).toEqual([
      "topic",
    ]);
  });
});

describe("recorded searches", () => {
  it("are normalised to their words: lower case, one space apart, no punctuation, at most 100 characters", () => {
    expect(normalizeQuery("  Temporary   CODE?! ")).toBe("temporary code");
    expect(normalizeQuery('=HYPERLINK("x")')).toBe("hyperlink x");
    expect(normalizeQuery("２ＦＡ")).toBe("2fa");
    expect(normalizeQuery("?!")).toBe("");
    expect(normalizeQuery("word ".repeat(40)).length).toBeLessThanOrEqual(100);
  });
});
