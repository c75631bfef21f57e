import type { Context, MiddlewareHandler } from "hono";
import { z } from "zod";
import { type Catalogue, catalogueFor } from "../../../src/shared/i18n/catalogues.ts";
import { formatMessage, type Message, type MessageValues } from "../../../src/shared/i18n/format.ts";
import { formAction, localizedPath, splitLanguage } from "../../../src/shared/i18n/languages.ts";
import type { AppEnv } from "../deps.ts";
import { documented } from "../openapi/describe.ts";
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
  /** A form's address on this language's pages (`/api/feedback?lang=de`). */
  action: (action: string) => string;
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
      action: (action) => formAction(action, code, defaultCode),
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
 * A form's page language, as its address names it (`/api/feedback?lang=de`, src/shared/i18n/
 * languages.ts): optional, and a code the site does not speak means its default.
 */
const pageLanguageQuery = z.object({
  /** The language of the page the form is on: what a form sent without JavaScript is answered in. Default: the site's. */
  lang: z.string().optional(),
});

/**
 * The page language in the API's document, never checked: it only chooses the words of the answer
 * (`formLanguage` reads it forgivingly), so no value of it, unknown, repeated or overlong, may
 * refuse what the form asks (a sign-out that refused left the reader signed in).
 */
export const pageLanguageParam = documented<MiddlewareHandler>(async (_, next) => next(), "query", pageLanguageQuery);

/**
 * The language to answer a plain form's post in: the one its address names (every form of the
 * site names its page's), read without the body, so a body too large to read is answered in it too.
 */
export const formLanguage = (c: Context<AppEnv>, languages: SiteLanguageCodes): ReaderLanguage =>
  readerLanguage(languages, c.req.query("lang"));
