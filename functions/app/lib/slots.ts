import { escapeHtml } from "./html.ts";

/**
 * The one way the server fills built pages. Every value is inserted by splicing strings or by
 * a function replacer, never as a `String.replace` replacement string, where `$&`, `` $` `` and
 * `$'` would paste parts of the page: reader text is always only text.
 */

/** Replaces the first match of `pattern` with what `fill` returns for it (or leaves the page as it is). */
export function replaceFirst(html: string, pattern: RegExp, fill: (match: string, ...groups: string[]) => string) {
  const found = pattern.exec(html);
  if (!found) return html;
  const [match, ...groups] = found;
  return (
    html.slice(0, found.index) + fill(match, ...groups.map((g) => g ?? "")) + html.slice(found.index + match.length)
  );
}

/** Sets the `value` of the `<input … data-slot="name">`, escaped. */
export function fillInputSlot(html: string, slot: string, value: string): string {
  return replaceFirst(html, new RegExp(`<input[^>]*data-slot="${slot}"[^>]*>`), (tag) =>
    replaceFirst(tag, /value="[^"]*"/, () => `value="${escapeHtml(value)}"`),
  );
}

/** Puts `text`, escaped, into the empty `<p … data-slot="name" hidden></p>` and shows it. */
export function fillTextSlot(html: string, slot: string, text: string): string {
  return replaceFirst(
    html,
    new RegExp(`<p([^>]*data-slot="${slot}"[^>]*?) hidden(?:="")?>\\s*</p>`),
    (_, attributes) => `<p${attributes}>${escapeHtml(text)}</p>`,
  );
}

/**
 * Puts trusted `markup` (rendered by the server, escaping its own text) in place of the
 * `<div … data-slot="name">…</div>`, whatever fallback text it held (no nested divs).
 */
export function fillMarkupSlot(html: string, slot: string, markup: string): string {
  return replaceFirst(html, new RegExp(`<div[^>]*data-slot="${slot}"[^>]*>[\\s\\S]*?</div>`), () => markup);
}

/** Inserts trusted `markup` right after the opening `<body>` tag. */
export function afterBodyOpen(html: string, markup: string): string {
  return replaceFirst(html, /<body[^>]*>/, (tag) => `${tag}${markup}`);
}
