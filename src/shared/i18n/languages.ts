/**
 * The site's languages as every part of it sees them (pages, islands, the server): declared once in
 * content/languages.json and checked at build (src/lib/languages.ts). No DOM, network or database.
 */

export interface Language {
  /** BCP 47, lower case: the address folder and `<html lang>`. */
  code: string;
  /** The language's name in itself. */
  name: string;
  dir: "ltr" | "rtl";
}

export interface SiteLanguages {
  default: Language;
  /** Every language, the default first. */
  all: readonly Language[];
}

/** An address in a language: the default language's as it is, any other's under `/<code>/`. */
export function localizedPath(path: string, code: string, defaultCode: string): string {
  return code === defaultCode ? path : `/${code}${path}`;
}

/**
 * A form's address on a page in `code`: the language rides in its query (`/api/feedback?lang=de`;
 * the default needs none), so the server answers a form sent without JavaScript in it, whether or
 * not it can read the body.
 */
export const formAction = (action: string, code: string, defaultCode: string) =>
  code === defaultCode ? action : `${action}?lang=${code}`;

/** The `#` of the notice an original shows a reader of `code`, whose language it is not in yet. */
export const untranslatedAnchor = (code: string) => `untranslated-${code}`;

/** An address split into its language (by its first folder) and the address in the default language. */
export function splitLanguage(
  path: string,
  codes: readonly string[],
  defaultCode: string,
): { code: string; path: string } {
  const [, folder, rest] = /^\/([^/]+)(\/.*)?$/.exec(path) ?? [];
  return folder && folder !== defaultCode && codes.includes(folder)
    ? { code: folder, path: rest ?? "/" }
    : { code: defaultCode, path };
}
