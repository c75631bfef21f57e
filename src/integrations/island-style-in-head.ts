import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

/** Astro writes this rule before a page's first island, inside <body>, where HTML does not allow it. */
const islandStyle = /<style>astro-island,[^<]*<\/style>/;

/** Moves the island display rule into <head>, so every built page is valid HTML. */
export function moveIslandStyleToHead(html: string): string {
  const found = islandStyle.exec(html);
  if (!found || found.index < html.indexOf("</head>")) return html;
  const withoutStyle = html.slice(0, found.index) + html.slice(found.index + found[0].length);
  const headEnd = withoutStyle.indexOf("</head>");
  return withoutStyle.slice(0, headEnd) + found[0] + withoutStyle.slice(headEnd);
}

function htmlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Runs before the CSP hashes are taken (the moved style keeps its hash: its text is unchanged). */
export function islandStyleInHead(): AstroIntegration {
  return {
    name: "help-center:island-style-in-head",
    hooks: {
      "astro:build:done": ({ dir }) => {
        for (const file of htmlFilesUnder(fileURLToPath(dir))) {
          const html = readFileSync(file, "utf8");
          const moved = moveIslandStyleToHead(html);
          if (moved !== html) writeFileSync(file, moved);
        }
      },
    },
  };
}
