import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

/** The manifest every runtime's entry reads to build its Content-Security-Policy. */
export const cspManifestName = "csp-hashes.json";

const inlineScript = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const inlineStyle = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;
const sha256 = (text: string) => `sha256-${createHash("sha256").update(text).digest("base64")}`;

/** Hashes of every inline script and style in a finished build's pages. */
export function inlineHashesOf(siteDir: string): { scripts: string[]; styles: string[] } {
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
  visit(siteDir);
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}

/**
 * Writes the build's CSP hashes at build time, so no runtime has to read every page at start
 * (the edge cannot): the policy allows an inline script or style only if its hash is listed.
 */
export function cspHashes(): AstroIntegration {
  return {
    name: "help-center:csp-hashes",
    hooks: {
      "astro:build:done": ({ dir }) => {
        const siteDir = fileURLToPath(dir);
        writeFileSync(join(siteDir, cspManifestName), `${JSON.stringify(inlineHashesOf(siteDir))}\n`);
      },
    },
  };
}
