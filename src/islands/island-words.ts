import { type Catalogue, catalogues } from "../shared/i18n/catalogues.ts";

/**
 * An island's words, in the page's language, never in the page itself: the browser fetches the
 * island's part of its language's catalogue, `/i18n/<lang>/<island>.json` (written by the build,
 * src/integrations/island-words.ts), when the island wakes and before it hydrates; the server,
 * rendering the island into the page, reads the catalogue. So the page carries neither the words
 * as props nor every language's words in its JavaScript. An island asks for `catalogueWords` only
 * behind `import.meta.env.SSR`, which the browser's build drops, and the catalogues with it.
 */
export const islandNamespaces = ["feedback", "demo"] as const;
type Namespace = (typeof islandNamespaces)[number];
export type FeedbackWords = Catalogue["feedback"];

/** Where the build puts an island's words in a language, in every site. */
export const islandWordsPath = (lang: string, namespace: Namespace) => `/i18n/${lang}/${namespace}.json`;

/**
 * In the browser: the words of `namespace` in the page's language (`<html lang>`). Without them
 * (a failed fetch reads as no JSON) the island stays asleep and the page's own form still works.
 */
export async function loadIslandWords<N extends Namespace>(namespace: N): Promise<Catalogue[N]> {
  return (await fetch(islandWordsPath(document.documentElement.lang, namespace))).json();
}

/** On the server: the words of `namespace` in `lang`, from the catalogue the build checked. */
export function catalogueWords<N extends Namespace>(namespace: N, lang: string): Catalogue[N] {
  return (catalogues[lang] as Catalogue)[namespace];
}
