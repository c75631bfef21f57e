import type { Context } from "hono";
import { type Catalogue, catalogueFor } from "../../../src/shared/i18n/catalogues.ts";
import { formatMessage, type Message, type MessageValues } from "../../../src/shared/i18n/format.ts";
import { localizedPath, splitLanguage } from "../../../src/shared/i18n/languages.ts";
import type { AppEnv } from "../deps.ts";
import type { SiteLanguageCodes } from "../topic-catalog.ts";

/**
 * How the server speaks to a reader in one of the site's languages, on the pages it fills in
 * (sign-in, the feedback check page, the employees' bar): the language's catalogue, its messages
 * formatted, and its addresses. The API's JSON keeps the default catalogue's words and a stable
 * `code`; what a reader sees is worded from the code, in their language (see the README).
 */
export interface ReaderLanguage {
  code: string;
  /** The language's catalogue (src/shared/i18n/messages/). */
  m: Catalogue;
  /** A message as text, its slots filled and its plural form chosen by `count`. */
  f: (message: Message, values?: MessageValues) => string;
  /** An address of the default language, in this one (`/de/…`). */
  path: (path: string) => string;
}

const known = new Map<string, ReaderLanguage>();

function speaking(code: string, defaultCode: string): ReaderLanguage {
  const key = `${code} ${defaultCode}`;
  let language = known.get(key);
  if (!language) {
    language = {
      code,
      m: catalogueFor(code),
      f: (message, values) => formatMessage(message, code, values),
      path: (path) => localizedPath(path, code, defaultCode),
    };
    known.set(key, language);
  }
  return language;
}

/**
 * The language a page or form names (`lang`), when the site speaks it; else the default. A code
 * the site does not speak is never an error: it only chooses the words of the answer.
 */
export function readerLanguage(languages: SiteLanguageCodes, requested: unknown): ReaderLanguage {
  const code = typeof requested === "string" && languages.all.includes(requested) ? requested : languages.default;
  return speaking(code, languages.default);
}

/** The language of an address: its first folder's when that is one of the site's languages (`/de/…`), else the default. */
export function languageOfPath(languages: SiteLanguageCodes, path: string): ReaderLanguage {
  return speaking(splitLanguage(path, languages.all, languages.default).code, languages.default);
}

/**
 * The language to answer a plain form's post in: the `lang` the form sent (every form of the site
 * sends its page's), else, for a body too large to be read, the page it came from (`Referer`:
 * same-origin posts carry the whole address), else the default.
 */
export function formLanguage(c: Context<AppEnv>, languages: SiteLanguageCodes): ReaderLanguage {
  const typed = c.get("formFields")?.lang;
  if (typed !== undefined) return readerLanguage(languages, typed);
  const referer = c.req.header("Referer");
  return languageOfPath(languages, referer && URL.canParse(referer) ? new URL(referer).pathname : "/");
}
