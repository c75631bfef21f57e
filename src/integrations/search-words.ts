import { queryWords } from "../shared/spelling.ts";

/** The file beside each build's Pagefind index that did-you-mean reads (src/scripts/search-core.ts). */
export const searchWordsFile = "search-words.json";

/** What a reader sees of an indexed page: its <main> without scripts, styles, tags and entities. */
function visibleText(html: string): string {
  const main = /<main\b[\s\S]*?<\/main>/.exec(html)?.[0] ?? "";
  return main
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&[#\w]+;/g, " ");
}

/**
 * The words of a build's indexed pages, most frequent first. Built from the same audience's HTML
 * that Pagefind indexes, so the public list can never hold a word only employees see.
 */
export function searchWordsOf(indexedPages: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const html of indexedPages) {
    for (const word of queryWords(visibleText(html))) {
      if (word.length >= 3 && !/^\d+$/.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([word]) => word);
}
