import { findTopics, type LoadedIndex, loadIndex, type Found as Results } from "../shared/search/find.ts";
import { type SearchIndex, type SearchTextFile, searchTextFolder } from "../shared/search/search-index.ts";
import { escapeHtml, snippetOf } from "../shared/search/snippet.ts";

/**
 * The browser's side of search: loads the index of the page's language (its search form names it:
 * `/search-index.json`, `/de/search-index.json`, written by src/integrations/search-index.ts),
 * runs the shared query code on it, and makes snippets from the texts of the results shown.
 */

/** One topic found, ready to show. `excerpt` is HTML: the text escaped, <mark> around matches. */
export interface Hit {
  url: string;
  title: string;
  /** The language of its words. */
  lang: string;
  /** Set when the topic is not in the index's language yet: what to say beside it ("in English"). */
  inOriginal: string | undefined;
  excerpt: string;
}

export type Found =
  | Exclude<Results, { kind: "results" }>
  | (Omit<Extract<Results, { kind: "results" }>, "hits"> & { hits: Hit[]; total: number });

let loaded: Promise<LoadedIndex> | undefined;

/** The index the page's search forms name (`data-index`); every form of a page names the same one. */
const indexUrl = () => document.querySelector<HTMLElement>("form[data-index]")?.dataset.index ?? "/search-index.json";

/** The index, loaded once; what it says about searches (its `ui`) comes with it. */
export function load(): Promise<LoadedIndex> {
  loaded ??= fetch(indexUrl())
    .then((response) => {
      if (!response.ok) throw new Error(`The search index answered ${response.status}`);
      return response.json() as Promise<SearchIndex>;
    })
    .then(loadIndex);
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}

/** Starts loading the index early (the suggestion box does so on focus). */
export const warmUp = () => void load().catch(() => {});

const texts = new Map<string, Promise<string>>();

/** A page's text, from its file (`/search-text/…`), each fetched once. */
function textOf(file: string): Promise<string> {
  let text = texts.get(file);
  if (!text) {
    text = fetch(`/${searchTextFolder}/${file}`).then(async (response) => {
      if (!response.ok) throw new Error(`The text of a result answered ${response.status}`);
      return ((await response.json()) as SearchTextFile).content;
    });
    text.catch(() => texts.delete(file));
    texts.set(file, text);
  }
  return text;
}

/**
 * Finds topics for what a reader typed (see src/shared/search/find.ts), the first `limit` with
 * their snippets when `snippets` (the search page; the suggestions show titles only).
 */
export async function searchTopics(
  term: string,
  limit: number,
  options: { typing?: boolean; asTyped?: boolean; snippets?: boolean } = {},
): Promise<Found> {
  const index = await load();
  const found = findTopics(index, term, options);
  if (found.kind !== "results") return found;
  const hits = await Promise.all(
    found.hits.slice(0, limit).map(async (hit) => {
      const doc = index.docs[hit.doc];
      if (!doc) throw new Error(`The search index has no topic ${hit.doc}`);
      const snippet = options.snippets
        ? snippetOf(await textOf(doc.textFile).catch(() => ""), hit.matched, { analyzer: index.analyzer })
        : undefined;
      return {
        url: doc.url,
        title: doc.title,
        lang: doc.lang,
        inOriginal: doc.lang === index.ui.lang ? undefined : index.ui.inOriginal,
        excerpt: snippet ?? escapeHtml(doc.description),
      };
    }),
  );
  return { ...found, hits, total: found.hits.length };
}
