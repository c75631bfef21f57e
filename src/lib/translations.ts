import type { SiteLanguages } from "../shared/i18n/languages.ts";

/**
 * Translations sit one folder below their originals, in a folder named after their language
 * (`topics/de/temporary-login-code.mdx`), so a collection entry's id is `<lang>/<id>`. These
 * rules hold for topics, header pages and alerts alike, and fail the build naming the file.
 */

export interface TranslationEntry {
  id: string;
  filePath?: string | undefined;
}

/** A translation's language and the id of its original. */
export function translationOf(entry: TranslationEntry): { lang: string; id: string } {
  const slash = entry.id.indexOf("/");
  return { lang: entry.id.slice(0, slash), id: entry.id.slice(slash + 1) };
}

/** Why a translation cannot stand: its folder is no other language, or it has no original. */
export function translationProblems(
  translations: readonly TranslationEntry[],
  originals: ReadonlySet<string>,
  languages: SiteLanguages,
  folder: string,
): string[] {
  const others = new Set(languages.all.filter((l) => l.code !== languages.default.code).map((l) => l.code));
  return translations.flatMap((entry) => {
    const { lang, id } = translationOf(entry);
    const file = entry.filePath ?? `${folder}/${entry.id}`;
    if (lang === languages.default.code)
      return [`${file}: ${lang} is the default language; its pages are the originals, in ${folder}/ itself`];
    if (!others.has(lang)) {
      const declared = [...others].join(", ") || "none besides the default";
      return [`${file}: "${lang}" is not a language to translate into (content/languages.json declares ${declared})`];
    }
    if (!originals.has(id)) return [`${file}: no original "${id}" in ${folder}/ to translate`];
    return [];
  });
}

/** Translations by language, then by their original's id, once every one is known to stand. */
export function translationsByLanguage<T extends TranslationEntry>(
  translations: readonly T[],
  originals: ReadonlySet<string>,
  languages: SiteLanguages,
  folder: string,
): Map<string, Map<string, T>> {
  const problems = translationProblems(translations, originals, languages, folder);
  if (problems.length > 0) throw new Error(`Translations:\n  ${problems.join("\n  ")}`);
  const byLanguage = new Map<string, Map<string, T>>();
  for (const entry of translations) {
    const { lang, id } = translationOf(entry);
    const entries = byLanguage.get(lang) ?? new Map<string, T>();
    entries.set(id, entry);
    byLanguage.set(lang, entries);
  }
  return byLanguage;
}

/** The languages an original is written in: the default, and each language with a (published) translation of it. */
export function writtenIn(
  id: string,
  translations: ReadonlyMap<string, ReadonlyMap<string, unknown>>,
  languages: SiteLanguages,
): string[] {
  return languages.all
    .filter((l) => l.code === languages.default.code || translations.get(l.code)?.has(id))
    .map((l) => l.code);
}

/**
 * The name each category has in one language: the one its topics' translations give, which must
 * agree. A category no translation names keeps the original's name. Pages group topics by that
 * name, so no two of the `categories` (every original category) may share one in a language: the
 * two would be one card, and the second one's page, which its topics' breadcrumbs link, unbuilt.
 */
export function categoryNames(
  translations: readonly { filePath?: string | undefined; original: string; name: string | undefined }[],
  categories: readonly string[],
): { names: Map<string, string>; problems: string[] } {
  const names = new Map<string, { name: string; file: string }>();
  const problems: string[] = [];
  for (const { filePath = "a translation", original, name } of translations) {
    if (name === undefined) continue;
    const known = names.get(original);
    if (!known) names.set(original, { name, file: filePath });
    else if (known.name !== name)
      problems.push(
        `${filePath}: category: "${name}", but ${known.file} names the category "${original}" "${known.name}" in this language`,
      );
  }
  for (const [original, { name, file }] of names) {
    const other = categories.find(
      (category) => category !== original && (names.get(category)?.name ?? category) === name,
    );
    if (other !== undefined)
      problems.push(
        `${file}: category: "${name}" names the category "${original}" as "${other}" is named in this language; give each its own name`,
      );
  }
  return { names: new Map([...names].map(([original, { name }]) => [original, name])), problems };
}
