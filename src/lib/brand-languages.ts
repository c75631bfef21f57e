import type { SiteLanguages } from "../shared/i18n/languages.ts";
import { type Brand, type BrandFile, loadBrandFile } from "./brand.ts";
import { loadLanguages } from "./languages.ts";

/**
 * The brand as each language's pages show it: the default language's brand file, with what its
 * translation (`translations.<lang>` in content/brand.json) says its own way laid over it. Words
 * a language leaves out stay the default language's, and the page marks them so (`lang`).
 */

/** The brand's words a page shows, by where they sit in the brand file. */
export type BrandWords =
  | "siteName"
  | "productName"
  | "company"
  | "logo.alt"
  | "footerLinks"
  | "contact.phone.hours"
  | "contact.case.label"
  | "tasks"
  | "internalContacts";

export interface LocalizedBrand {
  brand: Brand;
  /** The language the words at `field` are written in: the page's where translated, else the default's. */
  langOf: (field: BrandWords) => string;
}

type Tree = Record<string, unknown>;
const isTree = (value: unknown): value is Tree => typeof value === "object" && value !== null && !Array.isArray(value);

/** `over` laid on `base`: groups field by field, anything else (text, lists) whole; the fields it gave, by path. */
function layOver(base: Tree, over: Tree, prefix: string, given: Set<string>): Tree {
  const merged: Tree = { ...base };
  for (const [name, value] of Object.entries(over)) {
    const path = prefix ? `${prefix}.${name}` : name;
    if (isTree(value) && isTree(base[name])) merged[name] = layOver(base[name], value, path, given);
    else {
      merged[name] = value;
      given.add(path);
    }
  }
  return merged;
}

/** What is wrong with the brand file's translations: each must be of a declared language other than the default. */
export function translationLanguageProblems(file: BrandFile, languages: SiteLanguages): string[] {
  const others = languages.all.filter((l) => l.code !== languages.default.code).map((l) => l.code);
  return Object.keys(file.translations ?? {})
    .filter((code) => !others.includes(code))
    .map((code) =>
      code === languages.default.code
        ? `translations.${code}: ${code} is the default language; its words are the brand file's own`
        : `translations.${code}: "${code}" is not a declared language (content/languages.json declares ${others.join(", ") || "none besides the default"})`,
    );
}

/** The brand in `lang`: its translation laid over the default language's words. */
export function localizeBrand(file: BrandFile, lang: string, defaultCode: string): LocalizedBrand {
  const { translations = {}, ...brand } = file;
  const given = new Set<string>();
  const brandInLanguage = layOver(brand, lang === defaultCode ? {} : (translations[lang] ?? {}), "", given) as Brand;
  return {
    brand: brandInLanguage,
    langOf: (field) => ([...given].some((path) => field === path || field.startsWith(`${path}.`)) ? lang : defaultCode),
  };
}

const localized = new Map<string, LocalizedBrand>();

/** The brand in `lang`, checked once per build: a translation of no other declared language fails it, naming it. */
export function brandIn(lang: string): LocalizedBrand {
  let found = localized.get(lang);
  if (!found) {
    const file = loadBrandFile();
    const languages = loadLanguages();
    const problems = translationLanguageProblems(file, languages);
    if (problems.length > 0) throw new Error(`content/brand.json: ${problems.join("; ")}`);
    found = localizeBrand(file, lang, languages.default.code);
    localized.set(lang, found);
  }
  return found;
}
