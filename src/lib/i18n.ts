import { type Catalogue, catalogues, referenceCatalogue } from "../shared/i18n/catalogues.ts";
import { formatMessage, type Message, type MessageValues, messageParts } from "../shared/i18n/format.ts";
import { formAction, type Language, localizedPath } from "../shared/i18n/languages.ts";
import { catalogueProblems } from "./catalogue-check.ts";
import { loadLanguages } from "./languages.ts";

/** Every declared language's catalogue, checked against the default language's once per build. */
function checkedCatalogues(): Map<string, Catalogue> {
  const languages = loadLanguages();
  const problems = languages.all.flatMap((language) =>
    language.code in catalogues
      ? catalogueProblems(referenceCatalogue, catalogues[language.code], language.code)
      : [
          `${language.code}: no message catalogue; add src/shared/i18n/messages/${language.code}.json and list it in src/shared/i18n/catalogues.ts`,
        ],
  );
  if (problems.length > 0) throw new Error(`Message catalogues:\n  ${problems.join("\n  ")}`);
  return new Map(languages.all.map((language) => [language.code, catalogues[language.code] as Catalogue]));
}

let checked: Map<string, Catalogue> | undefined;

/** How a page speaks one language: its messages, and text, dates and addresses written for it. */
export interface Translator {
  language: Language;
  /** The catalogue: `m.frame.skipLink`. */
  m: Catalogue;
  /** A message as text, its `{slots}` filled and its plural form chosen by `count`. */
  f: (message: Message, values?: MessageValues) => string;
  /** A message's parts with markup (a link) in its slots, for a sentence that holds one. */
  parts: <T>(message: string, values: Readonly<Record<string, T>>) => (string | T)[];
  /** A front-matter day, as the language writes it ("2. November 2026"). */
  day: (date: Date) => string;
  /** Another language's name, in this one ("Englisch"). */
  languageName: (code: string) => string;
  /** An address of the default language, in this one (`/de/…`). */
  path: (path: string) => string;
  /** A form's address (`/api/…`) on this language's pages, naming the language (`?lang=de`). */
  action: (action: string) => string;
  /**
   * The `lang` and `dir` of words in another language on this page (an untranslated title, the
   * brand file's words), so they are read and laid out in their own language; none for this one's.
   */
  foreign: (code: string) => { lang?: string; dir?: "ltr" | "rtl" };
  /**
   * A link to a page whose words are in `code`: its attributes (none when they are this page's
   * language) and, for another language, the mark beside it ("auf Englisch"). Computed once per
   * language: a category page lists hundreds of such links.
   */
  linkIn: (code: string) => { attributes: { hreflang?: string; lang?: string; dir?: "ltr" | "rtl" }; mark?: string };
}

const translators = new Map<string, Translator>();

/** The translator of a declared language; the build fails here first if any catalogue is incomplete. */
export function translator(code: string): Translator {
  checked ??= checkedCatalogues();
  const known = translators.get(code);
  if (known) return known;
  const languages = loadLanguages();
  const language = languages.all.find((l) => l.code === code);
  const m = checked.get(code);
  if (!language || !m) throw new Error(`${code} is not a language of content/languages.json`);
  const days = new Intl.DateTimeFormat(code, { dateStyle: "long", timeZone: "UTC" });
  const links = new Map<string, ReturnType<Translator["linkIn"]>>();
  const names = new Intl.DisplayNames(code, { type: "language" });
  // Every page asks for the same few days and names: Intl is asked once for each.
  const dayNames = new Map<number, string>();
  const languageNames = new Map<string, string>();
  const found: Translator = {
    language,
    m,
    f: (message, values) => formatMessage(message, code, values),
    parts: (message, values) => messageParts(message, values),
    day: (date) => {
      let text = dayNames.get(date.getTime());
      if (text === undefined) {
        text = days.format(date);
        dayNames.set(date.getTime(), text);
      }
      return text;
    },
    languageName: (other) => {
      let name = languageNames.get(other);
      if (name === undefined) {
        name = names.of(other) ?? other;
        languageNames.set(other, name);
      }
      return name;
    },
    path: (path) => localizedPath(path, code, languages.default.code),
    action: (action) => formAction(action, code, languages.default.code),
    foreign: (other) => {
      const words = languages.all.find((l) => l.code === other);
      return other === code || !words ? {} : { lang: other, dir: words.dir };
    },
    linkIn: (other) => {
      let link = links.get(other);
      if (!link) {
        const attributes = found.foreign(other);
        link = attributes.lang
          ? {
              attributes: { hreflang: other, ...attributes },
              mark: `(${formatMessage(m.frame.inLanguage, code, { language: found.languageName(other) })})`,
            }
          : { attributes };
        links.set(other, link);
      }
      return link;
    },
  };
  translators.set(code, found);
  return found;
}
