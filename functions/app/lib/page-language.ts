import { z } from "zod";
import type { SiteLanguageCodes } from "../topic-catalog.ts";

/**
 * The language of the page an answer, a search or a view came from, as the API records it: named
 * in the address of every request the page sends (`?lang=de`, as its forms' addresses already
 * do, src/shared/i18n/languages.ts `formAction`), one the build declares (its topics.json lists
 * them), checked by zod like every other field. Choosing the words of an answer is forgiving (an
 * unknown code means the default, lib/reader-language.ts); recording is not: a language the site
 * does not speak is refused, so the dashboard never counts one it cannot name.
 */
export function recordedLanguageQuery(languages: SiteLanguageCodes) {
  return z.object({
    /** The language of the page it came from (`<html lang>`). Default: the site's default language. */
    lang: z
      .enum(languages.all, { error: `Send the page's language (lang): one of ${languages.all.join(", ")}.` })
      .default(languages.default),
  });
}

/** The dashboard's language filter: one language, or every language when absent or empty. */
export function languageFilterSchema(languages: SiteLanguageCodes) {
  const error = `Choose one of the help center's languages (${languages.all.join(", ")}), or none for all of them.`;
  // The union's own message: a value neither branch takes is reported by the union, not by the enum.
  return z
    .union([z.enum(languages.all, { error }).optional(), z.literal("").transform(() => undefined)], { error })
    .meta({ description: "One language's answers, searches and views only; every language when absent." });
}

const englishNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });

/** A language as the dashboard (in English) names it: "German"; its code where Intl knows no name. */
export function languageName(code: string): string {
  try {
    return englishNames.of(code) ?? code;
  } catch {
    // A code Intl cannot read (one recorded before its language was removed, say) is shown as it is.
    return code;
  }
}

/** A language's name where words about a search or an answer should say it: any but the default language. */
export function otherLanguageName(languages: SiteLanguageCodes, code: string): string | undefined {
  return code === languages.default ? undefined : languageName(code);
}
