import { formatMessage, messageParts } from "../shared/i18n/format.ts";
import type { SearchUi } from "../shared/search/search-index.ts";
import type { Found } from "./search-core.ts";

/**
 * What a search's status line says, in parts (text, and links the caller makes into <a>): the
 * count, the correction with a way back to the words as typed, the words no topic has. The words
 * are the search index's, in its language (src/integrations/search-index.ts).
 */
export type StatusPart = string | { text: string; href: string };

/**
 * `withInstead: false` leaves out "Search instead for …" (the header's suggestions, which show the
 * correction but cannot search as typed from a list of titles).
 */
export function searchStatus(term: string, found: Found, ui: SearchUi, { withInstead = true } = {}): StatusPart[] {
  const { words: w, lang, searchPath } = ui;
  const searchHref = (query: string, asTyped: boolean) =>
    `${searchPath}?q=${encodeURIComponent(query)}${asTyped ? "&typed=1" : ""}`;
  const f = (message: Parameters<typeof formatMessage>[0], values: Record<string, string | number>) =>
    formatMessage(message, lang, values);
  if (found.kind === "empty") return [w.typeSomething];
  if (found.kind === "stop-words") return [f(w.onlyStopWords, { typed: found.typed })];
  // Words as the reader typed them, or a correction as the pages write it: never folded for searching.
  const shown = (word: string) => found.shown.get(word) ?? word;
  const quoted = (words: readonly string[]) => words.map((word) => f(w.quoted, { word: shown(word) })).join(w.or);
  const parts: StatusPart[] = [];
  // A sentence with a link in it: the link is a part of its own, wherever the language puts it.
  const withLink = (message: string, slot: string, link: { text: string; href: string }) =>
    parts.push(...messageParts<StatusPart>(message, { [slot]: link }), " ");
  if (found.correctedFrom) {
    withLink(w.showingFor, "corrected", { text: found.searched, href: searchHref(found.searched, true) });
    if (withInstead) withLink(w.insteadFor, "typed", { text: term.trim(), href: searchHref(term.trim(), true) });
  }
  const query = found.correctedFrom ? found.searched : term.trim();
  if (found.match === "none") {
    parts.push(f(w.noMatch, { query }));
  } else if (found.match === "some") {
    const present = found.words.filter((word) => !found.missing.includes(word));
    const [first = "", second = ""] = found.words;
    parts.push(
      found.missing.length > 0
        ? f(w.noTopicMentions, { missing: quoted(found.missing), present: quoted(present) })
        : found.words.length === 2
          ? f(w.noTopicHasBoth, { first: quoted([first]), second: quoted([second]) })
          : f(w.noTopicHasAll, { words: found.words.map(shown).join(" ") }),
    );
  } else {
    parts.push(f(w.matches, { count: found.total, query }));
  }
  return parts;
}

/** The status as plain text (a live region's announcement). */
export const statusText = (parts: readonly StatusPart[]) =>
  parts.map((p) => (typeof p === "string" ? p : p.text)).join("");

/** The status as nodes: its links are real links. */
export function statusNodes(parts: readonly StatusPart[]): (string | HTMLAnchorElement)[] {
  return parts.map((part) => {
    if (typeof part === "string") return part;
    const link = document.createElement("a");
    link.href = part.href;
    link.textContent = part.text;
    return link;
  });
}
