import { describe, expect, it } from "vitest";
import { parseLanguages } from "../../src/lib/languages.ts";
import { localizedPath, splitLanguage } from "../../src/shared/i18n/languages.ts";

const english = { code: "en", name: "English", dir: "ltr" };
const german = { code: "de", name: "Deutsch", dir: "ltr" };
const arabic = { code: "ar", name: "العربية", dir: "rtl" };
const file = (overrides: object = {}) => ({ default: "en", languages: [german, english, arabic], ...overrides });
const parse = (input: unknown) => parseLanguages(input, "content/languages.json");

describe("the site's languages, declared once", () => {
  it("lists the default language first, then the others in the file's order", () => {
    const languages = parse(file());
    expect(languages.default.code).toBe("en");
    expect(languages.all.map((l) => l.code)).toEqual(["en", "de", "ar"]);
  });

  it("names the field of a language tag Intl does not know or that is not lower case", () => {
    expect(() => parse(file({ languages: [english, { ...german, code: "DE" }] }))).toThrow(
      "content/languages.json: languages.1.code: a language tag in lower case, like de or pt-br",
    );
    expect(() => parse(file({ languages: [english, { ...german, code: "xx-toolongsubtag" }] }))).toThrow(
      /languages\.1\.code: /,
    );
  });

  it("refuses a direction that contradicts the language's script", () => {
    expect(() => parse(file({ languages: [english, { ...arabic, dir: "ltr" }] }))).toThrow(
      "languages.1.dir: ar is written rtl, not ltr",
    );
  });

  it("refuses a language listed twice and a default that is not listed", () => {
    expect(() => parse(file({ languages: [english, german, german] }))).toThrow("languages.2.code: de is listed twice");
    expect(() => parse(file({ default: "es" }))).toThrow("default: es is not one of the languages listed");
  });

  it("refuses fields it does not know, so a misspelt one is not silently ignored", () => {
    expect(() => parse(file({ languages: [{ ...english, direction: "ltr" }] }))).toThrow(/languages\.0/);
  });
});

describe("addresses per language", () => {
  const codes = ["en", "de", "ar"];

  it("keeps the default language's addresses and puts every other under its own folder", () => {
    expect(localizedPath("/topics/temporary-login-code/", "en", "en")).toBe("/topics/temporary-login-code/");
    expect(localizedPath("/topics/temporary-login-code/", "de", "en")).toBe("/de/topics/temporary-login-code/");
    expect(localizedPath("/", "ar", "en")).toBe("/ar/");
  });

  it("reads the language back from an address, and the default language from any other folder", () => {
    expect(splitLanguage("/de/topics/x/", codes, "en")).toEqual({ code: "de", path: "/topics/x/" });
    expect(splitLanguage("/de", codes, "en")).toEqual({ code: "de", path: "/" });
    expect(splitLanguage("/topics/x/", codes, "en")).toEqual({ code: "en", path: "/topics/x/" });
    expect(splitLanguage("/en/topics/x/", codes, "en")).toEqual({ code: "en", path: "/en/topics/x/" });
    expect(splitLanguage("/fr/topics/x/", codes, "en")).toEqual({ code: "en", path: "/fr/topics/x/" });
  });
});
