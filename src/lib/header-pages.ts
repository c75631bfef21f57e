import { type CollectionEntry, getCollection } from "astro:content";
import { localizedPath, untranslatedAnchor } from "../shared/i18n/languages.ts";
import { newestFirst } from "./alerts.ts";
import { loadLanguages } from "./languages.ts";
import { translationsByLanguage, writtenIn } from "./translations.ts";

/**
 * The header pages (Getting started, Contact us) and the alerts, with their translations
 * (`pages/<lang>/<id>.mdx`, `alerts/<lang>/<id>.md`), each as one language's pages show it.
 */

export type HeaderPage = CollectionEntry<"pages"> | CollectionEntry<"pageTranslations">;
type Alert = CollectionEntry<"alerts">;
type AlertTranslation = CollectionEntry<"alertTranslations">;

let pagesLoaded: Promise<{ originals: Map<string, HeaderPage>; translations: Map<string, Map<string, HeaderPage>> }>;
let alertsLoaded: Promise<{ originals: Alert[]; translations: Map<string, Map<string, AlertTranslation>> }>;

function pageLibrary() {
  pagesLoaded ??= (async () => {
    const originals = new Map<string, HeaderPage>((await getCollection("pages")).map((p) => [p.id, p]));
    const entries = await getCollection("pageTranslations");
    const translations = translationsByLanguage<HeaderPage>(
      entries,
      new Set(originals.keys()),
      loadLanguages(),
      "content/pages",
    );
    return { originals, translations };
  })();
  return pagesLoaded;
}

function alertLibrary() {
  alertsLoaded ??= (async () => {
    const originals = await getCollection("alerts");
    const entries = await getCollection("alertTranslations");
    const ids = new Set(originals.map((a) => a.id));
    return { originals, translations: translationsByLanguage(entries, ids, loadLanguages(), "content/alerts") };
  })();
  return alertsLoaded;
}

/** A header page in `lang`: its translation where there is one, else the original. */
export interface LocalizedPage {
  id: string;
  entry: HeaderPage;
  /** The language its words are in. */
  lang: string;
  /** Its address, or the original's with the notice for `lang` in view. */
  href: string;
}

/** Every header page as `lang` links to it. */
export async function headerPagesIn(lang: string): Promise<Map<string, LocalizedPage>> {
  const { originals, translations } = await pageLibrary();
  const { default: fallback } = loadLanguages();
  const ofLanguage = translations.get(lang);
  return new Map(
    [...originals].map(([id, original]) => {
      const translation = ofLanguage?.get(id);
      const path = `/${id}/`;
      const href =
        translation || lang === fallback.code
          ? localizedPath(path, lang, fallback.code)
          : `${path}#${untranslatedAnchor(lang)}`;
      return [id, { id, entry: translation ?? original, lang: translation ? lang : fallback.code, href }];
    }),
  );
}

/** The header pages each language has: the originals in the default language, the translations in theirs. */
export async function headerPagesByLanguage(): Promise<{ lang: string; page: HeaderPage; id: string }[]> {
  const { originals, translations } = await pageLibrary();
  const { default: fallback } = loadLanguages();
  return [
    ...[...originals].map(([id, page]) => ({ lang: fallback.code, page, id })),
    ...[...translations].flatMap(([lang, pages]) => [...pages].map(([id, page]) => ({ lang, page, id }))),
  ];
}

/** The languages a header page is in. */
export async function pageLanguages(id: string): Promise<string[]> {
  return writtenIn(id, (await pageLibrary()).translations, loadLanguages());
}

/** An alert as `lang`'s pages show it: translated, or the original with its language said. */
export interface LocalizedAlert {
  alert: Alert;
  /** What renders its text: the translation, or the original. */
  entry: Alert | AlertTranslation;
  lang: string;
  title: string;
}

/** Every alert's id, in the collection's order: every page's head names each (read once per build, not per page). */
export async function alertIds(): Promise<string[]> {
  return (await alertLibrary()).originals.map((alert) => alert.id);
}

/** Every alert, newest first, as `lang`'s pages show it. */
export async function alertsIn(lang: string): Promise<LocalizedAlert[]> {
  const { originals, translations } = await alertLibrary();
  const { default: fallback } = loadLanguages();
  const ofLanguage = translations.get(lang);
  return newestFirst(originals).map((alert) => {
    const translation = ofLanguage?.get(alert.id);
    return {
      alert,
      entry: translation ?? alert,
      lang: translation ? lang : fallback.code,
      title: translation?.data.title ?? alert.data.title,
    };
  });
}
