/**
 * A built page's markup read forward, as a browser would tokenize it: tags (their attribute values
 * may hold `<` and `>`: Astro escapes only `&` and quotes in them), text, and what no reader reads
 * (comments, a doctype, the insides of scripts and styles) left out. Text between tags may hold
 * quotes (compiled MDX writes them as themselves) but never a `<` that starts a tag.
 */

/** What reads a page's markup: told of each tag and each piece of text, in order, by where they stand. */
export interface MarkupReader {
  /** A start tag, `markup.slice(start, end)`; `selfClosing` for one without contents (`<br>`, `<x />`). */
  open(name: string, start: number, end: number, selfClosing: boolean): void;
  close(name: string): void;
  /** Text as written (see `decodeEntities`), `markup.slice(start, end)`. */
  text(start: number, end: number): void;
}

const tagPattern = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>/y;
/** Elements without contents or a closing tag. */
const voidElements: ReadonlySet<string> = new Set(
  "area base br col embed hr img input link meta param source track wbr".split(" "),
);
/** Elements whose insides are code, not text or tags. */
const rawTextElements: ReadonlySet<string> = new Set(["script", "style"]);

/** Where what begins at `at` ends: past `close`, or at the end of the markup if it never comes. */
const pastNext = (markup: string, close: string, at: number) => {
  const found = markup.indexOf(close, at);
  return found < 0 ? markup.length : found + close.length;
};

/** Reads every tag and piece of text of `markup` to `reader`, in order. */
export function readMarkup(markup: string, reader: MarkupReader): void {
  let at = 0;
  while (at < markup.length) {
    const lt = markup.indexOf("<", at);
    const textEnd = lt < 0 ? markup.length : lt;
    if (textEnd > at) reader.text(at, textEnd);
    if (lt < 0) return;
    if (markup.startsWith("<!--", lt)) {
      at = pastNext(markup, "-->", lt + 4);
      continue;
    }
    if (markup.startsWith("<!", lt) || markup.startsWith("<?", lt)) {
      at = pastNext(markup, ">", lt);
      continue;
    }
    tagPattern.lastIndex = lt;
    const match = tagPattern.exec(markup);
    if (!match) {
      // A `<` that starts no tag is text, as a browser reads it.
      reader.text(lt, lt + 1);
      at = lt + 1;
      continue;
    }
    const [whole, slash, tagName = ""] = match;
    const name = tagName.toLowerCase();
    at = lt + whole.length;
    if (slash) {
      reader.close(name);
      continue;
    }
    const selfClosing = voidElements.has(name) || markup[at - 2] === "/";
    reader.open(name, lt, at, selfClosing);
    if (rawTextElements.has(name) && !selfClosing) {
      // Its closing tag comes next, as a tag of its own.
      const close = markup.indexOf(`</${name}`, at);
      at = close < 0 ? markup.length : close;
    }
  }
}

const attributePattern = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** A tag's attributes by name (lower case), their values as written; "" for one without a value. */
export function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name = "", double, single, bare] of tag.matchAll(attributePattern)) {
    if (!attributes.has(name.toLowerCase())) attributes.set(name.toLowerCase(), double ?? single ?? bare ?? "");
  }
  return attributes;
}

const namedReferences: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/**
 * Text as a reader sees it. Astro escapes `&`, `<`, `>` and quotes and writes every other
 * character as itself, so only those names are known: any other (a template that writes
 * `&mdash;`) throws, where it would otherwise be searched as the word "mdash".
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z][a-z\d]*);/gi, (whole, name: string) => {
    if (name[0] !== "#") {
      const named = namedReferences[name];
      if (named === undefined)
        throw new Error(`${whole} is a character reference search does not know: write the character itself`);
      return named;
    }
    const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Elements that run inside a line of text: between any others a word ends. */
const phrasing: ReadonlySet<string> = new Set(
  "a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small span strong sub sup time u var wbr".split(" "),
);
/** A block's text (a heading's, a paragraph's) ends a sentence, as in Pagefind's, unless it ends one already. */
const endsSentence = /[.!?:;…؟。！？]$/u;

/**
 * Text gathered as a reader reads it: a word ends at every tag but a phrasing element's, each
 * block's words end a sentence, whitespace collapses.
 */
export class ReadableText {
  #text = "";
  /** A block ended since the last words: the next ones begin a sentence of their own. */
  #blockEnded = false;

  add(text: string): void {
    if (this.#blockEnded && /\S/.test(text)) {
      const before = this.#text.trimEnd();
      if (before && !endsSentence.test(before)) this.#text = `${before}. `;
      this.#blockEnded = false;
    }
    this.#text += text;
  }

  /** A tag of element `name` stands here. */
  tag(name: string, closing: boolean): void {
    if (phrasing.has(name)) return;
    this.#text += " ";
    if (closing) this.#blockEnded = true;
  }

  toString(): string {
    return this.#text.replace(/\s+/g, " ").trim();
  }
}
