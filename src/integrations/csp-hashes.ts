import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

/** The manifest every runtime's entry reads to build its Content-Security-Policy. */
export const cspManifestName = "csp-hashes.json";

const inlineScript = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const inlineStyle = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;
const sha256 = (text: string) => `sha256-${createHash("sha256").update(text).digest("base64")}`;

/**
 * The hashes of every inline script and style in one site's pages, gathered as each page is
 * rendered and written as the site's manifest at the end, so no runtime has to read every page at
 * start (the edge cannot): the policy allows an inline script or style only if its hash is listed.
 * Pages share most of their inline code, so each distinct text is hashed once.
 */
export class InlineHashes {
  readonly #scripts = new Map<string, string>();
  readonly #styles = new Map<string, string>();

  add(html: string): void {
    for (const m of html.matchAll(inlineScript)) this.#remember(this.#scripts, m[1]);
    for (const m of html.matchAll(inlineStyle)) this.#remember(this.#styles, m[1]);
  }

  #remember(hashes: Map<string, string>, text: string | undefined) {
    if (text && !hashes.has(text)) hashes.set(text, sha256(text));
  }

  manifest(): { scripts: string[]; styles: string[] } {
    const sorted = (hashes: Map<string, string>) => [...new Set(hashes.values())].sort();
    return { scripts: sorted(this.#scripts), styles: sorted(this.#styles) };
  }

  write(siteDir: string): void {
    writeFileSync(join(siteDir, cspManifestName), `${JSON.stringify(this.manifest())}\n`);
  }
}
