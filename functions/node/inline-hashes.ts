import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { InlineHashes } from "../app/security-headers.ts";

const inlineScript = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const inlineStyle = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;

const sha256 = (text: string) => `sha256-${createHash("sha256").update(text).digest("base64")}`;

/** Hashes of every inline script and style in the built pages, read once at start. */
export function readInlineHashes(siteDirs: readonly string[]): InlineHashes {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith(".html")) {
        const html = readFileSync(path, "utf8");
        for (const m of html.matchAll(inlineScript)) if (m[1]) scripts.add(sha256(m[1]));
        for (const m of html.matchAll(inlineStyle)) if (m[1]) styles.add(sha256(m[1]));
      }
    }
  };
  for (const dir of siteDirs) if (existsSync(dir)) visit(dir);
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}
