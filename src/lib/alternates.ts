import { type Language, localizedPath, splitLanguage, untranslatedAnchor } from "../shared/i18n/languages.ts";
import { loadLanguages } from "./languages.ts";

/** One language's version of the page being rendered. */
export interface Alternate {
  language: Language;
  /** Whether the page exists in it (a topic may not be translated yet). */
  exists: boolean;
  /**
   * Where a reader of that language goes from here: the page in it, or, where it has none, the
   * original with the notice in that language in view.
   */
  href: string;
}

/**
 * The page at `path` (on its site, language folder included) in every declared language, given
 * the languages it exists in: for `hreflang`, the language switcher, the offer and the notices.
 */
export function alternatesOf(path: string, existsIn: readonly string[]): { basePath: string; alternates: Alternate[] } {
  const languages = loadLanguages();
  const codes = languages.all.map((l) => l.code);
  const { path: basePath } = splitLanguage(path, codes, languages.default.code);
  const alternates = languages.all.map((language) => {
    const exists = existsIn.includes(language.code);
    return {
      language,
      exists,
      href: exists
        ? localizedPath(basePath, language.code, languages.default.code)
        : `${basePath}#${untranslatedAnchor(language.code)}`,
    };
  });
  return { basePath, alternates };
}

/** Every declared language's code: what a page written for every language exists in. */
export const allLanguageCodes = (): string[] => loadLanguages().all.map((l) => l.code);
