import type { Found } from "./search-core.ts";

/**
 * What a search's status line says, in parts (text, and links the caller makes into <a>): the
 * count, the correction with a way back to the words as typed, the words no topic has.
 */
export type StatusPart = string | { text: string; href: string };

const quoted = (words: readonly string[]) => words.map((w) => `“${w}”`).join(" or ");
const topicsMatch = (count: number) => `${count} ${count === 1 ? "topic matches" : "topics match"}`;
const searchHref = (query: string, asTyped: boolean) =>
  `/search/?q=${encodeURIComponent(query)}${asTyped ? "&typed=1" : ""}`;

export function searchStatus(term: string, found: Found): StatusPart[] {
  if (found.kind === "empty") return ["Type what you are looking for."];
  if (found.kind === "stop-words") {
    return [`“${found.typed}” has only words like “how” and “to”. Add what you are looking for, such as “password”.`];
  }
  const parts: StatusPart[] = [];
  if (found.correctedFrom) {
    parts.push("Showing results for ", { text: found.searched, href: searchHref(found.searched, true) }, ". ");
    parts.push("Search instead for ", { text: term.trim(), href: searchHref(term.trim(), true) }, ". ");
  }
  if (found.match === "none") {
    parts.push(`No topics match “${found.correctedFrom ? found.searched : term.trim()}”.`);
  } else if (found.match === "some") {
    const present = found.words.filter((w) => !found.missing.includes(w));
    parts.push(
      found.missing.length > 0
        ? `No topic mentions ${quoted(found.missing)}; topics about ${quoted(present)}:`
        : found.words.length === 2
          ? `No topic has both ${found.words.map((w) => `“${w}”`).join(" and ")}; topics with one of them:`
          : `No topic has all of “${found.words.join(" ")}”; topics with most of them:`,
    );
  } else {
    parts.push(`${topicsMatch(found.total)} “${found.correctedFrom ? found.searched : term.trim()}”.`);
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
