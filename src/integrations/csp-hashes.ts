import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

/** The manifest every runtime's entry reads to build its Content-Security-Policy. */
export const cspManifestName = "csp-hashes.json";

const sha256 = (bytes: Buffer) => `sha256-${createHash("sha256").update(bytes).digest("base64")}`;

const scriptOpen = Buffer.from("<script");
const styleOpen = Buffer.from("<style");
const tagEnd = ">".charCodeAt(0);
const closing = { script: Buffer.from("</script>"), style: Buffer.from("</style>") };
/** HTML's whitespace, as bytes. */
export const whitespaceBytes: ReadonlySet<number> = new Set([" ", "\t", "\n", "\r", "\f"].map((c) => c.charCodeAt(0)));
/** What may follow an element's name in a tag: `<script>` or `<script …`, while `<scripts>` or `<styled-x>` are other elements. */
export const afterElementName: ReadonlySet<number> = new Set([...whitespaceBytes, tagEnd, "/".charCodeAt(0)]);

/** A page's `<script>` or `<style>` element: its attributes, its text as bytes, and where it stands. */
export interface InlineElement {
  tag: "script" | "style";
  attributes: string;
  text: Buffer;
  start: number;
  end: number;
}

/**
 * Every `<script>` and `<style>` element of a page, with its attributes and its text as bytes.
 * Scanned on the page's bytes (Astro writes these tags in lower case), so no page is decoded.
 */
export function* inlineElements(html: Buffer): Generator<InlineElement> {
  let at = 0;
  for (;;) {
    const script = html.indexOf(scriptOpen, at);
    const style = html.indexOf(styleOpen, at);
    if (script < 0 && style < 0) return;
    const tag = style < 0 || (script >= 0 && script < style) ? "script" : "style";
    const start = tag === "script" ? script : style;
    const nameEnd = start + tag.length + 1;
    if (!afterElementName.has(html[nameEnd] ?? 0)) {
      at = nameEnd;
      continue;
    }
    const openEnd = html.indexOf(tagEnd, nameEnd);
    const close = html.indexOf(closing[tag], openEnd);
    if (openEnd < 0 || close < 0) return;
    at = close + closing[tag].length;
    yield {
      tag,
      attributes: html.toString("utf8", nameEnd, openEnd),
      text: html.subarray(openEnd + 1, close),
      start,
      end: at,
    };
  }
}

/**
 * The hashes of every inline script and style in one site's pages, gathered as each page is
 * written and saved as the site's manifest at the end, so no runtime has to read every page at
 * start (the edge cannot): the policy allows an inline script or style only if its hash is listed.
 */
export class InlineHashes {
  readonly #scripts = new Set<string>();
  readonly #styles = new Set<string>();
  /**
   * Texts already hashed, by length: most pages repeat the same stylesheet and scripts, and
   * comparing their bytes costs far less than hashing them again.
   */
  readonly #hashed = new Map<number, { text: Buffer; hash: string }[]>();

  #hashOf(text: Buffer): string {
    const sameLength = this.#hashed.get(text.length) ?? [];
    const known = sameLength.find((seen) => seen.text.equals(text));
    if (known) return known.hash;
    const hash = sha256(text);
    // A copy: the page's buffer is not kept alive by one of its parts.
    sameLength.push({ text: Buffer.from(text), hash });
    this.#hashed.set(text.length, sameLength);
    return hash;
  }

  /** Takes in a page's scripts and styles (`inlineElements`). */
  add(elements: Iterable<InlineElement>): void {
    for (const { tag, attributes, text } of elements) {
      if (text.length === 0) continue;
      if (tag === "style") this.#styles.add(this.#hashOf(text));
      else if (!/\bsrc=/i.test(attributes)) this.#scripts.add(this.#hashOf(text));
    }
  }

  manifest(): { scripts: string[]; styles: string[] } {
    return { scripts: [...this.#scripts].sort(), styles: [...this.#styles].sort() };
  }

  write(siteDir: string): void {
    writeFileSync(join(siteDir, cspManifestName), `${JSON.stringify(this.manifest())}\n`);
  }
}
