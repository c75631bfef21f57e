import { describe, expect, it } from "vitest";
import { signInRefusal, ssoMessages } from "../../functions/app/auth/sign-in-page.ts";
import { ApiError } from "../../functions/app/errors.ts";
import { languageOfPath, readerLanguage } from "../../functions/app/lib/reader-language.ts";
import { builtPage } from "../../functions/app/site/built-pages.ts";
import { sampleLanguages } from "../../scripts/lib/sample-manifest.ts";
import { DemoError, problemText } from "../../src/islands/demo/demo-client.ts";
import { feedbackRefusal } from "../../src/shared/feedback-refusals.ts";
import { emptyFeedback } from "../../src/shared/feedback-rules.ts";
import { catalogueFor, referenceCatalogue } from "../../src/shared/i18n/catalogues.ts";
import { formatMessage } from "../../src/shared/i18n/format.ts";

const languages = sampleLanguages.all;

describe("the language the server answers a reader in", () => {
  it("is the one a form or an address names when the site speaks it, else the default", () => {
    expect(readerLanguage(sampleLanguages, "de").code).toBe("de");
    expect(readerLanguage(sampleLanguages, "fr").code).toBe("en");
    expect(readerLanguage(sampleLanguages, undefined).code).toBe("en");
    expect(readerLanguage(sampleLanguages, "ar").path("/sign-in/")).toBe("/ar/sign-in/");
    expect(languageOfPath(sampleLanguages, "/de/topics/x/").code).toBe("de");
    expect(languageOfPath(sampleLanguages, "/dex/topics/x/").code).toBe("en");
    expect(languageOfPath(sampleLanguages, "/en/topics/x/").code).toBe("en");
  });

  it("has every declared language's catalogue, and the default one's words for a code without one", () => {
    for (const lang of languages) expect(readerLanguage(sampleLanguages, lang).m).toBe(catalogueFor(lang));
    expect(catalogueFor("fr")).toBe(referenceCatalogue);
    expect(catalogueFor("toString")).toBe(referenceCatalogue);
  });
});

describe("a built page in each language", () => {
  it("is read once per language, and a language without its own gets the default one's", async () => {
    const reads: string[] = [];
    const pages = builtPage(
      (folder) => {
        reads.push(folder);
        return folder === "es/sign-in" ? undefined : `<p>${folder}</p>`;
      },
      "en",
      "sign-in",
    );
    expect(await pages("de")).toBe("<p>de/sign-in</p>");
    expect(await pages("es")).toBe("<p>sign-in</p>");
    expect(await pages("de")).toBe("<p>de/sign-in</p>");
    expect(reads.sort()).toEqual(["de/sign-in", "es/sign-in", "sign-in"]);
  });

  it("is read again after a failed read", async () => {
    let fail = true;
    const pages = builtPage(
      async () => {
        if (fail) throw new Error("the asset store is away");
        return "<p>page</p>";
      },
      "en",
      "sign-in",
    );
    await expect(pages("en")).rejects.toThrow("away");
    fail = false;
    expect(await pages("en")).toBe("<p>page</p>");
  });
});

describe("a refused feedback form, as the reader reads it", () => {
  const long = { ...emptyFeedback, comment: "x".repeat(1001) };

  it.each(languages)("is worded in %s from the API's code and fields, never from its message", (lang) => {
    const words = catalogueFor(lang).feedback;
    const refused = (code: string, fields?: { field: string; message: string }[], values = emptyFeedback) =>
      feedbackRefusal(
        { code: code as "invalid_input", message: "English for programs", ...(fields ? { fields } : {}) },
        values,
        words,
        lang,
      );
    expect(refused("invalid_input", [{ field: "comment", message: "x" }], long)).toEqual({
      errors: { comment: formatMessage(words.commentTooLong, lang, { count: 1000 }) },
      problem: undefined,
    });
    expect(refused("invalid_input", [{ field: "rating", message: "x" }], { ...emptyFeedback, found: "yes" })).toEqual({
      errors: { rating: words.chooseOffered },
      problem: undefined,
    });
    expect(refused("invalid_input", [{ field: "comment", message: "x" }], { ...emptyFeedback, comment: "ok" })).toEqual(
      {
        errors: { comment: words.unreadable },
        problem: undefined,
      },
    );
    expect(refused("invalid_input", [{ field: "topic", message: "x" }]).problem).toBe(words.unknownTopic);
    expect(refused("invalid_input").problem).toBe(words.failed);
    expect(refused("rate_limited").problem).toBe(words.tooMany);
    expect(refused("payload_too_large").problem).toBe(words.tooLarge);
    expect(refused("unavailable").problem).toBe(words.unavailable);
    expect(refused("internal_error").problem).toBe(words.failed);
  });
});

describe("a refused demo call, as the reader reads it", () => {
  it.each(languages)("is worded in %s from the API's code", (lang) => {
    const words = catalogueFor(lang).demo;
    const said = (code: string, fields?: { field: string; message: string }[]) =>
      problemText(
        new DemoError({ code: code as "no_sandbox", message: "English", ...(fields ? { fields } : {}) }),
        words,
      );
    expect(said("no_sandbox")).toBe(words.ended);
    expect(said("rate_limited")).toBe(words.tooManyDemos);
    expect(said("no_user")).toBe(words.noUser);
    expect(said("no_code")).toBe(words.noCode);
    expect(said("unavailable")).toBe(words.unavailable);
    expect(said("invalid_input", [{ field: "username", message: "English" }])).toBe(words.noUserName);
    expect(said("internal_error")).toBe(words.failed);
    expect(problemText(new DemoError({}, { unreachable: true }), words)).toBe(words.unreachable);
    expect(problemText(new Error("a bug"), words)).toBe(words.failed);
  });
});

describe("a refused sign-in, as the reader reads it", () => {
  it.each(languages)("is worded in %s from the API's code, the minutes to wait counted in it", (lang) => {
    const language = readerLanguage(sampleLanguages, lang);
    const m = language.m.signIn;
    expect(signInRefusal(new ApiError("invalid_credentials", "English"), language)).toBe(m.invalid);
    expect(signInRefusal(new ApiError("invalid_input", "English"), language)).toBe(m.incomplete);
    expect(
      signInRefusal(
        new ApiError("invalid_input", "English", { fields: [{ field: "next", message: "Send this field once." }] }),
        language,
      ),
    ).toBe(m.unreadable);
    expect(signInRefusal(new ApiError("unavailable", "English"), language)).toBe(m.unavailable);
    for (const [seconds, minutes] of [
      [30, 1],
      [61, 2],
      [900, 15],
    ] as const) {
      const limited = new ApiError("rate_limited", "English", { headers: { "Retry-After": String(seconds) } });
      expect(signInRefusal(limited, language)).toBe(formatMessage(m.throttled, lang, { count: minutes }));
    }
    const sso = ssoMessages(language, undefined);
    expect(sso.unreachable).toBe(m.companyAccountUnreachable);
    expect(sso.notEmployee(undefined)).toBe(m.notEmployeeUnnamed);
    expect(ssoMessages(language, "Okta").unreachable).toBe(
      formatMessage(m.providerUnreachable, lang, { provider: "Okta" }),
    );
  });

  it("counts two minutes in Arabic with its dual form, not the plural", () => {
    const arabic = readerLanguage(sampleLanguages, "ar");
    const limited = new ApiError("rate_limited", "English", { headers: { "Retry-After": "120" } });
    const forms: Record<string, string> = catalogueFor("ar").signIn.throttled;
    expect(forms.two).toBeDefined();
    expect(signInRefusal(limited, arabic)).toBe(forms.two);
  });
});
