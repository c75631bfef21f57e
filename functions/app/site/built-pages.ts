/**
 * A built page the server fills in (sign-in, the feedback check page), as each language's site has
 * it. Read when first asked for, then kept: a build's files never change while it is served, and
 * an edge isolate reads only the languages its readers use.
 */
export type LanguagePages = (lang: string) => Promise<string | undefined>;

/**
 * The page at `page` (`sign-in`) of each language's site, as `read` finds it given its folder
 * (`sign-in`, `de/sign-in`; undefined: the build has none there); a language without its own gets
 * the default language's, so a page missing in one language is shown in the default one.
 */
export function builtPage(
  read: (folder: string) => string | undefined | Promise<string | undefined>,
  defaultLang: string,
  page: string,
): LanguagePages {
  const pages = new Map<string, Promise<string | undefined>>();
  const once = (lang: string) => {
    let found = pages.get(lang);
    if (!found) {
      found = Promise.resolve(read(lang === defaultLang ? page : `${lang}/${page}`));
      pages.set(lang, found);
      // A failed read (the asset store away) is tried again by the next request.
      found.catch(() => pages.delete(lang));
    }
    return found;
  };
  return async (lang) => (await once(lang)) ?? (lang === defaultLang ? undefined : once(defaultLang));
}
